package org.omerosdk.sdk;

import java.nio.charset.StandardCharsets;
import org.omerosdk.model.ValidationException;

/**
 * What a login name must be, checked wherever a user is created (by an administrator, a group owner, LDAP or a
 * host's identity provider): not blank, without surrounding white space (logins are matched as typed, and a
 * directory ignores surrounding spaces), well-formed Unicode (no lone surrogate, no control character), without a
 * path separator, and at most {@link #MAX_UTF8_BYTES} bytes in UTF-8 — the name is a directory name in the
 * managed repository ({@code %user%_%userId%}), and file systems allow 255 bytes per name.
 */
final class UserNames {
    /** 255 bytes per file name, less room for {@code _} and a user id of up to 20 digits, rounded down. */
    static final int MAX_UTF8_BYTES = 200;

    private UserNames() {
    }

    /** @throws ValidationException naming the rule the name breaks */
    static String check(String omeName) {
        if (omeName == null || omeName.isBlank() || omeName.codePoints().allMatch(UserNames::isSpace)) {
            throw new ValidationException("a user name cannot be blank: give a login name such as \"ada\"");
        }
        if (isSpace(omeName.codePointAt(0)) || isSpace(omeName.codePointBefore(omeName.length()))) {
            throw new ValidationException("user name \"" + omeName + "\" begins or ends with a space: login "
                    + "names are matched as typed, so give it without the surrounding spaces");
        }
        for (int i = 0; i < omeName.length(); i++) {
            char c = omeName.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < omeName.length()
                    && Character.isLowSurrogate(omeName.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                throw new ValidationException("user name has a lone surrogate (\\u" + String.format("%04X",
                        (int) c) + ") at index " + i + ": it is not well-formed Unicode");
            }
            if (Character.isISOControl(c) || c == '/' || c == '\\') {
                throw new ValidationException("user name has the character \\u" + String.format("%04X", (int) c)
                        + " at index " + i + ": control characters and path separators are not allowed in a "
                        + "login name (it names the user's directory in the managed repository)");
            }
        }
        int bytes = omeName.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_UTF8_BYTES) {
            throw new ValidationException("user name of " + omeName.length() + " characters (" + bytes
                    + " bytes in UTF-8) is too long: at most " + MAX_UTF8_BYTES + " bytes in UTF-8, since it "
                    + "names the user's directory in the managed repository");
        }
        return omeName;
    }

    private static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }
}
