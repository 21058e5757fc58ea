package org.omerosdk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.StorageException;
import org.omerosdk.sdk.OmeroSdk;
import tools.jackson.databind.JsonNode;

/** The gateway served standalone and mounted in a host's own Jetty server, over real loopback HTTP. */
class WebServerTest {
    @TempDir
    static Path dir;
    static OmeroSdk sdk;
    static WebServer server;
    static Browser browser;

    @BeforeAll
    static void start() {
        sdk = OmeroSdk.builder().dataDirectory(dir).passwordHashIterations(1000).rootPassword("r".toCharArray())
                .open();
        server = WebServer.start(WebGateway.of(sdk), "127.0.0.1", 0);
        browser = new Browser(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
        sdk.close();
    }

    @Test
    void apiListsItsVersionWithAnAbsoluteBaseUrl() {
        HttpResponse<byte[]> r = browser.get("/api/");
        assertEquals(200, r.statusCode());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElseThrow());
        JsonNode data = Browser.json(r).get("data");
        assertEquals(1, data.size());
        assertEquals("0", data.get(0).get("version").asString());
        assertEquals(server.uri() + "api/v0/", data.get(0).get("url:base").asString());
    }

    @Test
    void apiBaseNamesOmeroWebsListings() {
        JsonNode base = Browser.json(browser.get("/api/v0/"));
        assertEquals(server.uri() + "api/v0/m/projects/", base.get("url:projects").asString());
        assertEquals(server.uri() + "api/v0/login/", base.get("url:login").asString());
        assertEquals(server.uri() + "api/v0/token/", base.get("url:token").asString());
    }

    @Test
    void anUnknownPathIsAJson404() {
        HttpResponse<byte[]> r = browser.get("/api/v0/no-such-thing/");
        assertEquals(404, r.statusCode());
        assertEquals("Not found", Browser.json(r).get("message").asString());
    }

    @Test
    void aKnownPathWithTheWrongMethodIs405() {
        HttpResponse<byte[]> r = browser.post("/api/", Map.of());
        assertEquals(405, r.statusCode());
        assertEquals("Method POST not allowed", Browser.json(r).get("message").asString());
    }

    @Test
    void headAnswersGetsHeadersWithoutABody() {
        HttpResponse<byte[]> r = browser.send("HEAD", "/api/");
        assertEquals(200, r.statusCode());
        assertEquals(0, r.body().length);
    }

    @Test
    void aMalformedRequestAnswers400WithoutAStackTrace() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write("GET /api/%zz%0 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertFalse(answer.contains("at org."), answer);
            assertFalse(answer.contains("Exception"), answer);
        }
    }

    @Test
    void aHostMountsTheHandlerUnderItsOwnContextPath() throws Exception {
        Server host = new Server();
        ServerConnector c = new ServerConnector(host);
        c.setHost("127.0.0.1");
        c.setPort(0);
        host.addConnector(c);
        WebGateway gateway = WebGateway.of(sdk);
        host.setHandler(new ContextHandler(gateway.handler(), "/omero"));
        host.start();
        try {
            Browser b = new Browser(URI.create("http://127.0.0.1:" + c.getLocalPort() + "/"));
            JsonNode data = Browser.json(b.get("/omero/api/")).get("data");
            assertEquals("http://127.0.0.1:" + c.getLocalPort() + "/omero/api/v0/",
                    data.get(0).get("url:base").asString());
            assertEquals(404, b.get("/api/").statusCode());
        } finally {
            host.stop();
        }
    }

    @Test
    void aPortInUseIsAStorageExceptionNamingIt() {
        StorageException e = assertThrows(StorageException.class,
                () -> WebServer.start(WebGateway.of(sdk), "127.0.0.1", server.port()));
        assertTrue(e.getMessage().contains("127.0.0.1:" + server.port()), e.getMessage());
    }

    @Test
    void startTakesPortHostAndDataOptions() {
        WebMain.Options o = WebMain.parse(new String[] {"start", "--port", "4090", "--data", "/tmp/x"}, Map.of());
        assertEquals(4090, o.port());
        assertEquals(Path.of("/tmp/x"), o.data());
        assertEquals("127.0.0.1", o.host());
        WebMain.Options d = WebMain.parse(new String[] {"start", "--host=0.0.0.0"}, Map.of("OMERO_DATA", "/d"));
        assertNull(d.port());
        assertEquals(Path.of("/d"), d.data());
        assertEquals("0.0.0.0", d.host());
        assertNull(WebMain.parse(new String[] {"start", "--help"}, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> WebMain.parse(new String[] {"start", "--port", "x"},
                Map.of()));
        assertThrows(IllegalArgumentException.class, () -> WebMain.parse(new String[] {"stop"}, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> WebMain.parse(new String[] {"start", "--bogus", "1"},
                Map.of()));
    }
}
