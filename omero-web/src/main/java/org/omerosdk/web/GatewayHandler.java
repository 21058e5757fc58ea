package org.omerosdk.web;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.omerosdk.model.AuthenticationException;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.ReadOnlyException;
import org.omerosdk.model.SecurityViolation;
import org.omerosdk.model.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jetty handler of a {@link WebGateway}: matches a route, decides the caller, runs the endpoint and writes its
 * reply. Every failure becomes a JSON {@code {"message": ...}} with a status; only {@link HttpError}s and the SDK's
 * validation messages (written for users) carry their text, anything unexpected answers 500 with an incident id that
 * the server's log has beside the stack trace.
 */
final class GatewayHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayHandler.class);

    private final List<Route> routes;
    private final Access access;

    GatewayHandler(List<Route> routes, Access access) {
        super(InvocationType.BLOCKING);
        this.routes = List.copyOf(routes);
        this.access = access;
    }

    /** Decides the caller of a request that needs one, and adds what a reply must carry (cookies). */
    interface Access {
        /** Sets {@link Exchange#caller} or throws an {@link HttpError} (403 not logged in, CSRF refused). */
        void admit(Exchange exchange, Route route);

        /** Called after the endpoint, to end per-request state. */
        default void release(Exchange exchange) {
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        Reply reply;
        Exchange exchange = exchange(request, path);
        try {
            reply = dispatch(exchange);
        } finally {
            access.release(exchange);
        }
        if (path.startsWith(ZarrRoutes.PREFIX)) {
            for (Map.Entry<String, List<String>> h : ZarrRoutes.CORS.entrySet()) {
                reply = reply.withHeader(h.getKey(), h.getValue().get(0));
            }
        }
        write(response, callback, reply, request.getMethod().equals("HEAD"));
        return true;
    }

    private Reply dispatch(Exchange exchange) {
        Route[] matched = new Route[1];
        Reply reply = answer(exchange, matched);
        if (matched[0] != null && matched[0].access() == Route.Access.PAGE && reply.status() >= 400
                && reply.contentType().equals(Reply.JSON)) {
            // a page's refusal as a page: the same message, escaped
            String message = Json.read(reply.body()).path("message").asString();
            return Reply.text(reply.status(), Reply.HTML, Html.page(message, "<p>" + Html.escape(message) + "</p>"));
        }
        return reply;
    }

    private Reply answer(Exchange exchange, Route[] matched) {
        try {
            boolean pathKnown = false;
            for (Route route : routes) {
                List<String> groups = route.match(exchange.path);
                if (groups == null) {
                    continue;
                }
                pathKnown = true;
                if (!route.method().equals(exchange.method)
                        && !(route.method().equals("GET") && exchange.method.equals("HEAD"))) {
                    continue;
                }
                matched[0] = route;
                access.admit(exchange, route);
                return route.endpoint().handle(exchange, groups);
            }
            throw pathKnown ? HttpError.methodNotAllowed(exchange.method) : HttpError.notFound();
        } catch (HttpError e) {
            if (e.location != null) {
                return Reply.json(e.status, Json.message(e.getMessage())).withHeader("Location", e.location);
            }
            return Reply.json(e.status, Json.message(e.getMessage()));
        } catch (NotFoundException e) {
            // the SDK's message may say why (not visible, no pixels): the caller learns only that it is not there
            return Reply.json(404, Json.message("Not found"));
        } catch (ReadOnlyException e) {
            return Reply.json(403, Json.message("This user may only read"));
        } catch (SecurityViolation | AuthenticationException e) {
            return Reply.json(403, Json.message("Permission denied"));
        } catch (ValidationException e) {
            return Reply.json(400, Json.message(e.getMessage()));
        } catch (Exception | Error e) {
            String incident = UUID.randomUUID().toString();
            LOG.error("{} {} failed (incident {})", exchange.method, exchange.path, incident, e);
            return Reply.json(500, Json.message("Internal server error (incident " + incident + ")"));
        }
    }

    private static Exchange exchange(Request request, String path) {
        HttpURI uri = request.getHttpURI();
        String contextPath = Request.getContextPath(request);
        String base = uri.getScheme() + "://" + uri.getAuthority() + (contextPath == null ? "" : contextPath);
        Map<String, List<String>> query = fields(Request.extractQueryParameters(request));
        Map<String, String> cookies = new HashMap<>();
        for (HttpCookie c : Request.getCookies(request)) {
            cookies.putIfAbsent(c.getName(), c.getValue());
        }
        return new Exchange(request.getMethod(), path, base, Request.getRemoteAddr(request), query,
                name -> request.getHeaders().get(name), cookies, () -> form(request));
    }

    private static Map<String, List<String>> form(Request request) {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return Map.of();
        }
        try {
            return fields(FormFields.getFields(request));
        } catch (RuntimeException e) {
            throw HttpError.badRequest("The form could not be read");
        }
    }

    private static Map<String, List<String>> fields(Fields fields) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (Fields.Field f : fields) {
            m.put(f.getName(), new ArrayList<>(f.getValues()));
        }
        return m;
    }

    private static void write(Response response, Callback callback, Reply reply, boolean head) {
        response.setStatus(reply.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("X-Frame-Options", "SAMEORIGIN");
        for (Map.Entry<String, List<String>> h : reply.headers().entrySet()) {
            for (String v : h.getValue()) {
                response.getHeaders().add(h.getKey(), v);
            }
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.body().length);
        response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(reply.body()), callback);
    }
}
