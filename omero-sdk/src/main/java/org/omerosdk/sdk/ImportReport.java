package org.omerosdk.sdk;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.omerosdk.model.OmeroException;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.fs.Fileset;
import org.omerosdk.repo.StoredFile;

/**
 * The outcome of one fileset of an import: the fileset with its images and the files as stored (names, sizes,
 * checksums), the bytes and time it took — or the error, in which case nothing of it was kept.
 *
 * @param source the path the fileset was found from (a file, or the directory of a directory format)
 */
public record ImportReport(Path source, String format, Optional<Fileset> fileset, List<Image> images,
                           List<StoredFile> files, long bytes, Duration time, Optional<OmeroException> error) {
    public ImportReport {
        images = List.copyOf(images);
        files = List.copyOf(files);
    }

    static ImportReport failed(Path source, String format, long bytes, Duration time, OmeroException error) {
        return new ImportReport(source, format, Optional.empty(), List.of(), List.of(), bytes, time,
                Optional.of(error));
    }

    /** Whether the fileset was imported. */
    public boolean ok() {
        return error.isEmpty();
    }
}
