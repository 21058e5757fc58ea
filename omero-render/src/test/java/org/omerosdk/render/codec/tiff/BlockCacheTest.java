package org.omerosdk.render.codec.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class BlockCacheTest {

    @Test
    void keepsBlocksUntilTheBudgetIsExceededThenDropsTheLeastRecentlyUsed() {
        BlockCache cache = new BlockCache(300);
        cache.put(1, 0, new byte[100]);
        cache.put(1, 1, new byte[100]);
        cache.put(1, 2, new byte[100]);
        cache.get(1, 0);   // block 0 is now the most recently used
        cache.put(1, 3, new byte[100]);
        assertNull(cache.get(1, 1), "the least recently used block is dropped");
        assertEquals(300, cache.bytes());
        assertEquals(3, cache.size());
    }

    @Test
    void blocksOfDifferentImagesDoNotMix() {
        BlockCache cache = new BlockCache(1000);
        byte[] a = {1};
        byte[] b = {2};
        cache.put(1, 5, a);
        cache.put(2, 5, b);
        assertArrayEquals(a, cache.get(1, 5));
        assertArrayEquals(b, cache.get(2, 5));
        assertNull(cache.get(3, 5));
    }

    @Test
    void aBlockLargerThanTheBudgetIsNotKept() {
        BlockCache cache = new BlockCache(10);
        cache.put(1, 0, new byte[11]);
        assertNull(cache.get(1, 0));
        assertEquals(0, cache.bytes());
    }

    @Test
    void replacingABlockCountsItsBytesOnce() {
        BlockCache cache = new BlockCache(1000);
        cache.put(1, 0, new byte[100]);
        cache.put(1, 0, new byte[40]);
        assertEquals(40, cache.bytes());
        assertEquals(1, cache.size());
    }

    @Test
    void everyImageGetsItsOwnNumber() {
        assertNotEquals(BlockCache.nextId(), BlockCache.nextId());
    }
}
