package org.omerosdk.render.codec.zarr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.omerosdk.model.FormatException;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.StorageException;
import org.omerosdk.model.store.BinaryStore;

/**
 * Where a Zarr hierarchy's documents and chunks are read from: a {@link BinaryStore} (filesystem repository, S3,
 * memory) or a directory on a filesystem, read in place and never written. Keys are {@code '/'}-separated and
 * relative to the hierarchy's root.
 */
public interface ChunkStore {

    /**
     * The object at {@code key}, or empty when there is none. An object larger than {@code maxBytes} is refused
     * before it is read whole.
     *
     * @throws FormatException when the object is larger than {@code maxBytes}
     */
    Optional<byte[]> read(String key, long maxBytes);

    /** The store and root, for messages. */
    String describe();

    /** The keys of a store below {@code prefix} ({@code ""}: the store's root). */
    static ChunkStore of(BinaryStore store, String prefix) {
        String base = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
        return new ChunkStore() {
            @Override
            public Optional<byte[]> read(String key, long maxBytes) {
                // one ranged request: a byte more than allowed tells that the object is too large
                try (InputStream in = store.get(base + key, 0, maxBytes + 1)) {
                    byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1));
                    tooLarge(b.length, maxBytes, describe() + "/" + key);
                    return Optional.of(b);
                } catch (NotFoundException e) {
                    return Optional.empty();
                } catch (org.omerosdk.model.ValidationException e) {
                    // a key the store refuses (a ".." from a damaged document) names nothing it holds
                    return Optional.empty();
                } catch (IOException e) {
                    throw new UncheckedIOException("reading " + key + " from " + describe(), e);
                }
            }

            @Override
            public String describe() {
                return store.describe() + (prefix.isEmpty() ? "" : "/" + prefix);
            }
        };
    }

    /** The files below the directory {@code root}. */
    static ChunkStore of(Path root) {
        return new ChunkStore() {
            @Override
            public Optional<byte[]> read(String key, long maxBytes) {
                Path p = root.resolve(key).normalize();
                if (!p.startsWith(root.normalize())) {
                    return Optional.empty();
                }
                try {
                    if (!Files.isRegularFile(p)) {
                        return Optional.empty();
                    }
                    tooLarge(Files.size(p), maxBytes, p.toString());
                    return Optional.of(Files.readAllBytes(p));
                } catch (NoSuchFileException e) {
                    return Optional.empty();
                } catch (IOException e) {
                    throw new StorageException("cannot read " + p + ": " + e.getMessage(), e);
                }
            }

            @Override
            public String describe() {
                return root.toString();
            }
        };
    }

    private static void tooLarge(long size, long maxBytes, String what) {
        if (size > maxBytes) {
            throw new FormatException(what + " has more than " + maxBytes + " bytes, more than it can hold here "
                    + "(a damaged or hostile file)");
        }
    }
}
