package org.omerosdk.sdk;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.nio.file.Path;
import org.omerosdk.importer.format.FormatReaders;
import org.omerosdk.importer.format.Location;
import org.omerosdk.importer.format.OpenedFileset;
import org.omerosdk.model.fs.Fileset;
import org.omerosdk.model.fs.FilesetEntry;
import org.omerosdk.model.store.BinaryStore;
import org.omerosdk.render.pyramid.NgffPyramid;
import org.omerosdk.repo.ManagedRepository;
import org.omerosdk.model.PixelType;
import org.omerosdk.render.PixelSource;

/**
 * The open pixel sources of an SDK instance (a pyramid, or an original fileset opened by its reader), shared by
 * every caller and closed when idle: a source leaves the cache after a minute without use or when more than
 * {@link #MAX_OPEN} are open, and closes once the last caller holding it closes their view.
 */
final class PixelSources implements AutoCloseable {
    static final int MAX_OPEN = 256;
    static final Duration IDLE = Duration.ofSeconds(60);

    private final Cache<String, Shared> open = Caffeine.newBuilder().maximumSize(MAX_OPEN).expireAfterAccess(IDLE)
            .removalListener((String key, Shared s, RemovalCause cause) -> {
                if (s != null) {
                    s.evict();
                }
            }).build();

    private final FormatReaders readers = FormatReaders.discover();

    /**
     * The fileset entries of images by image id. Entries never change after import (a deleted image is refused by
     * its visibility check before this is asked), so they are read once per image; only callers that passed that
     * check ask.
     */
    private final Cache<Long, List<FilesetEntry>> entries = Caffeine.newBuilder().maximumSize(10_000).build();

    /**
     * Series {@code series} of the fileset {@code entries} belong to (in entry order): its pyramid when there is one
     * below the fileset's directory, else the fileset opened by its reader from the first entry (the managed copy,
     * or the original for an in-place import; a directory format from the first entry's directory).
     */
    PixelSource open(ManagedRepository repository, List<FilesetEntry> entries, int series) {
        Fileset fileset = entries.get(0).fileset();
        BinaryStore store = repository.store();
        String pyramid = FilesetImport.pyramidKey(fileset.templatePrefix(), series);
        if (store.exists(pyramid + "/.zattrs")) {
            return get("pyramid:" + pyramid, () -> NgffPyramid.open(store, pyramid), r -> (PixelSource) r);
        }
        return get("fileset:" + fileset.id(), () -> openFileset(store, entries.get(0)),
                r -> ((OpenedFileset) r).pixels(series));
    }

    private OpenedFileset openFileset(BinaryStore store, FilesetEntry first) {
        String key = first.originalFile().path() + first.originalFile().name();
        Location file = store.exists(key) ? Location.of(store, key) : Location.of(Path.of(first.clientPath()));
        Location open = readers.probe(file).isPresent() ? file : file.parent();
        return readers.open(open);
    }

    /** A view of what is cached under {@code key}, opening it with {@code opener} when it is not open. */
    private PixelSource get(String key, Supplier<AutoCloseable> opener, Function<AutoCloseable, PixelSource> view) {
        while (true) {
            Shared s = open.get(key, k -> new Shared(opener.get()));
            if (s.acquire()) {
                try {
                    return new View(s, view.apply(s.resource));
                } catch (RuntimeException e) {
                    s.release();
                    throw e;
                }
            }
            open.asMap().remove(key, s);   // closed between lookup and acquire: open again
        }
    }

    /** The entries of image {@code imageId}'s fileset, read by {@code read} the first time. */
    List<FilesetEntry> entriesOf(long imageId, Supplier<List<FilesetEntry>> read) {
        return entries.get(imageId, id -> List.copyOf(read.get()));
    }

    /** How many sources are open (for tests). */
    long openCount() {
        open.cleanUp();
        return open.estimatedSize();
    }

    @Override
    public void close() {
        open.invalidateAll();
        open.cleanUp();
    }

    /** One open source with the count of callers holding it; closes when evicted and no longer held. */
    private static final class Shared {
        private final AutoCloseable resource;
        private final AtomicInteger holders = new AtomicInteger(1);   // the cache's own hold

        Shared(AutoCloseable resource) {
            this.resource = resource;
        }

        boolean acquire() {
            while (true) {
                int n = holders.get();
                if (n == 0) {
                    return false;
                }
                if (holders.compareAndSet(n, n + 1)) {
                    return true;
                }
            }
        }

        void release() {
            if (holders.decrementAndGet() == 0) {
                try {
                    resource.close();
                } catch (Exception ignored) {
                    // closing a reader only releases file handles
                }
            }
        }

        void evict() {
            release();
        }
    }

    /** A caller's view: reads go to the shared source; close releases the caller's hold once. */
    private static final class View implements PixelSource {
        private final Shared shared;
        private final PixelSource s;
        private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

        View(Shared shared, PixelSource source) {
            this.shared = shared;
            this.s = source;
        }

        @Override
        public PixelType pixelType() {
            return s.pixelType();
        }

        @Override
        public int sizeZ() {
            return s.sizeZ();
        }

        @Override
        public int sizeC() {
            return s.sizeC();
        }

        @Override
        public int sizeT() {
            return s.sizeT();
        }

        @Override
        public int levelCount() {
            return s.levelCount();
        }

        @Override
        public int sizeX(int level) {
            return s.sizeX(level);
        }

        @Override
        public int sizeY(int level) {
            return s.sizeY(level);
        }

        @Override
        public int tileWidth(int level) {
            return s.tileWidth(level);
        }

        @Override
        public int tileHeight(int level) {
            return s.tileHeight(level);
        }

        @Override
        public boolean cheapRegionReads() {
            return s.cheapRegionReads();
        }

        @Override
        public void readRegion(int level, int z, int c, int t, int x, int y, int w, int h, ByteBuffer dst) {
            if (closed.get()) {
                throw new org.omerosdk.model.ValidationException("this pixel source was closed; ask "
                        + "session.images().pixels(image) for another");
            }
            s.readRegion(level, z, c, t, x, y, w, h, dst);
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                shared.release();
            }
        }
    }
}
