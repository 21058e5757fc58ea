package org.omerosdk.model;

/** The repository or database is configured read-only (<code>omero.cluster.read_only*</code>): reads go on, writes are refused. */
public class ReadOnlyException extends StorageException {
    private static final long serialVersionUID = 1L;

    public ReadOnlyException(String message) {
        super(message);
    }

    public ReadOnlyException(String message, Throwable cause) {
        super(message, cause);
    }
}
