package org.omerosdk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.sdk.Lab;
import tools.jackson.databind.JsonNode;

/** {@code api/v0/m/...}: OMERO's JSON shape, paging, children, and invisible objects answered as missing ones. */
class ModelApiTest {
    static WebLab lab;
    static WebServer server;
    static Browser ada;
    static Browser bob;

    @BeforeAll
    static void open() {
        lab = WebLab.open();
        server = lab.serve();
        ada = new Browser(server.uri());
        assertEquals(200, WebLab.login(ada, "ada", Lab.PASSWORD).statusCode());
        bob = new Browser(server.uri());
        assertEquals(200, WebLab.login(bob, "bob", Lab.PASSWORD).statusCode());
    }

    @AfterAll
    static void close() {
        server.close();
        lab.close();
    }

    @Test
    void aProjectHasOmerosJsonShape() {
        HttpResponse<byte[]> r = ada.get("/api/v0/m/projects/" + lab.project.id() + "/");
        assertEquals(200, r.statusCode());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElseThrow());
        JsonNode p = Browser.json(r).get("data");
        assertEquals(lab.project.id(), p.get("@id").asLong());
        assertEquals("http://www.openmicroscopy.org/Schemas/OME/2016-06#Project", p.get("@type").asString());
        assertEquals("web project", p.get("Name").asString());
        JsonNode details = p.get("omero:details");
        assertEquals(lab.lab.user("ada").id(), details.get("owner").get("@id").asLong());
        assertEquals("ada", details.get("owner").get("UserName").asString());
        assertEquals("readOnly", details.get("group").get("Name").asString());
        assertEquals("rwr---", details.get("permissions").get("perm").asString());
        assertTrue(details.get("permissions").get("isGroupRead").asBoolean());
        assertFalse(details.get("permissions").get("isGroupWrite").asBoolean());
        assertEquals(server.uri() + "api/v0/m/projects/" + lab.project.id() + "/datasets/",
                p.get("url:datasets").asString());
    }

    @Test
    void listingsCarryOmerosMetaAndPage() {
        JsonNode all = Browser.json(ada.get("/api/v0/m/projects/"));
        int total = all.get("meta").get("totalCount").asInt();
        assertEquals(total, all.get("data").size());
        assertEquals(0, all.get("meta").get("offset").asInt());
        assertEquals(200, all.get("meta").get("limit").asInt());
        assertEquals(500, all.get("meta").get("maxLimit").asInt());
        // sorted by lower-case name as OMERO sorts them
        List<String> names = new ArrayList<>();
        all.get("data").forEach(p -> names.add(p.get("Name").asString().toLowerCase(java.util.Locale.ROOT)));
        assertEquals(names.stream().sorted().toList(), names);
        JsonNode page = Browser.json(ada.get("/api/v0/m/projects/?offset=1&limit=2"));
        assertEquals(2, page.get("data").size());
        assertEquals(total, page.get("meta").get("totalCount").asInt());
        assertEquals(all.get("data").get(1).get("@id").asLong(), page.get("data").get(0).get("@id").asLong());
        assertEquals(500, Browser.json(ada.get("/api/v0/m/projects/?limit=100000")).get("meta").get("limit")
                .asInt());
    }

    @Test
    void omeroWebApiMaxLimitCutsEveryPage() {
        try (WebServer small = lab.serve(ConfigKeys.WEB_API_MAX_LIMIT, "1")) {
            Browser b = new Browser(small.uri());
            WebLab.login(b, "ada", Lab.PASSWORD);
            JsonNode page = Browser.json(b.get("/api/v0/m/projects/?limit=50"));
            assertEquals(1, page.get("data").size());
            assertEquals(1, page.get("meta").get("limit").asInt());
            assertEquals(1, page.get("meta").get("maxLimit").asInt());
            // the default page (omero.web.page_size, 200) is cut too
            assertEquals(1, Browser.json(b.get("/api/v0/m/projects/")).get("meta").get("limit").asInt());
        }
    }

    @Test
    void aBadPagingValueIs400() {
        HttpResponse<byte[]> r = ada.get("/api/v0/m/projects/?offset=x");
        assertEquals(400, r.statusCode());
        assertEquals("Invalid parameter value: offset must be a non-negative integer",
                Browser.json(r).get("message").asString());
        assertEquals(400, ada.get("/api/v0/m/projects/?limit=-1").statusCode());
    }

    @Test
    void childrenAndChildCounts() {
        JsonNode datasets = Browser.json(ada.get("/api/v0/m/projects/" + lab.project.id() + "/datasets/"));
        assertEquals(1, datasets.get("data").size());
        assertEquals(lab.dataset.id(), datasets.get("data").get(0).get("@id").asLong());
        JsonNode images = Browser.json(ada.get("/api/v0/m/datasets/" + lab.dataset.id() + "/images/"));
        assertEquals(1, images.get("data").size());
        JsonNode image = images.get("data").get(0);
        assertEquals(lab.shared.id(), image.get("@id").asLong());
        assertEquals(64, image.get("Pixels").get("SizeX").asInt());
        assertEquals(48, image.get("Pixels").get("SizeY").asInt());
        assertEquals(3, image.get("Pixels").get("SizeZ").asInt());
        assertEquals("uint16", image.get("Pixels").get("Type").get("value").asString());
        JsonNode withCount = Browser.json(ada.get("/api/v0/m/projects/" + lab.project.id() + "/?childCount=true"));
        assertEquals(1, withCount.get("data").get("omero:childCount").asInt());
        JsonNode byQuery = Browser.json(ada.get("/api/v0/m/images/?dataset=" + lab.dataset.id()));
        assertEquals(1, byQuery.get("data").size());
    }

    @Test
    void anImageTheCallerMayNotSeeAnswersExactlyLikeAMissingOne() {
        HttpResponse<byte[]> adaSees = ada.get("/api/v0/m/images/" + lab.hidden.id() + "/");
        assertEquals(200, adaSees.statusCode());
        HttpResponse<byte[]> invisible = bob.get("/api/v0/m/images/" + lab.hidden.id() + "/");
        long missingId = lab.hidden.id() + 1_000_000;
        HttpResponse<byte[]> missing = bob.get("/api/v0/m/images/" + missingId + "/");
        assertEquals(404, invisible.statusCode());
        assertEquals(404, missing.statusCode());
        assertEquals(Browser.text(invisible).replace(Long.toString(lab.hidden.id()), "ID"),
                Browser.text(missing).replace(Long.toString(missingId), "ID"));
        assertEquals(invisible.headers().map().keySet(), missing.headers().map().keySet());
    }

    @Test
    void childrenOfAnInvisibleParentAre404AndInvisibleChildrenAreNotListed() {
        assertEquals(404, bob.get("/api/v0/m/datasets/" + Long.MAX_VALUE + "/images/").statusCode());
        JsonNode bobsImages = Browser.json(bob.get("/api/v0/m/images/"));
        bobsImages.get("data").forEach(i -> assertFalse(i.get("@id").asLong() == lab.hidden.id()));
        JsonNode adasImages = Browser.json(ada.get("/api/v0/m/images/"));
        List<Long> ids = new ArrayList<>();
        adasImages.get("data").forEach(i -> ids.add(i.get("@id").asLong()));
        assertTrue(ids.contains(lab.hidden.id()), ids.toString());
    }

    @Test
    void ownerAndGroupFilters() {
        long readOnly = lab.lab.group("readOnly").id();
        JsonNode inGroup = Browser.json(bob.get("/api/v0/m/projects/?group=" + readOnly));
        inGroup.get("data").forEach(p -> assertEquals(readOnly,
                p.get("omero:details").get("group").get("@id").asLong()));
        assertTrue(inGroup.get("data").size() >= 3, inGroup.toString());
        long pi = lab.lab.user("pi").id();
        JsonNode byPi = Browser.json(bob.get("/api/v0/m/projects/?owner=" + pi));
        byPi.get("data").forEach(p -> assertEquals(pi, p.get("omero:details").get("owner").get("@id").asLong()));
        assertFalse(byPi.get("data").isEmpty());
    }
}
