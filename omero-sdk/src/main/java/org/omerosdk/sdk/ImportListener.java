package org.omerosdk.sdk;

/**
 * Follows a batch import: its size when it starts, progress of each step of each fileset (probe, transfer with
 * bytes, statistics, pyramid, thumbnail, save), and each fileset's report when it ends. Called from the import's
 * worker threads: implementations must be thread-safe and quick. Throwing
 * {@link org.omerosdk.model.CancelledException} from {@link #progress} cancels that fileset (it leaves nothing).
 */
public interface ImportListener {
    /** Listens to nothing. */
    ImportListener NONE = new ImportListener() {
    };

    /** The batch: how many filesets, files and bytes it holds. */
    default void started(int filesets, long files, long bytes) {
    }

    /** A step of one fileset moved on; {@code batchBytes} counts the bytes transferred by the whole batch. */
    default void progress(ImportProgress progress) {
    }

    /** A fileset finished, imported or failed. */
    default void finished(ImportReport report) {
    }
}
