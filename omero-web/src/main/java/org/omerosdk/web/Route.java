package org.omerosdk.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One URL of the gateway: a method, a path pattern (Django's style: groups capture the ids), whether it needs a
 * caller, and the endpoint. {@link Access#LOGIN} routes may also run as the public user when the public settings
 * allow the path.
 */
record Route(String method, Pattern path, Access access, Endpoint endpoint) {
    enum Access {
        /** Anybody, logged in or not (version listings, the CSRF token, login itself). */
        ANYONE,
        /** A logged-in user, or the public user when {@code omero.web.public.*} allows this request. */
        LOGIN,
        /**
         * An HTML page for {@link #LOGIN}'s callers: anybody else is redirected to the login page, and refusals
         * answer as a short HTML page rather than JSON.
         */
        PAGE
    }

    @FunctionalInterface
    interface Endpoint {
        Reply handle(Exchange exchange, List<String> pathGroups) throws Exception;
    }

    static Route get(String regex, Access access, Endpoint endpoint) {
        return new Route("GET", Pattern.compile(regex), access, endpoint);
    }

    static Route post(String regex, Access access, Endpoint endpoint) {
        return new Route("POST", Pattern.compile(regex), access, endpoint);
    }

    /** The captured groups when {@code path} matches, else null. */
    List<String> match(String requestPath) {
        Matcher m = path.matcher(requestPath);
        if (!m.matches()) {
            return null;
        }
        String[] groups = new String[m.groupCount()];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = m.group(i + 1);
        }
        // optional groups that did not take part are null: List.of would refuse them
        return java.util.Collections.unmodifiableList(java.util.Arrays.asList(groups));
    }
}
