package org.omerosdk.imagej;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.omerosdk.model.StorageException;

/**
 * A directory for files ImageJ must write or read by path (a TIFF to import, a CSV to open), removed with what it
 * holds on close; a file left behind when removal fails is harmless and not reported.
 */
final class TemporaryDirectory implements AutoCloseable {
    private final Path dir;

    private TemporaryDirectory(Path dir) {
        this.dir = dir;
    }

    /** @param purpose what it is for, in the directory's name and in the error when it cannot be made */
    static TemporaryDirectory create(String purpose) {
        try {
            return new TemporaryDirectory(Files.createTempDirectory("omero-sdk-" + purpose));
        } catch (IOException e) {
            throw new StorageException("cannot create a temporary directory for the " + purpose + ": "
                    + e.getMessage(), e);
        }
    }

    Path resolve(String name) {
        return dir.resolve(name);
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temporary file left behind is harmless
        }
    }
}
