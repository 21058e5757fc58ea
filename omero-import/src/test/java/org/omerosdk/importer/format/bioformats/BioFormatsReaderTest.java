package org.omerosdk.importer.format.bioformats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.omerosdk.importer.format.FormatReader;
import org.omerosdk.importer.format.FormatReaders;
import org.omerosdk.importer.format.Location;
import org.omerosdk.importer.format.OpenedFileset;
import org.omerosdk.importer.format.PlaneStats;
import org.omerosdk.importer.format.SeriesMetadata;

/**
 * The Bio-Formats bridge. Runs when {@code -Domerosdk.bioformats.jar=/path/to/bioformats_package.jar} names a
 * Bio-Formats jar (Maven Central has none); reported as skipped otherwise.
 */
class BioFormatsReaderTest {
    private static final Path TESTDATA = Path.of(System.getProperty("omerosdk.repo.root", "."))
            .resolve("../shared/testdata").normalize();

    @Test
    void withoutBioFormatsOnTheClassPathItReadsNothingAndStaysOutOfTheWay() {
        BioFormatsReader r = new BioFormatsReader(new URLClassLoader(new URL[0], null));
        assertFalse(r.available());
        Location img = Location.of(TESTDATA.resolve("stardist__stardist/stardist/data/images/img2d.tif"));
        assertEquals(FormatReader.Confidence.NO, r.probe(img, img.head(FormatReaders.HEAD_BYTES)));
        // our TIFF reader wins whatever Bio-Formats would say: it is the lowest priority
        assertTrue(r.priority() < 0);
    }

    @Test
    void readsAPlainTiffThroughBioFormatsWithTheSamePixelsAsOurReader() throws Exception {
        String jar = System.getProperty("omerosdk.bioformats.jar");
        Assumptions.assumeTrue(jar != null && Files.isRegularFile(Path.of(jar)),
                "no Bio-Formats jar given (-Domerosdk.bioformats.jar=...); the bridge test is skipped");
        Path file = TESTDATA.resolve("stardist__stardist/stardist/data/images/img2d.tif");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(jar).toUri().toURL()},
                BioFormatsReaderTest.class.getClassLoader())) {
            BioFormatsReader r = new BioFormatsReader(loader);
            assertTrue(r.available());
            Location img = Location.of(file);
            assertEquals(FormatReader.Confidence.BY_CONTENT, r.probe(img, img.head(FormatReaders.HEAD_BYTES)));
            try (OpenedFileset f = r.open(img)) {
                SeriesMetadata s = f.series().get(0);
                assertEquals(512, s.sizeX());
                assertEquals(512, s.sizeY());
                assertEquals("uint16", s.pixelType().omeroName());
                assertEquals("8952cab7611450bd761f81e14b95bdd197d5b17487ed98f6814fd35720e65963",
                        PlaneStats.of(f.pixels(0), 0, 0, 0, 0).sha256le());
            }
        }
    }
}
