package org.omerosdk.model;

/** The object does not exist <em>or the caller may not see it</em>: both cases give the same type and message, so a refusal never reveals existence. */
public class NotFoundException extends OmeroException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }

    public NotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
