package org.omerosdk.sdk;

import org.omerosdk.importer.NewImage;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.ProgressListener;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.fs.ChecksumAlgorithm;
import org.omerosdk.model.fs.Fileset;
import org.omerosdk.model.fs.FilesetEntry;
import org.omerosdk.model.fs.OriginalFile;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.repo.ImportLocation;
import org.omerosdk.repo.ManagedRepository;
import org.omerosdk.repo.StoredFile;
import org.omerosdk.repo.TransferMode;
import org.omerosdk.repo.template.TemplateContext;

/**
 * Puts files into the managed repository and records them as a Fileset with its OriginalFiles and their images, in
 * the session's user and group. {@link #importFiles(List, ImportOptions...)} reads the files with the format
 * readers and describes everything itself; the other {@code importFiles} records images the caller describes. All
 * or nothing per fileset: when recording fails, the files placed are removed again.
 */
public final class Imports {
    private final Session session;
    private final ManagedRepository repository;

    Imports(Session session, ManagedRepository repository) {
        this.session = session;
        this.repository = repository;
    }

    /** A fileset as imported: the database rows and where each file landed. */
    public record ImportedFileset(Fileset fileset, List<StoredFile> files, List<Image> images) {
        public ImportedFileset {
            files = List.copyOf(files);
            images = List.copyOf(images);
        }
    }

    /**
     * Imports {@code files} as one fileset holding {@code images}.
     *
     * @param readerRequiredDirectories how many parent directories the format needs kept (0 for most formats)
     */
    public ImportedFileset importFiles(List<Path> files, TransferMode mode, OptionalInt readerRequiredDirectories,
                                       Optional<Dataset> dataset, List<NewImage> images, ProgressListener progress) {
        ImportFolders.check(folder(), files, mode);
        TemplateContext who = templateContext();
        List<String> clientPaths = files.stream().map(p -> p.toAbsolutePath().toString()).toList();
        ImportLocation where = repository.prepare(who, clientPaths, readerRequiredDirectories);
        ChecksumAlgorithm algorithm = repository.checksums().supported().get(0);
        String journal = ImportJournal.begin(repository.store(), where.templatePrefix());
        List<StoredFile> stored;
        try {
            // MOVE places links (or copies) and removes the originals after the commit, so a refused or failed
            // commit leaves the user's files where they were
            TransferMode placing = mode == TransferMode.MOVE ? TransferMode.HARD_LINK : mode;
            stored = repository.transfer(where, files, placing, algorithm, progress);
        } catch (RuntimeException e) {
            ImportJournal.end(repository.store(), journal); // the transfer removed what it placed
            throw e;
        }
        try {
            ImportedFileset done = session.write((q, w) -> {
                Fileset fileset = recordFileset(w, where, stored);
                List<Image> saved = Images.save(q, w, dataset, images, Optional.of(fileset), progress);
                return new ImportedFileset(fileset, stored, saved);
            });
            ImportJournal.end(repository.store(), journal);
            if (mode == TransferMode.MOVE) {
                repository.removeOriginals(files);
            }
            return done;
        } catch (RuntimeException e) {
            for (StoredFile f : stored) {
                if (f.mode() != TransferMode.IN_PLACE) {
                    repository.store().delete(f.key());
                }
            }
            ImportJournal.end(repository.store(), journal);
            throw e;
        }
    }

    /** Records the Fileset with an OriginalFile and a FilesetEntry per stored file (the one place that does). */
    static Fileset recordFileset(WritePath w, ImportLocation where, List<StoredFile> stored) {
        Fileset fileset = w.create(new Fileset(where.templatePrefix()));
        for (StoredFile f : stored) {
            OriginalFile of = new OriginalFile(f.directory(), f.name());
            of.setSize(f.size());
            of.setHash(f.algorithm(), f.checksum());
            of.setMimetype(mimetype(f.name()));
            of = w.create(of);
            w.create(new FilesetEntry(fileset, of, f.clientPath()));
            w.batchBoundary();
        }
        return fileset;
    }

    /**
     * Imports files as OMERO does: the format readers find each path's fileset (a multi-file fileset given by several
     * of its paths is imported once) and its images; each fileset is transferred, measured and recorded on its own,
     * on {@code omero.threads.background_threads} workers, with its images' rendering settings, thumbnails, plate
     * and original metadata. A failed fileset leaves nothing behind and the others go on; the result has one report
     * per fileset, in the order of {@code paths}. Waits for the whole batch.
     *
     * @throws org.omerosdk.model.NotFoundException  when the target is not visible
     * @throws org.omerosdk.model.SecurityViolation when importing as another user is not allowed
     */
    public ImportResult importFiles(List<Path> paths, ImportOptions... options) {
        return start(paths, options).await();
    }

    /** Starts {@link #importFiles(List, ImportOptions...)} and returns at once, with a handle to cancel or wait. */
    public ImportBatch start(List<Path> paths, ImportOptions... options) {
        return ImportBatch.start(session, repository, List.copyOf(paths), ImportOptions.Settings.of(options));
    }

    /**
     * The folder mapping of the session's group (see {@link Admin#setImportFolder}): when present, every import
     * into the group must come from inside it.
     */
    public Optional<ImportFolder> folder() {
        return session.read(q -> ImportFolders.of(q.hibernate(), q.context().writeGroupId()));
    }

    /** Who is importing, into which group, now: what the repository's path template is expanded with. */
    TemplateContext templateContext() {
        SecurityContext ctx = session.context();
        long groupId = ctx.writeGroupId();
        ExperimenterGroup group = session.read(q -> q.byId(ExperimenterGroup.class, groupId))
                .orElseThrow(() -> new NotFoundException("group " + groupId + " not found"));
        String uuid = session.read(q -> q.byId(org.omerosdk.model.meta.Session.class, session.sessionId()))
                .map(org.omerosdk.model.meta.Session::uuid).orElse("");
        return new TemplateContext(session.user().omeName(), session.user().id(), group.name(), group.id(),
                group.permissions(), uuid, session.sessionId(), session.user().institution(), ZonedDateTime.now(),
                Thread.currentThread().getName(), List.of());
    }

    private static String mimetype(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".tif") || n.endsWith(".tiff")) {
            return "image/tiff";
        }
        if (n.endsWith(".png")) {
            return "image/png";
        }
        if (n.endsWith(".jpg") || n.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        return "application/octet-stream";
    }
}
