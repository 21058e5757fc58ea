package org.omerosdk.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One request as the endpoints see it: method, path inside the gateway's context ({@code /api/v0/} whether the host
 * mounted the gateway at {@code /} or at {@code /omero}), query and form fields, cookies, and the caller once the
 * gateway has decided who it is.
 */
final class Exchange {
    final String method;
    final String path;
    /** {@code scheme://host[:port]} plus the context path the host mounted the gateway at, without a final slash. */
    final String base;
    final String remoteAddress;
    private final Map<String, List<String>> query;
    private final Function<String, String> headers;
    private final Map<String, String> cookies;
    private final Supplier<Map<String, List<String>>> form;
    private Map<String, List<String>> formFields;
    private Caller caller;

    Exchange(String method, String path, String base, String remoteAddress, Map<String, List<String>> query,
             Function<String, String> headers, Map<String, String> cookies,
             Supplier<Map<String, List<String>>> form) {
        this.method = method;
        this.path = path;
        this.base = base;
        this.remoteAddress = remoteAddress;
        this.query = query;
        this.headers = headers;
        this.cookies = cookies;
        this.form = form;
    }

    /** The first value of query parameter {@code name}. */
    Optional<String> query(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** Every value of query parameter {@code name}, in order ({@code ?id=1&id=2}). */
    List<String> queryAll(String name) {
        return query.getOrDefault(name, List.of());
    }

    /** The first value of form field {@code name} of a urlencoded body (read once, on first use). */
    Optional<String> form(String name) {
        if (formFields == null) {
            formFields = form.get();
        }
        List<String> v = formFields.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(headers.apply(name));
    }

    Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    /** GET, HEAD, OPTIONS and TRACE change nothing (RFC 9110's safe methods, as Django's CSRF check has them). */
    boolean safeMethod() {
        return switch (method) {
            case "GET", "HEAD", "OPTIONS", "TRACE" -> true;
            default -> false;
        };
    }

    /** An absolute URL of the gateway for {@code path} (which starts with a slash). */
    String url(String path) {
        return base + path;
    }

    void caller(Caller c) {
        this.caller = c;
    }

    /** Who the request runs as; set by the gateway before an endpoint that needs a login runs. */
    Caller caller() {
        if (caller == null) {
            throw HttpError.notLoggedIn();
        }
        return caller;
    }

    /** {@code name} as a long, or a 400 naming it. */
    static long parseId(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw HttpError.badRequest("Invalid parameter value: " + name + " must be an integer");
        }
    }
}
