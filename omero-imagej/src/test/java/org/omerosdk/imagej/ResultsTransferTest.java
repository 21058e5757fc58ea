package org.omerosdk.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.SecurityViolation;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.annotations.Annotation;
import org.omerosdk.model.annotations.FileAnnotation;
import org.omerosdk.model.annotations.MapAnnotation;
import org.omerosdk.model.annotations.NamedValue;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.fs.OriginalFile;
import org.omerosdk.model.meta.ExperimenterGroup;

/**
 * Results tables on an opened image: saved as a CSV file annotation with a summary map beside it, read back as ImageJ
 * wrote them, by name; refused where the session may not annotate or see the image, with nothing stored.
 */
class ResultsTransferTest {
    @TempDir
    static Path tmp;
    static TestRepository repo;

    @BeforeAll
    static void open() {
        repo = TestRepository.open(tmp);
    }

    @AfterAll
    static void close() {
        repo.close();
    }

    private static ResultsTable measurements() {
        ResultsTable t = new ResultsTable();
        double[][] rows = {{12.5, 100.25}, {7.25, 80}, {20, 120.5}};
        for (int i = 0; i < rows.length; i++) {
            t.incrementCounter();
            t.addLabel("cell " + (i + 1));
            t.addValue("Area", rows[i][0]);
            t.addValue("Mean", rows[i][1]);
            t.addValue("Class", i == 1 ? "dividing, \"early\"" : "interphase");
            t.addValue("Perimeter", Math.PI * (i + 1));
        }
        return t;
    }

    private static Map<String, String> summaryOf(Image image) {
        MapAnnotation m = (MapAnnotation) repo.root.annotations().on(image).stream()
                .filter(a -> a instanceof MapAnnotation && a.ns().filter(ResultsTransfer.SUMMARY_NS::equals)
                        .isPresent()).reduce((a, b) -> b).orElseThrow();
        return m.mapValue().stream().collect(Collectors.toMap(NamedValue::name, NamedValue::value, (a, b) -> a,
                java.util.LinkedHashMap::new));
    }

    /** The annotations of results on {@code image} (the import's companion file aside). */
    private static List<Annotation> results(Image image) {
        return repo.root.annotations().on(image).stream().filter(a -> a.ns().filter(ns ->
                ns.equals(ResultsTransfer.NS) || ns.equals(ResultsTransfer.SUMMARY_NS)).isPresent()).toList();
    }

    @Test
    void aTableIsSavedAsACsvWithItsSummaryAndReadsBackAsImageJWroteIt() {
        Image image = repo.importImage(repo.root, TestRepository.knownHyperstack("measured", 8, 10, 8, 1, 1, 1));
        ImagePlus imp = OmeroSdkIJ.open(image.id());
        FileAnnotation saved = OmeroSdkIJ.saveResults(imp, measurements(), "Measurements");
        assertEquals(java.util.Optional.of(ResultsTransfer.NS), saved.ns());
        OriginalFile file = saved.file();
        assertEquals("Measurements.csv", file.name());
        assertEquals(java.util.Optional.of("text/csv"), file.mimetype());

        Map<String, String> summary = summaryOf(image);
        assertEquals("Measurements.csv", summary.get("table"));
        assertEquals("3", summary.get("rows"));
        assertEquals(13.25, Double.parseDouble(summary.get("Area mean")), 1e-12);
        assertEquals(7.25, Double.parseDouble(summary.get("Area min")), 0);
        assertEquals(20, Double.parseDouble(summary.get("Area max")), 0);
        // the sample SD of 12.5, 7.25, 20 (ImageJ's Summarize)
        assertEquals(Math.sqrt(82.125 / 2), Double.parseDouble(summary.get("Area SD")), 1e-12);
        assertEquals(100.25, Double.parseDouble(summary.get("Mean mean")), 1e-12);
        assertTrue(!summary.containsKey("Class mean"), "a text column has no summary: " + summary);

        ResultsTable back = OmeroSdkIJ.loadResults(imp, "Measurements.csv");
        assertEquals(3, back.size());
        // ImageJ reads a saved table's labels back as a text column named "Label"
        assertEquals("cell 2", back.getStringValue("Label", 1));
        assertEquals(7.25, back.getValue("Area", 1), 0);
        assertEquals(120.5, back.getValue("Mean", 2), 0);
        assertEquals("dividing, \"early\"", back.getStringValue("Class", 1));
        assertEquals(Math.PI * 3, back.getValue("Perimeter", 2), 0, "full precision, not ImageJ's three decimals");
        assertEquals(List.of("Measurements.csv"), OmeroSdkIJ.resultsTables(imp));
    }

    @Test
    void savingAgainUnderOneNameAddsANewerTableAndAMissingNameListsTheTablesThereAre() {
        Image image = repo.importImage(repo.root, TestRepository.knownHyperstack("twice", 8, 10, 8, 1, 1, 1));
        ImagePlus imp = OmeroSdkIJ.open(image.id());
        OmeroSdkIJ.saveResults(imp, measurements(), "");
        ResultsTable newer = new ResultsTable();
        newer.incrementCounter();
        newer.addValue("Area", 99);
        OmeroSdkIJ.saveResults(imp, newer, "Results.csv");
        assertEquals(1, OmeroSdkIJ.loadResults(imp, "Results").size(), "the newest of that name");
        assertEquals(99, OmeroSdkIJ.loadResults(imp, "Results").getValue("Area", 0), 0);
        assertEquals(List.of("Results.csv"), OmeroSdkIJ.resultsTables(imp));
        NotFoundException missing = assertThrows(NotFoundException.class,
                () -> OmeroSdkIJ.loadResults(imp, "Other"));
        assertTrue(missing.getMessage().contains("\"Results.csv\""), missing.getMessage());
    }

    @Test
    void badInputIsRefusedAndStoresNothing() {
        Image image = repo.importImage(repo.root, TestRepository.knownHyperstack("bad", 8, 10, 8, 1, 1, 1));
        ImagePlus imp = OmeroSdkIJ.open(image.id());
        assertThrows(ValidationException.class, () -> OmeroSdkIJ.saveResults(imp, new ResultsTable(), "empty"));
        assertThrows(ValidationException.class, () -> OmeroSdkIJ.saveResults(imp, measurements(), "../escape"));
        ImagePlus plain = new ImagePlus("not from OMERO", new ij.process.ByteProcessor(4, 4));
        assertThrows(ValidationException.class, () -> OmeroSdkIJ.saveResults(plain, measurements(), "x"));
        assertTrue(results(image).isEmpty(), "nothing stored: " + results(image));
    }

    @Test
    void othersMayNotSaveOnAnImageTheyCannotAnnotateNorReadTablesTheyCannotSee() {
        ExperimenterGroup readOnly = repo.group("ro-" + System.nanoTime(), Permissions.Level.READ_ONLY);
        ExperimenterGroup privateLab = repo.group("private-" + System.nanoTime(), Permissions.Level.PRIVATE);
        String owner = "owner" + System.nanoTime();
        String member = "member" + System.nanoTime();
        repo.user(owner, readOnly, privateLab);
        repo.user(member, readOnly, privateLab);
        Image shared;
        Image hidden;
        ImagePlus sharedImp;
        ImagePlus hiddenImp;
        try (var asOwner = repo.root.sudo(owner)) {
            shared = repo.importImage(asOwner.withGroup(readOnly),
                    TestRepository.knownHyperstack("shared", 8, 10, 8, 1, 1, 1));
            hidden = repo.importImage(asOwner.withGroup(privateLab),
                    TestRepository.knownHyperstack("hidden", 8, 10, 8, 1, 1, 1));
            sharedImp = new ImageOpener(asOwner.withGroup(readOnly)).open(shared.id());
            hiddenImp = new ImageOpener(asOwner.withGroup(privateLab)).open(hidden.id());
            new ResultsTransfer(asOwner.withGroup(privateLab)).save(hiddenImp, measurements(), "mine");
        }
        try (var asMember = repo.root.sudo(member)) {
            ResultsTransfer inReadOnly = new ResultsTransfer(asMember.withGroup(readOnly));
            assertThrows(SecurityViolation.class, () -> inReadOnly.save(sharedImp, measurements(), "theirs"));
            assertTrue(results(shared).isEmpty(), "nothing stored on a refused save");
            ResultsTransfer inPrivate = new ResultsTransfer(asMember.withGroup(privateLab));
            NotFoundException e = assertThrows(NotFoundException.class, () -> inPrivate.load(hiddenImp, "mine"));
            assertTrue(!e.getMessage().contains("mine.csv"), "the answer names no table of an image not visible");
            assertThrows(NotFoundException.class, () -> inPrivate.names(hiddenImp));
        }
        assertEquals(2, results(hidden).size(), "the owner's table and summary stay");
    }
}
