package org.omerosdk.render;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.omerosdk.model.PixelType;

/**
 * Read access to the pixels of one image, by plane, tile or region, at one or several resolution levels: the only
 * way the renderer and the pyramid builder see pixels (never a file format).
 *
 * <p>Level 0 is full resolution; each further level is smaller. Z, C and T are the same at every level.
 * Reads fill a caller-supplied buffer so hot paths can reuse it. Implementations must be safe for concurrent reads.
 */
public interface PixelSource extends AutoCloseable {

    PixelType pixelType();

    int sizeZ();

    int sizeC();

    int sizeT();

    /** Number of resolution levels, at least 1. */
    default int levelCount() {
        return 1;
    }

    /** Width of {@code level}. */
    int sizeX(int level);

    /** Height of {@code level}. */
    int sizeY(int level);

    /** The tile width reads are cheapest at (a chunk or strip width); the full width when there is no tiling. */
    default int tileWidth(int level) {
        return sizeX(level);
    }

    /** The tile height reads are cheapest at; the full height when there is no tiling. */
    default int tileHeight(int level) {
        return sizeY(level);
    }

    /**
     * Whether a read costs about the bytes it returns wherever it lies (pixels in memory, or an uncompressed file
     * read in place), so that a caller may read a region in bands of a few rows and keep each band in cache. False,
     * the default, when a read decodes whole tiles, strips or planes: callers then read along
     * {@link #tileHeight(int)}, or the whole region at once.
     */
    default boolean cheapRegionReads() {
        return false;
    }

    /**
     * Reads the region {@code (x, y, w, h)} of plane {@code (z, c, t)} at {@code level} into {@code dst}, row-major,
     * {@link PixelType#bytesPerPixel()} bytes per pixel in {@code dst}'s byte order, starting at dst's position and
     * advancing it by {@code w * h * bytesPerPixel}.
     *
     * @throws org.omerosdk.model.ValidationException when the region or indices lie outside the image
     * @throws org.omerosdk.model.FormatException     when the underlying data cannot be decoded
     */
    void readRegion(int level, int z, int c, int t, int x, int y, int w, int h, ByteBuffer dst);

    /** Convenience: reads a whole plane of level 0 into a new little-endian buffer. */
    default ByteBuffer readPlane(int z, int c, int t) {
        int w = sizeX(0);
        int h = sizeY(0);
        ByteBuffer buf = ByteBuffer.allocate(SizeLimit.DEFAULT.bytes("plane " + w + "x" + h + " of " + pixelType(),
                w, h, pixelType().bytesPerPixel())).order(ByteOrder.LITTLE_ENDIAN);
        readRegion(0, z, c, t, 0, 0, w, h, buf);
        buf.flip();
        return buf;
    }

    @Override
    default void close() {
    }
}
