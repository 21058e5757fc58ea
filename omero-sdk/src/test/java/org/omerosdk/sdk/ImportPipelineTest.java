package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.omerosdk.importer.format.PlaneStats;
import org.omerosdk.model.FormatException;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.annotations.FileAnnotation;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.display.RenderingDef;
import org.omerosdk.model.display.Thumbnail;
import org.omerosdk.model.fs.Fileset;
import org.omerosdk.model.screen.Plate;
import org.omerosdk.model.screen.Well;
import org.omerosdk.model.screen.WellSample;
import org.omerosdk.render.PixelSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Every file of {@code ../shared/testdata/expected.json} through {@code session.imports().importFiles}: the files
 * that must succeed import and read back through {@code session.images().pixels(image)} with the plane statistics
 * expected.json states (plates with their wells and fields); the files that must fail leave nothing behind.
 */
class ImportPipelineTest {
    static final Path TESTDATA = Path.of(System.getProperty("omerosdk.repo.root", ".")).resolve("../shared/testdata")
            .normalize();
    private static Path dir;
    private static OmeroSdk sdk;
    private static Session ada;

    @BeforeAll
    static void open() throws IOException {
        dir = Files.createTempDirectory("import-pipeline");
        // plates' pixels are readable only where the binary-access policy allows plates (OMERO's default does not)
        sdk = OmeroSdk.builder().dataDirectory(dir.resolve("data")).passwordHashIterations(1000)
                .set(org.omerosdk.model.config.ConfigKeys.POLICY_BINARY_ACCESS, "+read,+write,+image,+plate").open();
        Session root = sdk.rootSession();
        var lab = root.admin().createGroup("lab", Permissions.Level.READ_ANNOTATE);
        root.admin().createUser("ada", "Ada", "Lovelace", lab);
        ada = root.sudo("ada");
    }

    @AfterAll
    static void close() throws IOException {
        sdk.close();
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @TestFactory
    Stream<DynamicTest> everySampleFileImportsAndReadsBackOrLeavesNothing() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(TESTDATA.resolve("expected.json")), "no sample data");
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode entry : new ObjectMapper().readTree(TESTDATA.resolve("expected.json").toFile()).path("files")) {
            String title = "#" + entry.path("id").asInt() + " " + entry.path("path").asString().replaceAll(".*/", "");
            tests.add(DynamicTest.dynamicTest(title, () -> check(entry)));
        }
        return tests.stream();
    }

    private static void check(JsonNode entry) {
        Path file = TESTDATA.resolve(entry.path("path").asString());
        Set<String> keysBefore = Set.copyOf(sdk.repository().store().list(""));
        long filesetsBefore = sdk.store().read(Bootstrap.SYSTEM_CONTEXT, q -> q.count(Select.from(Fileset.class)));
        ImportResult result = ada.imports().importFiles(List.of(file));
        assertEquals(1, result.reports().size());
        ImportReport report = result.reports().get(0);
        // pixels that need a codec we lack (12-bit JPEG) must fail the import clearly, as must damaged files
        boolean mustFail = entry.path("must_fail").asBoolean();
        for (JsonNode s : entry.path("series")) {
            mustFail |= s.path("mustFailWithoutCodec").asBoolean();
        }
        if (mustFail || (entry.path("may_fail").asBoolean() && !report.ok())) {
            assertFalse(report.ok(), "must fail");
            assertTrue(report.error().get() instanceof FormatException, "a FormatException: " + report.error());
            assertTrue(report.error().get().getMessage().contains(file.getFileName().toString()),
                    "names the file: " + report.error().get().getMessage());
            assertEquals(keysBefore, Set.copyOf(sdk.repository().store().list("")), "nothing left in the repository");
            assertEquals(filesetsBefore, (long) sdk.store().read(Bootstrap.SYSTEM_CONTEXT,
                    q -> q.count(Select.from(Fileset.class))), "no fileset row");
            return;
        }
        assertTrue(report.ok(), () -> "imports: " + report.error().map(Throwable::toString).orElse(""));
        List<Image> images = report.images();
        JsonNode series = entry.path("series");
        if (!series.isEmpty()) {
            assertEquals(series.size(), images.size(), "one image per series");
        }
        for (int i = 0; i < series.size(); i++) {
            JsonNode s = series.get(i);
            Image image = images.get(i);
            var px = ada.images().primaryPixels(image);
            if (s.has("sizeX")) {
                assertEquals(s.path("sizeX").asInt(), px.sizeX(), "sizeX");
                assertEquals(s.path("sizeY").asInt(), px.sizeY(), "sizeY");
                assertEquals(s.path("sizeC").asInt(), px.sizeC(), "sizeC");
            }
            assertEquals(px.sizeC(), ada.images().channels(image).size(), "a channel per sizeC");
            assertEquals(1, ada.renderings().all(image).size(), "rendering settings were set on import");
            try (PixelSource pixels = ada.images().pixels(image)) {
                for (JsonNode plane : s.path("planes")) {
                    int level = plane.path("level").asInt(0);
                    if (level >= pixels.levelCount()) {
                        continue;
                    }
                    PlaneStats got = PlaneStats.of(pixels, level, plane.path("z").asInt(), plane.path("c").asInt(),
                            plane.path("t").asInt());
                    String where = "series " + i + " plane " + plane;
                    if (plane.has("sha256_le")) {
                        assertEquals(plane.path("sha256_le").asString(), got.sha256le(), where);
                    }
                    if (plane.has("min")) {
                        assertEquals(plane.path("min").asDouble(), got.min(), where);
                        assertEquals(plane.path("max").asDouble(), got.max(), where);
                    }
                    if (plane.has("sum")) {
                        assertEquals(plane.path("sum").asDouble(), got.sum(), Math.abs(got.sum()) * 1e-9, where);
                    }
                }
            }
        }
        long thumbnails = sdk.store().read(Bootstrap.SYSTEM_CONTEXT, q -> q.count(Select.from(Thumbnail.class)
                .where("o.pixels.image.id in (:v)", images.stream().map(Image::id).toList())));
        assertEquals(images.size(), thumbnails, "a thumbnail per image");
        long companions = sdk.store().read(Bootstrap.SYSTEM_CONTEXT, q -> q.count(Select.from(FileAnnotation.class)
                .where("o.id in (select l.child.id from org.omerosdk.model.annotations.ImageAnnotationLink l "
                        + "where l.parent.id = :v)", images.get(0).id())));
        assertEquals(1, companions, "original metadata attached");
        if (entry.has("plate")) {
            JsonNode plate = entry.path("plate");
            List<Plate> plates = ada.containers().plates(Listing.all()).stream()
                    .filter(p -> p.name().equals(plate.path("name").asString())).toList();
            assertFalse(plates.isEmpty(), "the plate was created");
            Plate p = plates.get(plates.size() - 1);
            List<Well> wells = ada.read(q -> q.list(Select.from(Well.class).whereEquals("o.plate.id", p.id())));
            assertEquals(plate.path("wells").size(), wells.size(), "wells");
            long samples = ada.read(q -> q.count(Select.from(WellSample.class).where("o.well.plate.id = :v",
                    p.id())));
            assertEquals(plate.path("wells").size() * plate.path("fields").asLong(), samples, "fields");
        }
    }
}
