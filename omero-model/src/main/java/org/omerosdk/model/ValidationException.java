package org.omerosdk.model;

/** Input or configuration that breaks a rule: the message names the value, the rule and what is accepted. */
public class ValidationException extends OmeroException {
    private static final long serialVersionUID = 1L;

    public ValidationException(String message) {
        super(message);
    }

    public ValidationException(String message, Throwable cause) {
        super(message, cause);
    }
}
