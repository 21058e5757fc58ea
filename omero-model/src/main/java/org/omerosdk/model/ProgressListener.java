package org.omerosdk.model;

/**
 * Receives progress of long-running work (import, pyramid building, graph operations). Called from the worker
 * thread(s); implementations must be thread-safe and quick. Throwing {@link CancelledException} from
 * {@link #progress} cancels the work, as does interrupting the worker thread.
 */
@FunctionalInterface
public interface ProgressListener {
    /** Does nothing. */
    ProgressListener NONE = (step, done, total) -> { };

    /**
     * @param step  what is being done, e.g. {@code "level 2"} or {@code "copy a.tif"}
     * @param done  units completed so far (tiles, bytes, objects)
     * @param total units in all, or -1 when not known yet
     */
    void progress(String step, long done, long total);
}
