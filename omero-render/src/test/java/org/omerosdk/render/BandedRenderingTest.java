package org.omerosdk.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.core.Rgba;

/**
 * {@code Renderer.render(source, ...)} reads a region in bands into reused arrays: whatever the banding (cheap reads
 * a few rows at a time, tile rows, the whole region), the pixels equal those of the planes rendered in memory.
 */
class BandedRenderingTest {
    private static final Rgba[] SECONDARIES = {Rgba.of(255, 0, 255), Rgba.of(255, 255, 0), Rgba.of(0, 255, 255),
        Rgba.of(255, 0, 0), Rgba.of(0, 0, 255), Rgba.of(128, 128, 128)};

    /** A random source of {@code type}; its planes as the kernels take them in {@code planes[c]}. */
    private static InMemoryPixelSource source(PixelType type, int w, int h, int sizeC, Object[] planes, long seed) {
        Random r = new Random(seed);
        InMemoryPixelSource.Builder b = InMemoryPixelSource.builder(type, w, h).sizeC(sizeC);
        for (int c = 0; c < sizeC; c++) {
            byte[] bytes = new byte[w * h * type.bytesPerPixel()];
            r.nextBytes(bytes);
            if (type == PixelType.FLOAT) {
                ByteBuffer fb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < w * h; i++) {
                    fb.putFloat(i * 4, (float) (r.nextGaussian() * 1e4));
                }
            }
            b.plane(0, 0, c, 0, bytes);
            planes[c] = Renderer.primitive(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN), type, w * h);
        }
        return b.build();
    }

    /** A view of a source whose reads are declared expensive, tiled {@code tileHeight} rows high. */
    private static PixelSource tiled(PixelSource s, int tileHeight) {
        return new PixelSource() {
            @Override
            public PixelType pixelType() {
                return s.pixelType();
            }

            @Override
            public int sizeZ() {
                return s.sizeZ();
            }

            @Override
            public int sizeC() {
                return s.sizeC();
            }

            @Override
            public int sizeT() {
                return s.sizeT();
            }

            @Override
            public int sizeX(int level) {
                return s.sizeX(level);
            }

            @Override
            public int sizeY(int level) {
                return s.sizeY(level);
            }

            @Override
            public int tileHeight(int level) {
                return tileHeight;
            }

            @Override
            public void readRegion(int level, int z, int c, int t, int x, int y, int w, int h, ByteBuffer dst) {
                s.readRegion(level, z, c, t, x, y, w, h, dst);
            }
        };
    }

    private static RenderingSettings settings(PixelType type, int sizeC, RenderingSettings.Model model) {
        List<ChannelSettings> cs = new ArrayList<>();
        double[] range = ChannelSettings.typeRange(type);
        double span = type.isFloatingPoint() ? 4e4 : range[1] - range[0];
        double lo = type.isFloatingPoint() ? -2e4 : range[0];
        for (int c = 0; c < sizeC; c++) {
            cs.add(ChannelSettings.of(type, SECONDARIES[c % SECONDARIES.length])
                    .withWindow(lo + span * 0.1 * c, lo + span * (0.6 + 0.05 * c)));
        }
        return RenderingSettings.of(cs).withModel(model);
    }

    private static void expectSame(PixelType type, int sizeC, RenderingSettings.Model model) {
        int w = 301;
        int h = 117;
        Object[] planes = new Object[sizeC];
        InMemoryPixelSource src = source(type, w, h, sizeC, planes, type.ordinal() * 31L + sizeC);
        RenderingSettings s = settings(type, sizeC, model);
        int[] expected = new int[w * h];
        Renderer.singleThreaded().renderPlanes(type, planes, w * h, s, expected);
        Region all = Region.plane(src, 0, 0, 0);
        String what = type + " " + sizeC + " channel(s) " + model;
        assertArrayEquals(expected, Renderer.singleThreaded().render(src, s, all).argb(), what + " banded");
        assertArrayEquals(expected, Renderer.create().render(tiled(src, 16), s, all).argb(), what + " tiled");
        assertArrayEquals(expected, Renderer.create().render(tiled(src, h), s, all).argb(), what + " untiled");
        // a region whose rows are not tile-aligned is read whole
        Region part = new Region(0, 0, 0, 7, 5, 200, 100);
        int[] got = Renderer.singleThreaded().render(tiled(src, 16), s, part).argb();
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 200; x++) {
                assertEquals(expected[(5 + y) * w + 7 + x], got[y * 200 + x], what + " part");
            }
        }
    }

    @Test
    void everyBandingGivesThePixelsOfThePlanesRenderedInMemory() {
        for (PixelType type : new PixelType[] {PixelType.UINT8, PixelType.INT8, PixelType.UINT16, PixelType.INT16,
            PixelType.UINT32, PixelType.INT32, PixelType.FLOAT}) {
            for (int sizeC : new int[] {1, 3, 6}) {
                expectSame(type, sizeC, RenderingSettings.Model.COLOR);
            }
            expectSame(type, 2, RenderingSettings.Model.GREYSCALE);
        }
    }

    @Test
    void theCallersOutputIsFilledAndReturned() {
        Object[] planes = new Object[3];
        InMemoryPixelSource src = source(PixelType.UINT16, 64, 40, 3, planes, 3);
        RenderingSettings s = settings(PixelType.UINT16, 3, RenderingSettings.Model.COLOR);
        int[] out = new int[64 * 40 + 10];
        RenderedImage img = Renderer.singleThreaded().render(src, s, Region.plane(src, 0, 0, 0), out);
        assertSame(out, img.argb());
        // a second render into the same array with other settings overwrites every pixel
        RenderingSettings other = settings(PixelType.UINT16, 3, RenderingSettings.Model.GREYSCALE);
        int[] fresh = Renderer.singleThreaded().render(src, other, Region.plane(src, 0, 0, 0)).argb();
        Renderer.singleThreaded().render(src, other, Region.plane(src, 0, 0, 0), out);
        assertArrayEquals(fresh, java.util.Arrays.copyOf(out, 64 * 40));
    }

    @Test
    void anOutputTooSmallIsRefusedBeforeAnythingIsRead() {
        Object[] planes = new Object[3];
        InMemoryPixelSource src = source(PixelType.UINT16, 64, 40, 3, planes, 4);
        ValidationException e = assertThrows(ValidationException.class, () -> Renderer.singleThreaded().render(src,
                settings(PixelType.UINT16, 3, RenderingSettings.Model.COLOR), Region.plane(src, 0, 0, 0),
                new int[100]));
        assertEquals(true, e.getMessage().contains("100 pixels is too small"), e.getMessage());
    }

    @Test
    void theBranchFreeClampEqualsAPerComponentMinimum() {
        for (int r = 0; r < 1024; r += 3) {
            for (int g = 0; g < 1024; g += 7) {
                for (int b : new int[] {0, 1, 254, 255, 256, 511, 512, 767, 1023}) {
                    int sum = r << 20 | g << 10 | b;
                    int expected = 0xFF000000 | Math.min(r, 255) << 16 | Math.min(g, 255) << 8 | Math.min(b, 255);
                    assertEquals(expected, Kernels.saturate(sum), r + "," + g + "," + b);
                }
            }
        }
    }
}
