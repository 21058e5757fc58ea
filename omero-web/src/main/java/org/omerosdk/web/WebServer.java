package org.omerosdk.web;

import java.net.URI;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.omerosdk.model.StorageException;

/**
 * A standalone HTTP server for one {@link WebGateway} (Jetty 12, HTTP/1.1). Closing it stops the server; the SDK
 * stays open for its owner to close.
 */
public final class WebServer implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;

    private WebServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /**
     * Starts serving {@code gateway} on {@code host}:{@code port} ({@code port} 0: any free port, see {@link #port}).
     *
     * @throws StorageException when the port cannot be opened (in use, not permitted)
     */
    public static WebServer start(WebGateway gateway, String host, int port) {
        if (port < 0 || port > 65535) {
            throw new org.omerosdk.model.ValidationException("port " + port + " is not between 0 and 65535");
        }
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(gateway.handler());
        // Jetty's own errors (a malformed request line, a bad URI) as a line of text, never a stack
        ErrorHandler errors = new ErrorHandler();
        errors.setShowStacks(false);
        errors.setShowCauses(false);
        errors.setShowMessageInTitle(false);
        server.setErrorHandler(errors);
        server.setStopAtShutdown(false);
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // the start failure is the one to report
            }
            throw new StorageException("cannot serve on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return new WebServer(server, connector);
    }

    /** The port the server listens on (the one chosen when started with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** {@code http://host:port/}. */
    public URI uri() {
        String host = connector.getHost() == null ? "localhost" : connector.getHost();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port() + "/");
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new StorageException("stopping the web server failed: " + e.getMessage(), e);
        }
    }
}
