package org.omerosdk.repo.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.StorageException;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.store.BinaryStore;
import org.omerosdk.model.store.StoreKeys;
import org.omerosdk.model.store.StoreWriter;
import org.omerosdk.model.store.TempFileWriter;

/**
 * A {@link BinaryStore} in a directory of the local filesystem (the embedded default for the managed repository,
 * {@code omero.managed.dir}). Keys are relative paths below the root.
 *
 * <p>Writes go to a staging directory inside the root ({@value #STAGING}, never listed), are forced to disk, and
 * are renamed into place atomically on commit, so readers see either nothing or the whole object, and a failed
 * write leaves no file behind. A key can never resolve outside the root: key rules are checked, and a key whose
 * existing parent directories lead outside the root through a symbolic link is refused. A directory found to be
 * inside the root is remembered and not resolved again (a pyramid writes thousands of chunks into one directory);
 * replacing such a directory by a link while the store is open takes write access to the store's own files, which
 * would defeat any check.
 */
public final class FileSystemBinaryStore implements BinaryStore {
    /** The directory, inside the root, where uncommitted writes live. */
    public static final String STAGING = ".omero-staging";
    /** The suffix of an unfinished write in {@link #STAGING}. */
    public static final String PART = ".part";

    /** When written files reach the disk. */
    public enum Durability {
        /** Every commit forces the file to disk before it becomes visible (the default). */
        EACH_WRITE,
        /**
         * Commits are visible at once and forced to disk by {@link #flush()}, in parallel: for writers of many
         * small objects that mark completion themselves (pyramids), where one fsync per object dominates.
         */
        ON_FLUSH,
        /**
         * Nothing is ever forced to disk by the store ({@link #flush()} does nothing): for scratch data, and for
         * benchmarks that measure a writer's cost apart from the cost of its durability. A crash may lose or tear
         * anything written.
         */
        NONE
    }

    private final Path root;
    private final Path realRoot;
    private final Path staging;
    private final Durability durability;
    private final Forcer forcer;
    /** Directories already resolved to be inside the root (and existing). */
    private final java.util.Set<Path> checkedDirectories = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.ConcurrentLinkedQueue<Path> unflushed =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** Directories whose entries changed since the last flush (new files, new subdirectories). */
    private final java.util.Set<Path> unflushedDirectories = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Batched files still open, waiting for their fsync; bounded so a fast writer cannot exhaust descriptors. */
    private final java.util.concurrent.Semaphore openBatched = new java.util.concurrent.Semaphore(MAX_OPEN_BATCHED);
    private final Object syncLock = new Object();
    /** Batched files handed to the sync threads and not yet forced (guarded by syncLock). */
    private long syncing;
    /** The first fsync of a batched file that failed since the last flush (guarded by syncLock). */
    private StorageException syncFailure;

    private static final int MAX_OPEN_BATCHED = 256;
    /**
     * Forces batched files while the writer goes on. An fsync mostly waits on the device, so several run at once to
     * overlap that latency; the threads are shared by every store and end when idle.
     */
    private static final java.util.concurrent.ThreadPoolExecutor SYNC_THREADS;

    static {
        SYNC_THREADS = new java.util.concurrent.ThreadPoolExecutor(4, 4, 5, java.util.concurrent.TimeUnit.SECONDS,
                new java.util.concurrent.LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "omero-store-fsync");
                    t.setDaemon(true);
                    return t;
                });
        SYNC_THREADS.allowCoreThreadTimeOut(true);
    }

    /** A store rooted at {@code root}, which is created if needed; every write is durable when committed. */
    public FileSystemBinaryStore(Path root) {
        this(root, Durability.EACH_WRITE);
    }

    /** A store rooted at {@code root} with the given durability. */
    public FileSystemBinaryStore(Path root, Durability durability) {
        this(root, durability, c -> c.force(true));
    }

    /** How a committed write reaches the device: {@code FileChannel.force}, or a failing one in tests. */
    interface Forcer {
        void force(FileChannel channel) throws IOException;
    }

    /** A store whose per-write fsync is {@code forcer} (tests inject a failing one). */
    FileSystemBinaryStore(Path root, Durability durability, Forcer forcer) {
        this.forcer = java.util.Objects.requireNonNull(forcer);
        this.durability = java.util.Objects.requireNonNull(durability);
        try {
            Files.createDirectories(root);
            this.root = root.toAbsolutePath().normalize();
            this.realRoot = this.root.toRealPath();
            this.staging = Files.createDirectories(this.root.resolve(STAGING));
        } catch (IOException e) {
            throw new StorageException("cannot create the store directory " + root + ": " + e.getMessage(), e);
        }
    }

    /** A new file for an unfinished write, named after this JVM (see {@link WriterIds}). */
    private Path temp() {
        return staging.resolve(WriterIds.current() + "_" + UUID.randomUUID() + PART);
    }

    /**
     * Removes the unfinished writes ({@value #PART} files in {@value #STAGING}) of JVMs that are gone (see
     * {@link WriterIds#mayBeAlive}); never one of a live writer.
     *
     * @return the number of files removed
     */
    public int removeAbandonedWrites() {
        int removed = 0;
        try (java.util.stream.Stream<Path> files = Files.list(staging)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (!name.endsWith(PART) || !Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                java.time.Instant touched = Files.getLastModifiedTime(f, LinkOption.NOFOLLOW_LINKS).toInstant();
                // a name without a writer id is from before ids were written: abandoned once old enough
                boolean alive = WriterIds.of(name).map(id -> WriterIds.mayBeAlive(id, touched))
                        .orElse(touched.isAfter(java.time.Instant.now().minus(WriterIds.FOREIGN_GRACE)));
                if (!alive && Files.deleteIfExists(f)) {
                    removed++;
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new StorageException("cannot clean the unfinished writes in " + staging + ": " + e.getMessage(), e);
        }
        return removed;
    }

    /** The root directory. */
    public Path root() {
        return root;
    }

    /** The file a key is stored in (it may not exist). */
    public Path pathOf(String key) {
        StoreKeys.check(key);
        if (key.equals(STAGING) || key.startsWith(STAGING + "/")) {
            throw new ValidationException("store key \"" + key + "\" is inside the store's staging area");
        }
        Path p = root.resolve(key).normalize();
        if (!p.startsWith(root)) {
            throw new ValidationException("store key \"" + key + "\" leaves the store directory");
        }
        if (checkedDirectories.contains(p.getParent())) {
            return p;
        }
        // a symbolic link among the existing ancestors must not lead outside the root
        Path existing = p.getParent();
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing != null) {
            try {
                if (!existing.toRealPath().startsWith(realRoot)) {
                    throw new ValidationException("store key \"" + key + "\" leads outside the store directory "
                            + "through a symbolic link");
                }
                if (existing.equals(p.getParent())) {
                    checkedDirectories.add(existing);
                }
            } catch (IOException e) {
                throw new StorageException("cannot resolve " + existing + ": " + e.getMessage(), e);
            }
        }
        return p;
    }

    @Override
    public StoreWriter writer(String key) {
        Path target = pathOf(key);
        boolean eachWrite = durability == Durability.EACH_WRITE;
        return new TempFileWriter(key, temp(), eachWrite) {
            @Override
            protected void force(FileChannel channel) throws IOException {
                forcer.force(channel);
            }

            @Override
            protected void publish(Path finished) throws IOException {
                FileSystemBinaryStore.this.publish(finished, target);
                if (durability == Durability.ON_FLUSH) {
                    unflushed.add(target);
                    unflushedDirectories.add(target.getParent());
                }
            }

            @Override
            protected String where() {
                return describe();
            }
        };
    }

    /**
     * Creates the file in place (no staging file, no rename) and writes it in as few calls as the channel allows
     * (one gathering write of all the parts, straight from their memory when they are direct buffers);
     * its fsync runs on a sync thread while the caller goes on, and {@link #flush()} waits for it and then forces the
     * directories that gained entries. Anything already at the key (an earlier object, a hard or symbolic link into a
     * user's files) is never written through: the key then takes the ordinary staged write, which replaces it.
     */
    @Override
    public void putBatched(String key, java.nio.ByteBuffer... parts) {
        Path target = pathOf(key);
        FileChannel ch;
        try {
            createParents(target);
            if (durability != Durability.NONE) {
                openBatched.acquire();
            }
            try {
                ch = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS);
            } catch (FileAlreadyExistsException exists) {
                release();
                BinaryStore.super.putBatched(key, parts);
                return;
            } catch (IOException | RuntimeException e) {
                release();
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted before writing " + key + " to " + describe(), e);
        } catch (IOException e) {
            throw new StorageException("cannot write " + key + " to " + describe() + ": " + e.getMessage(), e);
        }
        try {
            // a gathering write takes at most IOV_MAX parts and may stop short: go on from the first unwritten part
            for (int first = 0; first < parts.length; ) {
                if (parts[first].hasRemaining()) {
                    ch.write(parts, first, parts.length - first);
                } else {
                    first++;
                }
            }
        } catch (IOException e) {
            closeQuietly(ch);
            release();
            deleteQuietly(target);
            throw new StorageException("cannot write " + key + " to " + describe() + ": " + e.getMessage(), e);
        }
        if (durability == Durability.NONE) {
            closeQuietly(ch);
            return;
        }
        synchronized (syncLock) {
            if (syncFailure != null) {
                closeQuietly(ch);
                release();
                throw syncFailure;
            }
            syncing++;
        }
        SYNC_THREADS.execute(() -> {
            StorageException failed = null;
            try (FileChannel c = ch) {
                c.force(true);
            } catch (IOException e) {
                failed = new StorageException("cannot flush " + target + ": " + e.getMessage(), e);
            } finally {
                release();
            }
            synchronized (syncLock) {
                if (failed != null && syncFailure == null) {
                    syncFailure = failed;
                }
                syncing--;
                syncLock.notifyAll();
            }
        });
    }

    private void release() {
        if (durability != Durability.NONE) {
            openBatched.release();
        }
    }

    /** Creates the missing parent directories of {@code file}, remembering which directories gained entries. */
    private void createParents(Path file) throws IOException {
        Path parent = file.getParent();
        if (durability != Durability.NONE) {
            unflushedDirectories.add(parent);
        }
        if (checkedDirectories.contains(parent)) {
            return;
        }
        Path existing = parent;
        while (!Files.isDirectory(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
            if (durability != Durability.NONE) {
                unflushedDirectories.add(existing);
            }
        }
        Files.createDirectories(parent);
        // created inside a directory already known to be inside the root: inside the root too
        checkedDirectories.add(parent);
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // the write's own failure, or none, is what counts
        }
    }

    /** Renames a finished staging file into place, creating parent directories. */
    private void publish(Path temp, Path target) throws IOException {
        Path parent = target.getParent();
        if (!checkedDirectories.contains(parent)) {
            Files.createDirectories(parent);
        }
        try {
            rename(temp, target);
        } catch (NoSuchFileException e) {
            // a remembered directory was removed behind the store's back
            checkedDirectories.remove(parent);
            Files.createDirectories(parent);
            rename(temp, target);
        }
    }

    private static void rename(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public InputStream get(String key) {
        Path p = pathOf(key);
        try {
            return Files.newInputStream(p);
        } catch (NoSuchFileException e) {
            throw missing(key);
        } catch (IOException e) {
            throw new StorageException("cannot read " + key + " from " + describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream get(String key, long offset, long length) {
        if (offset < 0 || length < 0) {
            throw new ValidationException("range offset=" + offset + " length=" + length + " of " + key
                    + " is negative");
        }
        Path p = pathOf(key);
        try {
            FileChannel ch = FileChannel.open(p, StandardOpenOption.READ);
            ch.position(offset);
            InputStream in = Channels.newInputStream(ch);
            return new BoundedInputStream(in, length);
        } catch (NoSuchFileException e) {
            throw missing(key);
        } catch (IOException e) {
            throw new StorageException("cannot read " + key + " from " + describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(pathOf(key));
    }

    @Override
    public long size(String key) {
        try {
            return Files.size(pathOf(key));
        } catch (NoSuchFileException e) {
            throw missing(key);
        } catch (IOException e) {
            throw new StorageException("cannot stat " + key + " in " + describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> list(String prefix) {
        String p = StoreKeys.checkPrefix(prefix);
        // walk only below the deepest directory the prefix names
        int slash = p.lastIndexOf('/');
        Path start = slash < 0 ? root : root.resolve(p.substring(0, slash));
        if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        try (Stream<Path> files = Files.walk(start)) {
            files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(f))
                    .map(f -> root.relativize(f).toString().replace(java.io.File.separatorChar, '/'))
                    .filter(k -> k.startsWith(p) && !k.startsWith(STAGING + "/"))
                    .forEach(keys::add);
        } catch (IOException | UncheckedIOException e) {
            throw new StorageException("cannot list " + describe() + ": " + e.getMessage(), e);
        }
        keys.sort(null);
        return keys;
    }

    @Override
    public boolean delete(String key) {
        try {
            return Files.deleteIfExists(pathOf(key));
        } catch (IOException e) {
            throw new StorageException("cannot delete " + key + " from " + describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void copy(String from, String to) {
        Path source = existing(from);
        Path target = pathOf(to);
        Path temp = temp();
        try {
            Files.copy(source, temp);
            publish(temp, target);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new StorageException("cannot copy " + from + " to " + to + " in " + describe() + ": "
                    + e.getMessage(), e);
        }
    }

    /** A hard link when the filesystem allows one (same content, no copy), else a copy. */
    @Override
    public void link(String from, String to) {
        Path source = existing(from);
        Path target = pathOf(to);
        Path temp = temp();
        try {
            Files.createLink(temp, source);
            publish(temp, target);
        } catch (UnsupportedOperationException | IOException e) {
            deleteQuietly(temp);
            copy(from, to);
        }
    }

    @Override
    public void move(String from, String to) {
        Path source = existing(from);
        Path target = pathOf(to);
        try {
            publish(source, target);
        } catch (IOException e) {
            throw new StorageException("cannot move " + from + " to " + to + " in " + describe() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Hard links, symbolic links and moves from the local filesystem. */
    @Override
    public java.util.Set<org.omerosdk.model.store.LocalTransfer> localTransfers() {
        return java.util.EnumSet.allOf(org.omerosdk.model.store.LocalTransfer.class);
    }

    @Override
    public boolean transferIn(org.omerosdk.model.store.LocalTransfer how, Path source, String key) {
        switch (how) {
            case HARD_LINK:
                return linkExternal(source, key);
            case SYMBOLIC_LINK:
                symlink(source, key);
                return true;
            case MOVE:
                moveExternal(source, key);
                return true;
            default:
                throw new IllegalStateException(how.toString());
        }
    }

    /**
     * Makes {@code key} a hard link to {@code file} outside the store (in-place import without copying); copies when
     * the two are on different filesystems.
     *
     * @return true when linked, false when it had to copy
     */
    public boolean linkExternal(Path file, String key) {
        Path target = pathOf(key);
        Path temp = temp();
        try {
            Files.createLink(temp, file);
            publish(temp, target);
            return true;
        } catch (UnsupportedOperationException | IOException e) {
            deleteQuietly(temp);
            try {
                Files.copy(file, temp);
                publish(temp, target);
                return false;
            } catch (IOException e2) {
                deleteQuietly(temp);
                throw new StorageException("cannot copy " + file + " to " + key + ": " + e2.getMessage(), e2);
            }
        }
    }

    /** Moves {@code file} from outside the store to {@code key} (renamed when on the same filesystem). */
    public void moveExternal(Path file, String key) {
        Path target = pathOf(key);
        Path temp = temp();
        try {
            Files.move(file, temp, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.copy(file, temp);
                Files.delete(file);
            } catch (IOException e2) {
                deleteQuietly(temp);
                throw new StorageException("cannot move " + file + " to " + key + ": " + e2.getMessage(), e2);
            }
        }
        try {
            publish(temp, target);
        } catch (IOException e) {
            throw new StorageException("cannot move " + file + " to " + key + ": " + e.getMessage()
                    + " (the file is kept as " + temp + ")", e);
        }
    }

    /** Registers a file that stays where it is by a symbolic link at {@code to} (in-place import). */
    public void symlink(Path file, String to) {
        Path target = pathOf(to);
        Path temp = staging.resolve(UUID.randomUUID() + ".link");
        try {
            Files.createSymbolicLink(temp, file.toAbsolutePath());
            publish(temp, target);
        } catch (FileAlreadyExistsException e) {
            throw new ValidationException("cannot link " + to + ": it exists");
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new StorageException("cannot link " + file + " as " + to + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void flush() {
        if (durability == Durability.NONE) {
            return;
        }
        synchronized (syncLock) {
            try {
                while (syncing > 0) {
                    syncLock.wait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StorageException("interrupted while flushing " + describe(), e);
            }
            if (syncFailure != null) {
                StorageException failed = syncFailure;
                syncFailure = null;
                throw failed;
            }
        }
        java.util.List<Path> files = new ArrayList<>();
        for (Path p; (p = unflushed.poll()) != null; ) {
            files.add(p);
        }
        // fsyncs wait on the device one at a time; several in flight overlap that latency
        files.parallelStream().forEach(FileSystemBinaryStore::force);
        // then the entries that name them: a file forced but not its directory entry can vanish in a crash
        java.util.List<Path> directories = new ArrayList<>(unflushedDirectories);
        unflushedDirectories.removeAll(directories);
        directories.parallelStream().forEach(FileSystemBinaryStore::force);
    }

    /** fsync of a file or a directory (a directory is opened for reading, which POSIX systems allow). */
    private static void force(Path p) {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (NoSuchFileException gone) {
            // deleted since: nothing to make durable
        } catch (IOException e) {
            if (Files.isDirectory(p) && System.getProperty("os.name", "").startsWith("Windows")) {
                return; // directories cannot be opened there, and their entries need no fsync
            }
            throw new StorageException("cannot flush " + p + ": " + e.getMessage(), e);
        }
    }

    /** Whether the staging area holds unfinished writes (none once every writer is committed or closed). */
    public boolean hasUnfinishedWrites() {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(staging)) {
            return s.iterator().hasNext();
        } catch (IOException e) {
            throw new StorageException("cannot read " + staging + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "file:" + root;
    }

    private Path existing(String key) {
        Path p = pathOf(key);
        if (!Files.exists(p)) {
            throw missing(key);
        }
        return p;
    }

    private NotFoundException missing(String key) {
        return new NotFoundException("no object \"" + key + "\" in " + describe());
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: the original error is the one to report
        }
    }
}
