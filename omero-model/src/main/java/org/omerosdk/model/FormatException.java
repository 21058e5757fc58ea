package org.omerosdk.model;

/** A file or stream cannot be read as the format it claims to be (corrupt, truncated, inconsistent metadata). */
public class FormatException extends OmeroException {
    private static final long serialVersionUID = 1L;

    public FormatException(String message) {
        super(message);
    }

    public FormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
