package org.omerosdk.importer.format;

import java.nio.file.Path;
import java.util.List;
import org.omerosdk.model.store.BinaryStore;
import org.omerosdk.render.codec.ByteSource;

/**
 * Where a reader finds a file: a path on a filesystem or a key in a {@link BinaryStore}, with random access to its
 * bytes and to its neighbours (the other files of a multi-file OME-TIFF, the keys below an OME-Zarr group). A
 * directory (or a store prefix with keys below it) is a location too: OME-Zarr images are directories.
 *
 * <p>Reads are positional and safe from many threads.
 */
public interface Location extends ByteSource, AutoCloseable {

    /** A file or directory on a filesystem. */
    static Location of(Path path) {
        return new PathLocation(path);
    }

    /** A key (or, for a directory-like format, a prefix) in a store. */
    static Location of(BinaryStore store, String key) {
        return new StoreLocation(store, key);
    }

    /** The last element of the path or key, e.g. {@code "a.ome.tif"}: what a name-based probe looks at. */
    String name();

    /** Whether something is there: a file, a directory, a key or a prefix with keys below it. */
    boolean exists();

    /** Whether this is a directory (a prefix with keys below it, in a store), not a file. */
    boolean isDirectory();

    /** The location {@code relative} to this directory ({@code "0/.zarray"}); ".." steps up. */
    Location resolve(String relative);

    /** The directory this location is in. */
    Location parent();

    /**
     * The file or directory on a local filesystem this location is, when it is one (empty for a store key): what an
     * importer transfers into the managed repository.
     */
    default java.util.Optional<Path> path() {
        return java.util.Optional.empty();
    }

    /** The location of {@code name} in the same directory as this one (the other files of a fileset). */
    default Location sibling(String name) {
        return parent().resolve(name);
    }

    /** Names directly below this directory, sorted; empty for a file. */
    List<String> list();

    /**
     * Up to {@code max} bytes from the start (fewer for a short file, none for a directory): what a probe looks
     * at first.
     */
    default byte[] head(int max) {
        if (isDirectory() || !exists()) {
            return new byte[0];
        }
        return read(0, Math.min(max, length()));
    }

    /** The whole file, its size checked against {@code maxBytes} before anything is allocated. */
    default byte[] readAll(long maxBytes) {
        long n = length();
        if (n > maxBytes) {
            throw new org.omerosdk.model.FormatException(describe() + " has " + n + " bytes; at most " + maxBytes
                    + " are read whole here");
        }
        return read(0, n);
    }

    /**
     * The whole file when there is one, empty when nothing (or a directory) is there: one read, for formats made of
     * many small objects that may be absent (Zarr chunks). The size is checked against {@code maxBytes} before
     * anything is allocated, and no file handle is kept.
     *
     * @throws org.omerosdk.model.FormatException when the file is larger than {@code maxBytes}
     */
    default java.util.Optional<byte[]> readIfExists(long maxBytes) {
        if (!exists() || isDirectory()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(readAll(maxBytes));
    }

    /** The filesystem path, when this location is a file or directory on one (not for a store key). */
    default java.util.Optional<Path> asPath() {
        return java.util.Optional.empty();
    }

    /** Releases an open file handle, if any; the location can be read again afterwards (it reopens). */
    @Override
    default void close() {
    }

    /**
     * The relative paths ({@code "0/0/.zarray"}) of every file below this directory, sorted; empty for a file. A
     * store answers with one listing; a filesystem walks the tree.
     */
    default List<String> files() {
        List<String> out = new java.util.ArrayList<>();
        filesBelow(this, "", out, 0);
        out.sort(null);
        return out;
    }

    private static void filesBelow(Location dir, String prefix, List<String> out, int depth) {
        if (depth > 64) {
            // a symbolic-link loop, or a tree no image format builds
            throw new org.omerosdk.model.FormatException(dir.describe() + " is nested more than 64 directories deep");
        }
        for (String n : dir.list()) {
            Location l = dir.resolve(n);
            if (l.isDirectory()) {
                filesBelow(l, prefix + n + "/", out, depth + 1);
            } else {
                out.add(prefix + n);
            }
        }
    }
}
