package org.omerosdk.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** {@code omero info} on real sample files (../shared/testdata), against expected.json's values. */
class InfoCommandTest {
    static final Path TESTDATA = Path.of(System.getProperty("omerosdk.repo.root", "."), "../shared/testdata")
            .normalize();
    static final Path BF2RAW = TESTDATA.resolve(
            "BMCV__galaxy-image-analysis/tools/bioformats2raw/test-data/xyz_8bit__mitotic_plate_calibrated.ome.zarr");
    static final Path PLATE = TESTDATA.resolve("ome__ome-zarr-py/tests/data/bf2raw/plate-rows-2.zarr");
    static final ObjectMapper JSON = new ObjectMapper();

    private String out;
    private String err;

    private int omero(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int rc = OmeroCli.execute(args, new PrintWriter(o), new PrintWriter(e), Map.of());
        out = o.toString();
        err = e.toString();
        return rc;
    }

    @Test
    void jsonWithPlanesUsesExpectedJsonsFieldsAndHashes() {
        assertEquals(0, omero("info", "--json", "--planes", BF2RAW.toString()), err);
        JsonNode r = JSON.readTree(out);
        JsonNode s = r.get("series").get(0);
        assertEquals(263, s.get("sizeX").asInt());
        assertEquals(6, s.get("sizeZ").asInt());
        assertEquals("uint8", s.get("pixelType").asString());
        assertEquals("Channel 0", s.get("channelNames").get(0).asString());
        assertEquals(3.0, s.get("physicalSizeZ_um").asDouble(), 0);
        assertEquals(2, s.get("resolutionLevels").asInt());
        JsonNode p5 = s.get("planes").get(5);
        assertEquals(5, p5.get("z").asInt());
        assertEquals(3, p5.get("min").asInt());
        assertEquals(87, p5.get("max").asInt());
        assertEquals(580295, p5.get("sum").asLong());
        assertEquals("c35db22dd5f5da6f74962755af214c93f2c18976fadb97168faf6465c42fd60d", p5.get("sha256_le").asString());
    }

    @Test
    void textListsEverySeriesOfAPlateWithItsWell() {
        assertEquals(0, omero("info", PLATE.toString()), err);
        assertTrue(out.contains("plate \"Plate Name 0\": 2 rows x 1 columns, 2 wells"), out);
        assertTrue(out.contains("series 1 \"my 2\": 512 x 512, Z 1, C 1, T 1, uint8"), out);
        assertTrue(out.contains("well row 1, column 0, field 0"), out);
        assertTrue(out.contains("levels: 512x512, 256x256"), out);
        assertFalse(out.contains("plane"), "no planes without --planes");
    }

    @Test
    void anUnreadableFileIsAJsonErrorAndAFailureAfterTheOtherFiles(@TempDir Path tmp) throws Exception {
        Path junk = Files.writeString(tmp.resolve("notes.txt"), "not an image");
        assertEquals(OmeroCli.EXIT_FAILED, omero("info", "--json", junk.toString(), PLATE.toString()));
        String[] lines = out.split("\n");
        assertEquals(2, lines.length, out);
        JsonNode error = JSON.readTree(lines[0]);
        assertTrue(error.get("error").asString().contains("notes.txt"), lines[0]);
        assertEquals(2, JSON.readTree(lines[1]).get("series").size());
    }

    @Test
    void anUnreadableFileInTextModeIsOneLineOnStderr(@TempDir Path tmp) throws Exception {
        Path empty = Files.write(tmp.resolve("empty.tif"), new byte[0]);
        assertEquals(OmeroCli.EXIT_FAILED, omero("info", empty.toString()));
        assertTrue(err.startsWith("omero: " + empty + ": ") && err.contains("empty"), err);
    }
}
