package org.omerosdk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.omerosdk.model.AuthenticationException;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.sdk.Lab;
import org.omerosdk.sdk.Session;
import tools.jackson.databind.JsonNode;

/**
 * Login, logout and CSRF as OMERO.web does them, the session cookie joinable by the SDK, and the public user with
 * its URL filter and GET-only rule — over real loopback HTTP.
 */
class WebSessionsTest {
    static WebLab lab;
    static WebServer server;

    @BeforeAll
    static void open() {
        lab = WebLab.open();
        server = lab.serve(ConfigKeys.WEB_PUBLIC_URL_FILTER, "^/api/v0/m/(projects|images)/");
    }

    @AfterAll
    static void close() {
        server.close();
        lab.close();
    }

    private static Browser browser() {
        return new Browser(server.uri());
    }

    @Test
    void theTokenUrlSetsTheCsrfCookieAndAnswersItsValue() {
        Browser b = browser();
        HttpResponse<byte[]> r = b.get("/api/v0/token/");
        assertEquals(200, r.statusCode());
        String token = Browser.json(r).get("data").asString();
        assertEquals(token, b.cookie("csrftoken").orElseThrow());
        assertTrue(token.matches("[0-9a-f]{64}"), token);
        // asked again: the same token, no new cookie
        HttpResponse<byte[]> again = b.get("/api/v0/token/");
        assertEquals(token, Browser.json(again).get("data").asString());
        assertTrue(again.headers().allValues("Set-Cookie").isEmpty());
    }

    @Test
    void loginAnswersTheEventContextAndSetsAnHttpOnlySameSiteCookieHoldingTheSdkSessionKey() {
        Browser b = browser();
        HttpResponse<byte[]> r = WebLab.login(b, "ada", Lab.PASSWORD);
        assertEquals(200, r.statusCode(), Browser.text(r));
        JsonNode body = Browser.json(r);
        assertTrue(body.get("success").asBoolean());
        assertEquals("ada", body.get("eventContext").get("userName").asString());
        assertEquals(lab.lab.user("ada").id(), body.get("eventContext").get("userId").asLong());
        assertFalse(body.get("eventContext").has("sessionUuid"), "the key stays in the HttpOnly cookie");
        String setCookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("sessionid="))
                .findFirst().orElseThrow();
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Lax"), setCookie);
        String key = b.cookie("sessionid").orElseThrow();
        try (var other = lab.lab.anotherInstance().joinSession(key)) {
            assertEquals("ada", other.user().omeName());
        }
    }

    @Test
    void loginRotatesTheCsrfToken() {
        Browser b = browser();
        String before = Browser.json(b.get("/api/v0/token/")).get("data").asString();
        b.post("/api/v0/login/", Browser.form("username", "bob", "password", Lab.PASSWORD, "server", "1"),
                "X-CSRFToken", before);
        assertNotEquals(before, b.cookie("csrftoken").orElseThrow());
    }

    @Test
    void aRefusedPasswordIs403WithOmeroWebsText() {
        HttpResponse<byte[]> r = WebLab.login(browser(), "ada", "wrong");
        assertEquals(403, r.statusCode());
        assertEquals("Connection not available, please check your user name and password.",
                Browser.json(r).get("message").asString());
        // an unknown user answers exactly the same
        HttpResponse<byte[]> unknown = WebLab.login(browser(), "nobody", "wrong");
        assertEquals(403, unknown.statusCode());
        assertEquals(Browser.text(r), Browser.text(unknown));
    }

    @Test
    void aLoginFormWithoutAFieldOrWithAnotherServerIs400() {
        Browser b = browser();
        String token = Browser.json(b.get("/api/v0/token/")).get("data").asString();
        HttpResponse<byte[]> r = b.post("/api/v0/login/", Browser.form("username", "ada", "server", "1"),
                "X-CSRFToken", token);
        assertEquals(400, r.statusCode());
        assertEquals("Invalid login: password required", Browser.json(r).get("message").asString());
        HttpResponse<byte[]> s = b.post("/api/v0/login/", Browser.form("username", "ada", "password", "pw",
                "server", "2"), "X-CSRFToken", token);
        assertEquals(400, s.statusCode());
        HttpResponse<byte[]> guest = b.post("/api/v0/login/", Browser.form("username", "guest", "password", "pw",
                "server", "1"), "X-CSRFToken", token);
        assertEquals(400, guest.statusCode());
        assertEquals(405, b.get("/api/v0/login/").statusCode());
    }

    @Test
    void aPostWithoutTheCsrfCookieIsRefusedBeforeAnythingRuns() {
        Browser b = browser();
        HttpResponse<byte[]> r = b.post("/api/v0/login/", Browser.form("username", "ada", "password", Lab.PASSWORD,
                "server", "1"));
        assertEquals(403, r.statusCode());
        assertEquals("CSRF verification failed: CSRF cookie not set.", Browser.json(r).get("message").asString());
        assertTrue(b.cookie("sessionid").isEmpty());
    }

    @Test
    void aPostWithoutTheTokenOrWithAnotherTokenIsRefused() {
        Browser b = browser();
        b.get("/api/v0/token/");
        HttpResponse<byte[]> missing = b.post("/api/v0/login/", Browser.form("username", "ada", "password",
                Lab.PASSWORD, "server", "1"));
        assertEquals(403, missing.statusCode());
        assertEquals("CSRF verification failed: CSRF token missing.",
                Browser.json(missing).get("message").asString());
        HttpResponse<byte[]> wrong = b.post("/api/v0/login/", Browser.form("username", "ada", "password",
                Lab.PASSWORD, "server", "1"), "X-CSRFToken", "0".repeat(64));
        assertEquals(403, wrong.statusCode());
        assertEquals("CSRF verification failed: CSRF token incorrect.",
                Browser.json(wrong).get("message").asString());
        assertTrue(b.cookie("sessionid").isEmpty());
    }

    @Test
    void theTokenMayComeAsTheFormFieldAsInOmeroWebsForms() {
        Browser b = browser();
        String token = Browser.json(b.get("/api/v0/token/")).get("data").asString();
        HttpResponse<byte[]> r = b.post("/api/v0/login/", Browser.form("username", "ada", "password", Lab.PASSWORD,
                "server", "1", "csrfmiddlewaretoken", token));
        assertEquals(200, r.statusCode(), Browser.text(r));
    }

    @Test
    void aPostFromAnotherOriginIsRefusedEvenWithTheToken() {
        Browser b = browser();
        String token = Browser.json(b.get("/api/v0/token/")).get("data").asString();
        HttpResponse<byte[]> r = b.post("/api/v0/login/", Browser.form("username", "ada", "password", Lab.PASSWORD,
                "server", "1"), "X-CSRFToken", token, "Origin", "http://evil.example");
        assertEquals(403, r.statusCode());
        assertTrue(Browser.json(r).get("message").asString().startsWith("CSRF verification failed: Origin"));
    }

    @Test
    void logoutEndsTheSdkSessionForEveryClientAndClearsTheCookie() {
        Browser b = browser();
        WebLab.login(b, "bob", Lab.PASSWORD);
        String key = b.cookie("sessionid").orElseThrow();
        assertEquals(200, b.get("/api/v0/m/datasets/").statusCode());
        String token = b.cookie("csrftoken").orElseThrow();
        assertEquals(403, b.post("/webclient/logout/", Browser.form()).statusCode(), "logout needs CSRF too");
        HttpResponse<byte[]> r = b.post("/webclient/logout/", Browser.form(), "X-CSRFToken", token);
        assertEquals(200, r.statusCode());
        assertTrue(b.cookie("sessionid").isEmpty());
        assertThrows(AuthenticationException.class, () -> lab.lab.sdk.joinSession(key));
        // the old cookie, replayed, is no login
        Browser replay = browser();
        replay.cookies.getCookieStore().add(server.uri(), new java.net.HttpCookie("sessionid", key));
        assertEquals(403, replay.get("/api/v0/m/datasets/").statusCode());
    }

    @Test
    void aSessionOpenedByTheSdkElsewhereWorksAsTheCookie() {
        Session s = lab.lab.login("pi");
        Browser b = browser();
        java.net.HttpCookie c = new java.net.HttpCookie("sessionid", s.key());
        c.setPath("/");
        b.cookies.getCookieStore().add(server.uri(), c);
        HttpResponse<byte[]> r = b.get("/api/v0/m/projects/");
        assertEquals(200, r.statusCode());
        assertTrue(names(r).contains("pi@readOnly"), names(r).toString());
        s.close();
        assertEquals(403, b.get("/api/v0/m/datasets/").statusCode(), "closed by the SDK: no longer logged in");
    }

    @Test
    void withoutALoginAPathOutsideThePublicFilterIsNotLoggedIn() {
        HttpResponse<byte[]> r = browser().get("/api/v0/m/datasets/");
        assertEquals(403, r.statusCode());
        assertEquals("Not logged in", Browser.json(r).get("message").asString());
    }

    @Test
    void withoutALoginAPathInsideThePublicFilterRunsAsThePublicUser() {
        HttpResponse<byte[]> r = browser().get("/api/v0/m/projects/");
        assertEquals(200, r.statusCode());
        List<String> names = names(r);
        assertTrue(names.contains("ada@published"), names.toString());
        assertFalse(names.stream().anyMatch(n -> n.endsWith("@readOnly")), names.toString());
    }

    @Test
    void thePublicUserGetsOnlyGetWhenGetOnly() {
        // no state-changing URL of the gateway is public yet: the rule is held on the decision itself
        WebSessions getOnly = new WebSessions(lab.lab.sdk, lab.lab.sdk.config()
                .with(ConfigKeys.WEB_PUBLIC_URL_FILTER, "^/api/"));
        WebSessions any = new WebSessions(lab.lab.sdk, lab.lab.sdk.config()
                .with(ConfigKeys.WEB_PUBLIC_URL_FILTER, "^/api/").with(ConfigKeys.WEB_PUBLIC_GET_ONLY, "false"));
        assertTrue(getOnly.publicAllowed(exchange("GET", "/api/v0/m/projects/")));
        assertFalse(getOnly.publicAllowed(exchange("POST", "/api/v0/m/projects/")));
        assertFalse(getOnly.publicAllowed(exchange("HEAD", "/api/v0/m/projects/")), "OMERO: method != GET");
        assertTrue(any.publicAllowed(exchange("POST", "/api/v0/m/projects/")));
        assertFalse(any.publicAllowed(exchange("GET", "/webclient/")));
    }

    private static Exchange exchange(String method, String path) {
        return new Exchange(method, path, "http://127.0.0.1", "127.0.0.1", java.util.Map.of(), h -> null,
                java.util.Map.of(), java.util.Map::of);
    }

    @Test
    void omeroWebsDefaultFilterMatchesNothingAndDisabledPublicAccessRefusesEverything() {
        try (WebServer strict = lab.serve(ConfigKeys.WEB_PUBLIC_URL_FILTER,
                ConfigKeys.WEB_PUBLIC_URL_FILTER.defaultValue())) {
            assertEquals(403, new Browser(strict.uri()).get("/api/v0/m/projects/").statusCode());
        }
        try (WebServer off = lab.serve(ConfigKeys.WEB_PUBLIC_ENABLED, "false",
                ConfigKeys.WEB_PUBLIC_URL_FILTER, ".*")) {
            assertEquals(403, new Browser(off.uri()).get("/api/v0/m/projects/").statusCode());
        }
    }

    @Test
    void pythonRegexCommentsAreDroppedAsPythonIgnoresThem() {
        assertFalse(WebSessions.pythonRegex("(?#This regular expression matches nothing)a^").matcher("/api/")
                .find());
        assertTrue(WebSessions.pythonRegex("^/webgateway/(?!(archived_files|download_as))")
                .matcher("/webgateway/render_thumbnail/1/").find());
        assertFalse(WebSessions.pythonRegex("^/webgateway/(?!(archived_files|download_as))")
                .matcher("/webgateway/archived_files/download/1/").find());
    }

    static List<String> names(HttpResponse<byte[]> r) {
        List<String> names = new java.util.ArrayList<>();
        Browser.json(r).get("data").forEach(p -> names.add(p.get("Name").asString()));
        return names;
    }
}
