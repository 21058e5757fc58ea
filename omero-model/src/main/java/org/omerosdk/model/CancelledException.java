package org.omerosdk.model;

/** A long-running operation was cancelled by its caller; whatever it had started was rolled back or left marked incomplete. */
public class CancelledException extends OmeroException {
    private static final long serialVersionUID = 1L;

    public CancelledException(String message) {
        super(message);
    }

    public CancelledException(String message, Throwable cause) {
        super(message, cause);
    }
}
