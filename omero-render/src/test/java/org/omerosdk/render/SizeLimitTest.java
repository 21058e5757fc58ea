package org.omerosdk.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.omerosdk.model.FormatException;
import org.omerosdk.model.OmeroException;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.config.OmeroConfig;
import org.omerosdk.model.store.MemoryBinaryStore;
import org.omerosdk.render.pyramid.NgffPyramid;

/**
 * Sizes from requests and file metadata are checked against the source and {@code omero.sdk.pixeldata.max_bytes}
 * before anything is allocated (item 10 of issue 10): each refusal here allocates almost nothing.
 */
class SizeLimitTest {
    /** A refusal may allocate its message and stack trace, never a buffer of the refused size. */
    private static final long SMALL = 16L << 20;

    private static long allocatedBy(Runnable r) {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = bean.getCurrentThreadAllocatedBytes();
        r.run();
        return bean.getCurrentThreadAllocatedBytes() - before;
    }

    private static <T extends OmeroException> T refusedCheaply(Class<T> type, Runnable call) {
        Object[] caught = new Object[1];
        long bytes = allocatedBy(() -> caught[0] = assertThrows(type, call::run));
        assertTrue(bytes < SMALL, "the refusal allocated " + bytes + " bytes first");
        return type.cast(caught[0]);
    }

    /** A source that declares its size but holds no pixels (reads return zeros). */
    private static PixelSource declared(PixelType type, int w, int h) {
        return new PixelSource() {
            public PixelType pixelType() {
                return type;
            }

            public int sizeZ() {
                return 1;
            }

            public int sizeC() {
                return 1;
            }

            public int sizeT() {
                return 1;
            }

            public int sizeX(int level) {
                return w;
            }

            public int sizeY(int level) {
                return h;
            }

            public void readRegion(int level, int z, int c, int t, int x, int y, int rw, int rh, ByteBuffer dst) {
                PixelSources.checkRegion(this, level, z, c, t, x, y, rw, rh);
                dst.position(dst.position() + rw * rh * type.bytesPerPixel());
            }
        };
    }

    private static RenderingSettings settings(PixelSource s) {
        return RenderingDefaults.of(s.pixelType(), s.sizeZ(), List.of(RenderingDefaults.ChannelInfo.unknown()));
    }

    @Test
    void aRegionFarLargerThanAnEightByEightSourceIsRefusedBeforeAnyBufferExists() {
        PixelSource small = InMemoryPixelSource.builder(PixelType.UINT8, 8, 8).build();
        ValidationException e = refusedCheaply(ValidationException.class, () -> Renderer.create().render(small,
                settings(small), new Region(0, 0, 0, 0, 0, 30000, 30000)));
        assertTrue(e.getMessage().contains("not inside level 0 (8x8)"), e.getMessage());
    }

    @Test
    void aFortyThousandSquaredUint16RegionIsRefusedByTheLimitNotByAnOverflow() {
        PixelSource big = declared(PixelType.UINT16, 40000, 40000);
        ValidationException e = refusedCheaply(ValidationException.class, () -> Renderer.create().render(big,
                settings(big), new Region(0, 0, 0, 0, 0, 40000, 40000)));
        assertTrue(e.getMessage().contains("omero.sdk.pixeldata.max_bytes"), e.getMessage());
    }

    @Test
    void theConfiguredLimitDecidesWhatRenders() {
        PixelSource s = declared(PixelType.UINT8, 64, 64);
        SizeLimit limit = SizeLimit.from(OmeroConfig.defaults().with(ConfigKeys.SDK_PIXELDATA_MAX_BYTES, "4096"));
        Renderer r = Renderer.create(limit);
        assertEquals(16 * 16, r.render(s, settings(s), new Region(0, 0, 0, 0, 0, 16, 16)).argb().length);
        assertThrows(ValidationException.class, () -> r.render(s, settings(s), new Region(0, 0, 0, 0, 0, 64, 64)));
    }

    @Test
    void aProjectionAllowedByItsStackLimitIsStillRefusedBeforeItsWorkingBuffersExceedTheLimit() {
        PixelSource big = declared(PixelType.UINT8, 40000, 40000);
        Projector p = Projector.from(OmeroConfig.defaults()
                .with(ConfigKeys.PIXELDATA_MAX_PROJECTION_BYTES, Long.toString(1L << 40)));
        ValidationException e = refusedCheaply(ValidationException.class,
                () -> p.project(big, Projection.MAXIMUM, 0, 0, 0, 0, 1));
        assertTrue(e.getMessage().contains("40000x40000"), e.getMessage());
    }

    @Test
    void aProjectionStackWhoseByteCountOverflowsALongIsRefused() {
        PixelSource huge = declared(PixelType.DOUBLE, Integer.MAX_VALUE, Integer.MAX_VALUE);
        Projector p = Projector.from(OmeroConfig.defaults()
                .with(ConfigKeys.PIXELDATA_MAX_PROJECTION_BYTES, Long.toString(Long.MAX_VALUE)));
        refusedCheaply(ValidationException.class, () -> p.project(huge, Projection.MAXIMUM, 0, 0, 0, 0, 1));
    }

    @Test
    void anNgffArrayDeclaringFortyThousandSquaredChunksIsRefusedWhenOpenedNotOnTheFirstRead() {
        MemoryBinaryStore store = new MemoryBinaryStore();
        store.put("img/.zattrs", ("{\"multiscales\":[{\"version\":\"0.4\",\"datasets\":[{\"path\":\"0\"}],"
                + "\"axes\":[]}]}").getBytes(StandardCharsets.UTF_8));
        store.put("img/0/.zarray", ("{\"zarr_format\":2,\"shape\":[1,1,1,40000,40000],"
                + "\"chunks\":[1,1,1,40000,40000],\"dtype\":\"|u1\",\"compressor\":null,\"fill_value\":0,"
                + "\"order\":\"C\",\"filters\":null}").getBytes(StandardCharsets.UTF_8));
        FormatException e = refusedCheaply(FormatException.class, () -> {
            try (NgffPyramid p = NgffPyramid.open(store, "img")) {
                p.readRegion(0, 0, 0, 0, 0, 0, 1, 1, ByteBuffer.allocate(1));
            }
        });
        assertTrue(e.getMessage().contains("img/0/.zarray"), e.getMessage());
    }
}
