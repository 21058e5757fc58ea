package org.omerosdk.repo;

import java.nio.file.Path;
import java.util.Optional;
import org.omerosdk.model.fs.ChecksumAlgorithm;

/**
 * One file of a fileset as the repository holds it.
 *
 * @param key        the repository path (store key) of the file; for {@link TransferMode#IN_PLACE} the key it would
 *                   have, under which nothing is stored
 * @param clientPath the path the client gave
 * @param external   where the file really is when the repository only references it
 */
public record StoredFile(String key, String clientPath, long size, ChecksumAlgorithm algorithm, String checksum,
                         TransferMode mode, Optional<Path> external) {
    /** The directory part of the key with a trailing {@code /}, as OMERO's OriginalFile.path. */
    public String directory() {
        int slash = key.lastIndexOf('/');
        return slash < 0 ? "" : key.substring(0, slash + 1);
    }

    /** The file name, as OMERO's OriginalFile.name. */
    public String name() {
        return key.substring(key.lastIndexOf('/') + 1);
    }
}
