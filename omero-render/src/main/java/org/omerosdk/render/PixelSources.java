package org.omerosdk.render;

import org.omerosdk.model.ValidationException;

/** Checks shared by every {@link PixelSource} implementation. */
public final class PixelSources {
    private PixelSources() {
    }

    /**
     * Throws a {@link ValidationException} naming the offending index or rectangle when the read lies outside
     * {@code source}.
     */
    public static void checkRegion(PixelSource source, int level, int z, int c, int t, int x, int y, int w, int h) {
        if (level < 0 || level >= source.levelCount()) {
            throw new ValidationException("resolution level " + level + " does not exist; levels are 0.."
                    + (source.levelCount() - 1));
        }
        checkIndex("z", z, source.sizeZ());
        checkIndex("c", c, source.sizeC());
        checkIndex("t", t, source.sizeT());
        int sx = source.sizeX(level);
        int sy = source.sizeY(level);
        if (w <= 0 || h <= 0 || x < 0 || y < 0 || (long) x + w > sx || (long) y + h > sy) {
            throw new ValidationException("region x=" + x + " y=" + y + " w=" + w + " h=" + h
                    + " is not inside level " + level + " (" + sx + "x" + sy + ")");
        }
    }

    /**
     * {@link #checkRegion(PixelSource, int, int, int, int, int, int, int, int)}, and that {@code dst} has room for
     * the region: a buffer too small is refused before anything is written.
     */
    public static void checkRegion(PixelSource source, int level, int z, int c, int t, int x, int y, int w, int h,
                                   java.nio.ByteBuffer dst) {
        checkRegion(source, level, z, c, t, x, y, w, h);
        long need = (long) w * h * source.pixelType().bytesPerPixel();
        if (dst.remaining() < need) {
            throw new ValidationException("the buffer has " + dst.remaining() + " bytes left; the region "
                    + w + "x" + h + " of " + source.pixelType().omeroName() + " needs " + need);
        }
    }

    private static void checkIndex(String axis, int value, int size) {
        if (value < 0 || value >= size) {
            throw new ValidationException(axis + "=" + value + " is outside 0.." + (size - 1));
        }
    }
}
