package org.omerosdk.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.omerosdk.importer.ExternalTool;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.store.MemoryBinaryStore;
import org.omerosdk.render.InMemoryPixelSource;
import org.omerosdk.render.PixelSource;
import org.omerosdk.render.codec.zarr.ZarrArray;
import org.omerosdk.render.pyramid.NgffPyramid;
import org.omerosdk.sdk.Lab;
import org.omerosdk.sdk.Session;
import tools.jackson.databind.JsonNode;

/**
 * {@code zarr/{id}.zarr/} over real HTTP, read back with our own NGFF reader and with a third-party one
 * ({@code @fideus-labs/ngff-zarr}), pixels held against the SDK's own; refusals, CORS and ranges.
 */
class ZarrTest {
    static WebLab lab;
    static WebServer server;
    static Browser ada;
    static Browser bob;
    static Browser anonymous;
    static Session adaSdk;
    /** 300 x 200 with a 150 x 100 level, 256² TIFF tiles: chunks of 256 x 200 and a partial one 44 wide. */
    static Image wide;

    @BeforeAll
    static void open() throws Exception {
        lab = WebLab.open();
        server = lab.serve(ConfigKeys.WEB_PUBLIC_URL_FILTER, "^/zarr/");
        ada = new Browser(server.uri());
        assertEquals(200, WebLab.login(ada, "ada", Lab.PASSWORD).statusCode());
        bob = new Browser(server.uri());
        assertEquals(200, WebLab.login(bob, "bob", Lab.PASSWORD).statusCode());
        anonymous = new Browser(server.uri());
        adaSdk = lab.lab.login("ada");
        wide = lab.importPixels("readOnly", widePixels(), "wide");
    }

    @AfterAll
    static void close() {
        adaSdk.close();
        server.close();
        lab.close();
    }

    static InMemoryPixelSource widePixels() {
        InMemoryPixelSource.Builder b = InMemoryPixelSource.builder(PixelType.UINT16, 300, 200).sizeC(2)
                .addLevel(150, 100);
        for (int level = 0; level < 2; level++) {
            int w = 300 >> level;
            int h = 200 >> level;
            for (int c = 0; c < 2; c++) {
                ByteBuffer plane = ByteBuffer.allocate(w * h * 2).order(ByteOrder.LITTLE_ENDIAN);
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        plane.putShort((short) ((x * 97 + y * 31 + c * 1000 + level * 7) % 60000));
                    }
                }
                b.plane(level, 0, c, 0, plane.array());
            }
        }
        return b.build();
    }

    private static String base(Image image) {
        return "/zarr/" + image.id() + ".zarr/";
    }

    /** Every document and chunk of the image's zarr/ URL, fetched by {@code b}, in a store of our own. */
    private static MemoryBinaryStore mirror(Browser b, Image image) {
        MemoryBinaryStore store = new MemoryBinaryStore();
        for (String key : List.of(".zgroup", ".zattrs")) {
            HttpResponse<byte[]> r = b.get(base(image) + key);
            assertEquals(200, r.statusCode(), () -> key + ": " + Browser.text(r));
            store.put(key, r.body());
        }
        JsonNode datasets = Browser.json(b.get(base(image) + ".zattrs")).get("multiscales").get(0).get("datasets");
        for (JsonNode d : datasets) {
            String path = d.get("path").asString();
            HttpResponse<byte[]> za = b.get(base(image) + path + "/.zarray");
            assertEquals(200, za.statusCode());
            store.put(path + "/.zarray", za.body());
            ZarrArray a = ZarrArray.parse(za.body(), path);
            int[] s = a.shape();
            for (int t = 0; t < s[0]; t++) {
                for (int c = 0; c < s[1]; c++) {
                    for (int z = 0; z < s[2]; z++) {
                        for (int cy = 0; cy * a.chunkY() < s[3]; cy++) {
                            for (int cx = 0; cx * a.chunkX() < s[4]; cx++) {
                                String key = a.chunkKey(path, t, c, z, cy, cx);
                                HttpResponse<byte[]> chunk = b.get("/zarr/" + image.id() + ".zarr/" + key);
                                assertEquals(200, chunk.statusCode(), key);
                                assertEquals(a.chunkBytes(), chunk.body().length, key);
                                store.put(key, chunk.body());
                            }
                        }
                    }
                }
            }
        }
        return store;
    }

    private static byte[] plane(PixelSource p, int level, int z, int c, int t) {
        ByteBuffer buf = ByteBuffer.allocate(p.sizeX(level) * p.sizeY(level) * p.pixelType().bytesPerPixel())
                .order(ByteOrder.LITTLE_ENDIAN);
        p.readRegion(level, z, c, t, 0, 0, p.sizeX(level), p.sizeY(level), buf);
        return buf.array();
    }

    private static void samePixels(Browser b, Image image) {
        NgffPyramid overHttp = NgffPyramid.open(mirror(b, image), "");
        try (PixelSource sdk = adaSdk.images().pixels(image)) {
            assertEquals(sdk.levelCount(), overHttp.levelCount());
            assertEquals(sdk.pixelType(), overHttp.pixelType());
            for (int l = 0; l < sdk.levelCount(); l++) {
                assertEquals(sdk.sizeX(l), overHttp.sizeX(l));
                assertEquals(sdk.sizeY(l), overHttp.sizeY(l));
                for (int z = 0; z < sdk.sizeZ(); z++) {
                    for (int c = 0; c < sdk.sizeC(); c++) {
                        assertArrayEquals(plane(sdk, l, z, c, 0), plane(overHttp, l, z, c, 0),
                                "level " + l + " z " + z + " c " + c);
                    }
                }
            }
        }
    }

    @Test
    void ourNgffReaderReadsTheSdksPixelsBackOverHttp() {
        samePixels(ada, lab.shared);
    }

    @Test
    void partialEdgeChunksArePaddedToTheFullChunkSize() {
        ZarrArray level0 = ZarrArray.parse(ada.get(base(wide) + "0/.zarray").body(), "0");
        assertArrayEquals(new int[] {1, 2, 1, 200, 300}, level0.shape());
        assertArrayEquals(new int[] {1, 1, 1, 200, 256}, level0.chunks());
        samePixels(ada, wide);
    }

    @Test
    void theGroupAttributesAreNgffMultiscalesWithTheRenderingSettings() {
        JsonNode attrs = Browser.json(ada.get(base(lab.shared) + ".zattrs"));
        JsonNode ms = attrs.get("multiscales").get(0);
        assertEquals("0.4", ms.get("version").asString());
        List<String> axes = new java.util.ArrayList<>();
        ms.get("axes").forEach(a -> axes.add(a.get("name").asString()));
        assertEquals(List.of("t", "c", "z", "y", "x"), axes);
        assertEquals(adaSdk.rendering().levels(lab.shared).size(), ms.get("datasets").size());
        assertEquals(2.0, ms.get("datasets").get(1).get("coordinateTransformations").get(0).get("scale").get(4)
                .asDouble());
        assertEquals(2, attrs.get("omero").get("channels").size());
        assertEquals(adaSdk.rendering().settings(lab.shared).channels().get(0).windowEnd(),
                attrs.get("omero").get("channels").get(0).get("window").get("end").asDouble());
        assertEquals("{\"zarr_format\":2}", Browser.text(ada.get(base(lab.shared) + ".zgroup")));
    }

    @Test
    void theThirdPartyNgffReaderOpensTheImageByUrl() throws Exception {
        Path node = Path.of(System.getProperty("omerosdk.repo.root"), "omero-render/src/test/node");
        ExternalTool.require(ExternalTool.onPath("node")
                        && Files.isDirectory(node.resolve("node_modules/@fideus-labs")),
                "node with @fideus-labs/ngff-zarr (npm ci --prefix omero-render/src/test/node)");
        // the public user reads it: the reader sends no cookie
        String out = ExternalTool.run(List.of("node", node.resolve("read-levels.mjs").toString(),
                server.uri().resolve(base(lab.published)).toString()));
        JsonNode seen = tools.jackson.databind.json.JsonMapper.builder().build().readTree(out);
        assertEquals("[[1,2,3,48,64],[1,2,3,24,32]]", seen.get("levels").toString());
        assertEquals("uint16", seen.get("dtype").asString());
        try (PixelSource sdk = adaSdk.images().pixels(lab.published)) {
            for (int l = 0; l < 2; l++) {
                for (int c = 0; c < 2; c++) {
                    ByteBuffer b = ByteBuffer.wrap(plane(sdk, l, 0, c, 0)).order(ByteOrder.LITTLE_ENDIAN);
                    long sum = 0;
                    while (b.hasRemaining()) {
                        sum += b.getShort() & 0xFFFF;
                    }
                    assertEquals(sum, seen.get("sums").get(l).get(c).asLong(), "level " + l + " channel " + c);
                }
            }
        }
    }

    @Test
    void anImageTheCallerMayNotSeeAnswersExactlyAsAMissingOne() {
        long missing = lab.hidden.id() + 100_000;
        for (String key : List.of(".zattrs", ".zgroup", "0/.zarray", "0/0/0/0/0/0")) {
            HttpResponse<byte[]> hidden = bob.get(base(lab.hidden) + key);
            HttpResponse<byte[]> absent = bob.get("/zarr/" + missing + ".zarr/" + key);
            assertEquals(404, hidden.statusCode(), key);
            assertEquals(404, absent.statusCode(), key);
            assertEquals(Browser.text(absent).replace(Long.toString(missing), "ID"),
                    Browser.text(hidden).replace(Long.toString(lab.hidden.id()), "ID"), key);
            assertEquals("*", hidden.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        }
        assertEquals(200, ada.get(base(lab.hidden) + ".zattrs").statusCode());
    }

    @Test
    void rawPixelsTheBinaryAccessPolicyRestrictsAnswer403WhileRenderingStillWorks() {
        // bob's image in "readOnly", whose own policy lacks +read: only those who may edit it may read its pixels
        Image restricted = lab.importPixels("bob", "readOnly", WebLab.knownPixels(), "restricted");
        lab.lab.root.admin().setBinaryAccess(lab.lab.group("readOnly"), "-read");
        try {
            Browser reader = ada;   // a member of readOnly who may see bob's image but not edit it
            for (String key : List.of(".zattrs", "0/.zarray", "0/0/0/0/0/0")) {
                HttpResponse<byte[]> r = reader.get(base(restricted) + key);
                assertEquals(403, r.statusCode(), key);
                assertEquals("Permission denied", Browser.json(r).get("message").asString());
                assertEquals(200, bob.get(base(restricted) + key).statusCode(), key);
            }
            // a rendered view is not a download (OMERO's rendering engine does not check the policy)
            assertEquals(200, reader.get("/webgateway/render_thumbnail/" + restricted.id() + "/").statusCode());
        } finally {
            lab.lab.root.admin().setBinaryAccess(lab.lab.group("readOnly"), null);
        }
    }

    @Test
    void keysOutsideTheArraysAnswer404() {
        for (String key : List.of("zarr.json", "0/.zattrs", "2/.zarray", "0/0/2/0/0/0", "0/0/0/0/1/0",
                "0/0/0/0/0/1", "0/0/0/0/99999999999999999999/0", "../.zattrs")) {
            assertEquals(404, ada.get(base(lab.shared) + key).statusCode(), key);
        }
    }

    @Test
    void outsideThePublicFilterTheAnonymousCallerMustLogIn() {
        assertEquals(200, anonymous.get(base(lab.published) + ".zattrs").statusCode());
        assertEquals(404, anonymous.get(base(lab.shared) + ".zattrs").statusCode());
        try (WebServer closed = lab.serve()) {
            Browser b = new Browser(closed.uri());
            HttpResponse<byte[]> r = b.get(base(lab.published) + ".zattrs");
            assertEquals(403, r.statusCode());
            assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        }
    }

    @Test
    void corsPreflightAllowsGetAndRangeFromAnyOrigin() {
        HttpResponse<byte[]> r = anonymous.send("OPTIONS", base(lab.published) + "0/0/0/0/0/0",
                "Origin", "https://viewer.example", "Access-Control-Request-Method", "GET",
                "Access-Control-Request-Headers", "range");
        assertEquals(204, r.statusCode());
        assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertTrue(r.headers().firstValue("Access-Control-Allow-Methods").orElseThrow().contains("GET"));
        assertTrue(r.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().contains("Range"));
        HttpResponse<byte[]> get = anonymous.get(base(lab.published) + ".zattrs", "Origin", "https://viewer.example");
        assertEquals("*", get.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertTrue(get.headers().firstValue("Access-Control-Allow-Credentials").isEmpty());
    }

    @Test
    void byteRangesAndHeadAnswerPartsOfAChunk() {
        String key = base(lab.shared) + "0/0/1/0/0/0";
        byte[] whole = ada.get(key).body();
        HttpResponse<byte[]> part = ada.get(key, "Range", "bytes=10-19");
        assertEquals(206, part.statusCode());
        assertEquals("bytes 10-19/" + whole.length, part.headers().firstValue("Content-Range").orElseThrow());
        assertArrayEquals(java.util.Arrays.copyOfRange(whole, 10, 20), part.body());
        HttpResponse<byte[]> suffix = ada.get(key, "Range", "bytes=-4");
        assertArrayEquals(java.util.Arrays.copyOfRange(whole, whole.length - 4, whole.length), suffix.body());
        HttpResponse<byte[]> outside = ada.get(key, "Range", "bytes=" + whole.length + "-");
        assertEquals(416, outside.statusCode());
        assertEquals("bytes */" + whole.length, outside.headers().firstValue("Content-Range").orElseThrow());
        HttpResponse<byte[]> head = ada.send("HEAD", key);
        assertEquals(200, head.statusCode());
        assertEquals(Integer.toString(whole.length), head.headers().firstValue("Content-Length").orElseThrow());
        assertEquals(0, head.body().length);
    }
}
