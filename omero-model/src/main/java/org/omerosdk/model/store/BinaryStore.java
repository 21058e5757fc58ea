package org.omerosdk.model.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.omerosdk.model.ValidationException;

/**
 * A small key/value store of binaries (original files, pyramid chunks, thumbnails): the storage SPI every backend
 * implements (local filesystem, S3-compatible object storage, memory).
 *
 * <p>Keys are relative, {@code '/'}-separated paths such as {@code "user_3/2026-11/24/file.tif"}; see
 * {@link StoreKeys#check} for the rules every backend enforces (no {@code ..}, no empty segment, no leading
 * {@code /}, no control characters).
 *
 * <p>Guarantees every backend gives, checked by the shared contract test suite:
 * <ul>
 * <li>Writes are atomic: an object becomes visible only when its {@link StoreWriter} is committed. A writer
 *     closed without commit, or failing mid-way, leaves no object and no partial data visible.</li>
 * <li>Failures surface as {@link org.omerosdk.model.StorageException}; a missing key on read as
 *     {@link org.omerosdk.model.NotFoundException}; a read-only store refuses writes with
 *     {@link org.omerosdk.model.ReadOnlyException}.</li>
 * <li>Instances are thread-safe.</li>
 * </ul>
 */
public interface BinaryStore extends AutoCloseable {

    /** Opens a writer for {@code key}; nothing is visible until {@link StoreWriter#commit()}. Replaces on commit. */
    StoreWriter writer(String key);

    /** Opens the whole object for reading. */
    InputStream get(String key);

    /** Opens {@code length} bytes from {@code offset} (fewer if the object ends first). */
    InputStream get(String key, long offset, long length);

    boolean exists(String key);

    /** Size in bytes of the object at {@code key}. */
    long size(String key);

    /** Keys of all objects whose key starts with {@code prefix} (an empty prefix lists everything), sorted. */
    List<String> list(String prefix);

    /** Deletes the object; returns false when there was none. */
    boolean delete(String key);

    /** Copies {@code from} to {@code to} atomically (as a committed write). */
    void copy(String from, String to);

    /** Makes {@code to} share {@code from}'s content without copying where the backend can; else copies. */
    default void link(String from, String to) {
        copy(from, to);
    }

    /** Moves {@code from} to {@code to}: afterwards only {@code to} exists. */
    void move(String from, String to);

    /** A short description for messages and logs, e.g. {@code "file:/OMERO/ManagedRepository"}. */
    String describe();

    /** The ways this store can take a local file in without copying its bytes (none by default). */
    default Set<LocalTransfer> localTransfers() {
        return Set.of();
    }

    /**
     * Takes the local file {@code source} into the store as {@code key} by {@code how}, one of
     * {@link #localTransfers()}; committed when it returns, like a write.
     *
     * @return false when this file cannot be taken so (a hard link across filesystems) and was copied instead
     * @throws ValidationException when the store does not offer {@code how}, naming the transfer and the store
     */
    default boolean transferIn(LocalTransfer how, Path source, String key) {
        throw new ValidationException(how + " transfer of " + source + " is not offered by " + describe()
                + " (it offers " + (localTransfers().isEmpty() ? "none" : localTransfers().toString()) + ")");
    }

    /**
     * Writes {@code content} completely to {@code key}, atomically.
     *
     * @throws org.omerosdk.model.StorageException when the store cannot write (a full disk, a failed fsync); nothing
     *                                             is left under the key then
     */
    default void put(String key, InputStream content) {
        try (StoreWriter w = writer(key)) {
            content.transferTo(w);
            w.commit();
        } catch (IOException e) {
            throw new org.omerosdk.model.StorageException("cannot write " + key + " to " + describe() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Writes {@code content} to {@code key}, atomically. */
    default void put(String key, byte[] content) {
        put(key, new ByteArrayInputStream(content));
    }

    /**
     * Writes the remaining bytes of {@code parts}, one after the other, to {@code key} as one of many
     * objects that the caller publishes itself, by a marker it writes after {@link #flush()} (a pyramid's chunks, then its metadata). What put
     * guarantees beyond that is relaxed, so a backend can skip its per-object staging: while this call runs a reader
     * may see the object partly written, and until {@link #flush()} returns a crash may leave it partly written.
     * Once it returns, reads see the whole object; once {@link #flush()} returns, it is durable. An existing object,
     * or anything else already at the key, is replaced as {@link #put} replaces it, never written through. The
     * default is {@link #put} of the concatenation, so a store that refuses writes refuses these too. Parts let a
     * caller hand over an object that lies in several places (a chunk's rows in a strip of a wider image) without
     * copying it first; a filesystem store writes them with one gathering write. The parts' positions are advanced.
     */
    default void putBatched(String key, java.nio.ByteBuffer... parts) {
        long size = 0;
        for (java.nio.ByteBuffer p : parts) {
            size += p.remaining();
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new org.omerosdk.model.ValidationException("object " + key + " of " + size
                    + " bytes is too large for one batched write (at most 2 GiB)");
        }
        byte[] bytes = new byte[(int) size];
        int at = 0;
        for (java.nio.ByteBuffer p : parts) {
            int n = p.remaining();
            p.get(bytes, at, n);
            at += n;
        }
        put(key, bytes);
    }

    /** Reads the whole object into memory. */
    default byte[] read(String key) {
        try (InputStream in = get(key)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + key + " from " + describe(), e);
        }
    }

    /**
     * Makes every write committed so far, and every {@link #putBatched} that returned, durable (on disk, in the
     * bucket). Stores that make each commit durable, and
     * stores without durability (memory), do nothing. Callers that publish a marker after many objects (a pyramid's
     * metadata after its chunks) flush before writing the marker.
     */
    default void flush() {
    }

    @Override
    default void close() {
    }

    /**
     * Opens the store that {@code omero.sdk.binary_store} names, when a host configures the SDK by keys rather than
     * handing the builder a store. Registered in {@code META-INF/services/org.omerosdk.model.store.BinaryStore$Provider}
     * and found through {@link java.util.ServiceLoader}; {@code org.omerosdk:omero-s3} registers {@code s3}.
     */
    interface Provider {
        /** The value of {@code omero.sdk.binary_store} that selects this provider, such as {@code s3}. */
        String name();

        /**
         * A new store from the configuration's keys; the caller closes it.
         *
         * @throws ValidationException when a key this store needs is missing or unusable, naming it
         */
        BinaryStore open(org.omerosdk.model.config.OmeroConfig config);
    }
}
