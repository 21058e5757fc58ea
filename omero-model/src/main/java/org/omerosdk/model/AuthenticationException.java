package org.omerosdk.model;

/** Credentials were refused (unknown user, wrong password, expired or unknown session key). The message never says which part was wrong. */
public class AuthenticationException extends OmeroException {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(String message) {
        super(message);
    }

    public AuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
