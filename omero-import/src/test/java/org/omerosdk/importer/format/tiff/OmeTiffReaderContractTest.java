package org.omerosdk.importer.format.tiff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.omerosdk.importer.format.FormatReaders;
import org.omerosdk.importer.format.OpenedFileset;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.ProgressListener;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.config.OmeroConfig;
import org.omerosdk.model.store.MemoryBinaryStore;
import org.omerosdk.render.InMemoryPixelSource;
import org.omerosdk.render.PixelSource;
import org.omerosdk.render.PixelSourceContract;
import org.omerosdk.render.pyramid.NgffPyramid;
import org.omerosdk.render.pyramid.OmeTiffExporter;
import org.omerosdk.render.pyramid.PyramidBuilder;
import org.omerosdk.render.pyramid.PyramidMetadata;

/**
 * The TIFF reader keeps the {@link PixelSource} contract: a tiled pyramidal OME-TIFF (several 256 x 256 tiles per
 * plane, SubIFD levels, two channels, two z) written by our exporter, read back through {@link FormatReaders}.
 */
class OmeTiffReaderContractTest extends PixelSourceContract {
    private static Path file;
    private static NgffPyramid pyramid;
    private OpenedFileset open;

    static byte[] gradient(int w, int h, int seed) {
        ByteBuffer b = ByteBuffer.allocate(w * h * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                b.putShort((short) (x * 13 + y * 257 + seed * 4099));
            }
        }
        return b.array();
    }

    private static synchronized Path file() {
        if (file == null) {
            InMemoryPixelSource.Builder b = InMemoryPixelSource.builder(PixelType.UINT16, 600, 300).sizeZ(2).sizeC(2);
            for (int z = 0; z < 2; z++) {
                for (int c = 0; c < 2; c++) {
                    b.plane(0, z, c, 0, gradient(600, 300, z * 2 + c));
                }
            }
            OmeroConfig tiles = OmeroConfig.defaults().with(ConfigKeys.PIXELDATA_TILE_WIDTH, "128")
                    .with(ConfigKeys.PIXELDATA_TILE_HEIGHT, "128");
            pyramid = PyramidBuilder.from(tiles).build(b.build(), new MemoryBinaryStore(), "p",
                    PyramidMetadata.named("contract"), ProgressListener.NONE);
            try {
                file = Files.createTempFile("contract", ".ome.tif");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            OmeTiffExporter.standard().write(pyramid, "contract", file);
        }
        return file;
    }

    @AfterAll
    static void removeFile() throws IOException {
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }

    @Override
    protected PixelSource createSource() {
        open = FormatReaders.discover().open(file());
        return open.pixels(0);
    }

    @Override
    protected byte[] expectedPlane(int level, int z, int c, int t) {
        ByteBuffer b = ByteBuffer.allocate(pyramid.sizeX(level) * pyramid.sizeY(level) * 2)
                .order(ByteOrder.LITTLE_ENDIAN);
        pyramid.readRegion(level, z, c, t, 0, 0, pyramid.sizeX(level), pyramid.sizeY(level), b);
        return b.array();
    }
}
