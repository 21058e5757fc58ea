package org.omerosdk.sdk.graph;

/**
 * Where a running graph operation is: the phase ("traverse", "check", "apply", "commit", "files", "done"), the
 * objects visited so far and the objects changed so far.
 */
public record GraphProgress(String phase, long visited, long done) {
    /** Receives progress; called from the worker thread, must be quick and thread-safe. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = p -> { };

        void progress(GraphProgress progress);
    }
}
