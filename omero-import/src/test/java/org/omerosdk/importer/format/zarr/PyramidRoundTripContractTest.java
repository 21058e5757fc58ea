package org.omerosdk.importer.format.zarr;

import java.util.Random;
import org.omerosdk.importer.format.Location;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.ProgressListener;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.config.OmeroConfig;
import org.omerosdk.model.store.MemoryBinaryStore;
import org.omerosdk.render.InMemoryPixelSource;
import org.omerosdk.render.PixelSource;
import org.omerosdk.render.PixelSourceContract;
import org.omerosdk.render.codec.zarr.Compression;
import org.omerosdk.render.pyramid.PyramidBuilder;
import org.omerosdk.render.pyramid.PyramidMetadata;

/**
 * Our pyramid builder's NGFF output (uint16, zstd, 32 x 32 chunks, 3 levels, in a store) read back through the
 * OME-Zarr reader keeps the {@link PixelSource} contract, and level 0 is the source's pixels exactly.
 */
class PyramidRoundTripContractTest extends PixelSourceContract {
    private InMemoryPixelSource original;

    @Override
    protected PixelSource createSource() {
        Random r = new Random(5);
        InMemoryPixelSource.Builder b = InMemoryPixelSource.builder(PixelType.UINT16, 150, 90).sizeC(2);
        for (int c = 0; c < 2; c++) {
            byte[] plane = new byte[150 * 90 * 2];
            r.nextBytes(plane);
            b.plane(0, 0, c, 0, plane);
        }
        original = b.build();
        OmeroConfig small = OmeroConfig.defaults().with(ConfigKeys.PIXELDATA_TILE_WIDTH, "32")
                .with(ConfigKeys.PIXELDATA_TILE_HEIGHT, "32");
        MemoryBinaryStore store = new MemoryBinaryStore();
        PyramidBuilder.from(small).compression(Compression.ZSTD).build(original, store, "img.zarr",
                PyramidMetadata.named("round trip"), ProgressListener.NONE);
        return new OmeZarrReader().open(Location.of(store, "img.zarr")).pixels(0);
    }

    @Override
    protected byte[] expectedPlane(int level, int z, int c, int t) {
        return level == 0 ? original.readPlane(z, c, t).array() : null;
    }
}
