package org.omerosdk.sdk;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.omerosdk.model.CancelledException;
import org.omerosdk.model.OmeroException;
import org.omerosdk.model.StorageException;
import org.omerosdk.sdk.graph.GraphProgress;
import org.omerosdk.sdk.graph.GraphReport;

/**
 * A graph operation running in the background ({@link Graphs#submit}): its latest progress, cancellation before
 * the commit (then nothing has changed), and a blocking {@link #await} with no fixed timeout.
 */
public final class GraphHandle {
    private final CompletableFuture<GraphReport> result = new CompletableFuture<>();
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private volatile GraphProgress progress = new GraphProgress("queued", 0, 0);
    private volatile boolean committing;

    GraphHandle() {
    }

    /** The latest progress reported. */
    public GraphProgress progress() {
        return progress;
    }

    /**
     * Asks the operation to stop. Returns true when it will stop before its commit (so nothing changes), false
     * when it has finished or is already committing.
     */
    public boolean cancel() {
        if (result.isDone() || committing) {
            return false;
        }
        cancelRequested.set(true);
        return true;
    }

    public boolean isDone() {
        return result.isDone();
    }

    /**
     * Waits for the operation and returns its report.
     *
     * @throws CancelledException when it was cancelled (nothing changed)
     * @throws OmeroException     whatever the operation was refused with
     */
    public GraphReport await() {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException("interrupted while waiting for a graph operation", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof OmeroException oe) {
                throw oe;
            }
            throw new StorageException("graph operation failed: " + e.getCause(), e.getCause());
        }
    }

    GraphTraversal.Control control(GraphProgress.Listener listener) {
        return new GraphTraversal.Control() {
            @Override
            public boolean cancelled() {
                return cancelRequested.get();
            }

            @Override
            public void progress(GraphProgress p) {
                if (p.phase().equals("commit")) {
                    committing = true;
                }
                progress = p;
                listener.progress(p);
            }
        };
    }

    void complete(GraphReport report) {
        result.complete(report);
    }

    void fail(Throwable t) {
        result.completeExceptionally(t);
    }
}
