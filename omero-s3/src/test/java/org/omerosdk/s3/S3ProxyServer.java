package org.omerosdk.s3;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * A real s3proxy server (S3 API over an in-memory blob store) run as a separate JVM on 127.0.0.1 for tests, one per
 * test JVM, stopped at exit. The jar comes from Maven Central (org.gaul:s3proxy:jar-with-dependencies), copied to
 * {@code omero-s3/target/s3proxy/s3proxy.jar} by the build, or named by the system property
 * {@code omerosdk.s3proxy.jar}.
 */
public final class S3ProxyServer {
    public static final String ACCESS_KEY = "omero-test";
    public static final String SECRET_KEY = "omero-test-secret";
    private static S3ProxyServer shared;

    private final URI endpoint;

    private S3ProxyServer(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** The server of this JVM, started on first use. */
    public static synchronized S3ProxyServer shared() throws IOException, InterruptedException {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A store on a new, empty bucket. */
    public S3BinaryStore newStore() {
        return S3BinaryStore.builder().endpoint(endpoint).bucket("b-" + UUID.randomUUID().toString().substring(0, 18))
                .credentials(ACCESS_KEY, SECRET_KEY).build().createBucketIfMissing();
    }

    private static Path jar() {
        String configured = System.getProperty("omerosdk.s3proxy.jar");
        List<Path> candidates = configured != null ? List.of(Path.of(configured))
                : List.of(Path.of("target/s3proxy/s3proxy.jar"), Path.of("../omero-s3/target/s3proxy/s3proxy.jar"));
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalStateException("s3proxy jar not found at " + candidates
                + "; build omero-s3 (mvn -pl omero-s3 generate-test-resources) or set -Domerosdk.s3proxy.jar");
    }

    private static S3ProxyServer start() throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path props = Files.createTempFile("s3proxy", ".properties");
        Files.writeString(props, String.join("\n",
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + SECRET_KEY,
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + Files.createTempDirectory("s3proxy-data"),
                "jclouds.identity=ignored",
                "jclouds.credential=ignored", ""));
        Path log = Files.createTempFile("s3proxy", ".log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar().toString(), "--properties", props.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("s3proxy exited: " + Files.readString(log));
            }
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return new S3ProxyServer(URI.create("http://127.0.0.1:" + port));
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        process.destroy();
        throw new IllegalStateException("s3proxy did not listen on port " + port + " within 60 s: "
                + Files.readString(log));
    }
}
