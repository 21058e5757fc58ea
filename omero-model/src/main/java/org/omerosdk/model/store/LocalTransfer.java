package org.omerosdk.model.store;

/**
 * The ways a store may take a file from the local filesystem without copying its bytes through a writer: the
 * capabilities behind the import transfer modes {@code HARD_LINK}, {@code SYMBOLIC_LINK} and {@code MOVE}. A store
 * declares what it offers in {@link BinaryStore#localTransfers()}; a local filesystem store can offer all three, an
 * object store none.
 */
public enum LocalTransfer {
    /** The stored object is a hard link to the file (same filesystem only; both names share the content). */
    HARD_LINK,
    /** The stored object is a symbolic link to the file, which must stay where it is. */
    SYMBOLIC_LINK,
    /** The file is renamed into the store (afterwards only the stored object exists). */
    MOVE
}
