package org.omerosdk.importer.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.omerosdk.model.FormatException;
import org.omerosdk.model.units.Length;
import org.omerosdk.model.units.UnitsLength;
import org.omerosdk.model.units.UnitsTime;
import org.omerosdk.render.PixelSource;

/**
 * Every entry of {@code ../shared/testdata/expected.json} (real files written by real tools) read through
 * {@link FormatReaders#discover()}, every stated value checked: sizes, types, orders, channels, physical sizes,
 * levels, per-plane min/max/sum/pixel(0,0) and the plane's {@code sha256_le}; {@code must_fail} entries must fail
 * with a {@link FormatException} naming the file. OME-Zarr entries run once a reader on the class path probes them;
 * until then they are reported as skipped, with the reason. Keys this test does not check are listed in its output.
 */
class ConformanceTest {
    static final Path TESTDATA = Path.of(System.getProperty("omerosdk.repo.root", ".")).resolve("../shared/testdata")
            .normalize();

    /** The keys of expected.json entries and series that the checks below look at. */
    private static final Set<String> CHECKED = Set.of("id", "path", "kind", "must_fail", "sha256", "bytes", "notes",
            "series", "header_may_succeed", "may_fail", "acceptableOutcomes", "fallbackView", "omeXmlClaims",
            "mustNotReport", "bigtiff", "imageCount", "distinctValues", "wholeSlide", "treeSha256", "fileCount",
            "plate",
            // series keys
            "name", "sizeX", "sizeY", "sizeZ", "sizeC", "sizeT", "pixelType", "rgb", "interleaved", "indexed",
            "dimensionOrder", "ifdOrder", "channelNames", "significantBits", "physicalSizeX_um", "physicalSizeY_um",
            "physicalSizeZ_um", "timeIncrement_s", "resolutionLevels", "levelSizesXY", "planes", "pointValues",
            "excitationWavelengths_nm", "emissionWavelengths_nm", "tileSize", "allPixelsEqual", "globalMin",
            "globalMax", "role", "labels", "headerOnly", "pixelsRequireCodec", "mustFailWithoutCodec",
            // OME-Zarr: what the file states about its layout, checked against the reader's original metadata
            "zarrPath", "multiscalesName", "omeImageName", "axes", "levelShapes", "levelScales", "chunkShape",
            "chunkSums", "omeroWindow", "omeroDefaultZ", "levelPhysicalSizeXY_um", "labelsGroupAttrs", "zarr");

    static JsonNode expected() throws IOException {
        return new ObjectMapper().readTree(TESTDATA.resolve("expected.json").toFile());
    }

    @TestFactory
    Stream<DynamicTest> everySampleFileReadsAsExpectedJsonSays() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(TESTDATA.resolve("expected.json")),
                "no sample data at " + TESTDATA);
        FormatReaders readers = FormatReaders.discover();
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode entry : expected().path("files")) {
            String title = "#" + entry.path("id").asInt() + " " + entry.path("kind").asString() + " "
                    + entry.path("path").asString().replaceAll(".*/", "");
            tests.add(DynamicTest.dynamicTest(title, () -> check(readers, entry)));
        }
        return tests.stream();
    }

    private static void check(FormatReaders readers, JsonNode entry) throws IOException {
        Path file = TESTDATA.resolve(entry.path("path").asString());
        assertTrue(Files.exists(file), file + " exists");
        Location location = Location.of(file);
        assertEveryKeyChecked(entry);
        if (entry.path("kind").asString().equals("ome-zarr") && readers.probe(location).isEmpty()) {
            Assumptions.abort("no OME-Zarr reader on the class path yet: entry #" + entry.path("id").asInt()
                    + " is not checked");
        }
        if (entry.path("must_fail").asBoolean()) {
            checkFails(readers, location, entry);
            return;
        }
        OpenedFileset f;
        try {
            f = readers.open(location);
        } catch (FormatException e) {
            if (entry.path("may_fail").asBoolean()) {
                assertTrue(e.getMessage().contains(file.getFileName().toString()), "names the file: " + e);
                assertTrue(e.getMessage().contains("does not describe") || e.getMessage().contains("contradict"),
                        "names the contradiction: " + e.getMessage());
                return;
            }
            throw e;
        }
        try (f) {
            if (entry.has("mustNotReport")) {
                for (SeriesMetadata s : f.series()) {
                    assertNotEquals(entry.path("mustNotReport").path("sizeX").asInt(), s.sizeX(),
                            "reports the size the contradicting OME-XML claims");
                }
            }
            JsonNode series = entry.path("series");
            if (series.isEmpty()) {
                return;
            }
            // segmentation labels (OME-Zarr labels) follow the images; expected.json lists them apart
            List<Integer> images = new ArrayList<>();
            for (int i = 0; i < f.series().size(); i++) {
                if (f.series().get(i).role() != SeriesRole.SEGMENTATION) {
                    images.add(i);
                }
            }
            assertEquals(series.size(), images.size(), "series count");
            for (int i = 0; i < series.size(); i++) {
                checkSeries(f, images.get(i), series.get(i), "series " + i);
            }
            for (JsonNode label : entry.path("labels")) {
                checkLabel(f, label);
            }
            if (entry.has("zarr")) {
                checkZarrBlock(f, entry.path("zarr"));
            }
            if (entry.has("labelsGroupAttrs")) {
                List<String> want = new ArrayList<>();
                entry.path("labelsGroupAttrs").path("labels").forEach(n -> want.add(n.asString()));
                List<String> got = new ArrayList<>();
                for (SeriesMetadata s : f.series()) {
                    if (s.role() == SeriesRole.SEGMENTATION) {
                        got.add(s.name().replaceAll(".*/", ""));
                    }
                }
                assertEquals(want, got, "the labels group's labels, in order");
            }
            if (entry.has("wholeSlide")) {
                checkWholeSlide(f, entry.path("wholeSlide"));
            }
            if (entry.has("imageCount")) {
                SeriesMetadata s = f.series().get(0);
                assertEquals(entry.path("imageCount").asInt(), s.planeCount(), "image count");
            }
            if (entry.has("distinctValues")) {
                checkDistinct(f.pixels(0), entry.path("distinctValues"));
            }
            if (entry.has("plate")) {
                checkPlate(f, entry.path("plate"));
            }
        }
    }

    /**
     * The OME-Zarr tree's own description: format and NGFF versions, level 0's chunks and the series' group paths
     * are checked against what the reader recorded; the rest describes how the sample was written.
     */
    private static void checkZarrBlock(OpenedFileset f, JsonNode zarr) {
        Set<String> descriptive = Set.of("writer", "bioformats2rawLayout", "compressor", "codecs",
                "dimensionSeparator", "omeMetadata", "originalMetadataAnnotations", "chunkFilesStored");
        SeriesMetadata first = f.series().get(0);
        zarr.propertyNames().forEach(k -> {
            switch (k) {
                case "zarrFormat" -> assertEquals(zarr.path(k).asInt(), Integer.parseInt(original(first,
                        "zarr.format", "zarr")), "Zarr format");
                case "ngffVersion" -> assertEquals(zarr.path(k).asString(), original(first, "ngff.version", "zarr"),
                        "NGFF version");
                case "chunks", "chunkShape" -> assertArrayEquals(numbers(zarr.path(k)),
                        numbers(original(first, "multiscales.datasets[0].chunks", "zarr")), "level 0 chunks");
                case "seriesList" -> {
                    List<String> want = new ArrayList<>();
                    zarr.path(k).forEach(n -> want.add(n.asString()));
                    List<String> got = new ArrayList<>();
                    for (SeriesMetadata s : f.series()) {
                        if (s.role() != SeriesRole.SEGMENTATION) {
                            got.add(original(s, "ngff.path", "zarr"));
                        }
                    }
                    assertEquals(want, got, "bioformats2raw's series, in order");
                }
                default -> assertTrue(descriptive.contains(k), "expected.json's zarr." + k
                        + " is neither checked nor known to be descriptive: check it here");
            }
        });
    }

    private static void assertEveryKeyChecked(JsonNode entry) {
        Set<String> unchecked = new TreeSet<>();
        entry.propertyNames().forEach(k -> {
            if (!CHECKED.contains(k)) {
                unchecked.add(k);
            }
        });
        for (JsonNode s : entry.path("series")) {
            s.propertyNames().forEach(k -> {
                if (!CHECKED.contains(k)) {
                    unchecked.add("series." + k);
                }
            });
        }
        // every value expected.json states is checked: a new key fails here until a check for it is written
        assertTrue(unchecked.isEmpty(), "entry #" + entry.path("id").asInt() + " states " + unchecked
                + ", which this test does not check");
    }

    private static void checkFails(FormatReaders readers, Location location, JsonNode entry) {
        String name = location.name();
        OpenedFileset f;
        try {
            f = readers.open(location);
        } catch (FormatException e) {
            assertTrue(e.getMessage().contains(name), "\"" + e.getMessage() + "\" names " + name);
            return;
        }
        assertTrue(entry.path("header_may_succeed").asBoolean(), "opening must fail");
        try (f) {
            assertFalse(f.series().isEmpty());
            for (int s = 0; s < f.series().size(); s++) {
                PixelSource p = f.pixels(s);
                try {
                    for (int t = 0; t < p.sizeT(); t++) {
                        for (int c = 0; c < p.sizeC(); c++) {
                            for (int z = 0; z < p.sizeZ(); z++) {
                                PlaneStats.of(p, 0, z, c, t);
                            }
                        }
                    }
                    fail("series " + s + " of " + name + " decoded although its data is damaged");
                } catch (FormatException e) {
                    assertTrue(e.getMessage().contains(name), "\"" + e.getMessage() + "\" names " + name);
                }
            }
        }
    }

    private static void checkSeries(OpenedFileset f, int index, JsonNode e, String label) {
        SeriesMetadata s = f.series().get(index);
        intField(e, "sizeX", s.sizeX(), label);
        intField(e, "sizeY", s.sizeY(), label);
        intField(e, "sizeZ", s.sizeZ(), label);
        intField(e, "sizeC", s.sizeC(), label);
        intField(e, "sizeT", s.sizeT(), label);
        intField(e, "resolutionLevels", s.resolutionLevels(), label);
        intField(e, "significantBits", s.significantBits(), label);
        if (e.has("pixelType")) {
            assertEquals(e.path("pixelType").asString(), s.pixelType().omeroName(), label + " pixelType");
        }
        if (e.has("name")) {
            assertEquals(e.path("name").asString(), s.name(), label + " name");
        }
        if (e.has("rgb")) {
            assertEquals(e.path("rgb").asBoolean(), s.rgb(), label + " rgb");
        }
        if (e.has("interleaved")) {
            assertEquals(e.path("interleaved").asBoolean(), s.interleaved(), label + " interleaved");
        }
        if (e.has("indexed")) {
            assertEquals(e.path("indexed").asBoolean(), s.indexed(), label + " indexed");
            assertTrue(s.channels().get(0).lookupTable().isPresent(), label + " palette as lookup table");
        }
        if (e.has("dimensionOrder")) {
            assertEquals(e.path("dimensionOrder").asString(), s.dimensionOrder().name(), label + " dimensionOrder");
        }
        if (e.has("role")) {
            SeriesRole want = e.path("role").asString().equals("main") ? SeriesRole.IMAGE
                    : SeriesRole.valueOf(e.path("role").asString().toUpperCase(Locale.ROOT));
            assertEquals(want, s.role(), label + " role");
        }
        if (e.has("channelNames")) {
            JsonNode names = e.path("channelNames");
            // an RGB OME Channel (SamplesPerPixel 3) is one name for its samples
            int step = s.sizeC() / names.size();
            for (int c = 0; c < names.size(); c++) {
                Optional<String> got = s.channels().get(c * step).name();
                if (names.get(c).isNull()) {
                    assertTrue(got.isEmpty() || got.get().isEmpty(), label + " channel " + c + " unnamed: " + got);
                } else {
                    assertEquals(names.get(c).asString(), got.orElse(null), label + " channel " + c + " name");
                }
            }
        }
        length(e, "physicalSizeX_um", s.physicalSizeX(), label);
        length(e, "physicalSizeY_um", s.physicalSizeY(), label);
        length(e, "physicalSizeZ_um", s.physicalSizeZ(), label);
        if (e.has("timeIncrement_s")) {
            assertTrue(s.timeIncrement().isPresent(), label + " time increment");
            assertEquals(e.path("timeIncrement_s").asDouble(), s.timeIncrement().get().to(UnitsTime.SECOND).value(),
                    1e-9, label + " time increment");
        }
        wavelengths(e, "excitationWavelengths_nm", s, true, label);
        wavelengths(e, "emissionWavelengths_nm", s, false, label);
        if (e.has("levelSizesXY")) {
            JsonNode l = e.path("levelSizesXY");
            assertEquals(l.size(), s.levels().size(), label + " levels");
            for (int i = 0; i < l.size(); i++) {
                assertEquals(l.get(i).get(0).asInt(), s.levels().get(i).sizeX(), label + " level " + i + " X");
                assertEquals(l.get(i).get(1).asInt(), s.levels().get(i).sizeY(), label + " level " + i + " Y");
            }
        }
        checkNgffLayout(s, e, label);
        if (e.path("headerOnly").asBoolean()) {
            return;
        }
        PixelSource p = f.pixels(index);
        assertEquals(s.sizeX(), p.sizeX(0));
        assertEquals(s.sizeY(), p.sizeY(0));
        assertEquals(s.resolutionLevels(), p.levelCount(), label + " levels of the pixel source");
        if (e.path("mustFailWithoutCodec").asBoolean()) {
            try {
                PlaneStats.of(p, 0, 0, 0, 0);
                fail(label + ": pixels that need " + e.path("pixelsRequireCodec").asString() + " were returned");
            } catch (FormatException ex) {
                assertTrue(ex.getMessage().contains("bit JPEG"), label + ": the error names the codec: " + ex);
            }
        }
        if (e.has("tileSize")) {
            assertEquals(e.path("tileSize").get(0).asInt(), p.tileWidth(0), label + " tile width");
            assertEquals(e.path("tileSize").get(1).asInt(), p.tileHeight(0), label + " tile height");
        }
        for (JsonNode plane : e.path("planes")) {
            checkPlane(p, plane, label);
        }
        for (JsonNode sum : e.path("chunkSums")) {
            // the sum of every pixel of (t, c) at a level: level 0's planes (lower levels may have fewer z)
            assertEquals(0, sum.path("level").asInt(), label + ": chunkSums are checked at level 0");
            double total = 0;
            for (int z = 0; z < p.sizeZ(); z++) {
                total += PlaneStats.of(p, 0, z, sum.path("c").asInt(), sum.path("t").asInt()).sum();
            }
            assertEquals(sum.path("sum").asDouble(), total, 0, label + " sum of " + sum);
        }
        for (JsonNode v : e.path("pointValues")) {
            ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            p.readRegion(v.path("level").asInt(0), v.path("z").asInt(), v.path("c").asInt(), v.path("t").asInt(),
                    v.path("x").asInt(), v.path("y").asInt(), 1, 1, b);
            PlaneStats one = PlaneStats.of(b.array().clone(), p.pixelType(), 1, 1);
            assertEquals(v.path("value").asDouble(), one.min(), label + " value at " + v);
        }
        if (e.has("allPixelsEqual") || e.has("globalMin")) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            int levels = e.has("allPixelsEqual") ? p.levelCount() : 1;
            for (int l = 0; l < levels; l++) {
                for (int t = 0; t < p.sizeT(); t++) {
                    for (int c = 0; c < p.sizeC(); c++) {
                        for (int z = 0; z < p.sizeZ(); z++) {
                            PlaneStats st = PlaneStats.of(p, l, z, c, t);
                            min = Math.min(min, st.min());
                            max = Math.max(max, st.max());
                        }
                    }
                }
            }
            if (e.has("allPixelsEqual")) {
                assertEquals(e.path("allPixelsEqual").asDouble(), min, label + " every pixel");
                assertEquals(e.path("allPixelsEqual").asDouble(), max, label + " every pixel");
            } else {
                assertEquals(e.path("globalMin").asDouble(), min, label + " global min");
                assertEquals(e.path("globalMax").asDouble(), max, label + " global max");
            }
        }
    }

    private static void checkPlane(PixelSource p, JsonNode plane, String label) {
        int level = plane.path("level").asInt(0);
        String where = label + " plane level=" + level + " z=" + plane.path("z").asInt() + " c="
                + plane.path("c").asInt() + " t=" + plane.path("t").asInt();
        PlaneStats st = PlaneStats.of(p, level, plane.path("z").asInt(), plane.path("c").asInt(),
                plane.path("t").asInt());
        if (plane.has("min")) {
            assertEquals(plane.path("min").asDouble(), st.min(), 1e-12, where + " min");
        }
        if (plane.has("max")) {
            assertEquals(plane.path("max").asDouble(), st.max(), 1e-12, where + " max");
        }
        if (plane.has("sum")) {
            assertEquals(plane.path("sum").asDouble(), st.sum(), 0, where + " sum");
        }
        if (plane.has("pixel00")) {
            assertEquals(plane.path("pixel00").asDouble(), st.pixel00(), 1e-12, where + " pixel(0,0)");
        }
        if (plane.has("sha256_le")) {
            assertEquals(plane.path("sha256_le").asString(), st.sha256le(), where + " sha256_le");
        }
        if (plane.has("sum_approx")) {
            assertEquals(plane.path("sum_approx").asDouble(), st.sum(), Math.abs(st.sum()) * 1e-3, where + " sum");
        }
        if (plane.has("mean_approx")) {
            // JPEG decoders differ by a level or so per pixel
            assertEquals(plane.path("mean_approx").asDouble(), st.mean(), 1.0, where + " mean");
        }
    }

    private static void intField(JsonNode e, String key, int actual, String label) {
        if (e.has(key)) {
            assertEquals(e.path(key).asInt(), actual, label + " " + key);
        }
    }

    private static void length(JsonNode e, String key, Optional<Length> actual, String label) {
        if (!e.has(key)) {
            return;
        }
        if (e.path(key).isNull()) {
            assertTrue(actual.isEmpty(), label + " " + key + " must be unset, is " + actual);
            return;
        }
        assertTrue(actual.isPresent(), label + " " + key + " is unset");
        double um = actual.get().to(UnitsLength.MICROMETER).value();
        assertEquals(e.path(key).asDouble(), um, Math.abs(um) * 1e-9, label + " " + key);
    }

    private static void wavelengths(JsonNode e, String key, SeriesMetadata s, boolean excitation, String label) {
        if (!e.has(key)) {
            return;
        }
        for (int c = 0; c < e.path(key).size(); c++) {
            ChannelMetadata ch = s.channels().get(c);
            Optional<Length> l = excitation ? ch.excitationWavelength() : ch.emissionWavelength();
            assertTrue(l.isPresent(), label + " channel " + c + " " + key);
            assertEquals(e.path(key).get(c).asDouble(), l.get().to(UnitsLength.NANOMETER).value(), 1e-6,
                    label + " channel " + c + " " + key);
        }
    }

    /** The value of one original-metadata entry of {@code s}, failing when the reader did not record it. */
    private static String original(SeriesMetadata s, String key, String label) {
        return s.originalMetadata().stream().filter(m -> m.key().equals(key)).map(MetadataEntry::value).findFirst()
                .orElseGet(() -> fail(label + ": no original metadata " + key));
    }

    private static double[] numbers(String list) {
        String inner = list.replaceAll("[\\[\\]\\s]", "");
        return inner.isEmpty() ? new double[0]
                : java.util.Arrays.stream(inner.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    private static double[] numbers(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asDouble();
        }
        return v;
    }

    /** OME-Zarr: the group path, names, axes, per-level shapes, chunks and scales, and the omero block. */
    private static void checkNgffLayout(SeriesMetadata s, JsonNode e, String label) {
        if (e.has("zarrPath")) {
            assertEquals(e.path("zarrPath").asString(), original(s, "ngff.path", label), label + " group path");
        }
        if (e.has("multiscalesName")) {
            assertEquals(e.path("multiscalesName").asString(), original(s, "multiscales.name", label),
                    label + " multiscales name");
        }
        if (e.has("omeImageName")) {
            assertEquals(e.path("omeImageName").asString(), s.name(), label + " name from the OME-XML");
        }
        if (e.has("axes")) {
            List<String> axes = new ArrayList<>();
            e.path("axes").forEach(a -> axes.add(a.asString()));
            assertEquals(String.join(", ", axes), original(s, "multiscales.axes", label), label + " axes");
        }
        JsonNode shapes = e.path("levelShapes");
        for (int l = 0; l < shapes.size(); l++) {
            assertArrayEquals(numbers(shapes.get(l)), numbers(original(s, "multiscales.datasets[" + l + "].shape",
                    label)), label + " level " + l + " shape");
        }
        if (shapes.size() > 0) {
            assertEquals(shapes.size(), s.resolutionLevels(), label + " levels");
        }
        JsonNode scales = e.path("levelScales");
        for (int l = 0; l < scales.size(); l++) {
            assertArrayEquals(numbers(scales.get(l)), numbers(original(s, "multiscales.datasets[" + l + "].scale",
                    label)), 1e-12, label + " level " + l + " scale");
        }
        if (e.has("chunkShape")) {
            for (int l = 0; l < s.resolutionLevels(); l++) {
                assertArrayEquals(numbers(e.path("chunkShape")), numbers(original(s, "multiscales.datasets[" + l
                        + "].chunks", label)), label + " level " + l + " chunks");
            }
        }
        JsonNode pixelSizes = e.path("levelPhysicalSizeXY_um");
        for (int l = 0; l < pixelSizes.size(); l++) {
            // level l's pixel: level 0's physical size times the ratio of the levels' x scales
            double[] s0 = numbers(original(s, "multiscales.datasets[0].scale", label));
            double[] sl = numbers(original(s, "multiscales.datasets[" + l + "].scale", label));
            double x = s.physicalSizeX().orElseThrow().to(UnitsLength.MICROMETER).value()
                    * sl[sl.length - 1] / s0[s0.length - 1];
            assertEquals(pixelSizes.get(l).asDouble(), x, 1e-12 * x, label + " level " + l + " pixel size");
        }
        if (e.has("omeroWindow")) {
            String w = original(s, "omero.channels[0].window", label);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("start=(\\S+) end=(\\S+)").matcher(w);
            assertTrue(m.find(), label + " window " + w);
            assertEquals(e.path("omeroWindow").get(0).asDouble(), Double.parseDouble(m.group(1)), label + " start");
            assertEquals(e.path("omeroWindow").get(1).asDouble(), Double.parseDouble(m.group(2)), label + " end");
        }
        if (e.has("omeroDefaultZ")) {
            assertEquals(e.path("omeroDefaultZ").asInt(), Integer.parseInt(original(s, "omero.rdefs.defaultZ",
                    label)), label + " defaultZ as stated");
        }
    }

    private static void checkLabel(OpenedFileset f, JsonNode label) {
        String name = label.path("name").asString();
        int index = -1;
        for (int i = 0; i < f.series().size(); i++) {
            SeriesMetadata s = f.series().get(i);
            if (s.role() == SeriesRole.SEGMENTATION && s.name().endsWith(name)) {
                index = i;
            }
        }
        assertTrue(index >= 0, "a segmentation series named " + name);
        SeriesMetadata s = f.series().get(index);
        if (label.has("pixelType")) {
            assertEquals(label.path("pixelType").asString(), s.pixelType().omeroName(), "label " + name + " type");
        }
        JsonNode shapes = label.path("levelShapes");
        assertEquals(shapes.size(), s.resolutionLevels(), "label " + name + " levels");
        for (int l = 0; l < shapes.size(); l++) {
            JsonNode shape = shapes.get(l);
            assertEquals(shape.get(shape.size() - 1).asInt(), s.levels().get(l).sizeX(), "label level " + l + " X");
            assertEquals(shape.get(shape.size() - 2).asInt(), s.levels().get(l).sizeY(), "label level " + l + " Y");
        }
        if (label.has("allPixelsEqual")) {
            PixelSource p = f.pixels(index);
            for (int l = 0; l < p.levelCount(); l++) {
                for (int z = 0; z < p.sizeZ(); z++) {
                    PlaneStats st = PlaneStats.of(p, l, z, 0, 0);
                    assertEquals(label.path("allPixelsEqual").asDouble(), st.min(), "label " + name + " pixels");
                    assertEquals(label.path("allPixelsEqual").asDouble(), st.max(), "label " + name + " pixels");
                }
            }
        }
    }

    private static void checkWholeSlide(OpenedFileset f, JsonNode ws) {
        assertTrue(f.format().toLowerCase(Locale.ROOT).contains(ws.path("vendor").asString()), "vendor: " + f.format());
        SeriesMetadata main = f.series().get(0);
        assertEquals(ws.path("dimensions").get(0).asInt(), main.sizeX());
        assertEquals(ws.path("dimensions").get(1).asInt(), main.sizeY());
        assertEquals(ws.path("levelCount").asInt(), main.resolutionLevels());
        assertEquals(ws.path("mpp").asDouble(), main.physicalSizeX().orElseThrow().to(UnitsLength.MICROMETER).value(),
                1e-9, "MPP");
        boolean mag = f.originalMetadata().stream().anyMatch(m -> m.key().equals("Aperio.AppMag")
                && Double.parseDouble(m.value()) == ws.path("appMag").asDouble());
        assertTrue(mag, "AppMag in the original metadata");
        for (String name : ws.path("associatedImages").propertyNames()) {
            JsonNode dims = ws.path("associatedImages").path(name);
            SeriesMetadata a = f.series().stream().filter(s -> s.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no associated image " + name));
            assertEquals(dims.get(0).asInt(), a.sizeX());
            assertEquals(dims.get(1).asInt(), a.sizeY());
        }
    }

    private static void checkDistinct(PixelSource p, JsonNode values) {
        Set<Double> want = new HashSet<>();
        values.forEach(v -> want.add(v.asDouble()));
        Set<Double> got = new HashSet<>();
        int w = p.sizeX(0);
        int h = p.sizeY(0);
        int bpp = p.pixelType().bytesPerPixel();
        ByteBuffer b = ByteBuffer.allocate(w * h * bpp).order(ByteOrder.LITTLE_ENDIAN);
        p.readRegion(0, 0, 0, 0, 0, 0, w, h, b);
        for (int i = 0; i < w * h; i++) {
            byte[] one = new byte[bpp];
            System.arraycopy(b.array(), i * bpp, one, 0, bpp);
            got.add(PlaneStats.of(one, p.pixelType(), 1, 1).min());
        }
        assertEquals(want, got, "distinct values");
    }

    private static void checkPlate(OpenedFileset f, JsonNode plate) {
        PlateLayout p = f.plate().orElseThrow(() -> new AssertionError("no plate reported"));
        assertEquals(plate.path("name").asString(), p.name());
        List<String> rows = new ArrayList<>();
        plate.path("rows").forEach(r -> rows.add(r.asString()));
        assertEquals(rows, p.rowNames());
        List<String> cols = new ArrayList<>();
        plate.path("columns").forEach(r -> cols.add(r.asString()));
        assertEquals(cols, p.columnNames());
        assertEquals(plate.path("wells").size(), p.wells().size());
        for (int i = 0; i < p.wells().size(); i++) {
            JsonNode w = plate.path("wells").get(i);
            assertEquals(w.path("path").asString(), p.wells().get(i).path());
            assertEquals(w.path("rowIndex").asInt(), p.wells().get(i).row());
            assertEquals(w.path("columnIndex").asInt(), p.wells().get(i).column());
        }
        assertEquals(plate.path("fields").asInt(), p.fieldCount());
        assertEquals(plate.path("acquisitions").size(), p.acquisitions().size());
    }
}
