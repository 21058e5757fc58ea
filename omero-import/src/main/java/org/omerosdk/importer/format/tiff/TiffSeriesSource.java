package org.omerosdk.importer.format.tiff;

import java.nio.ByteBuffer;
import org.omerosdk.model.PixelType;
import org.omerosdk.render.PixelSource;
import org.omerosdk.render.PixelSources;
import org.omerosdk.render.codec.tiff.TiffImage;

/**
 * A series of a TIFF fileset as a {@link PixelSource}: each plane (z, c, t) is one sample of one IFD, and each
 * resolution level of the plane is one IFD too (a SubIFD, or a later IFD of the chain).
 */
final class TiffSeriesSource implements PixelSource {
    /** One plane: its IFD per level and the sample within them. */
    record Plane(TiffImage[] levels, int sample) {
    }

    private final PixelType type;
    private final int sizeZ;
    private final int sizeC;
    private final int sizeT;
    private final Plane[] planes;
    private final TiffImage[] first;

    /** {@code planes} indexed {@code z + sizeZ * (c + sizeC * t)}; every plane has the same number of levels. */
    TiffSeriesSource(PixelType type, int sizeZ, int sizeC, int sizeT, Plane[] planes) {
        this.type = type;
        this.sizeZ = sizeZ;
        this.sizeC = sizeC;
        this.sizeT = sizeT;
        this.planes = planes.clone();
        this.first = planes[0].levels();
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
        return first.length;
    }

    @Override
    public int sizeX(int level) {
        return first[level].width();
    }

    @Override
    public int sizeY(int level) {
        return first[level].height();
    }

    @Override
    public int tileWidth(int level) {
        return Math.min(first[level].blockWidth(), first[level].width());
    }

    @Override
    public int tileHeight(int level) {
        return Math.min(first[level].blockHeight(), first[level].height());
    }

    @Override
    public void readRegion(int level, int z, int c, int t, int x, int y, int w, int h, ByteBuffer dst) {
        PixelSources.checkRegion(this, level, z, c, t, x, y, w, h, dst);
        Plane p = planes[z + sizeZ * (c + sizeC * t)];
        p.levels()[level].read(p.sample(), x, y, w, h, dst);
    }
}
