package org.omerosdk.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.omerosdk.model.AuthenticationException;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.config.OmeroConfig;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.sdk.OmeroSdk;
import org.omerosdk.sdk.SecurityContext;
import org.omerosdk.sdk.Session;

/**
 * OMERO.web's JSON API: {@code api/} (versions), {@code api/v0/} (its URLs), {@code token/}, {@code servers/},
 * {@code login/}, and {@code webclient/logout/}.
 */
final class ApiRoutes {
    static final String VERSION = "0";

    private final OmeroSdk sdk;
    private final OmeroConfig web;
    private final WebSessions sessions;

    ApiRoutes(OmeroSdk sdk, OmeroConfig web, WebSessions sessions) {
        this.sdk = sdk;
        this.web = web;
        this.sessions = sessions;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/api/", Route.Access.ANYONE, (ex, g) -> versions(ex)),
                Route.get("/api/v0/", Route.Access.ANYONE, (ex, g) -> base(ex)),
                Route.get("/api/v0/token/", Route.Access.ANYONE, (ex, g) -> token(ex)),
                Route.get("/api/v0/servers/", Route.Access.ANYONE,
                        (ex, g) -> Reply.json(Json.object("data", WebServers.list(web)))),
                Route.get("/api/v0/login/", Route.Access.ANYONE, (ex, g) -> {
                    throw new HttpError(405, "POST only with username, password, server and csrftoken");
                }),
                Route.post("/api/v0/login/", Route.Access.ANYONE, (ex, g) -> login(ex)),
                Route.post("/webclient/logout/", Route.Access.ANYONE, (ex, g) -> logout(ex)));
    }

    private static Reply versions(Exchange ex) {
        return Reply.json(Json.object("data", List.of(Json.object("version", VERSION,
                "url:base", ex.url("/api/v0/")))));
    }

    /** OMERO.web's {@code api_base}: where each listing lives. */
    private static Reply base(Exchange ex) {
        Map<String, Object> urls = Json.object(
                "url:experimenters", ex.url("/api/v0/m/experimenters/"),
                "url:experimentergroups", ex.url("/api/v0/m/experimentergroups/"),
                "url:projects", ex.url("/api/v0/m/projects/"),
                "url:datasets", ex.url("/api/v0/m/datasets/"),
                "url:images", ex.url("/api/v0/m/images/"),
                "url:screens", ex.url("/api/v0/m/screens/"),
                "url:plates", ex.url("/api/v0/m/plates/"),
                "url:rois", ex.url("/api/v0/m/rois/"),
                "url:token", ex.url("/api/v0/token/"),
                "url:servers", ex.url("/api/v0/servers/"),
                "url:login", ex.url("/api/v0/login/"),
                "url:save", ex.url("/api/v0/m/save/"),
                "url:schema", "http://www.openmicroscopy.org/Schemas/OME/2016-06");
        return Reply.json(urls);
    }

    /** The request's CSRF token (Django's get_token): the cookie's, else a new one set as the cookie. */
    private static Reply token(Exchange ex) {
        Optional<String> existing = ex.cookie(WebSessions.CSRF_COOKIE).filter(t -> t.matches("[0-9a-f]{64}"));
        String token = existing.orElseGet(WebSessions::newCsrfToken);
        Reply r = Reply.json(Json.object("data", token));
        return existing.isPresent() ? r : r.withHeader("Set-Cookie", WebSessions.csrfCookie(ex, token));
    }

    /**
     * OMERO.web's api LoginView: form fields {@code username}, {@code password}, {@code server}; 400 when one is
     * missing, 403 with {@code omero.web.login_incorrect_credentials_text} when refused, else the event context, a
     * session cookie and a new CSRF token (Django rotates it at login).
     */
    private Reply login(Exchange ex) {
        Optional<String> user = ex.form("username").filter(s -> !s.isBlank());
        Optional<String> password = ex.form("password").filter(s -> !s.isEmpty());
        Optional<String> server = ex.form("server").filter(s -> !s.isBlank());
        List<String> missing = new ArrayList<>();
        if (user.isEmpty()) {
            missing.add("username");
        }
        if (password.isEmpty()) {
            missing.add("password");
        }
        if (server.isEmpty()) {
            missing.add("server");
        }
        if (!missing.isEmpty()) {
            throw HttpError.badRequest("Invalid login: " + String.join(", ", missing) + " required");
        }
        if (!server.get().equals(Integer.toString(WebServers.ID))) {
            throw HttpError.badRequest("Invalid login: server " + server.get() + " is not one of the choices ("
                    + WebServers.ID + ")");
        }
        if (user.get().trim().equals("guest")) {
            throw HttpError.badRequest("Invalid login: Guest account is not supported.");
        }
        Session session;
        try {
            session = sdk.login(user.get(), password.get().toCharArray(), ex.remoteAddress);
        } catch (AuthenticationException refused) {
            throw HttpError.forbidden(web.get(ConfigKeys.WEB_LOGIN_INCORRECT_CREDENTIALS_TEXT));
        }
        // the session the browser held before is over: one cookie, one session
        sessions.loggedIn(ex).ifPresent(old -> {
            sessions.forget(old.key());
            old.close();
        });
        Reply r = Reply.json(Json.object("success", true, "eventContext", eventContext(session)));
        return r.withHeader("Set-Cookie", WebSessions.sessionCookie(ex, session.key()))
                .withHeader("Set-Cookie", WebSessions.csrfCookie(ex, WebSessions.newCsrfToken()));
    }

    /**
     * OMERO's event context as the API's login answers it, without {@code sessionUuid}: the key stays in the
     * HttpOnly cookie, out of reach of the page's scripts.
     */
    private static Map<String, Object> eventContext(Session s) {
        SecurityContext c = s.context();
        long groupId = c.isAllGroups() ? c.defaultGroupId() : c.groupId();
        String groupName = s.admin().groupsOf(s.user()).stream().filter(g -> g.id() == groupId)
                .map(ExperimenterGroup::name).findFirst().orElse("");
        return Json.object("userId", s.user().id(), "userName", s.user().omeName(), "groupId", groupId,
                "groupName", groupName, "isAdmin", c.admin(),
                "memberOfGroups", c.memberOf().stream().sorted().toList(),
                "leaderOfGroups", c.ownerOf().stream().sorted().toList());
    }

    /** Ends the cookie's session for every client that joined it, and clears the cookie. */
    private Reply logout(Exchange ex) {
        sessions.loggedIn(ex).ifPresent(s -> {
            sessions.forget(s.key());
            s.close();
        });
        return Reply.json(Json.object("success", true))
                .withHeader("Set-Cookie", WebSessions.expiredSessionCookie(ex));
    }
}
