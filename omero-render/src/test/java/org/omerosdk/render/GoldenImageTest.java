package org.omerosdk.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.config.OmeroConfig;
import org.omerosdk.model.core.Rgba;

/**
 * Small rendered images checked in under {@code src/test/resources/golden}: blending, lookup tables, reverse
 * intensity, greyscale, projections and thumbnails of one synthetic 3-channel, 4-section uint16 stack. Any change
 * to what a user sees fails here. Regenerate deliberately with {@code -Domerosdk.updateGolden=true}.
 */
class GoldenImageTest {
    private static final int W = 64;
    private static final int H = 48;

    static PixelSource stack() {
        InMemoryPixelSource.Builder b = InMemoryPixelSource.builder(PixelType.UINT16, W, H).sizeC(3).sizeZ(4);
        for (int z = 0; z < 4; z++) {
            for (int c = 0; c < 3; c++) {
                ByteBuffer buf = ByteBuffer.allocate(W * H * 2).order(ByteOrder.LITTLE_ENDIAN);
                for (int y = 0; y < H; y++) {
                    for (int x = 0; x < W; x++) {
                        double dx = x - (16 + 16 * c);
                        double dy = y - (14 + 8 * z);
                        int v = (int) (40000 * Math.exp(-(dx * dx + dy * dy) / (60.0 + 40 * z)) + 300 * c + x * 20);
                        buf.putShort((short) Math.min(65535, v));
                    }
                }
                b.plane(0, z, c, 0, buf.array());
            }
        }
        return b.build();
    }

    static RenderingSettings colour() {
        return RenderingSettings.of(List.of(
                ChannelSettings.of(PixelType.UINT16, Rgba.of(255, 0, 0)).withWindow(0, 30000),
                ChannelSettings.of(PixelType.UINT16, Rgba.of(0, 255, 0)).withWindow(500, 35000),
                ChannelSettings.of(PixelType.UINT16, Rgba.of(0, 0, 255)).withWindow(1000, 40000)));
    }

    private static RenderedImage render(String name) {
        PixelSource s = stack();
        RenderingSettings c = colour();
        Renderer r = Renderer.create();
        switch (name) {
            case "blend":
                return r.render(s, c, Region.plane(s, 0, 1, 0));
            case "lut":
                return r.render(s, c.withChannel(0, c.channels().get(0).withLookupTable(LookupTable.standard("fire.lut")))
                        .withChannel(1, c.channels().get(1).withActive(false))
                        .withChannel(2, c.channels().get(2).withActive(false)), Region.plane(s, 0, 1, 0));
            case "reverse":
                return r.render(s, c.withChannel(1, c.channels().get(1).withReverse(true)), Region.plane(s, 0, 1, 0));
            case "greyscale":
                return r.render(s, c.withModel(RenderingSettings.Model.GREYSCALE), Region.plane(s, 0, 2, 0));
            case "projection-max": {
                PixelSource[] p = new PixelSource[3];
                Projector proj = Projector.from(OmeroConfig.defaults());
                InMemoryPixelSource.Builder b = InMemoryPixelSource.builder(PixelType.UINT16, W, H).sizeC(3);
                for (int ch = 0; ch < 3; ch++) {
                    p[ch] = proj.project(s, Projection.MAXIMUM, ch, 0, 0, 3, 1);
                    byte[] bytes = new byte[W * H * 2];
                    p[ch].readPlane(0, 0, 0).get(bytes);
                    b.plane(0, 0, ch, 0, bytes);
                }
                PixelSource projected = b.build();
                return r.render(projected, c, Region.plane(projected, 0, 0, 0));
            }
            case "thumbnail":
                return Thumbnails.create(r, OmeroConfig.defaults()).thumbnail(1, s, c.withDefaultPlane(1, 0), 32);
            default:
                throw new IllegalArgumentException(name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"blend", "lut", "reverse", "greyscale", "projection-max", "thumbnail"})
    void renderingMatchesTheCheckedInImage(String name) throws IOException {
        RenderedImage img = render(name);
        byte[] png = ImageEncoder.png(img);
        if (Boolean.getBoolean("omerosdk.updateGolden")) {
            Path dir = Path.of("src/test/resources/golden");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), png);
        }
        try (InputStream in = GoldenImageTest.class.getResourceAsStream("/golden/" + name + ".png")) {
            assertTrue(in != null, "golden image " + name + ".png is missing");
            BufferedImage golden = ImageIO.read(in);
            assertEquals(img.width(), golden.getWidth());
            assertEquals(img.height(), golden.getHeight());
            int[] expected = golden.getRGB(0, 0, golden.getWidth(), golden.getHeight(), null, 0, golden.getWidth());
            int[] actual = ImageIO.read(new ByteArrayInputStream(png)).getRGB(0, 0, img.width(), img.height(), null,
                    0, img.width());
            assertArrayEquals(expected, actual, name);
        }
    }
}
