package org.omerosdk.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** Colour blending and output packing as OMERO does them (semantics: rendering.md 4.x). */
class RendererTest {
    private static final Rgba RED = Rgba.of(255, 0, 0);
    private static final Rgba GREEN = Rgba.of(0, 255, 0);
    private static final Rgba MAGENTA = Rgba.of(255, 0, 255);

    /** A 1-pixel uint8 image whose channel c holds values[c]; with the full window, q equals the value. */
    private static PixelSource pixel(int... values) {
        InMemoryPixelSource.Builder b = InMemoryPixelSource.builder(PixelType.UINT8, 1, 1).sizeC(values.length);
        for (int c = 0; c < values.length; c++) {
            b.plane(0, 0, c, 0, new byte[] {(byte) values[c]});
        }
        return b.build();
    }

    private static int render(PixelSource src, Rgba... colors) {
        List<ChannelSettings> cs = new ArrayList<>();
        for (Rgba c : colors) {
            cs.add(ChannelSettings.of(PixelType.UINT8, c));
        }
        return Renderer.create().render(src, RenderingSettings.of(cs), Region.plane(src, 0, 0, 0)).argb()[0];
    }

    @Test
    void channelsAddPerComponentAndClampAt255() {
        assertEquals(0xFFC86400, render(pixel(200, 100), RED, GREEN));
        assertEquals(0xFFFF0064, render(pixel(200, 100), RED, MAGENTA));
        assertEquals(0xFFFF0000, render(pixel(255, 255), RED, RED));
    }

    @Test
    void nonPrimaryColoursScaleEachComponentByQ() {
        assertEquals(0xFFC86400, render(pixel(200), Rgba.of(255, 128, 0)));
        assertEquals(0xFF646464, render(pixel(100), Rgba.of(255, 255, 255)));
    }

    @Test
    void alphaBelowOpaqueDimsTheChannel() {
        assertEquals(0xFF640000, render(pixel(200), new Rgba(255, 0, 0, 128)));
    }

    @Test
    void greyscaleDrawsTheFirstActiveChannelWithItsAlpha() {
        PixelSource src = pixel(10, 200);
        RenderingSettings s = RenderingSettings.of(List.of(
                ChannelSettings.of(PixelType.UINT8, RED).withActive(false),
                ChannelSettings.of(PixelType.UINT8, new Rgba(0, 255, 0, 200))))
                .withModel(RenderingSettings.Model.GREYSCALE);
        assertEquals(0xC8C8C8C8, Renderer.create().render(src, s, Region.plane(src, 0, 0, 0)).argb()[0]);
    }

    @Test
    void aLookupTableReplacesTheColour() {
        PixelSource src = pixel(100);
        RenderingSettings s = RenderingSettings.of(List.of(ChannelSettings.of(PixelType.UINT8, RED)
                .withLookupTable(LookupTable.standard("cyan.lut"))));
        assertEquals(0xFF006464, Renderer.create().render(src, s, Region.plane(src, 0, 0, 0)).argb()[0]);
    }

    @Test
    void noActiveChannelRendersBlack() {
        PixelSource src = pixel(100);
        RenderingSettings s = RenderingSettings.of(List.of(ChannelSettings.of(PixelType.UINT8, RED).withActive(false)));
        assertEquals(0xFF000000, Renderer.create().render(src, s, Region.plane(src, 0, 0, 0)).argb()[0]);
    }

    @Test
    void moreThanFourChannelsStillClampCorrectly() {
        int[] v = {100, 100, 100, 100, 100, 100};
        Rgba[] reds = new Rgba[6];
        java.util.Arrays.fill(reds, RED);
        assertEquals(0xFFFF0000, render(pixel(v), reds));
        assertEquals(0xFF640000, render(pixel(100, 0, 0, 0, 0, 0), reds));
    }

    private static PixelSource random16(int w, int h, int channels, long seed) {
        Random r = new Random(seed);
        InMemoryPixelSource.Builder b = InMemoryPixelSource.builder(PixelType.UINT16, w, h).sizeC(channels);
        for (int c = 0; c < channels; c++) {
            byte[] bytes = new byte[w * h * 2];
            r.nextBytes(bytes);
            b.plane(0, 0, c, 0, bytes);
        }
        return b.build();
    }

    private static RenderingSettings threeChannels16() {
        return RenderingSettings.of(List.of(
                ChannelSettings.of(PixelType.UINT16, RED).withWindow(1000, 50000),
                ChannelSettings.of(PixelType.UINT16, GREEN).withWindow(0, 30000).withFamily(Family.POLYNOMIAL, 1.5),
                ChannelSettings.of(PixelType.UINT16, Rgba.of(0, 0, 255)).withWindow(20000, 60000)
                        .withReverse(true)));
    }

    @Test
    void parallelAndSingleThreadedRenderingGiveIdenticalPixels() {
        PixelSource src = random16(700, 500, 3, 1);
        RenderingSettings s = threeChannels16();
        Region all = Region.plane(src, 0, 0, 0);
        assertArrayEquals(Renderer.singleThreaded().render(src, s, all).argb(),
                Renderer.create().render(src, s, all).argb());
    }

    @Test
    void fusedThreeChannelKernelEqualsThePerChannelPath() {
        PixelSource src = random16(300, 200, 3, 2);
        RenderingSettings s = threeChannels16();
        int[] fused = Renderer.create().render(src, s, Region.plane(src, 0, 0, 0)).argb();
        // four channels with the fourth inactive take the general path
        PixelSource four = random16(300, 200, 4, 2);
        List<ChannelSettings> cs = new ArrayList<>(s.channels());
        cs.add(ChannelSettings.of(PixelType.UINT16, RED).withActive(false));
        int[] general = Renderer.create().render(four, RenderingSettings.of(cs), Region.plane(four, 0, 0, 0)).argb();
        assertArrayEquals(fused, general);
    }

    @Test
    void everyPixelMatchesTheQuantizerAndOmerosColourArithmetic() {
        // primaries never saturate (the direct tables); magenta and yellow over red do (the clamping kernel)
        expectOmerosArithmetic(PixelType.UINT16, threeChannels16());
        expectOmerosArithmetic(PixelType.UINT16, recoloured(threeChannels16(), RED, MAGENTA, Rgba.of(255, 255, 0)));
        expectOmerosArithmetic(PixelType.INT16, RenderingSettings.of(List.of(
                ChannelSettings.of(PixelType.INT16, RED).withWindow(-20000, 20000),
                ChannelSettings.of(PixelType.INT16, GREEN).withWindow(-32768, 0),
                ChannelSettings.of(PixelType.INT16, Rgba.of(0, 0, 255)).withWindow(100, 30000))));
        expectOmerosArithmetic(PixelType.INT16, RenderingSettings.of(List.of(
                ChannelSettings.of(PixelType.INT16, RED).withWindow(-20000, 20000),
                ChannelSettings.of(PixelType.INT16, MAGENTA).withWindow(-32768, 0),
                ChannelSettings.of(PixelType.INT16, RED).withWindow(100, 30000))));
    }

    @Test
    void onlySettingsThatCannotSaturateUseTheDirectTables() {
        assertEquals(true, new CompiledSettings(PixelType.UINT16, threeChannels16()).direct);
        assertEquals(false, new CompiledSettings(PixelType.UINT16,
                recoloured(threeChannels16(), RED, MAGENTA, GREEN)).direct);
        // two half-intensity reds can never pass 255 together
        Rgba halfRed = new Rgba(255, 0, 0, 127);
        assertEquals(true, new CompiledSettings(PixelType.UINT16,
                recoloured(threeChannels16(), halfRed, halfRed, GREEN)).direct);
    }

    private static RenderingSettings recoloured(RenderingSettings s, Rgba... colours) {
        List<ChannelSettings> cs = new ArrayList<>();
        for (int c = 0; c < colours.length; c++) {
            cs.add(s.channels().get(c).withColor(colours[c]));
        }
        return RenderingSettings.of(cs);
    }

    private static void expectOmerosArithmetic(PixelType type, RenderingSettings s) {
        Random random = new Random(3);
        InMemoryPixelSource.Builder builder = InMemoryPixelSource.builder(type, 64, 64).sizeC(3);
        for (int c = 0; c < 3; c++) {
            byte[] bytes = new byte[64 * 64 * 2];
            random.nextBytes(bytes);
            builder.plane(0, 0, c, 0, bytes);
        }
        PixelSource src = builder.build();
        int[] argb = Renderer.create().render(src, s, Region.plane(src, 0, 0, 0)).argb();
        Quantizer[] q = new Quantizer[3];
        for (int c = 0; c < 3; c++) {
            q[c] = Quantizer.of(type, s.channels().get(c), s);
        }
        for (int i = 0; i < 64 * 64; i++) {
            int r = 0;
            int g = 0;
            int b = 0;
            for (int c = 0; c < 3; c++) {
                short rawBits = src.readPlane(0, c, 0).getShort(i * 2);
                int v = q[c].quantize(type.isSigned() ? rawBits : rawBits & 0xFFFF);
                Rgba col = s.channels().get(c).color();
                int cr = (int) (col.red() / 255.0 * v);
                int cg = (int) (col.green() / 255.0 * v);
                int cb = (int) (col.blue() / 255.0 * v);
                if (col.alpha() != 255) {
                    float a = col.alpha() / 255f;
                    cr = (int) (cr * a);
                    cg = (int) (cg * a);
                    cb = (int) (cb * a);
                }
                r = Math.min(255, r + cr);
                g = Math.min(255, g + cg);
                b = Math.min(255, b + cb);
            }
            assertEquals(0xFF000000 | r << 16 | g << 8 | b, argb[i], type + " pixel " + i);
        }
    }

    @Test
    void floatImagesRenderThroughOmerosBins() {
        float[] values = {0f, 0.5f, 1f, 2f};
        ByteBuffer bytes = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : values) {
            bytes.putFloat(f);
        }
        PixelSource src = InMemoryPixelSource.builder(PixelType.FLOAT, 4, 1).plane(0, 0, 0, 0, bytes.array()).build();
        RenderingSettings s = RenderingSettings.of(List.of(ChannelSettings.of(PixelType.FLOAT, RED).withWindow(0, 1)));
        int[] argb = Renderer.create().render(src, s, Region.plane(src, 0, 0, 0)).argb();
        assertEquals(0xFF000000, argb[0]);
        assertEquals(0xFF7F0000, argb[1]);
        assertEquals(0xFFFF0000, argb[2]);
        assertEquals(0xFFFF0000, argb[3]);
    }

    @Test
    void regionsRenderOnlyTheirRectangleAtTheirLevel() {
        PixelSource src = random16(100, 80, 3, 4);
        RenderingSettings s = threeChannels16();
        int[] whole = Renderer.create().render(src, s, Region.plane(src, 0, 0, 0)).argb();
        RenderedImage part = Renderer.create().render(src, s, new Region(0, 0, 0, 10, 20, 30, 5));
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 30; x++) {
                assertEquals(whole[(20 + y) * 100 + 10 + x], part.argb()[y * 30 + x]);
            }
        }
        assertThrows(ValidationException.class, () -> Renderer.create().render(src, s, new Region(0, 0, 0, 90, 0, 20, 5)));
        assertThrows(ValidationException.class, () -> new Region(0, 0, 0, 0, 0, 0, 5));
    }

    @Test
    void settingsForAnotherChannelCountAreRefused() {
        PixelSource src = random16(4, 4, 2, 5);
        ValidationException e = assertThrows(ValidationException.class,
                () -> Renderer.create().render(src, threeChannels16(), Region.plane(src, 0, 0, 0)));
        assertEquals(true, e.getMessage().contains("3 channels; the image has 2"));
    }
}
