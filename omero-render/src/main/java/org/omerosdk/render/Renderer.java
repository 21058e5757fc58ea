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
     * Renders {@code region} of {@code source} into a new array.
     *
     * @throws ValidationException when the region lies outside the source, needs more memory than the
     *                             {@linkplain #limit() limit}, or the settings have another number of channels than
     *                             the source
     */
    public RenderedImage render(PixelSource source, RenderingSettings settings, Region region) {
        check(source, settings, region);
        limit.bytes("rendering region " + region.width() + "x" + region.height(), region.pixelCount(), 4);
        return render(source, settings, region, new int[region.pixelCount()]);
    }

    /**
     * Renders {@code region} of {@code source} into {@code out} (at least {@code region.pixelCount()} ints, row-major
     * from index 0) and returns it wrapped. The region is read in bands into arrays this renderer keeps per thread
     * and reuses: a sequence of renders of the same size allocates nothing but the returned wrapper. Sources with
     * {@linkplain PixelSource#cheapRegionReads() cheap reads} are read a few rows at a time, so each band is drawn
     * while it is still in cache; others along their tile rows, or whole when they are not tiled.
     *
     * @throws ValidationException as {@link #render(PixelSource, RenderingSettings, Region)}, and when {@code out}
     *                             is too small
     */
    public RenderedImage render(PixelSource source, RenderingSettings settings, Region region, int[] out) {
        check(source, settings, region);
        int n = region.pixelCount();
        if (out.length < n) {
            throw new ValidationException("output of " + out.length + " pixels is too small for region "
                    + region.width() + "x" + region.height());
        }
        CompiledSettings cs = compile(source.pixelType(), settings);
        if (cs.active.length == 0) {
            java.util.Arrays.fill(out, 0, n, 0xFF000000);
            return new RenderedImage(region.width(), region.height(), out);
        }
        int w = region.width();
        int rows = bandRows(source, region);
        int bpp = source.pixelType().bytesPerPixel();
        int channels = cs.greyscale ? 1 : cs.active.length;
        // per channel one band of bytes, reused by this thread; checked before the first exists
        limit.total("rendering a band of " + w + "x" + rows + " of " + channels + " " + source.pixelType()
                + " channel(s)", (long) w * rows, (long) channels * bpp);
        int bands = (region.height() + rows - 1) / rows;
        if (parallel && bands > 1 && n >= PARALLEL_THRESHOLD) {
            IntStream.range(0, bands).parallel().forEach(b -> readAndDraw(source, cs, region, b * rows, rows, out));
        } else {
            for (int b = 0; b < bands; b++) {
                readAndDraw(source, cs, region, b * rows, rows, out);
            }
        }
        return new RenderedImage(region.width(), region.height(), out);
    }

    private static void check(PixelSource source, RenderingSettings settings, Region region) {
        if (settings.channels().size() != source.sizeC()) {
            throw new ValidationException("rendering settings have " + settings.channels().size()
                    + " channels; the image has " + source.sizeC());
        }
        // every size is checked against the source (and the limit) before the first buffer exists
        PixelSources.checkRegion(source, region.level(), region.z(), 0, region.t(), region.x(), region.y(),
                region.width(), region.height());
    }

    /**
     * Rows per band: about {@link #BAND} pixels for sources with cheap reads; whole tile rows otherwise (so that no
     * tile is decoded twice), at least {@link #BAND} pixels; the whole region for untiled sources.
     */
    static int bandRows(PixelSource source, Region region) {
        int w = region.width();
        int h = region.height();
        int want = Math.max(1, BAND / w);
        if (source.cheapRegionReads()) {
            return Math.min(h, want);
        }
        int th = source.tileHeight(region.level());
        if (th <= 0 || th >= source.sizeY(region.level()) || region.y() % th != 0) {
            return h;
        }
        return Math.min(h, (int) Math.min(Integer.MAX_VALUE, ((long) want + th - 1) / th * th));
    }

    /**
     * Band arrays of one thread, kept while small: per drawn channel the little-endian bytes a source fills (with
     * their buffer and a typed view for the bulk copy into the primitive array the kernels draw from), and the
     * band's ARGB output. The kernels draw a band at the same indices they read (0..len): with a separate output
     * offset C2 compiled them a quarter slower, more than the copy of the band into the output costs.
     */
    private static final class Scratch {
        /** Larger bands are read into arrays that are not kept (a whole large untiled region). */
        static final int KEEP_BYTES = 4 << 20;
        ByteBuffer[] buffers = new ByteBuffer[0];
        java.nio.Buffer[] views = new java.nio.Buffer[0];
        Object[] primitives = new Object[0];
        /** The band being drawn, indexed by channel as the kernels expect. */
        Object[] planes = new Object[0];
        int[] argb = new int[0];

        void ensure(int sizeC) {
            if (planes.length != sizeC) {
                buffers = java.util.Arrays.copyOf(buffers, sizeC);
                views = java.util.Arrays.copyOf(views, sizeC);
                primitives = java.util.Arrays.copyOf(primitives, sizeC);
                planes = new Object[sizeC];
            }
        }

        /** Channel c's buffer, cleared, for {@code n} pixels of {@code type}. */
        ByteBuffer buffer(int c, PixelType type, int n) {
            int size = n * type.bytesPerPixel();
            if (size > KEEP_BYTES) {
                return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
            }
            if (buffers[c] == null || buffers[c].capacity() < size) {
                int keep = Math.max(size, BAND * type.bytesPerPixel());
                buffers[c] = ByteBuffer.allocate(keep).order(ByteOrder.LITTLE_ENDIAN);
                views[c] = view(buffers[c], type);
                primitives[c] = views[c] == null ? buffers[c].array() : primitive(keep / type.bytesPerPixel(), type);
            }
            ByteBuffer b = buffers[c];
            b.clear();
            return b;
        }

        /** The {@code n} pixels just read into channel c's buffer {@code b}, as the array the kernels draw from. */
        Object plane(int c, ByteBuffer b, PixelType type, int n) {
            if (b != buffers[c]) {
                b.flip();
                return Renderer.primitive(b, type, n);
            }
            java.nio.Buffer v = views[c];
            if (v == null) {
                return b.array();
            }
            v.clear();
            Object p = primitives[c];
            if (v instanceof java.nio.ShortBuffer s) {
                s.get((short[]) p, 0, n);
            } else if (v instanceof java.nio.IntBuffer i) {
                i.get((int[]) p, 0, n);
            } else if (v instanceof java.nio.FloatBuffer f) {
                f.get((float[]) p, 0, n);
            } else {
                ((java.nio.DoubleBuffer) v).get((double[]) p, 0, n);
            }
            return p;
        }

        int[] argb(int n) {
            if (argb.length < n) {
                argb = new int[Math.max(n, BAND)];
            }
            return argb;
        }

        private static java.nio.Buffer view(ByteBuffer b, PixelType type) {
            switch (type.bytesPerPixel()) {
                case 1:
                    return null;
                case 2:
                    return b.asShortBuffer();
                case 4:
                    return type == PixelType.FLOAT ? b.asFloatBuffer() : b.asIntBuffer();
                default:
                    return b.asDoubleBuffer();
            }
        }

        private static Object primitive(int n, PixelType type) {
            switch (type.bytesPerPixel()) {
                case 2:
                    return new short[n];
                case 4:
                    return type == PixelType.FLOAT ? new float[n] : new int[n];
                default:
                    return new double[n];
            }
        }
    }

    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    /** Reads rows [row0, row0 + rows) of the region, every drawn channel, and draws them into {@code out}. */
    private void readAndDraw(PixelSource source, CompiledSettings cs, Region r, int row0, int rows, int[] out) {
        int h = Math.min(rows, r.height() - row0);
        int len = r.width() * h;
        PixelType type = source.pixelType();
        Scratch sc = scratch.get();
        sc.ensure(source.sizeC());
        Object[] planes = sc.planes;
        int drawn = cs.greyscale ? 1 : cs.active.length;
        for (int k = 0; k < drawn; k++) {
            int c = cs.active[k];
            ByteBuffer b = sc.buffer(c, type, len);
            source.readRegion(r.level(), r.z(), c, r.t(), r.x(), r.y() + row0, r.width(), h, b);
            planes[c] = sc.plane(c, b, type, len);
        }
        if (len == r.pixelCount()) {
            band(cs, planes, out, 0, len);
            return;
        }
        int[] argb = sc.argb(len);
        band(cs, planes, argb, 0, len);
        System.arraycopy(argb, 0, out, row0 * r.width(), len);
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
