package org.omerosdk.render.pyramid;

import org.omerosdk.model.PixelType;
import org.omerosdk.model.ProgressListener;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.config.OmeroConfig;
import org.omerosdk.model.store.MemoryBinaryStore;
import org.omerosdk.render.PixelSource;
import org.omerosdk.render.PixelSourceContract;
import org.omerosdk.render.codec.zarr.Compression;

/** The NGFF pyramid reader keeps the {@link PixelSource} contract (several chunks per plane, three levels). */
class NgffPyramidContractTest extends PixelSourceContract {
    private PixelSource original;

    @Override
    protected PixelSource createSource() {
        original = PyramidBuilderTest.random(PixelType.UINT16, 150, 90, 2, 7);
        OmeroConfig small = OmeroConfig.defaults().with(ConfigKeys.PIXELDATA_TILE_WIDTH, "32")
                .with(ConfigKeys.PIXELDATA_TILE_HEIGHT, "32");
        return PyramidBuilder.from(small).compression(Compression.ZSTD).build(original, new MemoryBinaryStore(),
                "p", PyramidMetadata.named("contract"), ProgressListener.NONE);
    }

    @Override
    protected byte[] expectedPlane(int level, int z, int c, int t) {
        return level == 0 ? original.readPlane(z, c, t).array() : null;
    }
}
