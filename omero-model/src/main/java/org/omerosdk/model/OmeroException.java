package org.omerosdk.model;

/**
 * Root of every exception the SDK throws on purpose. Unchecked: callers catch the subtype they can act on
 * ({@link NotFoundException}, {@link SecurityViolation}, {@link ValidationException}, ...) and let the rest
 * propagate. Messages name the object, the offending value and what would have been accepted.
 */
public class OmeroException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OmeroException(String message) {
        super(message);
    }

    public OmeroException(String message, Throwable cause) {
        super(message, cause);
    }
}
