package org.omerosdk.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.importer.format.FormatReaders;
import org.omerosdk.importer.format.OpenedFileset;
import org.omerosdk.importer.format.SeriesMetadata;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.ProgressListener;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.config.OmeroConfig;
import org.omerosdk.render.PixelSource;
import org.omerosdk.render.pyramid.NgffPyramid;
import org.omerosdk.render.pyramid.OmeTiffExporter;
import org.omerosdk.render.pyramid.PyramidBuilder;
import org.omerosdk.render.pyramid.PyramidMetadata;
import org.omerosdk.repo.store.FileSystemBinaryStore;

/**
 * What our own writers and libvips write reads back through the format readers with the same pixels: the pyramid
 * builder's NGFF and its OME-TIFF export at every level, and vips' TIFF variants (LZW with predictors, tiled
 * BigTIFF Deflate, PackBits, JPEG-tiled pyramids, stacks), 16-bit PNG, compared with {@code vips rawsave}.
 */
class ReaderRoundTripTest {
    private static final OmeroConfig TILES_64 = OmeroConfig.defaults()
            .with(ConfigKeys.PIXELDATA_TILE_WIDTH, "64").with(ConfigKeys.PIXELDATA_TILE_HEIGHT, "64");

    static byte[] plane(PixelSource p, int level, int z, int c, int t) {
        ByteBuffer b = ByteBuffer.allocate(p.sizeX(level) * p.sizeY(level) * p.pixelType().bytesPerPixel())
                .order(ByteOrder.LITTLE_ENDIAN);
        p.readRegion(level, z, c, t, 0, 0, p.sizeX(level), p.sizeY(level), b);
        return b.array();
    }

    private static NgffPyramid pyramid(Path dir) {
        return PyramidBuilder.from(TILES_64).build(PyramidInteropTest.source(), new FileSystemBinaryStore(dir),
                "img", PyramidMetadata.named("gradient"), ProgressListener.NONE);
    }

    @Test
    void thePyramidsOmeTiffExportReadsBackWithIdenticalPixelsAtEveryLevel(@TempDir Path dir) {
        NgffPyramid p = pyramid(dir.resolve("store"));
        Path tif = dir.resolve("gradient.ome.tif");
        OmeTiffExporter.standard().write(p, "gradient", tif);
        try (OpenedFileset f = FormatReaders.discover().open(tif)) {
            assertEquals("OME-TIFF", f.format());
            SeriesMetadata s = f.series().get(0);
            assertEquals("gradient", s.name());
            PixelSource r = f.pixels(0);
            assertEquals(p.levelCount(), r.levelCount());
            for (int l = 0; l < p.levelCount(); l++) {
                for (int c = 0; c < p.sizeC(); c++) {
                    assertArrayEquals(plane(p, l, 0, c, 0), plane(r, l, 0, c, 0), "level " + l + " channel " + c);
                }
            }
        }
    }

    @Test
    void thePyramidBuildersNgffReadsBackThroughTheReaders(@TempDir Path dir) {
        NgffPyramid p = pyramid(dir.resolve("store"));
        try (OpenedFileset f = FormatReaders.discover().open(dir.resolve("store").resolve("img"))) {
            PixelSource r = f.pixels(0);
            assertEquals(p.levelCount(), r.levelCount());
            for (int l = 0; l < p.levelCount(); l++) {
                for (int c = 0; c < p.sizeC(); c++) {
                    assertArrayEquals(plane(p, l, 0, c, 0), plane(r, l, 0, c, 0), "level " + l + " channel " + c);
                }
            }
        }
    }

    // ---------------------------------------------------------------- libvips

    private static void vips(String... args) throws IOException, InterruptedException {
        ExternalTool.run(List.of(args));
    }

    /**
     * Writes {@code base} with vips' tiffsave/pngsave options, reads it with our readers and compares every channel
     * with the bytes {@code vips rawsave} decodes from the same file (band-interleaved, little-endian);
     * {@code tolerance} 0 means identical.
     */
    private static OpenedFileset compare(Path dir, Path base, String name, int tolerance, String... saveArgs)
            throws Exception {
        Path file = dir.resolve(name);
        String[] cmd = new String[3 + saveArgs.length];
        cmd[0] = "vips";
        cmd[1] = name.endsWith(".png") ? "pngsave" : "tiffsave";
        cmd[2] = base.toString();
        System.arraycopy(saveArgs, 0, cmd, 3, saveArgs.length);
        String[] full = new String[cmd.length + 1];
        System.arraycopy(cmd, 0, full, 0, 3);
        full[3] = file.toString();
        System.arraycopy(cmd, 3, full, 4, saveArgs.length);
        vips(full);
        OpenedFileset f = FormatReaders.discover().open(file);
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (int z = 0; z < f.pixels(0).sizeZ(); z++) {
            Path raw = dir.resolve(name + z + ".raw");
            vips("vips", "rawsave", file + (f.pixels(0).sizeZ() > 1 ? "[page=" + z + "]" : ""), raw.toString());
            all.write(Files.readAllBytes(raw));
        }
        byte[] expected = all.toByteArray();
        PixelSource p = f.pixels(0);
        int bands = p.sizeC();
        int bpp = p.pixelType().bytesPerPixel();
        int n = p.sizeX(0) * p.sizeY(0);
        assertEquals(expected.length, (long) n * bands * bpp * p.sizeZ(), name + ": vips' raw size");
        for (int z = 0; z < p.sizeZ(); z++) {
            for (int c = 0; c < bands; c++) {
                byte[] ours = plane(p, 0, z, c, 0);
                int worst = 0;
                for (int i = 0; i < n; i++) {
                    for (int k = 0; k < bpp; k++) {
                        int e = expected[((z * n + i) * bands + c) * bpp + k] & 0xFF;
                        int o = ours[i * bpp + k] & 0xFF;
                        if (tolerance == 0 && e != o) {
                            throw new AssertionError(name + ": z " + z + " channel " + c + " pixel " + i
                                    + " differs from vips (" + o + " vs " + e + ")");
                        }
                        worst = Math.max(worst, Math.abs(e - o));
                    }
                }
                assertTrue(worst <= tolerance, name + ": channel " + c + " differs by up to " + worst);
            }
        }
        return f;
    }

    private static Path base(Path dir, String name, String format, int bands) throws Exception {
        ExternalTool.require(ExternalTool.onPath("vips"), "libvips (apt-get install libvips-tools)");
        Path perlin = dir.resolve("perlin.v");
        if (!Files.exists(perlin)) {
            vips("vips", "perlin", perlin.toString(), "301", "203", "--cell-size", "32");
        }
        Path scaled = dir.resolve(name + "-scaled.v");
        double scale = format.equals("float") ? 1 : format.equals("uchar") ? 100 : 20000;
        double offset = format.equals("float") ? 0 : format.equals("uchar") ? 128 : 30000;
        vips("vips", "linear", perlin.toString(), scaled.toString(), "" + scale, "" + offset);
        Path cast = dir.resolve(name + "-cast.v");
        vips("vips", "cast", scaled.toString(), cast.toString(), format);
        if (bands == 1) {
            return cast;
        }
        Path joined = dir.resolve(name + ".v");
        Path rotated = dir.resolve(name + "-rot.v");
        vips("vips", "rot", cast.toString(), rotated.toString(), "d180");
        vips("vips", "bandjoin", cast + " " + rotated + " " + cast, joined.toString());
        return joined;
    }

    @Test
    void vipsLzwWithTheHorizontalPredictorReadsIdentically(@TempDir Path dir) throws Exception {
        compare(dir, base(dir, "u8", "uchar", 1), "lzw8.tif", 0, "--compression", "lzw", "--predictor",
                "horizontal").close();
        compare(dir, base(dir, "u16", "ushort", 1), "lzw16.tif", 0, "--compression", "lzw", "--predictor",
                "horizontal", "--tile", "--tile-width", "64", "--tile-height", "64").close();
        compare(dir, base(dir, "rgb", "uchar", 3), "lzwrgb.tif", 0, "--compression", "lzw", "--predictor",
                "horizontal").close();
    }

    @Test
    void vipsFloatWithTheFloatingPointPredictorReadsIdentically(@TempDir Path dir) throws Exception {
        try (OpenedFileset f = compare(dir, base(dir, "f32", "float", 1), "float.tif", 0, "--compression", "lzw",
                "--predictor", "float")) {
            assertEquals(PixelType.FLOAT, f.series().get(0).pixelType());
        }
        compare(dir, base(dir, "f32d", "float", 1), "floatdeflate.tif", 0, "--compression", "deflate",
                "--predictor", "float", "--tile", "--tile-width", "32", "--tile-height", "32").close();
    }

    @Test
    void vipsBigTiffDeflateTilesReadIdentically(@TempDir Path dir) throws Exception {
        compare(dir, base(dir, "u16", "ushort", 1), "deflate.tif", 0, "--bigtiff", "--compression", "deflate",
                "--tile", "--tile-width", "64", "--tile-height", "64").close();
        compare(dir, base(dir, "i16", "short", 1), "short.tif", 0, "--compression", "packbits").close();
        compare(dir, base(dir, "u32", "uint", 1), "uint.tif", 0, "--compression", "none").close();
    }

    @Test
    void vipsJpegTiledPyramidsReadWithinOneLevelOfVipsDecoder(@TempDir Path dir) throws Exception {
        try (OpenedFileset f = compare(dir, base(dir, "rgb", "uchar", 3), "jpeg.tif", 2, "--compression", "jpeg",
                "--Q", "90", "--tile", "--tile-width", "64", "--tile-height", "64", "--pyramid")) {
            SeriesMetadata s = f.series().get(0);
            assertTrue(s.rgb());
            assertTrue(s.resolutionLevels() >= 3, "pyramid levels: " + s.levels());
            assertEquals(301 / 2, s.levels().get(1).sizeX());
            plane(f.pixels(0), s.resolutionLevels() - 1, 0, 2, 0);
        }
    }

    @Test
    void vipsSixteenBitPngReadsIdentically(@TempDir Path dir) throws Exception {
        try (OpenedFileset f = compare(dir, base(dir, "u16", "ushort", 1), "sixteen.png", 0, "--bitdepth", "16")) {
            assertEquals(PixelType.UINT16, f.series().get(0).pixelType());
        }
        compare(dir, base(dir, "rgb16", "ushort", 3), "rgb16.png", 0, "--bitdepth", "16").close();
        compare(dir, base(dir, "u8", "uchar", 1), "eight.png", 0).close();
    }

    @Test
    void vipsMultiPageStacksAreZStacks(@TempDir Path dir) throws Exception {
        Path base = base(dir, "u8", "uchar", 1);
        Path tall = dir.resolve("tall.v");
        vips("vips", "crop", base.toString(), tall.toString(), "0", "0", "301", "200");
        try (OpenedFileset f = compare(dir, tall, "pages.tif", 0, "--page-height", "50", "--compression", "lzw")) {
            assertEquals(4, f.series().get(0).sizeZ());
            assertEquals(50, f.series().get(0).sizeY());
        }
    }
}
