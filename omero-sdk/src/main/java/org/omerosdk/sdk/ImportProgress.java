package org.omerosdk.sdk;

import java.nio.file.Path;

/**
 * Where a batch import is: the fileset (by the path it was found from) and its step, with the step's units done and
 * in all (bytes for "transfer", planes for "statistics", tiles for "pyramid", images for "save"; -1 when not known),
 * and the whole batch's bytes transferred and filesets finished.
 */
public record ImportProgress(Path fileset, String step, long done, long total, long batchBytesDone,
                             long batchBytesTotal, int filesetsDone, int filesetsTotal) {
}
