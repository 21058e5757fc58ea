package org.omerosdk.examples.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The demo's sample acquisition: the channels of {@link SyntheticCells}, written by {@link SampleOmeTiff}. */
final class SampleAcquisition {
    static final String[] CHANNELS = {"DAPI", "Membrane", "Spots"};
    static final double[] EMISSION_NM = {461, 520, 610};

    private SampleAcquisition() {
    }

    static void deleteQuietly(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a scratch folder in the temp directory; the OS cleans it eventually
        }
    }
}
