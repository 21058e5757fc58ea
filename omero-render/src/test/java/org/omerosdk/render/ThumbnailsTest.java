package org.omerosdk.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.config.OmeroConfig;
import org.omerosdk.model.core.Rgba;

class ThumbnailsTest {
    private static PixelSource flat(int w, int h, int value, int... levels) {
        InMemoryPixelSource.Builder b = InMemoryPixelSource.builder(PixelType.UINT8, w, h);
        byte[] p = new byte[w * h];
        java.util.Arrays.fill(p, (byte) value);
        b.plane(0, 0, 0, 0, p);
        for (int i = 0; i < levels.length; i += 2) {
            b.addLevel(levels[i], levels[i + 1]);
            byte[] lp = new byte[levels[i] * levels[i + 1]];
            java.util.Arrays.fill(lp, (byte) (value / 2));
            b.plane(i / 2 + 1, 0, 0, 0, lp);
        }
        return b.build();
    }

    private static RenderingSettings grey() {
        return RenderingSettings.of(List.of(ChannelSettings.of(PixelType.UINT8, Rgba.of(255, 255, 255))));
    }

    @Test
    void longestSideIsTheDefaultSizeAndTheAspectIsKept() {
        Thumbnails t = Thumbnails.create(Renderer.create(), OmeroConfig.defaults());
        RenderedImage img = t.thumbnail(1, flat(1024, 768, 100), grey());
        assertEquals(96, img.width());
        assertEquals(72, img.height());
        assertArrayEquals(new int[] {96, 54}, Thumbnails.size(1920, 1080, 96));
        assertArrayEquals(new int[] {31, 96}, Thumbnails.size(333, 1000, 96));
        assertArrayEquals(new int[] {96, 1}, Thumbnails.size(10000, 7, 96));
    }

    @Test
    void theSmallestLevelThatIsLargeEnoughIsUsed() {
        Thumbnails t = Thumbnails.create(Renderer.create(), OmeroConfig.defaults());
        // level 1 (200x150) is large enough for 96x72 and holds value 50; level 2 (50x37) is too small
        RenderedImage img = t.thumbnail(1, flat(800, 600, 100, 200, 150, 50, 37), grey());
        assertEquals(0xFF323232, img.argb()[0]);
    }

    @Test
    void thumbnailsAreCachedUntilTheSettingsChange() {
        Thumbnails t = Thumbnails.create(Renderer.create(), OmeroConfig.defaults());
        PixelSource src = flat(300, 200, 100);
        RenderingSettings s = grey();
        RenderedImage first = t.thumbnail(7, src, s);
        assertSame(first, t.thumbnail(7, src, s));
        RenderingSettings brighter = s.withChannel(0, s.channels().get(0).withWindow(0, 100));
        RenderedImage second = t.thumbnail(7, src, brighter);
        assertNotSame(first, second);
        assertEquals(0xFFFFFFFF, second.argb()[0]);
        t.invalidate(7);
        assertEquals(0, t.cachedCount());
    }

    @Test
    void batchKeepsTheOrderAsked() {
        Thumbnails t = Thumbnails.create(Renderer.create(), OmeroConfig.defaults());
        List<RenderedImage> images = t.thumbnails(List.of(new Thumbnails.Request(1, flat(100, 50, 10), grey()),
                new Thumbnails.Request(2, flat(50, 100, 20), grey())));
        assertEquals(96, images.get(0).width());
        assertEquals(96, images.get(1).height());
        assertEquals(0xFF141414, images.get(1).argb()[0]);
    }

    @Test
    void impossibleSizesAreRefused() {
        Thumbnails t = Thumbnails.create(Renderer.create(), OmeroConfig.defaults());
        assertThrows(ValidationException.class, () -> t.thumbnail(1, flat(10, 10, 1), grey(), 0));
    }

    /** A view of {@code source} that decodes whole planes (one strip), counting the reads made through it. */
    private static PixelSource singleStrip(PixelSource source, java.util.concurrent.atomic.AtomicInteger reads) {
        return new PixelSource() {
            public PixelType pixelType() {
                return source.pixelType();
            }

            public int sizeZ() {
                return source.sizeZ();
            }

            public int sizeC() {
                return source.sizeC();
            }

            public int sizeT() {
                return source.sizeT();
            }

            public int sizeX(int level) {
                return source.sizeX(level);
            }

            public int sizeY(int level) {
                return source.sizeY(level);
            }

            public void readRegion(int level, int z, int c, int t, int x, int y, int w, int h,
                                   java.nio.ByteBuffer dst) {
                reads.incrementAndGet();
                source.readRegion(level, z, c, t, x, y, w, h, dst);
            }
        };
    }

    @Test
    void aLargeSingleStripPlaneIsReadOnceForItsThumbnailAndGivesTheSameThumbnail() {
        int w = 2000;
        int h = 1500;
        byte[] p = new byte[w * h];
        for (int i = 0; i < p.length; i++) {
            p[i] = (byte) ((i % w) * 255 / w ^ (i / w) % 7);
        }
        PixelSource rows = InMemoryPixelSource.builder(PixelType.UINT8, w, h).plane(0, 0, 0, 0, p).build();
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        RenderedImage fromRows = Thumbnails.create(Renderer.create(), OmeroConfig.defaults()).thumbnail(1, rows,
                grey());
        RenderedImage fromStrip = Thumbnails.create(Renderer.create(), OmeroConfig.defaults()).thumbnail(1,
                singleStrip(rows, reads), grey());
        assertEquals(1, reads.get(), "one read of the one strip, not one per sampled row");
        assertArrayEquals(fromRows.argb(), fromStrip.argb());
    }
}
