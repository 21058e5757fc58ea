package org.omerosdk.render.codec.zarr;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.omerosdk.model.FormatException;
import org.omerosdk.model.PixelType;

/**
 * Box reads from one Zarr array (v2 or v3, any rank) in a {@link ChunkStore}: only the chunks a box touches are
 * read and decoded; chunks that reach past the array's edge are cropped; a chunk that is not stored reads as the
 * fill value, as Zarr says. Decoded chunks are kept in a {@link ChunkCache} shared by the arrays of one image, so
 * plane-by-plane reads of chunks that span several planes decode each chunk once. Thread-safe.
 */
public final class ZarrArrayReader {
    private static final byte[] MISSING = new byte[0];

    private final ChunkStore store;
    private final String prefix;
    private final ZarrArrayMetadata meta;
    private final ChunkCache cache;

    /**
     * @param prefix the array's key in the store ({@code "image.zarr/0"}; {@code ""} for an array at the root)
     * @param cache  decoded chunks; one cache per store, since its keys are the store's keys
     */
    public ZarrArrayReader(ChunkStore store, String prefix, ZarrArrayMetadata meta, ChunkCache cache) {
        this.store = store;
        this.prefix = prefix;
        this.meta = meta;
        this.cache = cache;
    }

    public ZarrArrayMetadata metadata() {
        return meta;
    }

    /** The array's key in its store. */
    public String prefix() {
        return prefix;
    }

    /**
     * Reads the box {@code [start, start + size)} (one entry per dimension) into {@code dst}, C order,
     * {@link PixelType#bytesPerPixel()} bytes per element in dst's byte order, from dst's position, which advances
     * past the box. The caller checks that the box lies inside the array.
     *
     * @throws FormatException when a chunk cannot be read as the metadata describes
     */
    public void read(int[] start, int[] size, ByteBuffer dst) {
        int rank = meta.rank();
        int bpp = meta.type().bytesPerPixel();
        long total = bpp;
        for (int d = 0; d < rank; d++) {
            total *= size[d];
        }
        int base = dst.position();
        if (total > dst.remaining()) {
            throw new org.omerosdk.model.ValidationException("the buffer has " + dst.remaining()
                    + " bytes left; the region needs " + total);
        }
        ByteBuffer out = dst.duplicate().order(dst.order());
        boolean swap = bpp > 1 && meta.order() != dst.order();
        byte[] fill = fillBytes(meta.type(), meta.fillValue(), dst.order());
        int[] lo = new int[rank];
        int[] hi = new int[rank];
        for (int d = 0; d < rank; d++) {
            lo[d] = start[d] / meta.chunk(d);
            hi[d] = (start[d] + size[d] - 1) / meta.chunk(d);
        }
        // box strides in elements, C order
        long[] boxStride = new long[rank];
        long[] chunkStride = new long[rank];
        long bs = 1;
        long cs = 1;
        for (int d = rank - 1; d >= 0; d--) {
            boxStride[d] = bs;
            chunkStride[d] = cs;
            bs *= size[d];
            cs *= meta.chunk(d);
        }
        int[] index = lo.clone();
        int[] a = new int[rank];
        int[] b = new int[rank];
        int[] pos = new int[rank];
        while (true) {
            byte[] chunk = chunk(index);
            for (int d = 0; d < rank; d++) {
                int c0 = index[d] * meta.chunk(d);
                a[d] = Math.max(start[d], c0);
                b[d] = Math.min(start[d] + size[d], c0 + meta.chunk(d));
            }
            int last = rank - 1;
            int run = b[last] - a[last];
            System.arraycopy(a, 0, pos, 0, rank);
            // every row of the intersection: an odometer over all dimensions but the last
            while (true) {
                long src = 0;
                long dstEl = 0;
                for (int d = 0; d < rank; d++) {
                    src += (long) (pos[d] - index[d] * meta.chunk(d)) * chunkStride[d];
                    dstEl += (long) (pos[d] - start[d]) * boxStride[d];
                }
                int dstPos = (int) (base + dstEl * bpp);
                if (chunk == MISSING) {
                    for (int i = 0; i < run; i++) {
                        out.put(dstPos + i * bpp, fill, 0, bpp);
                    }
                } else if (!swap) {
                    out.put(dstPos, chunk, (int) (src * bpp), run * bpp);
                } else {
                    int s0 = (int) (src * bpp);
                    for (int i = 0; i < run * bpp; i += bpp) {
                        for (int k = 0; k < bpp; k++) {
                            out.put(dstPos + i + k, chunk[s0 + i + bpp - 1 - k]);
                        }
                    }
                }
                int d = last - 1;
                while (d >= 0 && ++pos[d] >= b[d]) {
                    pos[d] = a[d];
                    d--;
                }
                if (d < 0) {
                    break;
                }
            }
            int d = rank - 1;
            while (d >= 0 && ++index[d] > hi[d]) {
                index[d] = lo[d];
                d--;
            }
            if (d < 0) {
                break;
            }
        }
        dst.position((int) (base + total));
    }

    /** The decoded chunk at grid {@code index} in C order and the metadata's byte order, or {@link #MISSING}. */
    private byte[] chunk(int[] index) {
        String key = prefix.isEmpty() ? meta.chunkKey(index) : prefix + "/" + meta.chunkKey(index);
        return cache.get(key, this::load);
    }

    private byte[] load(String key) {
        int expected = meta.chunkBytes();
        // the largest stored form any of our codecs produces for `expected` bytes, with room for headers
        long limit = (long) expected + expected / 2 + 65536;
        byte[] data = store.read(key, limit).orElse(null);
        if (data == null) {
            return MISSING;
        }
        List<ChunkCodec> codecs = meta.codecs();
        for (int i = codecs.size() - 1; i >= 0; i--) {
            ChunkCodec c = codecs.get(i);
            // only the last decoding stage's output size is known; earlier stages (crc32c) just strip
            data = c.decode(data, expected, key);
        }
        if (data.length != expected) {
            throw new FormatException("chunk " + key + " of " + meta.where() + " holds " + data.length
                    + " bytes; " + expected + " expected from its chunk shape and dtype");
        }
        return meta.cOrder() ? data : toCOrder(data);
    }

    /** Rearranges a chunk stored in a transposed order into C order. */
    private byte[] toCOrder(byte[] stored) {
        int rank = meta.rank();
        int bpp = meta.type().bytesPerPixel();
        int[] perm = meta.transpose();
        int[] storedShape = new int[rank];
        for (int i = 0; i < rank; i++) {
            storedShape[i] = meta.chunk(perm[i]);
        }
        long[] logicalStride = new long[rank];
        long s = 1;
        for (int d = rank - 1; d >= 0; d--) {
            logicalStride[d] = s;
            s *= meta.chunk(d);
        }
        byte[] out = new byte[stored.length];
        int[] j = new int[rank];
        int n = meta.chunkElements();
        for (int e = 0; e < n; e++) {
            long off = 0;
            for (int i = 0; i < rank; i++) {
                off += j[i] * logicalStride[perm[i]];
            }
            System.arraycopy(stored, e * bpp, out, (int) off * bpp, bpp);
            int i = rank - 1;
            while (i >= 0 && ++j[i] >= storedShape[i]) {
                j[i] = 0;
                i--;
            }
        }
        return out;
    }

    private static byte[] fillBytes(PixelType type, double f, ByteOrder order) {
        ByteBuffer one = ByteBuffer.allocate(8).order(order);
        switch (type) {
            case INT8: case UINT8: case BIT: one.put((byte) (long) f); break;
            case INT16: case UINT16: one.putShort((short) (long) f); break;
            case INT32: case UINT32: one.putInt((int) (long) f); break;
            case FLOAT: one.putFloat((float) f); break;
            default: one.putDouble(f); break;
        }
        return one.array();
    }

    /**
     * Decoded chunks shared by the arrays of one image or fileset, bounded by bytes (Caffeine). Missing chunks are
     * remembered too, so a sparse array does not ask the store again for each plane.
     */
    public static final class ChunkCache {
        /** Caches nothing: every read decodes its chunks again. */
        public static final ChunkCache NONE = new ChunkCache(0);

        private final Cache<String, byte[]> cache;

        /** A cache holding at most {@code maxBytes} of decoded chunks. */
        public ChunkCache(long maxBytes) {
            this.cache = maxBytes <= 0 ? null : Caffeine.newBuilder().maximumWeight(maxBytes)
                    .weigher((String k, byte[] v) -> v.length + 64).build();
        }

        byte[] get(String key, java.util.function.Function<String, byte[]> loader) {
            return cache == null ? loader.apply(key) : cache.get(key, loader);
        }
    }
}
