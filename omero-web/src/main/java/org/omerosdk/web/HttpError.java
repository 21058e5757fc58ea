package org.omerosdk.web;

/**
 * A refusal the gateway itself decides (a bad parameter, a missing login, an object that is not there), with a
 * message written for the caller. Only these messages reach a response; every other exception answers with a fixed
 * text, so that no internal detail (a query, a path, a stack) leaves the server.
 */
final class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;
    /** Where a redirect (302) sends the browser; null otherwise. */
    final String location;

    HttpError(int status, String message) {
        this(status, message, null);
    }

    private HttpError(int status, String message, String location) {
        super(message, null, false, false);
        this.status = status;
        this.location = location;
    }

    /** A redirect to {@code location} (302, as Django's login_required does). */
    static HttpError redirect(String location) {
        return new HttpError(302, "Redirecting to " + location, location);
    }

    static HttpError badRequest(String message) {
        return new HttpError(400, message);
    }

    static HttpError notLoggedIn() {
        return new HttpError(403, "Not logged in");
    }

    static HttpError forbidden(String message) {
        return new HttpError(403, message);
    }

    /** The same answer whether the object does not exist or the caller may not see it. */
    static HttpError notFound(String type, Object id) {
        return new HttpError(404, type + " " + id + " not found");
    }

    static HttpError notFound() {
        return new HttpError(404, "Not found");
    }

    static HttpError methodNotAllowed(String method) {
        return new HttpError(405, "Method " + method + " not allowed");
    }
}
