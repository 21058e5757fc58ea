package org.omerosdk.model;

/** Optimistic locking refused an update because another writer changed the same object first; nothing was overwritten. */
public class ConcurrentUpdateException extends OmeroException {
    private static final long serialVersionUID = 1L;

    public ConcurrentUpdateException(String message) {
        super(message);
    }

    public ConcurrentUpdateException(String message, Throwable cause) {
        super(message, cause);
    }
}
