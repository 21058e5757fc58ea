package org.omerosdk.model.store;

import org.omerosdk.model.ValidationException;

/** The key rules every {@link BinaryStore} enforces, in one place. */
public final class StoreKeys {
    private StoreKeys() {
    }

    /**
     * Returns {@code key} if it is a valid store key, else throws.
     *
     * @throws ValidationException naming the key and the rule it breaks
     */
    public static String check(String key) {
        if (key == null || key.isEmpty()) {
            throw new ValidationException("store key is empty");
        }
        if (key.startsWith("/")) {
            throw new ValidationException("store key \"" + key + "\" is absolute; keys are relative paths");
        }
        if (key.endsWith("/")) {
            throw new ValidationException("store key \"" + key + "\" ends with \"/\"; keys name objects, not folders");
        }
        for (int i = 0; i < key.length(); i++) {
            char ch = key.charAt(i);
            if (ch < 0x20 || ch == 0x7f || ch == '\\') {
                throw new ValidationException("store key \"" + printable(key) + "\" contains the character U+"
                        + String.format("%04X", (int) ch) + "; control characters and \\ are not allowed");
            }
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new ValidationException("store key \"" + key + "\" has the segment \"" + segment
                        + "\"; empty, \".\" and \"..\" segments are not allowed");
            }
        }
        return key;
    }

    /** Checks a listing prefix: empty, or a key-like string (it may end with "/"). */
    public static String checkPrefix(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return "";
        }
        String trimmed = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        check(trimmed);
        return prefix;
    }

    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            if (ch < 0x20 || ch == 0x7f) {
                b.append(String.format("\\u%04x", (int) ch));
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }
}
