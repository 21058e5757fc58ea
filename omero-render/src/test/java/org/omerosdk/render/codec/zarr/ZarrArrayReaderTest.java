package org.omerosdk.render.codec.zarr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.omerosdk.model.FormatException;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.store.MemoryBinaryStore;

/** Region reads from real Zarr v2 and v3 arrays (../shared/testdata) and from small arrays written here. */
class ZarrArrayReaderTest {
    static final Path TESTDATA = Path.of(System.getProperty("omerosdk.repo.root", "."), "../shared/testdata")
            .normalize();
    static final Path BF2RAW = TESTDATA.resolve(
            "BMCV__galaxy-image-analysis/tools/bioformats2raw/test-data/xyz_8bit__mitotic_plate_calibrated.ome.zarr");
    static final Path V3 = TESTDATA.resolve("BioImageTools__ome-zarr-fiji-java/test-shared/resources/ome/zarr/"
            + "testdata/5d_testing/5d_dataset_v5.ome.zarr");

    static ZarrArrayReader v2(ChunkStore store, String path) {
        byte[] json = store.read(path + "/.zarray", 1 << 20).orElseThrow();
        return new ZarrArrayReader(store, path, ZarrArrayMetadata.parseV2(json, path + "/.zarray"),
                new ZarrArrayReader.ChunkCache(1 << 24));
    }

    static ZarrArrayReader v3(ChunkStore store, String path) {
        byte[] json = store.read(path + "/zarr.json", 1 << 20).orElseThrow();
        return new ZarrArrayReader(store, path, ZarrArrayMetadata.parseV3(
                ZarrArrayMetadata.readJson(json, path), path + "/zarr.json"), new ZarrArrayReader.ChunkCache(1 << 24));
    }

    static ByteBuffer read(ZarrArrayReader r, int[] start, int[] size) {
        long n = r.metadata().type().bytesPerPixel();
        for (int s : size) {
            n *= s;
        }
        ByteBuffer b = ByteBuffer.allocate((int) n).order(ByteOrder.LITTLE_ENDIAN);
        r.read(start, size, b);
        assertEquals(n, b.position());
        return b.flip();
    }

    static String sha256(ByteBuffer b) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(b.duplicate());
        return HexFormat.of().formatHex(md.digest());
    }

    @Test
    void bioformats2rawBloscLz4PlanesHaveTheExpectedHashes() throws Exception {
        ZarrArrayReader r = v2(ChunkStore.of(BF2RAW), "0/0");
        assertEquals(PixelType.UINT8, r.metadata().type());
        // expected.json entry 20, planes z0 and z5
        assertEquals("2ba640a94265768825d191b21d0be2234ccb8bb741bc455292185857e16a6c1e",
                sha256(read(r, new int[] {0, 0, 0, 0, 0}, new int[] {1, 1, 1, 263, 263})));
        assertEquals("c35db22dd5f5da6f74962755af214c93f2c18976fadb97168faf6465c42fd60d",
                sha256(read(r, new int[] {0, 0, 5, 0, 0}, new int[] {1, 1, 1, 263, 263})));
    }

    @Test
    void aRegionAcrossChunkEdgesEqualsTheSameRegionOfTheWholePlane() {
        ZarrArrayReader r = v2(ChunkStore.of(BF2RAW), "0/0");
        ByteBuffer plane = read(r, new int[] {0, 0, 2, 0, 0}, new int[] {1, 1, 1, 263, 263});
        ByteBuffer region = read(r, new int[] {0, 0, 2, 90, 95}, new int[] {1, 1, 1, 110, 168});
        for (int y = 0; y < 110; y++) {
            for (int x = 0; x < 168; x++) {
                assertEquals(plane.get((90 + y) * 263 + 95 + x), region.get(y * 168 + x), "x=" + x + " y=" + y);
            }
        }
    }

    @Test
    void zarrV3ZstdChunksLargerThanTheArrayAreCropped() {
        ZarrArrayReader l0 = v3(ChunkStore.of(V3), "0");
        ByteBuffer stack = read(l0, new int[] {0, 0, 0, 0, 0}, new int[] {1, 1, 16, 64, 64});
        long sum = 0;
        while (stack.hasRemaining()) {
            sum += stack.get() & 0xff;
        }
        assertEquals(8_159_554, sum);   // expected.json entry 22, chunkSums
        assertEquals(50, read(l0, new int[] {0, 0, 0, 0, 0}, new int[] {1, 1, 1, 1, 1}).get(0) & 0xff);
        assertEquals(200, read(l0, new int[] {0, 0, 15, 63, 63}, new int[] {1, 1, 1, 1, 1}).get(0) & 0xff);
        assertEquals(104, read(l0, new int[] {3, 2, 15, 63, 63}, new int[] {1, 1, 1, 1, 1}).get(0) & 0xff);
        ZarrArrayReader l1 = v3(ChunkStore.of(V3), "1");
        assertArrayEquals(new int[] {4, 3, 8, 32, 32}, l1.metadata().shape());
        ByteBuffer plane = read(l1, new int[] {3, 2, 7, 0, 0}, new int[] {1, 1, 1, 32, 32});
        assertEquals(32 * 32, plane.remaining());
    }

    @Test
    void missingChunksReadAsTheFillValue() {
        MemoryBinaryStore mem = new MemoryBinaryStore();
        mem.put("a/.zarray", ("{\"zarr_format\":2,\"shape\":[3,5],\"chunks\":[2,2],\"dtype\":\">u2\","
                + "\"compressor\":null,\"fill_value\":513,\"order\":\"C\",\"filters\":null}")
                .getBytes(StandardCharsets.UTF_8));
        ByteBuffer b = read(v2(ChunkStore.of(mem, ""), "a"), new int[] {0, 0}, new int[] {3, 5});
        for (int i = 0; i < 15; i++) {
            assertEquals(513, b.getShort(2 * i));
        }
    }

    @Test
    void fortranOrderBigEndianChunksReadInCOrderAndTheBuffersByteOrder() {
        MemoryBinaryStore mem = new MemoryBinaryStore();
        mem.put("f/.zarray", ("{\"zarr_format\":2,\"shape\":[2,3],\"chunks\":[2,3],\"dtype\":\">i2\","
                + "\"compressor\":null,\"fill_value\":0,\"order\":\"F\",\"filters\":null}")
                .getBytes(StandardCharsets.UTF_8));
        // logical [[1,2,3],[4,5,6]] stored column by column: 1,4,2,5,3,6
        ByteBuffer chunk = ByteBuffer.allocate(12).order(ByteOrder.BIG_ENDIAN);
        for (int v : new int[] {1, 4, 2, 5, 3, 6}) {
            chunk.putShort((short) v);
        }
        mem.put("f/0.0", chunk.array());
        ByteBuffer b = read(v2(ChunkStore.of(mem, ""), "f"), new int[] {0, 0}, new int[] {2, 3});
        for (int i = 0; i < 6; i++) {
            assertEquals(i + 1, b.getShort(2 * i));
        }
    }

    @Test
    void aChunkOfTheWrongLengthIsAFormatExceptionNamingTheChunk() {
        MemoryBinaryStore mem = new MemoryBinaryStore();
        mem.put("s/.zarray", ("{\"zarr_format\":2,\"shape\":[4],\"chunks\":[4],\"dtype\":\"|u1\","
                + "\"compressor\":null,\"fill_value\":0,\"order\":\"C\",\"filters\":null}")
                .getBytes(StandardCharsets.UTF_8));
        mem.put("s/0", new byte[3]);
        FormatException e = assertThrows(FormatException.class,
                () -> read(v2(ChunkStore.of(mem, ""), "s"), new int[] {0}, new int[] {1}));
        assertTrue(e.getMessage().contains("s/0") && e.getMessage().contains("3 bytes"), e.getMessage());
    }

    @Test
    void aCorruptZstdChunkIsAFormatException() {
        MemoryBinaryStore mem = new MemoryBinaryStore();
        mem.put("z/.zarray", ("{\"zarr_format\":2,\"shape\":[64],\"chunks\":[64],\"dtype\":\"|u1\","
                + "\"compressor\":{\"id\":\"zstd\"},\"fill_value\":0,\"order\":\"C\",\"filters\":null}")
                .getBytes(StandardCharsets.UTF_8));
        mem.put("z/0", new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 1, 2, 3, 4, 5});
        FormatException e = assertThrows(FormatException.class,
                () -> read(v2(ChunkStore.of(mem, ""), "z"), new int[] {0}, new int[] {8}));
        assertTrue(e.getMessage().contains("z/0"), e.getMessage());
    }

    @Test
    void absurdChunkShapesAreRefusedBeforeAnythingIsAllocated() {
        FormatException e = assertThrows(FormatException.class, () -> ZarrArrayMetadata.parseV2(
                ("{\"zarr_format\":2,\"shape\":[40000,40000],\"chunks\":[40000,40000],\"dtype\":\"<u2\","
                        + "\"compressor\":null,\"fill_value\":0,\"order\":\"C\",\"filters\":null}")
                        .getBytes(StandardCharsets.UTF_8), "big/.zarray"));
        assertTrue(e.getMessage().contains("big/.zarray") && e.getMessage().contains("MiB"), e.getMessage());
    }

    @Test
    void missingAndContradictoryFieldsAreNamed() {
        String[][] cases = {
            {"{\"zarr_format\":2,\"chunks\":[2],\"dtype\":\"|u1\"}", "shape"},
            {"{\"zarr_format\":2,\"shape\":[2,2],\"chunks\":[2],\"dtype\":\"|u1\"}", "1-dimensional chunks"},
            {"{\"zarr_format\":2,\"shape\":[2],\"chunks\":[0],\"dtype\":\"|u1\"}", "not positive"},
            {"{\"zarr_format\":2,\"shape\":[-2],\"chunks\":[2],\"dtype\":\"|u1\"}", "outside"},
            {"{\"zarr_format\":2,\"shape\":[2],\"chunks\":[2],\"dtype\":\"<c8\"}", "c8"},
            {"{\"zarr_format\":2,\"shape\":[2],\"chunks\":[2],\"dtype\":\"|u1\",\"compressor\":{\"id\":\"lzma\"}}",
                "lzma"},
            {"{\"zarr_format\":3,\"shape\":[2],\"chunks\":[2],\"dtype\":\"|u1\"}", "zarr_format"},
            {"[1,2]", "not a JSON object"},
            {"{\"zarr_format\":2,", "not valid JSON"},
        };
        for (String[] c : cases) {
            FormatException e = assertThrows(FormatException.class, () -> ZarrArrayMetadata.parseV2(
                    c[0].getBytes(StandardCharsets.UTF_8), "x/.zarray"), c[0]);
            assertTrue(e.getMessage().contains("x/.zarray") && e.getMessage().contains(c[1]), e.getMessage());
        }
    }

    @Test
    void shardedV3ArraysAreRefusedByName() {
        String json = "{\"zarr_format\":3,\"node_type\":\"array\",\"shape\":[4],\"data_type\":\"uint8\","
                + "\"chunk_grid\":{\"name\":\"regular\",\"configuration\":{\"chunk_shape\":[4]}},"
                + "\"codecs\":[{\"name\":\"sharding_indexed\"}],\"fill_value\":0}";
        FormatException e = assertThrows(FormatException.class, () -> ZarrArrayMetadata.parseV3(
                ZarrArrayMetadata.readJson(json.getBytes(StandardCharsets.UTF_8), "v"), "v/zarr.json"));
        assertTrue(e.getMessage().contains("shard"), e.getMessage());
    }
}
