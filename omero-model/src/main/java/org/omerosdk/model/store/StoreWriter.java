package org.omerosdk.model.store;

import java.io.OutputStream;

/**
 * An output stream to one key of a {@link BinaryStore}. The data becomes visible under the key only when
 * {@link #commit()} returns; {@link #close()} without a commit discards everything written (so a
 * try-with-resources block that throws half-way leaves nothing behind).
 */
public abstract class StoreWriter extends OutputStream {

    /** Flushes and publishes the object atomically. Writing after commit is an error. */
    public abstract void commit();

    /** Discards what was written unless {@link #commit()} already published it. Idempotent. */
    @Override
    public abstract void close();
}
