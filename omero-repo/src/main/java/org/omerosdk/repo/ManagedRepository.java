package org.omerosdk.repo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.omerosdk.model.CancelledException;
import org.omerosdk.model.ProgressListener;
import org.omerosdk.model.SecurityViolation;
import org.omerosdk.model.StorageException;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.config.OmeroConfig;
import org.omerosdk.model.fs.ChecksumAlgorithm;
import org.omerosdk.model.store.BinaryStore;
import org.omerosdk.model.store.LocalTransfer;
import org.omerosdk.model.store.StoreWriter;
import org.omerosdk.repo.checksum.ChecksumNegotiation;
import org.omerosdk.repo.checksum.ChecksumSink;
import org.omerosdk.repo.rules.PathRules;
import org.omerosdk.repo.store.ReadOnlyBinaryStore;
import org.omerosdk.repo.template.ClientPaths;
import org.omerosdk.repo.template.PathTemplate;
import org.omerosdk.repo.template.StoreDirectories;
import org.omerosdk.repo.template.TemplateContext;
import org.omerosdk.repo.template.TemplatePath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The managed repository: places the files of an import where OMERO would ({@code omero.fs.repo.path},
 * {@code omero.fs.repo.path_rules}), computing checksums as the bytes pass ({@code omero.checksum.supported}),
 * in a {@link BinaryStore} (filesystem, S3 or memory).
 *
 * <pre>{@code
 * ManagedRepository repo = ManagedRepository.open(config, new FileSystemBinaryStore(managedDir));
 * ImportLocation where = repo.prepare(context, List.of("/home/ada/exp/a.tif"), OptionalInt.of(0));
 * List<StoredFile> files = repo.transfer(where, List.of(Path.of("/home/ada/exp/a.tif")), TransferMode.COPY,
 *         repo.checksums().supported().get(0), ProgressListener.NONE);
 * }</pre>
 *
 * <p>Guarantees: client paths are sanitised and can never leave the template directory; directories record their
 * owner (root for the root-owned part of the template, the importer for the rest) and nobody writes into another
 * user's directory; {@link #transfer} is all or nothing (a failure removes what it placed); a read-only
 * configuration refuses every write. Thread-safe.
 */
public final class ManagedRepository {
    private static final Logger LOG = LoggerFactory.getLogger(ManagedRepository.class);
    private static final int BUFFER = 1 << 20;

    private final BinaryStore store;
    private final PathTemplate template;
    private final PathRules rules;
    private final ChecksumNegotiation checksums;
    private final StoreDirectories directories;

    private ManagedRepository(BinaryStore store, PathTemplate template, PathRules rules,
                              ChecksumNegotiation checksums) {
        this.store = store;
        this.template = template;
        this.rules = rules;
        this.checksums = checksums;
        this.directories = new StoreDirectories(store);
    }

    /**
     * A repository in {@code store} configured by {@code config} (template, rules, checksums, read-only flags).
     *
     * @throws ValidationException when a configured value cannot be used, naming the key
     */
    public static ManagedRepository open(OmeroConfig config, BinaryStore store) {
        return new ManagedRepository(ReadOnlyBinaryStore.applying(config, store), PathTemplate.from(config),
                PathRules.from(config), ChecksumNegotiation.from(config));
    }

    public BinaryStore store() {
        return store;
    }

    public PathTemplate template() {
        return template;
    }

    public PathRules rules() {
        return rules;
    }

    public ChecksumNegotiation checksums() {
        return checksums;
    }

    /**
     * Creates the directory of a new fileset and decides where each of its files goes.
     *
     * @param clientPaths               the files as the client names them (local absolute paths are fine)
     * @param readerRequiredDirectories directories the format reader needs kept above the files (empty: unknown)
     */
    public ImportLocation prepare(TemplateContext context, List<String> clientPaths,
                                  OptionalInt readerRequiredDirectories) {
        // clients always sanitise with Windows required + UNIX required; the repository's rules apply on top
        PathRules client = PathRules.clientDefault();
        List<List<String>> split = new ArrayList<>();
        List<String> normalised = new ArrayList<>();
        for (String p : clientPaths) {
            List<String> components = reserved(client.sanitizePath(p.replace('\\', '/')));
            split.add(components);
            normalised.add(String.join("/", components));
        }
        TemplateContext withPaths = new TemplateContext(context.userName(), context.userId(), context.groupName(),
                context.groupId(), context.groupPermissions(), context.sessionUuid(), context.sessionId(),
                context.institution(), context.time(), context.threadName(), normalised);
        ClientPaths.Layout layout = ClientPaths.layout(split, readerRequiredDirectories, rules);
        TemplatePath dir = template.expand(withPaths, rules, directories);
        List<String> shared = new ArrayList<>(dir.components());
        shared.addAll(layout.commonRoot());
        List<String> keys = new ArrayList<>();
        for (List<String> used : layout.usedFiles()) {
            List<String> key = new ArrayList<>(shared);
            key.addAll(used);
            keys.add(String.join("/", key));
        }
        if (keys.stream().distinct().count() != keys.size()) {
            throw new ValidationException("two files of the fileset would be stored at the same path: "
                    + clientPaths);
        }
        return new ImportLocation(dir, String.join("/", shared), clientPaths, keys, context.userId());
    }

    /**
     * Client path components beginning with {@value StoreDirectories#RESERVED_PREFIX} get a {@code _} in front, as
     * the path rules treat an unsafe prefix: such names are the repository's own records (a directory's owner
     * marker {@value StoreDirectories#MARKER}, an image's pyramids), which a client's file must never replace.
     */
    private static List<String> reserved(List<String> components) {
        List<String> out = new ArrayList<>(components.size());
        for (String c : components) {
            out.add(c.startsWith(StoreDirectories.RESERVED_PREFIX) ? "_" + c : c);
        }
        return out;
    }

    /**
     * Puts the files of a prepared fileset into the repository, computing {@code algorithm} while the bytes pass
     * (one read of each file). All or nothing: on any failure, what was placed is removed again.
     *
     * @param sources the local files, in the order of {@link ImportLocation#clientPaths()}
     * @throws StorageException   when the store fails (nothing is left behind)
     * @throws CancelledException when {@code progress} cancels or the thread is interrupted
     */
    public List<StoredFile> transfer(ImportLocation location, List<Path> sources, TransferMode mode,
                                     ChecksumAlgorithm algorithm, ProgressListener progress) {
        if (sources.size() != location.keys().size()) {
            throw new ValidationException(sources.size() + " files given for a fileset of "
                    + location.keys().size());
        }
        long total = 0;
        for (Path p : sources) {
            total += size(p);
        }
        List<StoredFile> done = new ArrayList<>();
        long[] bytes = {0};
        try {
            for (int i = 0; i < sources.size(); i++) {
                String key = location.keys().get(i);
                checkWritable(location.ownerId(), key);
                done.add(place(sources.get(i), key, location.clientPaths().get(i), mode, algorithm, progress,
                        bytes, total));
            }
            if (mode == TransferMode.MOVE) {
                removeOriginals(sources); // only once every file of the fileset is in place
            }
            return List.copyOf(done);
        } catch (RuntimeException e) {
            for (StoredFile f : done) {
                if (f.mode() != TransferMode.IN_PLACE) {
                    store.delete(f.key());
                }
            }
            throw e;
        }
    }

    private StoredFile place(Path source, String key, String clientPath, TransferMode mode,
                             ChecksumAlgorithm algorithm, ProgressListener progress, long[] bytes, long total) {
        long size = size(source);
        String checksum;
        Optional<Path> external = Optional.empty();
        TransferMode used = mode;
        switch (mode) {
            case COPY:
                checksum = copy(source, key, algorithm, progress, bytes, total);
                break;
            case IN_PLACE:
                checksum = hash(source, algorithm, progress, bytes, total);
                external = Optional.of(source.toAbsolutePath());
                break;
            case HARD_LINK:
                checksum = hash(source, algorithm, progress, bytes, total);
                if (store.localTransfers().contains(LocalTransfer.HARD_LINK)) {
                    used = store.transferIn(LocalTransfer.HARD_LINK, source, key) ? TransferMode.HARD_LINK
                            : TransferMode.COPY;
                } else {
                    checksum = copy(source, key, algorithm, ProgressListener.NONE, new long[1], total);
                    used = TransferMode.COPY;
                }
                break;
            case SYMBOLIC_LINK:
                if (!store.localTransfers().contains(LocalTransfer.SYMBOLIC_LINK)) {
                    throw new ValidationException("transfer mode SYMBOLIC_LINK needs a store that can hold symbolic "
                            + "links; " + store.describe() + " cannot (it offers " + store.localTransfers()
                            + "; use COPY or IN_PLACE)");
                }
                checksum = hash(source, algorithm, progress, bytes, total);
                store.transferIn(LocalTransfer.SYMBOLIC_LINK, source, key);
                external = Optional.of(source.toAbsolutePath());
                break;
            case MOVE:
                // linked (or copied) now, the original removed only when the whole fileset is placed: a failure
                // part-way leaves every original where it was
                checksum = hash(source, algorithm, progress, bytes, total);
                if (!store.localTransfers().contains(LocalTransfer.HARD_LINK)
                        || !store.transferIn(LocalTransfer.HARD_LINK, source, key)) {
                    checksum = copy(source, key, algorithm, ProgressListener.NONE, new long[1], total);
                }
                break;
            default:
                throw new IllegalStateException(mode.toString());
        }
        return new StoredFile(key, clientPath, size, algorithm, checksum, used, external);
    }

    /** Copies with the checksum computed on the way; the reading and the writing overlap in two threads. */
    private String copy(Path source, String key, ChecksumAlgorithm algorithm, ProgressListener progress,
                        long[] bytes, long total) {
        ChecksumSink sink = ChecksumSink.of(algorithm);
        try (InputStream in = Files.newInputStream(source); StoreWriter out = store.writer(key)) {
            PipelinedCopy.run(in, sink, out, BUFFER, n -> report(progress, key, bytes, n, total));
            out.commit();
        } catch (IOException e) {
            throw new StorageException("cannot copy " + source + " to " + key + " in " + store.describe() + ": "
                    + e.getMessage(), e);
        }
        return sink.finish().get(algorithm);
    }

    private String hash(Path source, ChecksumAlgorithm algorithm, ProgressListener progress, long[] bytes,
                        long total) {
        ChecksumSink sink = ChecksumSink.of(algorithm);
        // nothing to write: one read loop, no writer thread
        try (InputStream in = Files.newInputStream(source)) {
            byte[] buf = new byte[BUFFER];
            int n;
            while ((n = in.readNBytes(buf, 0, buf.length)) > 0) {
                sink.write(buf, 0, n);
                report(progress, source.getFileName().toString(), bytes, n, total);
            }
        } catch (IOException e) {
            throw new StorageException("cannot read " + source + ": " + e.getMessage(), e);
        }
        return sink.finish().get(algorithm);
    }

    private static void report(ProgressListener progress, String step, long[] bytes, int n, long total) {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancelledException("import cancelled while transferring " + step);
        }
        bytes[0] += n;
        progress.progress(step, bytes[0], total);
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new ValidationException("cannot read the file to import " + p + ": " + e.getMessage());
        }
    }

    /**
     * The last step of {@link TransferMode#MOVE} for callers that place the files with {@link TransferMode#HARD_LINK}
     * and record them before the originals may go (OMERO's {@code ln_rm}): removes each original. A file that
     * cannot be removed is logged and named in the result, never an error: what was placed and recorded stays valid.
     *
     * @return the originals that are still there
     */
    public List<Path> removeOriginals(List<Path> sources) {
        List<Path> left = new ArrayList<>();
        for (Path p : sources) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                LOG.warn("imported {} but could not remove the original: {}", p, e.toString());
                left.add(p);
            }
        }
        return List.copyOf(left);
    }

    /**
     * Refuses a write at {@code key} by {@code userId} unless the nearest recorded directory above it is the
     * user's own (root-owned directories are written only by the template expansion itself).
     *
     * @throws SecurityViolation naming the directory
     */
    public void checkWritable(long userId, String key) {
        List<String> parts = List.of(key.split("/"));
        for (int i = parts.size() - 1; i >= 1; i--) {
            List<String> dir = parts.subList(0, i);
            Optional<Long> owner = directories.owner(dir);
            if (owner.isPresent()) {
                if (owner.get() != userId) {
                    throw new SecurityViolation("user " + userId + " may not write " + key + ": the directory "
                            + String.join("/", dir) + " belongs to " + (owner.get() == 0 ? "root" : "another user"));
                }
                return;
            }
        }
        throw new SecurityViolation("user " + userId + " may not write " + key
                + ": it is not inside a directory of the managed repository");
    }

    /** The files (not directory markers) stored below {@code prefix}. */
    public List<String> list(String prefix) {
        List<String> out = new ArrayList<>();
        for (String k : store.list(prefix)) {
            if (!k.endsWith("/" + StoreDirectories.MARKER) && !k.equals(StoreDirectories.MARKER)) {
                out.add(k);
            }
        }
        return out;
    }
}
