package org.omerosdk.render;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.ValidationException;

/**
 * A {@link PixelSource} over planes held in memory as little-endian byte arrays, for tests and embedding. Plane
 * {@code (z, c, t)} of a level is at index {@code z + sizeZ * (c + sizeC * t)}.
 */
public final class InMemoryPixelSource implements PixelSource {
    private final PixelType type;
    private final int sizeZ;
    private final int sizeC;
    private final int sizeT;
    private final List<Level> levels;

    private record Level(int sizeX, int sizeY, byte[][] planes) {
    }

    private InMemoryPixelSource(PixelType type, int sizeZ, int sizeC, int sizeT, List<Level> levels) {
        this.type = type;
        this.sizeZ = sizeZ;
        this.sizeC = sizeC;
        this.sizeT = sizeT;
        this.levels = List.copyOf(levels);
    }

    /** Starts a source of the given type and full-resolution size; every plane starts zero-filled. */
    public static Builder builder(PixelType type, int sizeX, int sizeY) {
        return new Builder(type, sizeX, sizeY);
    }

    /** Builds an {@link InMemoryPixelSource}. */
    public static final class Builder {
        private final PixelType type;
        private final List<int[]> levelSizes = new ArrayList<>();
        private int sizeZ = 1;
        private int sizeC = 1;
        private int sizeT = 1;
        private final List<Object[]> planes = new ArrayList<>();

        private Builder(PixelType type, int sizeX, int sizeY) {
            this.type = type;
            levelSizes.add(checkSize(sizeX, sizeY));
        }

        public Builder sizeZ(int n) {
            sizeZ = positive("sizeZ", n);
            return this;
        }

        public Builder sizeC(int n) {
            sizeC = positive("sizeC", n);
            return this;
        }

        public Builder sizeT(int n) {
            sizeT = positive("sizeT", n);
            return this;
        }

        /** Adds a lower resolution level (levels are added in order, after level 0). */
        public Builder addLevel(int sizeX, int sizeY) {
            levelSizes.add(checkSize(sizeX, sizeY));
            return this;
        }

        /** Sets plane (z, c, t) of {@code level} from little-endian bytes of exactly the plane's size. */
        public Builder plane(int level, int z, int c, int t, byte[] littleEndian) {
            planes.add(new Object[] {level, z, c, t, littleEndian});
            return this;
        }

        public InMemoryPixelSource build() {
            List<Level> levels = new ArrayList<>();
            int count = sizeZ * sizeC * sizeT;
            for (int[] s : levelSizes) {
                long bytes = (long) s[0] * s[1] * type.bytesPerPixel();
                if (bytes > Integer.MAX_VALUE) {
                    throw new ValidationException("plane of " + s[0] + "x" + s[1] + " " + type
                            + " exceeds 2 GiB; use a tiled source");
                }
                byte[][] data = new byte[count][];
                for (int i = 0; i < count; i++) {
                    data[i] = new byte[(int) bytes];
                }
                levels.add(new Level(s[0], s[1], data));
            }
            for (Object[] p : planes) {
                int level = (Integer) p[0];
                int z = (Integer) p[1];
                int c = (Integer) p[2];
                int t = (Integer) p[3];
                byte[] bytes = (byte[]) p[4];
                if (level < 0 || level >= levels.size() || z < 0 || z >= sizeZ || c < 0 || c >= sizeC
                        || t < 0 || t >= sizeT) {
                    throw new ValidationException("plane level=" + level + " z=" + z + " c=" + c + " t=" + t
                            + " is outside the image");
                }
                Level l = levels.get(level);
                if (bytes.length != l.planes[0].length) {
                    throw new ValidationException("plane level=" + level + " has " + bytes.length
                            + " bytes; expected " + l.planes[0].length);
                }
                l.planes[z + sizeZ * (c + sizeC * t)] = bytes.clone();
            }
            return new InMemoryPixelSource(type, sizeZ, sizeC, sizeT, levels);
        }

        private static int positive(String name, int n) {
            if (n <= 0) {
                throw new ValidationException(name + "=" + n + " must be at least 1");
            }
            return n;
        }

        private static int[] checkSize(int sizeX, int sizeY) {
            if (sizeX <= 0 || sizeY <= 0) {
                throw new ValidationException("size " + sizeX + "x" + sizeY + " is impossible; both must be >= 1");
            }
            return new int[] {sizeX, sizeY};
        }
    }

    @Override
    public PixelType pixelType() {
        return type;
    }

    @Override
    public int sizeZ() {
        return sizeZ;
    }

    @Override
    public int sizeC() {
        return sizeC;
    }

    @Override
    public int sizeT() {
        return sizeT;
    }

    @Override
    public int levelCount() {
        return levels.size();
    }

    @Override
    public int sizeX(int level) {
        return levels.get(level).sizeX;
    }

    @Override
    public int sizeY(int level) {
        return levels.get(level).sizeY;
    }

    /** True: a read copies the rows asked for, nothing more. */
    @Override
    public boolean cheapRegionReads() {
        return true;
    }

    @Override
    public void readRegion(int level, int z, int c, int t, int x, int y, int w, int h, ByteBuffer dst) {
        PixelSources.checkRegion(this, level, z, c, t, x, y, w, h, dst);
        Level l = levels.get(level);
        byte[] plane = l.planes[z + sizeZ * (c + sizeC * t)];
        int bpp = type.bytesPerPixel();
        boolean swap = dst.order() != ByteOrder.LITTLE_ENDIAN && bpp > 1;
        for (int row = 0; row < h; row++) {
            int from = ((y + row) * l.sizeX + x) * bpp;
            if (!swap) {
                dst.put(plane, from, w * bpp);
            } else {
                for (int i = 0; i < w; i++) {
                    for (int b = bpp - 1; b >= 0; b--) {
                        dst.put(plane[from + i * bpp + b]);
                    }
                }
            }
        }
    }
}
