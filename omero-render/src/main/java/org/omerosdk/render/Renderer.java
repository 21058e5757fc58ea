package org.omerosdk.render;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.stream.IntStream;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.ValidationException;

/**
 * Renders regions of a {@link PixelSource} with {@link RenderingSettings} into packed ARGB pixels, with OMERO's
 * quantization and colour arithmetic, value for value (see {@link Quantizer} for the one defect fixed).
 *
 * <pre>{@code
 * Renderer renderer = Renderer.create();
 * RenderedImage img = renderer.render(source, settings, Region.plane(source, 0, z, t));
 * byte[] png = ImageEncoder.png(img);
 * }</pre>
 *
 * <p>Settings are compiled once into tables per pixel type (cached, keyed by the settings' value), so rendering is
 * table look-ups and integer adds on primitive arrays. Large regions are split into bands rendered in parallel on
 * the common fork-join pool; every split gives identical pixels. Thread-safe.
 */
public final class Renderer {
    /** Regions with fewer pixels are rendered on the calling thread. */
    static final int PARALLEL_THRESHOLD = 1 << 18;
    /** Pixels per band: small enough to stay in cache with its tables. */
    static final int BAND = 1 << 14;

    private final Cache<Object, CompiledSettings> compiled = Caffeine.newBuilder().maximumSize(64).build();
    private final boolean parallel;
    private final SizeLimit limit;

    private Renderer(boolean parallel, SizeLimit limit) {
        this.parallel = parallel;
        this.limit = limit;
    }

    /** A renderer that splits large regions across the common pool, within {@link SizeLimit#DEFAULT}. */
    public static Renderer create() {
        return create(SizeLimit.DEFAULT);
    }

    /** A renderer that splits large regions across the common pool and refuses regions above {@code limit}. */
    public static Renderer create(SizeLimit limit) {
        return new Renderer(true, java.util.Objects.requireNonNull(limit, "limit"));
    }

    /** A renderer that always renders on the calling thread. */
    public static Renderer singleThreaded() {
        return new Renderer(false, SizeLimit.DEFAULT);
    }

    /** The limit this renderer checks regions against. */
    public SizeLimit limit() {
        return limit;
    }

    private record Key(PixelType type, RenderingSettings settings) {
    }

    private CompiledSettings compile(PixelType type, RenderingSettings settings) {
        return compiled.get(new Key(type, settings), k -> new CompiledSettings(type, settings));
    }

    /**
     * Renders {@code region} of {@code source}.
     *
     * @throws ValidationException when the region lies outside the source, needs more memory than the
     *                             {@linkplain #limit() limit}, or the settings have another number of channels than
     *                             the source
     */
    public RenderedImage render(PixelSource source, RenderingSettings settings, Region region) {
        if (settings.channels().size() != source.sizeC()) {
            throw new ValidationException("rendering settings have " + settings.channels().size()
                    + " channels; the image has " + source.sizeC());
        }
        // every size is checked against the source and the limit before the first buffer exists
        PixelSources.checkRegion(source, region.level(), region.z(), 0, region.t(), region.x(), region.y(),
                region.width(), region.height());
        CompiledSettings cs = compile(source.pixelType(), settings);
        int n = region.pixelCount();
        Object[] planes = new Object[settings.channels().size()];
        int channels = cs.greyscale ? Math.min(1, cs.active.length) : cs.active.length;
        int bpp = source.pixelType().bytesPerPixel();
        // per channel read: its bytes and their primitive copy (8-bit types share one array); then the ARGB output
        String what = "rendering region " + region.width() + "x" + region.height() + " of " + channels + " "
                + source.pixelType() + " channel(s)";
        limit.bytes(what, n, Math.max(4, bpp));
        limit.total(what, n, (long) channels * (bpp == 1 ? 1 : 2L * bpp) + 4);
        for (int i = 0; i < channels; i++) {
            planes[cs.active[i]] = read(source, region, cs.active[i], n);
        }
        int[] out = new int[n];
        renderCompiled(cs, planes, n, out);
        return new RenderedImage(region.width(), region.height(), out);
    }

    /**
     * Renders planes already in memory: {@code planes[c]} is channel c's pixels ({@code byte[]} for 8-bit and bit,
     * {@code short[]} for 16-bit, {@code int[]} for 32-bit, {@code float[]}, {@code double[]}; raw bit patterns for
     * unsigned types), null for channels that are not drawn. Writes {@code pixels} ARGB values into {@code out}.
     */
    public void renderPlanes(PixelType type, Object[] planes, int pixels, RenderingSettings settings, int[] out) {
        renderCompiled(compile(type, settings), planes, pixels, out);
    }

    private void renderCompiled(CompiledSettings cs, Object[] planes, int n, int[] out) {
        if (cs.active.length == 0) {
            java.util.Arrays.fill(out, 0, n, 0xFF000000);
            return;
        }
        if (parallel && n >= PARALLEL_THRESHOLD) {
            int bands = (n + BAND - 1) / BAND;
            IntStream.range(0, bands).parallel().forEach(b ->
                    band(cs, planes, out, b * BAND, Math.min(n, (b + 1) * BAND)));
        } else {
            for (int from = 0; from < n; from += BAND) {
                band(cs, planes, out, from, Math.min(n, from + BAND));
            }
        }
    }

    private static void band(CompiledSettings cs, Object[] planes, int[] out, int from, int to) {
        PixelType type = cs.type;
        int bias = Kernels.bias(type);
        if (cs.greyscale) {
            int c = cs.active[0];
            Object p = planes[c];
            if (p instanceof short[] s && bias == 0) {
                Kernels.lut16Unsigned(s, cs.tables[0], out, from, to);
            } else if (p instanceof short[] s) {
                Kernels.lut16(s, cs.tables[0], bias, out, from, to);
            } else if (p instanceof byte[] b) {
                Kernels.lut8(b, cs.tables[0], bias, out, from, to);
            } else {
                for (int i = from; i < to; i++) {
                    out[i] = cs.tables[0][cs.quantizers[0].quantizeBinned(value(p, i, type))];
                }
            }
            return;
        }
        int channels = cs.active.length;
        if (channels == 3 && planes[cs.active[0]] instanceof short[] a && planes[cs.active[1]] instanceof short[] b
                && planes[cs.active[2]] instanceof short[] c) {
            if (cs.direct && bias == 0) {
                Kernels.three16Direct(a, b, c, cs.tables[0], cs.tables[1], cs.tables[2], out, from, to);
            } else if (cs.direct) {
                Kernels.three16Direct(a, b, c, cs.tables[0], cs.tables[1], cs.tables[2], bias, out, from, to);
            } else {
                Kernels.three16(a, b, c, cs.tables[0], cs.tables[1], cs.tables[2], bias, out, from, to);
            }
            return;
        }
        int[] wide = channels > 4 && !cs.direct ? new int[to - from] : null;
        java.util.Arrays.fill(out, from, to, 0);
        for (int k = 0; k < channels; k++) {
            Object p = planes[cs.active[k]];
            int[] table = cs.tables[k];
            if (p instanceof short[] s) {
                Kernels.add16(s, table, bias, out, from, to);
            } else if (p instanceof byte[] bytes) {
                Kernels.add8(bytes, table, bias, out, from, to);
            } else {
                Quantizer q = cs.quantizers[k];
                for (int i = from; i < to; i++) {
                    out[i] += table[q.quantizeBinned(value(p, i, type))];
                }
            }
            // four 10-bit contributions fill a field; fold them into the wide sums before a fifth arrives
            if (wide != null && (k % 4 == 3 || k == channels - 1)) {
                flushBand(out, wide, from, to);
            }
        }
        if (cs.direct) {
            return;
        }
        if (wide != null) {
            for (int i = from; i < to; i++) {
                out[i] = wide[i - from];
            }
        }
        Kernels.packAll(out, from, to);
    }

    private static void flushBand(int[] acc, int[] wide, int from, int to) {
        for (int i = from; i < to; i++) {
            int sum = acc[i];
            int w = wide[i - from];
            int r = Math.min((w >>> 20 & 0x3FF) + (sum >>> 20 & 0x3FF), 1023);
            int g = Math.min((w >>> 10 & 0x3FF) + (sum >>> 10 & 0x3FF), 1023);
            int b = Math.min((w & 0x3FF) + (sum & 0x3FF), 1023);
            wide[i - from] = r << 20 | g << 10 | b;
            acc[i] = 0;
        }
    }

    /** One pixel of a 32-bit or floating plane as a double (unsigned 32-bit values as unsigned). */
    private static double value(Object plane, int i, PixelType type) {
        if (plane instanceof float[] f) {
            return f[i];
        }
        if (plane instanceof double[] d) {
            return d[i];
        }
        int v = ((int[]) plane)[i];
        return type == PixelType.UINT32 ? Integer.toUnsignedLong(v) : v;
    }

    /** Reads one channel of the region into the primitive array its type renders from. */
    static Object read(PixelSource source, Region r, int c, int n) {
        PixelType type = source.pixelType();
        ByteBuffer buf = ByteBuffer.allocate(Math.multiplyExact(n, type.bytesPerPixel()))
                .order(ByteOrder.LITTLE_ENDIAN);
        source.readRegion(r.level(), r.z(), c, r.t(), r.x(), r.y(), r.width(), r.height(), buf);
        buf.flip();
        return primitive(buf, type, n);
    }

    /** The {@code n} little-endian pixels of {@code buf} as the primitive array their type renders from. */
    static Object primitive(ByteBuffer buf, PixelType type, int n) {
        switch (type) {
            case INT8:
            case UINT8:
            case BIT:
                return buf.array();
            case INT16:
            case UINT16: {
                short[] s = new short[n];
                buf.asShortBuffer().get(s);
                return s;
            }
            case INT32:
            case UINT32: {
                int[] v = new int[n];
                buf.asIntBuffer().get(v);
                return v;
            }
            case FLOAT: {
                float[] f = new float[n];
                buf.asFloatBuffer().get(f);
                return f;
            }
            default: {
                double[] d = new double[n];
                buf.asDoubleBuffer().get(d);
                return d;
            }
        }
    }
}
