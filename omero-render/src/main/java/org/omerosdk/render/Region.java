package org.omerosdk.render;

import org.omerosdk.model.ValidationException;

/** A rectangle of one plane (z, t) at one resolution level. */
public record Region(int level, int z, int t, int x, int y, int width, int height) {
    public Region {
        if (width <= 0 || height <= 0 || x < 0 || y < 0 || level < 0 || z < 0 || t < 0) {
            throw new ValidationException("region level=" + level + " z=" + z + " t=" + t + " x=" + x + " y=" + y
                    + " " + width + "x" + height + " is impossible: sizes must be positive, positions >= 0");
        }
        if ((long) width * height > Integer.MAX_VALUE - 8) {
            throw new ValidationException("region " + width + "x" + height + " has more than 2^31 pixels; "
                    + "render it in tiles");
        }
    }

    /** The whole plane (z, t) of {@code level}. */
    public static Region plane(PixelSource source, int level, int z, int t) {
        return new Region(level, z, t, 0, 0, source.sizeX(level), source.sizeY(level));
    }

    public int pixelCount() {
        return width * height;
    }
}
