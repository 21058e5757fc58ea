package org.omerosdk.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.omerosdk.model.ValidationException;

/**
 * The contract every {@link PixelSource} keeps: one abstract suite, one subclass per implementation (in memory,
 * NGFF pyramid, each format reader). A subclass gives a source; the suite checks region reads against whole-plane
 * reads at every level, buffer handling, byte order, concurrent reads and the errors for reads outside the image.
 * When a subclass knows the true pixels it overrides {@link #expectedPlane}, and whole planes are checked too.
 *
 * <p>Shipped in omero-render's test-jar so that the readers in omero-import reuse it.
 */
public abstract class PixelSourceContract {
    private PixelSource source;

    /** A fresh source to test; closed after each test. It should have more than one tile per plane if it tiles. */
    protected abstract PixelSource createSource();

    /**
     * The true little-endian bytes of plane (z, c, t) at {@code level}, or null when the subclass does not know
     * them (then whole-plane reads are only checked for consistency with region reads).
     */
    protected byte[] expectedPlane(int level, int z, int c, int t) {
        return null;
    }

    @BeforeEach
    void open() {
        source = createSource();
    }

    @AfterEach
    void close() {
        source.close();
    }

    protected final PixelSource source() {
        return source;
    }

    private int bpp() {
        return source.pixelType().bytesPerPixel();
    }

    private byte[] plane(int level, int z, int c, int t) {
        int w = source.sizeX(level);
        int h = source.sizeY(level);
        ByteBuffer b = ByteBuffer.allocate(w * h * bpp()).order(ByteOrder.LITTLE_ENDIAN);
        source.readRegion(level, z, c, t, 0, 0, w, h, b);
        assertEquals(b.capacity(), b.position(), "a whole-plane read fills the buffer exactly");
        return b.array();
    }

    private byte[] region(int level, int z, int c, int t, int x, int y, int w, int h) {
        ByteBuffer b = ByteBuffer.allocate(w * h * bpp()).order(ByteOrder.LITTLE_ENDIAN);
        source.readRegion(level, z, c, t, x, y, w, h, b);
        return b.array();
    }

    private byte[] crop(byte[] plane, int planeWidth, int x, int y, int w, int h) {
        int bpp = bpp();
        byte[] out = new byte[w * h * bpp];
        for (int row = 0; row < h; row++) {
            System.arraycopy(plane, ((y + row) * planeWidth + x) * bpp, out, row * w * bpp, w * bpp);
        }
        return out;
    }

    /** A few (z, c, t) to test: first, last and one in between. */
    private List<int[]> planes() {
        List<int[]> list = new ArrayList<>();
        list.add(new int[] {0, 0, 0});
        list.add(new int[] {source.sizeZ() - 1, source.sizeC() - 1, source.sizeT() - 1});
        list.add(new int[] {source.sizeZ() / 2, source.sizeC() / 2, source.sizeT() / 2});
        return list;
    }

    @Test
    public void hasAtLeastOneLevelAndLevelsNeverGrow() {
        assertTrue(source.levelCount() >= 1);
        assertTrue(source.sizeZ() >= 1 && source.sizeC() >= 1 && source.sizeT() >= 1);
        for (int l = 1; l < source.levelCount(); l++) {
            assertTrue(source.sizeX(l) <= source.sizeX(l - 1) && source.sizeY(l) <= source.sizeY(l - 1),
                    "level " + l + " is not larger than level " + (l - 1));
        }
        for (int l = 0; l < source.levelCount(); l++) {
            assertTrue(source.tileWidth(l) >= 1 && source.tileHeight(l) >= 1, "tile size of level " + l);
        }
    }

    @Test
    public void wholePlanesMatchTheKnownPixelsAtEveryLevel() {
        for (int l = 0; l < source.levelCount(); l++) {
            for (int[] p : planes()) {
                byte[] expected = expectedPlane(l, p[0], p[1], p[2]);
                if (expected != null) {
                    assertArrayEquals(expected, plane(l, p[0], p[1], p[2]),
                            "level " + l + " plane z=" + p[0] + " c=" + p[1] + " t=" + p[2]);
                }
            }
        }
    }

    @Test
    public void regionsEqualTheSameRectangleOfTheWholePlaneAtEveryLevel() {
        Random r = new Random(42);
        for (int l = 0; l < source.levelCount(); l++) {
            int w = source.sizeX(l);
            int h = source.sizeY(l);
            for (int[] p : planes()) {
                byte[] whole = plane(l, p[0], p[1], p[2]);
                List<int[]> rects = new ArrayList<>();
                rects.add(new int[] {0, 0, 1, 1});
                rects.add(new int[] {w - 1, h - 1, 1, 1});
                rects.add(new int[] {0, h - 1, w, 1});
                rects.add(new int[] {w - 1, 0, 1, h});
                int tw = Math.min(source.tileWidth(l), w);
                int th = Math.min(source.tileHeight(l), h);
                // straddling a tile corner, when there is one
                int cx = Math.max(0, Math.min(tw - 1, w - 3));
                int cy = Math.max(0, Math.min(th - 1, h - 3));
                rects.add(new int[] {cx, cy, Math.min(3, w - cx), Math.min(3, h - cy)});
                for (int i = 0; i < 6; i++) {
                    int x = r.nextInt(w);
                    int y = r.nextInt(h);
                    rects.add(new int[] {x, y, 1 + r.nextInt(w - x), 1 + r.nextInt(h - y)});
                }
                for (int[] q : rects) {
                    assertArrayEquals(crop(whole, w, q[0], q[1], q[2], q[3]),
                            region(l, p[0], p[1], p[2], q[0], q[1], q[2], q[3]),
                            "level " + l + " region " + q[0] + "," + q[1] + " " + q[2] + "x" + q[3]);
                }
            }
        }
    }

    @Test
    public void readsStartAtTheBufferPositionAndTouchNothingElse() {
        int w = Math.min(5, source.sizeX(0));
        int h = Math.min(4, source.sizeY(0));
        int n = w * h * bpp();
        byte[] alone = region(0, 0, 0, 0, 0, 0, w, h);
        ByteBuffer b = ByteBuffer.allocate(n + 20).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < b.capacity(); i++) {
            b.put(i, (byte) 0x5A);
        }
        b.position(7);
        source.readRegion(0, 0, 0, 0, 0, 0, w, h, b);
        assertEquals(7 + n, b.position(), "the position advances by exactly the bytes read");
        for (int i = 0; i < 7; i++) {
            assertEquals((byte) 0x5A, b.get(i), "byte " + i + " before the position is untouched");
        }
        for (int i = 7 + n; i < b.capacity(); i++) {
            assertEquals((byte) 0x5A, b.get(i), "byte " + i + " after the region is untouched");
        }
        byte[] got = new byte[n];
        b.get(7, got);
        assertArrayEquals(alone, got);
        // the same buffer reused for a second read gives the same bytes
        b.position(7);
        source.readRegion(0, 0, 0, 0, 0, 0, w, h, b);
        b.get(7, got);
        assertArrayEquals(alone, got);
    }

    @Test
    public void bigEndianBuffersGetTheSameValuesSwapped() {
        int w = source.sizeX(0);
        int h = Math.min(8, source.sizeY(0));
        byte[] le = region(0, 0, 0, 0, 0, 0, w, h);
        ByteBuffer be = ByteBuffer.allocate(le.length).order(ByteOrder.BIG_ENDIAN);
        source.readRegion(0, 0, 0, 0, 0, 0, w, h, be);
        int bpp = bpp();
        byte[] got = be.array();
        for (int i = 0; i < le.length; i += bpp) {
            for (int k = 0; k < bpp; k++) {
                if (le[i + k] != got[i + bpp - 1 - k]) {
                    throw new AssertionError("pixel " + i / bpp + " differs between byte orders");
                }
            }
        }
    }

    @Test
    public void directBuffersWork() {
        int w = source.sizeX(0);
        int h = Math.min(4, source.sizeY(0));
        byte[] heap = region(0, 0, 0, 0, 0, 0, w, h);
        ByteBuffer direct = ByteBuffer.allocateDirect(heap.length).order(ByteOrder.LITTLE_ENDIAN);
        source.readRegion(0, 0, 0, 0, 0, 0, w, h, direct);
        byte[] got = new byte[heap.length];
        direct.flip();
        direct.get(got);
        assertArrayEquals(heap, got);
    }

    @Test
    public void concurrentReadsGiveTheSameBytesAsSequentialOnes() throws Exception {
        int level = source.levelCount() - 1 > 0 ? 0 : 0;
        int w = source.sizeX(level);
        int h = source.sizeY(level);
        byte[] whole = plane(level, 0, 0, 0);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int k = 0; k < 16; k++) {
                long seed = k;
                jobs.add(pool.submit(() -> {
                    Random r = new Random(seed);
                    for (int i = 0; i < 8; i++) {
                        int x = r.nextInt(w);
                        int y = r.nextInt(h);
                        int rw = 1 + r.nextInt(w - x);
                        int rh = 1 + r.nextInt(h - y);
                        assertArrayEquals(crop(whole, w, x, y, rw, rh), region(level, 0, 0, 0, x, y, rw, rh));
                    }
                    return null;
                }));
            }
            for (Future<?> f : jobs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void readsOutsideTheImageAreRefusedNamingTheValue() {
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        int w = source.sizeX(0);
        int h = source.sizeY(0);
        assertRefused("z=" + source.sizeZ(), () -> source.readRegion(0, source.sizeZ(), 0, 0, 0, 0, 1, 1, b));
        assertRefused("c=" + source.sizeC(), () -> source.readRegion(0, 0, source.sizeC(), 0, 0, 0, 1, 1, b));
        assertRefused("t=" + source.sizeT(), () -> source.readRegion(0, 0, 0, source.sizeT(), 0, 0, 1, 1, b));
        assertRefused("z=-1", () -> source.readRegion(0, -1, 0, 0, 0, 0, 1, 1, b));
        assertRefused("level " + source.levelCount(),
                () -> source.readRegion(source.levelCount(), 0, 0, 0, 0, 0, 1, 1, b));
        assertRefused("x=" + w, () -> source.readRegion(0, 0, 0, 0, w, 0, 1, 1, b));
        assertRefused("h=" + (h + 1), () -> source.readRegion(0, 0, 0, 0, 0, 0, 1, h + 1, b));
        assertRefused("w=0", () -> source.readRegion(0, 0, 0, 0, 0, 0, 0, 1, b));
        assertRefused("x=-1", () -> source.readRegion(0, 0, 0, 0, -1, 0, 1, 1, b));
    }

    private static void assertRefused(String named, Runnable read) {
        ValidationException e = assertThrows(ValidationException.class, read::run);
        assertTrue(e.getMessage().contains(named), "\"" + e.getMessage() + "\" names " + named);
    }

    @Test
    public void aBufferTooSmallIsRefusedBeforeAnythingIsWritten() {
        int w = Math.min(4, source.sizeX(0));
        int h = Math.min(4, source.sizeY(0));
        ByteBuffer small = ByteBuffer.allocate(w * h * bpp() - 1).order(ByteOrder.LITTLE_ENDIAN);
        assertThrows(ValidationException.class, () -> source.readRegion(0, 0, 0, 0, 0, 0, w, h, small));
        assertEquals(0, small.position(), "nothing was written");
    }
}
