package org.omerosdk.web;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.omerosdk.model.OmeroException;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.sdk.OmeroSdk;

/**
 * {@code omero web start [--host HOST] [--port PORT] [--data DIR]}: opens the repository in the data directory and
 * serves it until interrupted. The {@code ./omero} launcher runs this class for {@code omero web ...}: the gateway is
 * its own module, so that the CLI and library users do not carry an HTTP server (docs/web.md).
 */
public final class WebMain {
    static final String USAGE = """
            Usage: omero web start [--host HOST] [--port PORT] [--data DIR]
            Serves the repository in DIR over HTTP (OMERO.web's URLs) until interrupted.
              --host HOST  address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
              --port PORT  port (default: omero.web.application_server.port, 4080)
              --data DIR   the data directory (default: $OMERO_DATA, else ./omero-data)
            """;

    private WebMain() {
    }

    /** What {@code start}'s options say. */
    record Options(String host, Integer port, Path data) {
    }

    public static void main(String[] args) throws InterruptedException {
        System.setProperty("org.jboss.logging.provider", "slf4j");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.flywaydb", "error");
        Options options;
        try {
            options = parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("omero web: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(1);
            return;
        }
        if (options == null) {
            System.out.print(USAGE);
            return;
        }
        OmeroSdk sdk;
        WebServer server;
        try {
            sdk = OmeroSdk.builder().dataDirectory(options.data()).open();
        } catch (OmeroException e) {
            System.err.println("omero web: " + e.getMessage());
            System.exit(3);
            return;
        }
        try {
            int port = options.port() != null ? options.port()
                    : sdk.config().getInt(ConfigKeys.WEB_APPLICATION_SERVER_PORT);
            server = WebServer.start(WebGateway.of(sdk), options.host(), port);
        } catch (OmeroException e) {
            sdk.close();
            System.err.println("omero web: " + e.getMessage());
            System.exit(3);
            return;
        }
        sdk.generatedRootPassword().ifPresent(pw ->
                System.err.println("omero web: new repository; root password (shown once): " + new String(pw)));
        PrintStream out = System.out;
        out.println("omero web: serving " + options.data().toAbsolutePath() + " at " + server.uri()
                + " (Ctrl-C to stop)");
        out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            sdk.close();
        }, "omero-web-shutdown"));
        server.join();
    }

    /** The options of {@code start}; null for {@code --help}. */
    static Options parse(String[] args, Map<String, String> environment) {
        if (args.length == 0) {
            throw new IllegalArgumentException("a command is required: start");
        }
        if (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            return null;
        }
        if (!args[0].equals("start")) {
            throw new IllegalArgumentException("unknown command \"" + args[0] + "\" (known: start)");
        }
        String host = "127.0.0.1";
        Integer port = null;
        Path data = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                return null;
            }
            String value;
            String name;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            } else {
                name = a;
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + a + " needs a value");
                }
                value = args[++i];
            }
            switch (name) {
                case "--host" -> host = value;
                case "--data" -> data = Path.of(value);
                case "--port" -> {
                    try {
                        port = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--port \"" + value + "\" is not a number");
                    }
                    if (port < 0 || port > 65535) {
                        throw new IllegalArgumentException("--port " + port + " is not between 0 and 65535");
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (data == null) {
            String env = environment.get("OMERO_DATA");
            data = Path.of(env != null && !env.isEmpty() ? env : "omero-data");
        }
        return new Options(host, port, data);
    }
}
