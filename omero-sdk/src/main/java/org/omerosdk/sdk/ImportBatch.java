package org.omerosdk.sdk;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.omerosdk.importer.format.FormatReaders;
import org.omerosdk.model.CancelledException;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.OmeroException;
import org.omerosdk.model.ProgressListener;
import org.omerosdk.model.StorageException;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.repo.ManagedRepository;

/**
 * A running batch import: {@link #cancel} stops it (filesets in progress roll back and leave nothing, those not
 * started are reported as cancelled), {@link #await} waits for the {@link ImportResult}.
 */
public final class ImportBatch {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<Future<ImportReport>> futures = new ArrayList<>();
    private final List<ImportReport> early = new ArrayList<>();
    private final List<Integer> order = new ArrayList<>();
    private ExecutorService workers;
    private Session acting;
    private boolean closeActing;

    private ImportBatch() {
    }

    static ImportBatch start(Session session, ManagedRepository repository, List<Path> paths,
                             ImportOptions.Settings settings) {
        ImportBatch batch = new ImportBatch();
        batch.acting = session;
        if (settings.as().isPresent()) {
            long groupId = session.context().writeGroupId();
            ExperimenterGroup group = session.read(q -> q.byId(ExperimenterGroup.class, groupId))
                    .orElseThrow(() -> new NotFoundException("group " + groupId + " not found"));
            batch.acting = session.sudo(settings.as().get(), group);
            batch.closeActing = true;
        }
        try {
            batch.run(repository, paths, settings);
        } catch (RuntimeException e) {
            batch.finish();
            throw e;
        }
        return batch;
    }

    private void run(ManagedRepository repository, List<Path> paths, ImportOptions.Settings settings) {
        settings.target().ifPresent(t -> {
            if (t instanceof ImportOptions.Target.Existing e) {
                // refused now, before any file moves, when the caller may not see it
                acting.read(q -> Containers.load(q, e.container()));
            }
        });
        // a mapped group's imports come from its folder: refused here, before any reader opens a file
        Optional<ImportFolder> folder = acting.read(q -> ImportFolders.of(q.hibernate(),
                q.context().writeGroupId()));
        for (Path p : paths) {
            ImportFolders.check(folder, List.of(p, p.toAbsolutePath().normalize()), settings.mode());
        }
        ImportListener listener = settings.listener();
        FormatReaders readers = FormatReaders.discover();
        List<FilesetImport.Found> found = new ArrayList<>();
        Set<Path> claimed = new HashSet<>();
        long files = 0;
        long bytes = 0;
        for (Path p : paths) {
            Path abs = p.toAbsolutePath().normalize();
            if (claimed.contains(abs)) {
                continue;   // a file of a fileset found from an earlier path
            }
            try {
                FilesetImport.Found f = FilesetImport.find(readers, abs);
                claimed.add(abs);
                claimed.addAll(f.files());
                found.add(f);
                files += f.files().size();
                bytes += f.bytes();
            } catch (RuntimeException e) {
                claimed.add(abs);
                found.add(null);
                early.add(ImportReport.failed(abs, "", 0, Duration.ZERO, e instanceof OmeroException oe ? oe
                        : new StorageException("cannot read " + abs + ": " + e.getMessage(), e)));
            }
        }
        int total = found.size();
        listener.started(total, files, bytes);
        AtomicLong batchBytes = new AtomicLong();
        AtomicInteger done = new AtomicInteger();
        long totalBytes = bytes;
        for (ImportReport r : early) {
            done.incrementAndGet();
            listener.finished(r);
        }
        int threads = Math.max(1, Math.min(total, settings.threads()
                .orElse(acting.sdk().config().getInt(ConfigKeys.THREADS_BACKGROUND_THREADS))));
        workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "omero-import");
            t.setDaemon(true);
            return t;
        });
        FilesetImport.Targets targets = new FilesetImport.Targets(settings.target(), folder);
        int earlyIndex = 0;
        for (FilesetImport.Found f : found) {
            if (f == null) {
                order.add(-1 - earlyIndex++);
                continue;
            }
            order.add(futures.size());
            futures.add(workers.submit(() -> {
                if (cancelled.get()) {
                    ImportReport r = ImportReport.failed(f.source(), f.format(), 0, Duration.ZERO,
                            new CancelledException("import of " + f.source() + " cancelled before it started"));
                    done.incrementAndGet();
                    listener.finished(r);
                    return r;
                }
                long[] mine = {0};
                ProgressListener progress = (step, d, t) -> {
                    if (cancelled.get()) {
                        throw new CancelledException("import of " + f.source() + " cancelled at " + step);
                    }
                    if (step.equals("transfer")) {
                        batchBytes.addAndGet(d - mine[0]);
                        mine[0] = d;
                    }
                    listener.progress(new ImportProgress(f.source(), step, d, t, batchBytes.get(), totalBytes,
                            done.get(), total));
                };
                ImportReport r = new FilesetImport(acting, repository, readers, settings, targets, progress).run(f);
                done.incrementAndGet();
                listener.finished(r);
                return r;
            }));
        }
        workers.shutdown();
    }

    /** Cancels the batch: filesets in progress roll back (leaving nothing), those not started are not imported. */
    public void cancel() {
        cancelled.set(true);
    }

    /** Whether every fileset has finished. */
    public boolean isDone() {
        return futures.stream().allMatch(Future::isDone);
    }

    /** Waits for every fileset and returns one report each, in the order of the paths. */
    public ImportResult await() {
        List<ImportReport> reports = new ArrayList<>();
        try {
            for (int i : order) {
                if (i < 0) {
                    reports.add(early.get(-1 - i));
                    continue;
                }
                try {
                    reports.add(futures.get(i).get());
                } catch (InterruptedException e) {
                    cancel();
                    Thread.currentThread().interrupt();
                    throw new CancelledException("interrupted while waiting for the import; it is cancelled");
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException re ? re
                            : new StorageException("import failed: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            finish();
        }
        return new ImportResult(reports);
    }

    private synchronized void finish() {
        if (closeActing) {
            closeActing = false;
            Optional.ofNullable(acting).ifPresent(Session::close);
        }
    }
}
