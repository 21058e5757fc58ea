package org.omerosdk.render.codec.tiff;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most recently decoded blocks of chunky multi-sample images (RGB strips and tiles), shared by every
 * {@link TiffImage} of the JVM, at most {@link #BUDGET_BYTES} in all, least recently used dropped first.
 *
 * <p>Why: a {@code PixelSource} reads one sample (channel) at a time, and the samples of a chunky block are
 * interleaved, so reading the red, green and blue of one region would decode every JPEG or LZW block three times.
 * With the cache a block is decoded once for its samples, as long as the caller reads them before another
 * {@code BUDGET_BYTES} of blocks have been decoded (for example band by band, all samples of a band in turn).
 * Entries are keyed by an image's number, not the image, so a cached block never keeps a closed file reachable;
 * it just ages out.
 */
final class BlockCache {
    /** 48 MiB: a 256-row band of 256x256 RGB tiles across a 40000-pixel slide, for two threads at once. */
    static final long BUDGET_BYTES = 48L << 20;

    static final BlockCache SHARED = new BlockCache(BUDGET_BYTES);

    private static final AtomicLong IDS = new AtomicLong();

    private record Key(long image, int block) {
    }

    private final long budget;
    private final LinkedHashMap<Key, byte[]> blocks = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    BlockCache(long budget) {
        this.budget = budget;
    }

    /** A number for a new image, never given twice in this JVM. */
    static long nextId() {
        return IDS.incrementAndGet();
    }

    /** The decoded block, or null when it is not (or no longer) cached. The array must not be written to. */
    synchronized byte[] get(long image, int block) {
        return blocks.get(new Key(image, block));
    }

    /** Keeps {@code decoded} (which the caller no longer writes to) unless it alone exceeds the budget. */
    synchronized void put(long image, int block, byte[] decoded) {
        if (decoded.length > budget) {
            return;
        }
        byte[] old = blocks.put(new Key(image, block), decoded);
        bytes += decoded.length - (old == null ? 0 : old.length);
        Iterator<Map.Entry<Key, byte[]>> it = blocks.entrySet().iterator();
        while (bytes > budget && it.hasNext()) {
            Map.Entry<Key, byte[]> eldest = it.next();
            it.remove();
            bytes -= eldest.getValue().length;
        }
    }

    /** Bytes held now. */
    synchronized long bytes() {
        return bytes;
    }

    /** Blocks held now. */
    synchronized int size() {
        return blocks.size();
    }
}
