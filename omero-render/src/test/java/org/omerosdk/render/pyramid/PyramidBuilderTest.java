package org.omerosdk.render.pyramid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import tools.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.omerosdk.model.CancelledException;
import org.omerosdk.model.FormatException;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.ProgressListener;
import org.omerosdk.model.StorageException;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.config.OmeroConfig;
import org.omerosdk.model.core.Rgba;
import org.omerosdk.model.store.MemoryBinaryStore;
import org.omerosdk.model.store.StoreWriter;
import org.omerosdk.render.ChannelSettings;
import org.omerosdk.render.InMemoryPixelSource;
import org.omerosdk.render.PixelSource;
import org.omerosdk.render.RenderingSettings;
import org.omerosdk.render.codec.zarr.Compression;
import org.omerosdk.render.codec.zarr.ZarrArray;

class PyramidBuilderTest {
    /** Small tiles so that small images have several levels. */
    private static final OmeroConfig SMALL_TILES = OmeroConfig.defaults()
            .with(ConfigKeys.PIXELDATA_TILE_WIDTH, "32").with(ConfigKeys.PIXELDATA_TILE_HEIGHT, "32");

    static PixelSource random(PixelType type, int w, int h, int c, long seed) {
        Random r = new Random(seed);
        InMemoryPixelSource.Builder b = InMemoryPixelSource.builder(type, w, h).sizeC(c);
        for (int ch = 0; ch < c; ch++) {
            ByteBuffer buf = ByteBuffer.allocate(w * h * type.bytesPerPixel()).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < w * h; i++) {
                switch (type) {
                    case FLOAT: buf.putFloat(r.nextFloat() * 100 - 50); break;
                    case DOUBLE: buf.putDouble(r.nextDouble() * 1e6 - 5e5); break;
                    case BIT: buf.put((byte) r.nextInt(2)); break;
                    default:
                        for (int k = 0; k < type.bytesPerPixel(); k++) {
                            buf.put((byte) r.nextInt(256));
                        }
                }
            }
            b.plane(0, 0, ch, 0, buf.array());
        }
        return b.build();
    }

    private static double at(PixelSource s, int level, int c, int x, int y) {
        PixelType t = s.pixelType();
        ByteBuffer b = ByteBuffer.allocate(t.bytesPerPixel()).order(ByteOrder.LITTLE_ENDIAN);
        s.readRegion(level, 0, c, 0, x, y, 1, 1, b);
        b.flip();
        switch (t) {
            case INT8: return b.get();
            case UINT8: case BIT: return b.get() & 0xFF;
            case INT16: return b.getShort();
            case UINT16: return b.getShort() & 0xFFFF;
            case INT32: return b.getInt();
            case UINT32: return b.getInt() & 0xFFFFFFFFL;
            case FLOAT: return b.getFloat();
            default: return b.getDouble();
        }
    }

    @Test
    void levelsHalveUntilOneTileWithOddSizesRoundedUp() {
        PyramidBuilder b = PyramidBuilder.from(OmeroConfig.defaults());
        List<int[]> odd = b.levelSizes(3193, 7001);
        assertEquals(6, odd.size());
        assertArrayEquals(new int[] {1597, 3501}, odd.get(1));
        assertArrayEquals(new int[] {100, 219}, odd.get(5));
        List<int[]> line = b.levelSizes(1, 100000);
        assertArrayEquals(new int[] {1, 196}, line.get(line.size() - 1));
        assertEquals(10, line.size());
        assertEquals(1, b.levelSizes(256, 256).size());
        assertEquals(2, b.levelSizes(257, 10).size());
    }

    @Test
    void omerosAreaRuleDecidesWhenAPyramidIsNeeded() {
        PyramidBuilder b = PyramidBuilder.from(OmeroConfig.defaults());
        assertTrue(b.requiresPyramid(PixelType.UINT16, 3193, 3193));
        assertFalse(b.requiresPyramid(PixelType.UINT16, 3192, 3192));
        assertFalse(b.requiresPyramid(PixelType.UINT16, 10000, 1000));
        assertFalse(b.requiresPyramid(PixelType.FLOAT, 20000, 20000));
        assertTrue(PyramidBuilder.from(OmeroConfig.defaults().with(ConfigKeys.PIXELDATA_MAX_PLANE_FLOAT_OVERRIDE,
                "false")).requiresPyramid(PixelType.FLOAT, 20000, 20000));
    }

    @ParameterizedTest
    @EnumSource(PixelType.class)
    void everyTypeKeepsLevelZeroAndDownsamplesToTheDirectMean(PixelType type) {
        PixelSource src = random(type, 75, 41, 2, type.ordinal());
        MemoryBinaryStore store = new MemoryBinaryStore();
        NgffPyramid p = PyramidBuilder.from(SMALL_TILES).build(src, store, "img", PyramidMetadata.named("t"),
                ProgressListener.NONE);
        assertEquals(3, p.levelCount());
        assertEquals(type, p.pixelType());
        for (int c = 0; c < 2; c++) {
            for (int y = 0; y < 41; y += 3) {
                for (int x = 0; x < 75; x += 2) {
                    assertEquals(at(src, 0, c, x, y), at(p, 0, c, x, y), type + " level 0 at " + x + "," + y);
                }
            }
            // level 1 pixel (37, 20) sits on both odd edges: one input sample; (10, 5) averages four
            for (int[] xy : new int[][] {{10, 5}, {37, 20}, {37, 3}, {0, 20}}) {
                int x = xy[0];
                int y = xy[1];
                double sum = 0;
                int n = 0;
                for (int yy = 2 * y; yy <= Math.min(40, 2 * y + 1); yy++) {
                    for (int xx = 2 * x; xx <= Math.min(74, 2 * x + 1); xx++) {
                        sum += at(src, 0, c, xx, yy);
                        n++;
                    }
                }
                double expected = type.isFloatingPoint() ? sum / n : Math.floor(sum / n + 0.5);
                if (type == PixelType.FLOAT) {
                    expected = (float) expected;
                }
                assertEquals(expected, at(p, 1, c, x, y), 1e-9, type + " level 1 at " + x + "," + y);
            }
        }
    }

    /**
     * Every pixel of every level against levels computed naively (each level the rounded 2 x 2 mean of the one
     * above, held in doubles): many strips, odd widths and heights, several planes, both tile shapes the builder
     * handles (an even tile height streams strips; an odd one goes tile by tile through the store).
     */
    @ParameterizedTest
    @EnumSource(value = PixelType.class, names = {"UINT8", "INT8", "UINT16", "INT16", "INT32", "FLOAT"})
    void everyPixelOfEveryLevelIsTheMeanOfTheLevelAbove(PixelType type) {
        PixelSource src = random(type, 157, 203, 2, 40 + type.ordinal());
        for (String tile : new String[] {"32", "33"}) {
            OmeroConfig config = OmeroConfig.defaults().with(ConfigKeys.PIXELDATA_TILE_WIDTH, "48")
                    .with(ConfigKeys.PIXELDATA_TILE_HEIGHT, tile);
            NgffPyramid p = PyramidBuilder.from(config).build(src, new MemoryBinaryStore(), "img",
                    PyramidMetadata.named("t"), ProgressListener.NONE);
            for (int c = 0; c < 2; c++) {
                double[][] level = new double[203][157];
                for (int y = 0; y < 203; y++) {
                    for (int x = 0; x < 157; x++) {
                        level[y][x] = at(src, 0, c, x, y);
                    }
                }
                for (int l = 0; l < p.levelCount(); l++) {
                    assertEquals(level.length, p.sizeY(l), "level " + l + " height");
                    assertEquals(level[0].length, p.sizeX(l), "level " + l + " width");
                    for (int y = 0; y < level.length; y++) {
                        for (int x = 0; x < level[0].length; x++) {
                            assertEquals(level[y][x], at(p, l, c, x, y), 1e-4,
                                    type + " tile height " + tile + " level " + l + " at " + x + "," + y);
                        }
                    }
                    level = halve(level, type);
                }
            }
        }
    }

    private static double[][] halve(double[][] in, PixelType type) {
        int h = (in.length + 1) / 2;
        int w = (in[0].length + 1) / 2;
        double[][] out = new double[h][w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double sum = 0;
                int n = 0;
                for (int yy = 2 * y; yy < Math.min(in.length, 2 * y + 2); yy++) {
                    for (int xx = 2 * x; xx < Math.min(in[0].length, 2 * x + 2); xx++) {
                        sum += in[yy][xx];
                        n++;
                    }
                }
                out[y][x] = type.isFloatingPoint() ? (float) (sum / n) : Math.floor(sum / n + 0.5);
            }
        }
        return out;
    }

    @Test
    void metadataHasTheSpecsRequiredFields() throws Exception {
        PixelSource src = random(PixelType.UINT16, 100, 60, 2, 1);
        MemoryBinaryStore store = new MemoryBinaryStore();
        RenderingSettings rs = RenderingSettings.of(List.of(
                ChannelSettings.of(PixelType.UINT16, Rgba.of(255, 0, 0)).withWindow(10, 900),
                ChannelSettings.of(PixelType.UINT16, Rgba.of(0, 255, 0)).withActive(false)));
        PyramidMetadata meta = new PyramidMetadata("cells", OptionalDouble.of(0.5), OptionalDouble.of(0.5),
                OptionalDouble.of(2.0), List.of("DAPI", "GFP"), Optional.of(rs));
        NgffPyramid p = PyramidBuilder.from(SMALL_TILES).compression(Compression.ZSTD)
                .build(src, store, "p", meta, ProgressListener.NONE);
        JsonNode ms = p.attributes().path("multiscales").get(0);
        assertEquals("0.4", ms.path("version").asString());
        assertEquals(List.of("t", "c", "z", "y", "x"), names(ms.path("axes")));
        assertEquals("channel", ms.path("axes").get(1).path("type").asString());
        assertEquals("micrometer", ms.path("axes").get(4).path("unit").asString());
        JsonNode d1 = ms.path("datasets").get(1);
        assertEquals("1", d1.path("path").asString());
        JsonNode scale = d1.path("coordinateTransformations").get(0);
        assertEquals("scale", scale.path("type").asString());
        assertEquals(1.0, scale.path("scale").get(4).asDouble(), 1e-12);
        assertEquals(2.0, scale.path("scale").get(2).asDouble(), 1e-12);
        JsonNode omero = p.attributes().path("omero");
        assertEquals("FF0000", omero.path("channels").get(0).path("color").asString());
        assertEquals(900, omero.path("channels").get(0).path("window").path("end").asDouble());
        assertFalse(omero.path("channels").get(1).path("active").asBoolean());
        assertEquals("GFP", omero.path("channels").get(1).path("label").asString());
        JsonNode zarray = ZarrArray.JSON.readTree(store.read("p/0/.zarray"));
        assertEquals(2, zarray.path("zarr_format").asInt());
        assertEquals("<u2", zarray.path("dtype").asString());
        assertEquals("zstd", zarray.path("compressor").path("id").asString());
        assertEquals("/", zarray.path("dimension_separator").asString());
        assertTrue(store.exists("p/0/0/1/0/1/3"), store.list("p/0/0/1").toString());
        assertEquals("{\"zarr_format\":2}", new String(store.read("p/.zgroup")));
    }

    private static List<String> names(JsonNode axes) {
        List<String> n = new ArrayList<>();
        axes.forEach(a -> n.add(a.path("name").asString()));
        return n;
    }

    @Test
    void everyCompressionRoundTrips() {
        PixelSource src = random(PixelType.INT16, 70, 70, 1, 9);
        for (Compression c : Compression.values()) {
            NgffPyramid p = PyramidBuilder.from(SMALL_TILES).compression(c).build(src, new MemoryBinaryStore(),
                    "x", PyramidMetadata.named("c"), ProgressListener.NONE);
            assertEquals(at(src, 0, 0, 69, 69), at(p, 0, 0, 69, 69), c.toString());
            assertEquals(at(src, 0, 0, 33, 7), at(p, 0, 0, 33, 7), c.toString());
        }
    }

    @Test
    void existingResolutionLevelsAreUsedNotRebuilt() {
        InMemoryPixelSource src = InMemoryPixelSource.builder(PixelType.UINT8, 64, 64).addLevel(20, 20)
                .plane(0, 0, 0, 0, new byte[64 * 64]).plane(1, 0, 0, 0, filled(400, 77)).build();
        NgffPyramid p = PyramidBuilder.from(SMALL_TILES).build(src, new MemoryBinaryStore(), "x",
                PyramidMetadata.named("given"), ProgressListener.NONE);
        assertEquals(2, p.levelCount());
        assertEquals(20, p.sizeX(1));
        assertEquals(77, at(p, 1, 0, 5, 5));
    }

    private static byte[] filled(int n, int v) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) v);
        return b;
    }

    @Test
    void progressCountsEveryTileAndCancellationLeavesNothingThatLooksComplete() {
        PixelSource src = random(PixelType.UINT8, 200, 200, 1, 3);
        MemoryBinaryStore store = new MemoryBinaryStore();
        AtomicLong last = new AtomicLong();
        PyramidBuilder.from(SMALL_TILES).build(src, store, "ok", PyramidMetadata.named("ok"),
                (step, done, total) -> last.set(total == done ? done : last.get()));
        assertEquals(49 + 16 + 4 + 1, last.get());

        MemoryBinaryStore other = new MemoryBinaryStore();
        assertThrows(CancelledException.class, () -> PyramidBuilder.from(SMALL_TILES).build(src, other, "c",
                PyramidMetadata.named("c"), (step, done, total) -> {
                    if (done > 20) {
                        throw new CancelledException("user pressed stop");
                    }
                }));
        assertThrows(FormatException.class, () -> NgffPyramid.open(other, "c"));
        assertTrue(other.list("c/").isEmpty(), other.list("").toString());
    }

    @Test
    void aStoreFailingMidBuildLeavesNoPyramid() {
        PixelSource src = random(PixelType.UINT8, 200, 200, 1, 4);
        MemoryBinaryStore inner = new MemoryBinaryStore();
        AtomicLong writes = new AtomicLong();
        org.omerosdk.model.store.BinaryStore failing = new org.omerosdk.model.store.ForwardingBinaryStore(inner) {
            @Override
            public StoreWriter writer(String key) {
                if (writes.incrementAndGet() > 30) {
                    throw new StorageException("simulated: disk full writing " + key);
                }
                return super.writer(key);
            }
        };
        assertThrows(StorageException.class, () -> PyramidBuilder.from(SMALL_TILES).build(src, failing, "f",
                PyramidMetadata.named("f"), ProgressListener.NONE));
        assertThrows(FormatException.class, () -> NgffPyramid.open(inner, "f"));
    }

    @Test
    void openRefusesWhatIsNotAPyramid() {
        MemoryBinaryStore store = new MemoryBinaryStore();
        FormatException missing = assertThrows(FormatException.class, () -> NgffPyramid.open(store, "nothing"));
        assertTrue(missing.getMessage().contains(".zattrs is missing"), missing.getMessage());
        store.put("bad/.zattrs", "{\"omero\":{}}".getBytes());
        assertTrue(assertThrows(FormatException.class, () -> NgffPyramid.open(store, "bad")).getMessage()
                .contains("no multiscales"));
        store.put("junk/.zattrs", "not json".getBytes());
        assertThrows(FormatException.class, () -> NgffPyramid.open(store, "junk"));
    }

    @Test
    void aCorruptChunkIsAFormatErrorNamingTheChunk() {
        PixelSource src = random(PixelType.UINT8, 40, 40, 1, 5);
        MemoryBinaryStore store = new MemoryBinaryStore();
        NgffPyramid p = PyramidBuilder.from(SMALL_TILES).compression(Compression.ZLIB).build(src, store, "z",
                PyramidMetadata.named("z"), ProgressListener.NONE);
        store.put("z/0/0/0/0/0/0", new byte[] {1, 2, 3});
        FormatException e = assertThrows(FormatException.class, () -> at(p, 0, 0, 1, 1));
        assertTrue(e.getMessage().contains("z/0/0/0/0/0/0"), e.getMessage());
    }
}
