package org.omerosdk.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.ProgressListener;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.config.OmeroConfig;
import org.omerosdk.model.store.BinaryStore;
import org.omerosdk.render.InMemoryPixelSource;
import org.omerosdk.render.PixelSource;
import org.omerosdk.render.codec.zarr.Compression;
import org.omerosdk.render.pyramid.NgffPyramid;
import org.omerosdk.render.pyramid.OmeTiffExporter;
import org.omerosdk.render.pyramid.PyramidBuilder;
import org.omerosdk.render.pyramid.PyramidMetadata;
import org.omerosdk.repo.store.FileSystemBinaryStore;
import org.omerosdk.s3.S3ProxyServer;

/**
 * Pyramids through the real stores (filesystem, S3 on a loopback s3proxy) and read by third-party tools: the npm
 * package {@code @fideus-labs/ngff-zarr} with schema validation, and libvips for the pyramidal OME-TIFF export.
 */
class PyramidInteropTest {
    private static final OmeroConfig TILES_64 = OmeroConfig.defaults()
            .with(ConfigKeys.PIXELDATA_TILE_WIDTH, "64").with(ConfigKeys.PIXELDATA_TILE_HEIGHT, "64");

    /** A uint16 gradient with structure, 300 x 200, two channels. */
    static PixelSource source() {
        InMemoryPixelSource.Builder b = InMemoryPixelSource.builder(PixelType.UINT16, 300, 200).sizeC(2);
        for (int c = 0; c < 2; c++) {
            ByteBuffer buf = ByteBuffer.allocate(300 * 200 * 2).order(ByteOrder.LITTLE_ENDIAN);
            for (int y = 0; y < 200; y++) {
                for (int x = 0; x < 300; x++) {
                    buf.putShort((short) ((x * 97 + y * 31 + c * 1000) % 60000));
                }
            }
            b.plane(0, 0, c, 0, buf.array());
        }
        return b.build();
    }

    private static long sum(PixelSource p, int level, int c) {
        ByteBuffer b = ByteBuffer.allocate(p.sizeX(level) * p.sizeY(level) * 2).order(ByteOrder.LITTLE_ENDIAN);
        p.readRegion(level, 0, c, 0, 0, 0, p.sizeX(level), p.sizeY(level), b);
        b.flip();
        long s = 0;
        while (b.hasRemaining()) {
            s += b.getShort() & 0xFFFF;
        }
        return s;
    }

    private static void roundTrip(BinaryStore store) {
        PixelSource src = source();
        NgffPyramid built = PyramidBuilder.from(TILES_64).compression(Compression.ZLIB).build(src, store, "img/0",
                PyramidMetadata.named("gradient"), ProgressListener.NONE);
        NgffPyramid reopened = NgffPyramid.open(store, "img/0");
        assertEquals(built.levelCount(), reopened.levelCount());
        assertEquals(4, reopened.levelCount());
        for (int c = 0; c < 2; c++) {
            assertEquals(sum(src, 0, c), sum(reopened, 0, c));
        }
        assertEquals(75, reopened.sizeX(2));
    }

    @Test
    void pyramidsRoundTripThroughTheFilesystemStore(@TempDir Path dir) {
        roundTrip(new FileSystemBinaryStore(dir.resolve("Pixels")));
    }

    @Test
    void theFilesystemStoreHoldsExactlyTheObjectsOfAnInMemoryBuild(@TempDir Path dir) {
        // the filesystem store writes chunks in place with fsyncs in the background, the memory store through put:
        // the same keys and the same bytes either way, in every durability
        for (Compression c : List.of(Compression.NONE, Compression.ZSTD)) {
            org.omerosdk.model.store.MemoryBinaryStore memory = new org.omerosdk.model.store.MemoryBinaryStore();
            PyramidBuilder.from(TILES_64).compression(c).build(source(), memory, "img", PyramidMetadata.named("g"),
                    ProgressListener.NONE);
            for (FileSystemBinaryStore.Durability d : FileSystemBinaryStore.Durability.values()) {
                FileSystemBinaryStore fs = new FileSystemBinaryStore(dir.resolve(c + "-" + d), d);
                PyramidBuilder.from(TILES_64).compression(c).build(source(), fs, "img", PyramidMetadata.named("g"),
                        ProgressListener.NONE);
                assertEquals(memory.list(""), fs.list(""), c + " " + d);
                for (String key : memory.list("")) {
                    assertTrue(java.util.Arrays.equals(memory.read(key), fs.read(key)), c + " " + d + " " + key);
                }
            }
        }
    }

    @Test
    void pyramidsRoundTripThroughS3() throws Exception {
        try (BinaryStore s3 = S3ProxyServer.shared().newStore()) {
            roundTrip(s3);
        }
    }

    @Test
    void ngffZarrOpensOurPyramidWithSchemaValidation(@TempDir Path dir) throws Exception {
        Path node = Path.of(System.getProperty("omerosdk.repo.root"), "omero-render/src/test/node");
        ExternalTool.require(ExternalTool.onPath("node") && Files.isDirectory(node.resolve("node_modules/@fideus-labs")),
                "node with @fideus-labs/ngff-zarr (npm ci --prefix omero-render/src/test/node)");
        FileSystemBinaryStore store = new FileSystemBinaryStore(dir.resolve("zarr"));
        PyramidBuilder.from(TILES_64).build(source(), store, "image.ome.zarr", PyramidMetadata.named("gradient"),
                ProgressListener.NONE);
        String out = ExternalTool.run(List.of("node", node.resolve("validate.mjs").toString(),
                dir.resolve("zarr/image.ome.zarr").toString()));
        assertEquals("{\"levels\":[[1,2,1,200,300],[1,2,1,100,150],[1,2,1,50,75],[1,2,1,25,38]],"
                + "\"dtype\":\"uint16\"}", out);
    }

    @Test
    void libvipsReadsOurPyramidalOmeTiffWithTheSameSizeAndAverage(@TempDir Path dir) throws Exception {
        ExternalTool.require(ExternalTool.onPath("vips") && ExternalTool.onPath("vipsheader"),
                "libvips (apt-get install libvips-tools)");
        PixelSource src = source();
        NgffPyramid p = PyramidBuilder.from(TILES_64).build(src, new org.omerosdk.model.store.MemoryBinaryStore(),
                "p", PyramidMetadata.named("gradient"), ProgressListener.NONE);
        Path tif = dir.resolve("gradient.ome.tif");
        OmeTiffExporter.standard().write(p, "gradient", tif);
        assertEquals("300", ExternalTool.run(List.of("vipsheader", "-f", "width", tif.toString())));
        assertEquals("200", ExternalTool.run(List.of("vipsheader", "-f", "height", tif.toString())));
        double ours = sum(src, 0, 0) / (300.0 * 200.0);
        double vips = Double.parseDouble(ExternalTool.run(List.of("vips", "avg", tif.toString())));
        assertEquals(ours, vips, 1e-6);
        // the first sub-level, through the SubIFDs
        assertEquals("150", ExternalTool.run(List.of("vipsheader", "-f", "width", tif + "[subifd=0]")));
        double level1 = sum(p, 1, 0) / (150.0 * 100.0);
        assertEquals(level1, Double.parseDouble(ExternalTool.run(List.of("vips", "avg", tif + "[subifd=0]"))), 1e-6);
        // the second channel is the next IFD
        double ours1 = sum(src, 0, 1) / (300.0 * 200.0);
        assertEquals(ours1, Double.parseDouble(ExternalTool.run(List.of("vips", "avg", tif + "[page=1]"))), 1e-6);
    }

    @Test
    void bigTiffOnRequestIsReadToo(@TempDir Path dir) throws Exception {
        ExternalTool.require(ExternalTool.onPath("vips"), "libvips (apt-get install libvips-tools)");
        Path tif = dir.resolve("big.ome.tif");
        assertTrue(OmeTiffExporter.standard().bigTiff().write(source(), "big", tif));
        byte[] head = Files.readAllBytes(tif);
        assertEquals(43, head[2]);
        double vips = Double.parseDouble(ExternalTool.run(List.of("vips", "avg", tif.toString())));
        assertEquals(String.format(Locale.ROOT, "%.4f", sum(source(), 0, 0) / 60000.0),
                String.format(Locale.ROOT, "%.4f", vips));
    }
}
