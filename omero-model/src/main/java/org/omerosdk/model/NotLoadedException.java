package org.omerosdk.model;

/**
 * A field of an id-only reference was asked for ({@link org.omerosdk.model.meta.IObject#isLoaded()} is false): the
 * reference knows its type and id and nothing else. Read the object through a session for its fields.
 */
public class NotLoadedException extends OmeroException {
    private static final long serialVersionUID = 1L;

    public NotLoadedException(String message) {
        super(message);
    }
}
