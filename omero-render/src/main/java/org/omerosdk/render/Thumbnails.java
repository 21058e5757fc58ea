package org.omerosdk.render;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.config.OmeroConfig;

/**
 * Thumbnails: the default plane rendered with the image's settings and scaled (area average) so that its longest
 * side is {@code omero.client.browser.thumb_default_size} (96) unless another size is asked, aspect kept. Cached by
 * image, size and the settings' value, so new settings give new thumbnails; {@link #invalidate} drops an image's.
 *
 * <p>The plane is read from the smallest resolution level that is still at least as large as the thumbnail
 * (OMERO stops at the first level that is not larger, and may scale up from there). When that level is more than
 * four times the thumbnail's size, every k-th pixel is rendered (k = the size ratio / 2), so each thumbnail pixel
 * still averages at least 2 x 2 samples; OMERO renders the whole level and scales it with Lanczos3.
 */
public final class Thumbnails {
    private final Renderer renderer;
    private final int defaultSize;
    private final Cache<Key, RenderedImage> cache;

    /** Keyed on the settings' whole value: any change of any setting is another thumbnail, never a stale one. */
    private record Key(long imageId, int longestSide, RenderingSettings settings) {
    }

    /** One thumbnail to make in a batch. */
    public record Request(long imageId, PixelSource source, RenderingSettings settings) {
    }

    private Thumbnails(Renderer renderer, int defaultSize, long maxEntries) {
        this.renderer = renderer;
        this.defaultSize = defaultSize;
        this.cache = Caffeine.newBuilder().maximumSize(maxEntries).build();
    }

    /** Thumbnails with the configured default size and a cache of up to 10,000 thumbnails. */
    public static Thumbnails create(Renderer renderer, OmeroConfig config) {
        return new Thumbnails(renderer, config.getInt(ConfigKeys.CLIENT_THUMB_DEFAULT_SIZE), 10_000);
    }

    /** The thumbnail of the default size. */
    public RenderedImage thumbnail(long imageId, PixelSource source, RenderingSettings settings) {
        return thumbnail(imageId, source, settings, defaultSize);
    }

    /** The thumbnail whose longest side is {@code longestSide}. */
    public RenderedImage thumbnail(long imageId, PixelSource source, RenderingSettings settings, int longestSide) {
        checkSize(longestSide);
        return cache.get(new Key(imageId, longestSide, settings), k -> make(source, settings, longestSide));
    }

    /**
     * The thumbnail whose longest side is {@code longestSide}, opening {@code source} only when it is not cached
     * (and closing it before returning).
     */
    public RenderedImage thumbnail(long imageId, java.util.function.Supplier<? extends PixelSource> source,
                                   RenderingSettings settings, int longestSide) {
        checkSize(longestSide);
        return cache.get(new Key(imageId, longestSide, settings), k -> {
            try (PixelSource s = source.get()) {
                return make(s, settings, longestSide);
            }
        });
    }

    private static void checkSize(int longestSide) {
        if (longestSide < 1 || longestSide > 4096) {
            throw new ValidationException("thumbnail size " + longestSide + " is outside 1..4096");
        }
    }

    /** The default longest side ({@code omero.client.browser.thumb_default_size}). */
    public int defaultSize() {
        return defaultSize;
    }

    /** Thumbnails of the default size for several images, made in parallel, in the order asked. */
    public List<RenderedImage> thumbnails(List<Request> requests) {
        return requests.parallelStream().map(r -> thumbnail(r.imageId(), r.source(), r.settings())).toList();
    }

    /** Forgets every cached thumbnail of {@code imageId} (for example after its pixels changed). */
    public void invalidate(long imageId) {
        cache.asMap().keySet().removeIf(k -> k.imageId() == imageId);
    }

    /** Number of cached thumbnails. */
    public long cachedCount() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    /** Thumbnail width and height for a {@code w x h} image: longest side {@code size}, at least 1 pixel each. */
    static int[] size(int w, int h, int size) {
        if (w > h) {
            return new int[] {size, Math.max(1, (int) (h * (float) size / w))};
        }
        return new int[] {Math.max(1, (int) (w * (float) size / h)), size};
    }

    private RenderedImage make(PixelSource source, RenderingSettings settings, int longest) {
        int[] target = size(source.sizeX(0), source.sizeY(0), longest);
        int level = 0;
        for (int l = source.levelCount() - 1; l >= 0; l--) {
            if (source.sizeX(l) >= target[0] && source.sizeY(l) >= target[1]) {
                level = l;
                break;
            }
        }
        int z = Math.min(settings.defaultZ(), source.sizeZ() - 1);
        int t = Math.min(settings.defaultT(), source.sizeT() - 1);
        int w = source.sizeX(level);
        int h = source.sizeY(level);
        // far larger than the thumbnail: render every stride-th pixel; each output pixel still averages
        // at least 2x2 samples of its area
        int stride = Math.max(1, Math.min(w / target[0], h / target[1]) / 2);
        if (stride == 1) {
            return scale(renderer.render(source, settings, Region.plane(source, level, z, t)), target[0], target[1]);
        }
        int sw = (w + stride - 1) / stride;
        int sh = (h + stride - 1) / stride;
        Object[] planes = new Object[source.sizeC()];
        for (int c : settings.activeChannels()) {
            planes[c] = subsample(source, level, z, c, t, stride, sw, sh);
        }
        int[] argb = new int[sw * sh];
        renderer.renderPlanes(source.pixelType(), planes, sw * sh, settings, argb);
        return scale(new RenderedImage(sw, sh, argb), target[0], target[1]);
    }

    /** Bytes one band of rows may take when a source decodes whole strips or tiles (see subsample). */
    private static final long BAND_BYTES = 64L << 20;

    /**
     * Every {@code stride}-th pixel of every {@code stride}-th row of one channel. A source whose region reads are
     * cheap is read only at those rows (a thumbnail of a large plane touches a fraction of its bytes); one that
     * decodes whole strips or tiles is read in bands of its tile height, so each strip is decoded once rather than
     * once per sampled row (a single-strip plane would otherwise be decoded {@code height / stride} times).
     */
    private static Object subsample(PixelSource source, int level, int z, int c, int t, int stride, int sw,
                                    int sh) {
        int w = source.sizeX(level);
        int h = source.sizeY(level);
        int bpp = source.pixelType().bytesPerPixel();
        int band = 1;
        if (!source.cheapRegionReads()) {
            long fit = Math.max(1, BAND_BYTES / ((long) w * bpp));
            band = (int) Math.min(h, Math.max(1, Math.min(fit, source.tileHeight(level))));
        }
        ByteBuffer rows = ByteBuffer.allocate(w * bpp * band).order(ByteOrder.LITTLE_ENDIAN);
        byte[] rowBytes = rows.array();
        byte[] sampled = new byte[sw * sh * bpp];
        int loaded = -1;   // first row held in rows, -1 when none
        int loadedRows = 0;
        for (int y = 0; y < sh; y++) {
            int sy = y * stride;
            if (loaded < 0 || sy < loaded || sy >= loaded + loadedRows) {
                loaded = band == 1 ? sy : sy / band * band;
                loadedRows = Math.min(band, h - loaded);
                rows.clear();
                source.readRegion(level, z, c, t, 0, loaded, w, loadedRows, rows);
            }
            int base = (sy - loaded) * w * bpp;
            int dst = y * sw * bpp;
            if (bpp == 2) {
                for (int x = 0, src = base; x < sw; x++, src += 2 * stride, dst += 2) {
                    sampled[dst] = rowBytes[src];
                    sampled[dst + 1] = rowBytes[src + 1];
                }
            } else {
                for (int x = 0; x < sw; x++, dst += bpp) {
                    System.arraycopy(rowBytes, base + x * stride * bpp, sampled, dst, bpp);
                }
            }
        }
        return Renderer.primitive(ByteBuffer.wrap(sampled).order(ByteOrder.LITTLE_ENDIAN), source.pixelType(),
                sw * sh);
    }

    /** Area-average scaling of packed ARGB (downscaling); nearest neighbour when scaling up. */
    static RenderedImage scale(RenderedImage src, int tw, int th) {
        int sw = src.width();
        int sh = src.height();
        int[] in = src.argb();
        int[] out = new int[tw * th];
        for (int y = 0; y < th; y++) {
            int y0 = (int) ((long) y * sh / th);
            int y1 = Math.max(y0 + 1, (int) ((long) (y + 1) * sh / th));
            for (int x = 0; x < tw; x++) {
                int x0 = (int) ((long) x * sw / tw);
                int x1 = Math.max(x0 + 1, (int) ((long) (x + 1) * sw / tw));
                long r = 0;
                long g = 0;
                long b = 0;
                long a = 0;
                for (int yy = y0; yy < y1; yy++) {
                    int row = yy * sw;
                    for (int xx = x0; xx < x1; xx++) {
                        int p = in[row + xx];
                        a += p >>> 24;
                        r += p >>> 16 & 0xFF;
                        g += p >>> 8 & 0xFF;
                        b += p & 0xFF;
                    }
                }
                long n = (long) (y1 - y0) * (x1 - x0);
                out[y * tw + x] = (int) ((a + n / 2) / n) << 24 | (int) ((r + n / 2) / n) << 16
                        | (int) ((g + n / 2) / n) << 8 | (int) ((b + n / 2) / n);
            }
        }
        return new RenderedImage(tw, th, out);
    }
}
