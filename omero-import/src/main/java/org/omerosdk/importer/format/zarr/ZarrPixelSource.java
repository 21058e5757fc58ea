package org.omerosdk.importer.format.zarr;

import java.nio.ByteBuffer;
import java.util.List;
import org.omerosdk.model.PixelType;
import org.omerosdk.render.PixelSource;
import org.omerosdk.render.PixelSources;
import org.omerosdk.render.codec.zarr.ZarrArrayReader;

/**
 * The pixels of one OME-Zarr multiscale image: one {@link ZarrArrayReader} per resolution level, with the position
 * of the t, c, z, y and x axes among the array's dimensions (y and x are always the last two). A level whose z size
 * is smaller than level 0's (NGFF pyramids may downsample z too) answers plane z with its plane
 * {@code z * sizeZ(level) / sizeZ(0)}. Thread-safe.
 */
final class ZarrPixelSource implements PixelSource {
    private final List<ZarrArrayReader> levels;
    private final int axisT;
    private final int axisC;
    private final int axisZ;
    private final int sizeZ;
    private final int sizeC;
    private final int sizeT;

    /** @param axes the index of t, c, z among the array dimensions, -1 where the axis is absent */
    ZarrPixelSource(List<ZarrArrayReader> levels, int axisT, int axisC, int axisZ) {
        this.levels = List.copyOf(levels);
        this.axisT = axisT;
        this.axisC = axisC;
        this.axisZ = axisZ;
        int[] s = levels.get(0).metadata().shape();
        this.sizeT = axisT < 0 ? 1 : s[axisT];
        this.sizeC = axisC < 0 ? 1 : s[axisC];
        this.sizeZ = axisZ < 0 ? 1 : s[axisZ];
    }

    private int[] shape(int level) {
        return levels.get(level).metadata().shape();
    }

    @Override
    public PixelType pixelType() {
        return levels.get(0).metadata().type();
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
        int[] s = shape(level);
        return s[s.length - 1];
    }

    @Override
    public int sizeY(int level) {
        int[] s = shape(level);
        return s[s.length - 2];
    }

    @Override
    public int tileWidth(int level) {
        int[] ch = levels.get(level).metadata().chunks();
        return Math.min(ch[ch.length - 1], sizeX(level));
    }

    @Override
    public int tileHeight(int level) {
        int[] ch = levels.get(level).metadata().chunks();
        return Math.min(ch[ch.length - 2], sizeY(level));
    }

    @Override
    public void readRegion(int level, int z, int c, int t, int x, int y, int w, int h, ByteBuffer dst) {
        PixelSources.checkRegion(this, level, z, c, t, x, y, w, h, dst);
        int[] shape = shape(level);
        int rank = shape.length;
        int[] start = new int[rank];
        int[] size = new int[rank];
        java.util.Arrays.fill(size, 1);
        if (axisT >= 0) {
            start[axisT] = t;
        }
        if (axisC >= 0) {
            start[axisC] = c;
        }
        if (axisZ >= 0) {
            start[axisZ] = (int) ((long) z * shape[axisZ] / sizeZ);
        }
        start[rank - 2] = y;
        size[rank - 2] = h;
        start[rank - 1] = x;
        size[rank - 1] = w;
        levels.get(level).read(start, size, dst);
    }
}
