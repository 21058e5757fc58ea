package org.omerosdk.repo.template;

import java.util.Locale;
import java.util.Optional;

/** The terms a path template may use, by their canonical names (OMERO matches the first letter case-insensitively). */
enum TemplateTerm {
    USER("user", false), USER_ID("userId", false), GROUP("group", false), GROUP_ID("groupId", false),
    YEAR("year", false), MONTH("month", false), MONTHNAME("monthname", false), DAY("day", false),
    TIME("time", true), SESSION("session", false), SESSION_ID("sessionId", false), PERMS("perms", false),
    THREAD("thread", false), INSTITUTION("institution", false), HASH("hash", false),
    INCREMENT("increment", true), SUBDIRS("subdirs", true);

    final String name;
    /** Creating terms choose a free name and create the directory; user-owned part only, one per component. */
    final boolean creating;

    TemplateTerm(String name, boolean creating) {
        this.name = name;
        this.creating = creating;
    }

    /** Whether the term may only appear after the last {@code //}. */
    boolean userPartOnly() {
        return creating || this == HASH;
    }

    static Optional<TemplateTerm> byName(String written) {
        if (written.isEmpty()) {
            return Optional.empty();
        }
        // only the first letter is case-insensitive: %User% works, %USER% does not
        String canonical = written.substring(0, 1).toLowerCase(Locale.ROOT) + written.substring(1);
        for (TemplateTerm t : values()) {
            if (t.name.equals(canonical)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
