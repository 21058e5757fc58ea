package org.omerosdk.model;

/** The caller is known and the object visible, but the action is forbidden; the message names the action, the object and the rule. */
public class SecurityViolation extends OmeroException {
    private static final long serialVersionUID = 1L;

    public SecurityViolation(String message) {
        super(message);
    }

    public SecurityViolation(String message, Throwable cause) {
        super(message, cause);
    }
}
