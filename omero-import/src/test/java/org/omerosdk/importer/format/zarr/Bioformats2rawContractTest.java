package org.omerosdk.importer.format.zarr;

import org.omerosdk.importer.format.Location;
import org.omerosdk.render.PixelSource;
import org.omerosdk.render.PixelSourceContract;

/**
 * The OME-Zarr reader's pixel source keeps the {@link PixelSource} contract on a real bioformats2raw tree
 * (blosc-lz4, 3 x 3 chunks per plane, 2 levels with edge chunks).
 */
class Bioformats2rawContractTest extends PixelSourceContract {
    @Override
    protected PixelSource createSource() {
        return new OmeZarrReader().open(Location.of(OmeZarrReaderTest.BF2RAW)).pixels(0);
    }
}
