package org.omerosdk.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.core.Rgba;
import org.omerosdk.render.Projection;
import org.omerosdk.render.Region;
import org.omerosdk.render.RenderedImage;
import org.omerosdk.render.RenderingSettings;
import org.omerosdk.sdk.Lab;
import org.omerosdk.sdk.Session;
import tools.jackson.databind.JsonNode;

/**
 * The webgateway URLs over real HTTP, their PNGs held pixel for pixel against the SDK's own rendering of the same
 * known pixels, their refusals, and invisible images answered exactly as missing ones.
 */
class WebgatewayTest {
    static WebLab lab;
    static WebServer server;
    static Browser ada;
    static Browser bob;
    static Browser anonymous;
    static Session adaSdk;

    @BeforeAll
    static void open() {
        lab = WebLab.open();
        server = lab.serve(ConfigKeys.WEB_PUBLIC_URL_FILTER, "^/webgateway/(?!(archived_files|download_as))");
        ada = new Browser(server.uri());
        assertEquals(200, WebLab.login(ada, "ada", Lab.PASSWORD).statusCode());
        bob = new Browser(server.uri());
        assertEquals(200, WebLab.login(bob, "bob", Lab.PASSWORD).statusCode());
        anonymous = new Browser(server.uri());
        adaSdk = lab.lab.login("ada");
    }

    @AfterAll
    static void close() {
        server.close();
        lab.close();
    }

    private static String url(String pattern, Image image) {
        return "/webgateway/" + pattern.replace("ID", Long.toString(image.id()));
    }

    /** The RGB of a PNG answer, checked to be one. */
    private static int[] png(HttpResponse<byte[]> r) throws IOException {
        assertEquals(200, r.statusCode(), () -> Browser.text(r));
        assertEquals("image/png", r.headers().firstValue("Content-Type").orElseThrow());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.body()));
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    private static int[] rgb(RenderedImage rendered) {
        int[] out = new int[rendered.argb().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = rendered.argb()[i] | 0xFF000000;
        }
        return out;
    }

    private static int[] rgb(int[] argb) {
        int[] out = argb.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] |= 0xFF000000;
        }
        return out;
    }

    @Test
    void renderImageIsTheSdksRenderingOfThatPlane() throws IOException {
        int[] served = png(ada.get(url("render_image/ID/1/0/?format=png", lab.shared)));
        assertArrayEquals(rgb(adaSdk.rendering().render(lab.shared, 1, 0)), rgb(served));
    }

    @Test
    void renderImageAppliesOmerosChannelAndModelParameters() throws IOException {
        int[] served = png(ada.get(url("render_image/ID/2/0/?format=png&c=1|100:2000$FF0000,-2&m=c", lab.shared)));
        RenderingSettings s = adaSdk.rendering().settings(lab.shared);
        RenderingSettings expected = s.withChannel(0, s.channels().get(0).withActive(true).withWindow(100, 2000)
                .withColor(Rgba.of(255, 0, 0))).withChannel(1, s.channels().get(1).withActive(false))
                .withModel(RenderingSettings.Model.COLOR);
        assertArrayEquals(rgb(adaSdk.rendering().render(lab.shared, 2, 0, expected)), rgb(served));
        int[] grey = png(ada.get(url("render_image/ID/2/0/?format=png&m=g", lab.shared)));
        assertArrayEquals(rgb(adaSdk.rendering().render(lab.shared, 2, 0,
                s.withModel(RenderingSettings.Model.GREYSCALE))), rgb(grey));
    }

    @Test
    void aMaximumProjectionIsTheSdksProjection() throws IOException {
        int[] served = png(ada.get(url("render_image/ID/0/0/?format=png&p=intmax|0:2", lab.shared)));
        assertArrayEquals(rgb(adaSdk.rendering().project(lab.shared, Projection.MAXIMUM, 0, 2, 0)), rgb(served));
    }

    @Test
    void aRegionAndATileAreTheSdksRegions() throws IOException {
        int[] region = png(ada.get(url("render_image_region/ID/1/0/?region=10,5,20,10&format=png", lab.shared)));
        assertArrayEquals(rgb(adaSdk.rendering().render(lab.shared, new Region(0, 1, 0, 10, 5, 20, 10))),
                rgb(region));
        // level 1 is the 32x24 half-resolution level; its tile is cut at the image's edge
        int[] tile = png(ada.get(url("render_image_region/ID/0/0/?tile=1,0,0,16,16&format=png", lab.shared)));
        assertArrayEquals(rgb(adaSdk.rendering().render(lab.shared, new Region(1, 0, 0, 0, 0, 16, 16))), rgb(tile));
        int[] edge = png(ada.get(url("render_image_region/ID/0/0/?tile=1,1,1,16,16&format=png", lab.shared)));
        assertArrayEquals(rgb(adaSdk.rendering().render(lab.shared, new Region(1, 0, 0, 16, 16, 16, 8))),
                rgb(edge));
    }

    @Test
    void aKeptTileFollowsSavedSettingsAndPermissionsAtOnce() throws IOException {
        Image image = lab.importPixels("readOnly", WebLab.knownPixels(), "kept-tile");
        String tile = url("render_image_region/ID/0/0/?tile=0,0,0&format=png", image);
        int[] first = png(bob.get(tile));
        assertArrayEquals(first, png(bob.get(tile)), "the same tile again");
        assertArrayEquals(rgb(adaSdk.rendering().render(image, new Region(0, 0, 0, 0, 0, 64, 48))), first);
        // the owner saves new settings: the next request shows them, not the tile kept before
        Session ro = adaSdk.withGroup(lab.lab.group("readOnly"));
        org.omerosdk.render.RenderingSettings s = adaSdk.rendering().settings(image);
        ro.renderings().save(image, s.withChannel(0, s.channels().get(0).withActive(false)));
        int[] after = png(bob.get(tile));
        assertFalse(java.util.Arrays.equals(first, after), "the owner's new settings show");
        assertArrayEquals(rgb(adaSdk.rendering().render(image, new Region(0, 0, 0, 0, 0, 64, 48))), after);
        // moved into a group bob is not in: refused at once, as a missing image
        ro.graphs().moveToGroup(lab.lab.group("private"), image);
        HttpResponse<byte[]> refused = bob.get(tile);
        assertEquals(404, refused.statusCode());
        assertEquals(Browser.text(bob.get(url("render_image_region/ID/0/0/?tile=0,0,0&format=png", lab.hidden)))
                .replace(Long.toString(lab.hidden.id()), "ID"), Browser.text(refused).replace(
                        Long.toString(image.id()), "ID"));
    }

    @Test
    void aRegionPastTheEdgeIsCutThere() throws IOException {
        int[] served = png(ada.get(url("render_image_region/ID/0/0/?region=50,40,100,100&format=png", lab.shared)));
        assertEquals(14 * 8, served.length);
        assertArrayEquals(rgb(adaSdk.rendering().render(lab.shared, new Region(0, 0, 0, 50, 40, 14, 8))),
                rgb(served));
    }

    @Test
    void badRegionParametersAre400WithOmerosMessages() {
        assertMessage(400, "tile or region argument required", ada.get(url("render_image_region/ID/0/0/",
                lab.shared)));
        assertMessage(400, "malformed tile argument, tile=a,b,c", ada.get(url(
                "render_image_region/ID/0/0/?tile=a,b,c", lab.shared)));
        assertMessage(400, "Invalid resolution level, 5 > number of available levels 1", ada.get(url(
                "render_image_region/ID/0/0/?tile=5,0,0", lab.shared)));
        assertMessage(400, "Invalid resolution level -1 < 0", ada.get(url(
                "render_image_region/ID/0/0/?tile=-1,0,0", lab.shared)));
        assertEquals(400, ada.get(url("render_image_region/ID/0/0/?region=100,100,5,5", lab.shared)).statusCode());
        assertEquals(400, ada.get(url("render_image_region/ID/9/0/?region=0,0,5,5", lab.shared)).statusCode());
        assertEquals(400, ada.get(url("render_image/ID/0/0/?q=2", lab.shared)).statusCode());
        assertEquals(400, ada.get(url("render_image/ID/0/0/?format=gif", lab.shared)).statusCode());
    }

    private static void assertMessage(int status, String message, HttpResponse<byte[]> r) {
        assertEquals(status, r.statusCode(), () -> Browser.text(r));
        assertEquals(message, Browser.json(r).get("message").asString());
    }

    @Test
    void formatsAndQuality() throws IOException {
        HttpResponse<byte[]> jpeg = ada.get(url("render_image/ID/0/0/", lab.shared));
        assertEquals("image/jpeg", jpeg.headers().firstValue("Content-Type").orElseThrow());
        assertArrayEquals(adaSdk.rendering().renderJpeg(lab.shared, 0, 0), jpeg.body());
        HttpResponse<byte[]> low = ada.get(url("render_image/ID/0/0/?q=0.1", lab.shared));
        assertTrue(low.body().length < jpeg.body().length, low.body().length + " >= " + jpeg.body().length);
        HttpResponse<byte[]> tif = ada.get(url("render_image/ID/0/0/?format=tif", lab.shared));
        assertEquals("image/tiff", tif.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void thumbnailsAreTheSdksThumbnails() {
        HttpResponse<byte[]> r = ada.get(url("render_thumbnail/ID/", lab.shared));
        assertEquals(200, r.statusCode());
        assertEquals("image/jpeg", r.headers().firstValue("Content-Type").orElseThrow());
        assertArrayEquals(adaSdk.rendering().thumbnailJpeg(lab.shared, 96), r.body());
        assertArrayEquals(adaSdk.rendering().thumbnailJpeg(lab.shared, 32),
                ada.get(url("render_thumbnail/ID/32/", lab.shared)).body());
        assertArrayEquals(adaSdk.rendering().thumbnailJpeg(lab.shared, 40),
                ada.get(url("render_birds_eye_view/ID/40/", lab.shared)).body());
    }

    @Test
    void aThumbnailBatchIsDataUrisWithNullForWhatTheCallerMayNotSee() {
        long missing = lab.shared.id() + 1_000_000;
        HttpResponse<byte[]> r = bob.get("/webgateway/get_thumbnails/?id=" + lab.shared.id() + "&id="
                + lab.hidden.id() + "&id=" + missing);
        assertEquals(200, r.statusCode());
        JsonNode j = Browser.json(r);
        String uri = j.get(Long.toString(lab.shared.id())).asString();
        assertTrue(uri.startsWith("data:image/jpeg;base64,"), uri);
        assertArrayEquals(adaSdk.rendering().thumbnailJpeg(lab.shared, 96),
                Base64.getDecoder().decode(uri.substring(uri.indexOf(',') + 1)));
        assertTrue(j.get(Long.toString(lab.hidden.id())).isNull());
        assertTrue(j.get(Long.toString(missing)).isNull());
        assertEquals(400, bob.get("/webgateway/get_thumbnails/").statusCode());
    }

    @Test
    void imgDataDescribesTheImageForAViewer() {
        JsonNode d = Browser.json(ada.get(url("imgData/ID/", lab.shared)));
        assertEquals(lab.shared.id(), d.get("id").asLong());
        assertEquals(64, d.get("size").get("width").asInt());
        assertEquals(48, d.get("size").get("height").asInt());
        assertEquals(3, d.get("size").get("z").asInt());
        assertEquals(2, d.get("size").get("c").asInt());
        assertEquals(0, d.get("pixel_range").get(0).asLong());
        assertEquals(65535, d.get("pixel_range").get(1).asLong());
        assertEquals(2, d.get("channels").size());
        RenderingSettings s = adaSdk.rendering().settings(lab.shared);
        assertEquals(s.channels().get(0).windowStart(), d.get("channels").get(0).get("window").get("start")
                .asDouble());
        assertEquals(s.channels().get(1).windowEnd(), d.get("channels").get(1).get("window").get("end").asDouble());
        assertTrue(d.get("tiles").asBoolean());
        assertEquals(2, d.get("levels").asInt());
        assertEquals(0.5, d.get("zoomLevelScaling").get("1").asDouble());
        assertEquals("uint16", d.get("meta").get("pixelsType").asString());
        assertEquals(s.model() == RenderingSettings.Model.GREYSCALE ? "greyscale" : "color",
                d.get("rdefs").get("model").asString());
    }

    @Test
    void everyUrlAnswersAnInvisibleImageExactlyAsAMissingOne() {
        long missing = lab.hidden.id() + 1_000_000;
        // its owner's tile first: the gateway knows the image's levels now, and must not answer from them
        assertEquals(200, ada.get(url("render_image_region/ID/0/0/?tile=0,0,0", lab.hidden)).statusCode());
        for (String pattern : new String[] {"render_image/ID/0/0/", "render_image_region/ID/0/0/?tile=0,0,0",
                "render_image_region/ID/0/0/?tile=5,0,0", "render_image_region/ID/0/0/?tile=-1,0,0",
                "render_image_region/ID/0/0/?region=100000,0,5,5", "render_image_region/ID/0/0/?tile=a,b,c",
                "render_image_region/ID/0/0/", "render_thumbnail/ID/", "render_birds_eye_view/ID/", "imgData/ID/",
                "archived_files/download/ID/"}) {
            HttpResponse<byte[]> invisible = bob.get("/webgateway/" + pattern.replace("ID",
                    Long.toString(lab.hidden.id())));
            HttpResponse<byte[]> gone = bob.get("/webgateway/" + pattern.replace("ID", Long.toString(missing)));
            assertEquals(404, invisible.statusCode(), pattern);
            assertEquals(404, gone.statusCode(), pattern);
            assertEquals(Browser.text(invisible).replace(Long.toString(lab.hidden.id()), "ID"),
                    Browser.text(gone).replace(Long.toString(missing), "ID"), pattern);
        }
    }

    @Test
    void thePublicUserSeesPublishedImagesThroughTheFilterAndNothingElse() {
        HttpResponse<byte[]> pub = anonymous.get(url("render_thumbnail/ID/", lab.published));
        assertEquals(200, pub.statusCode());
        assertEquals(404, anonymous.get(url("render_thumbnail/ID/", lab.shared)).statusCode(),
                "readOnly is not the public user's group");
        HttpResponse<byte[]> download = anonymous.get(url("archived_files/download/ID/", lab.published));
        assertEquals(403, download.statusCode(), "archived_files is outside OMERO's default filter");
        assertEquals("Not logged in", Browser.json(download).get("message").asString());
        assertEquals(403, anonymous.get("/api/v0/m/projects/").statusCode());
    }

    @Test
    void archivedFilesDownloadTheImportedFile() throws IOException {
        HttpResponse<byte[]> r = ada.get(url("archived_files/download/ID/", lab.shared));
        assertEquals(200, r.statusCode());
        assertEquals("attachment; filename=\"known.ome.tif\"",
                r.headers().firstValue("Content-Disposition").orElseThrow());
        assertArrayEquals(Files.readAllBytes(lab.dir.resolve("known.ome.tif")), r.body());
    }
}
