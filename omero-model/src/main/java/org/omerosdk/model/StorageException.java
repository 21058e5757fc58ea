package org.omerosdk.model;

/** A binary store or database failed (I/O error, disk full, network); the operation was rolled back. */
public class StorageException extends OmeroException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
