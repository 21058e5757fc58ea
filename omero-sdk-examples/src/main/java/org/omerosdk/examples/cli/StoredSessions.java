package org.omerosdk.examples.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The session keys {@code omero login} leaves for later commands, as OMERO's CLI keeps them in
 * {@code ~/omero/sessions}: one file per data directory (a repository plays the part of OMERO's server), readable
 * by its owner only, holding the user name and the session key — never a password.
 *
 * <p>The folder is {@code $OMERO_SESSIONDIR}, else {@code $OMERO_USERDIR/sessions}, else
 * {@code $XDG_CONFIG_HOME/omero/sessions}, else {@code ~/.config/omero/sessions}.
 */
final class StoredSessions {
    /** A stored login: who, with which key, on which data directory. */
    record Stored(Path dataDirectory, String user, String key) {
    }

    private final Path folder;

    StoredSessions(Path folder) {
        this.folder = folder;
    }

    /** The folder the environment names (see the class comment). */
    static StoredSessions of(Map<String, String> environment) {
        String dir = environment.get("OMERO_SESSIONDIR");
        if (notEmpty(dir)) {
            return new StoredSessions(Path.of(dir));
        }
        String userDir = environment.get("OMERO_USERDIR");
        if (notEmpty(userDir)) {
            return new StoredSessions(Path.of(userDir, "sessions"));
        }
        String xdg = environment.get("XDG_CONFIG_HOME");
        Path config = notEmpty(xdg) ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return new StoredSessions(config.resolve("omero").resolve("sessions"));
    }

    private static boolean notEmpty(String s) {
        return s != null && !s.isEmpty();
    }

    Path folder() {
        return folder;
    }

    /** The file of {@code dataDirectory}'s login: named after a hash of its absolute, normalized path. */
    Path file(Path dataDirectory) {
        String path = canonical(dataDirectory).toString();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(path.getBytes(StandardCharsets.UTF_8));
            return folder.resolve(HexFormat.of().formatHex(digest, 0, 16) + ".session");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static Path canonical(Path dataDirectory) {
        Path abs = dataDirectory.toAbsolutePath().normalize();
        try {
            return Files.exists(abs) ? abs.toRealPath() : abs;
        } catch (IOException e) {
            return abs;
        }
    }

    /** The login stored for {@code dataDirectory}, if any. */
    Optional<Stored> find(Path dataDirectory) {
        Path file = file(dataDirectory);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the stored session " + file + " failed: " + e.getMessage(), e);
        }
        String user = p.getProperty("user");
        String key = p.getProperty("key");
        if (user == null || key == null || key.isBlank()) {
            return Optional.empty();   // a damaged file is as good as none; the next login rewrites it
        }
        return Optional.of(new Stored(canonical(dataDirectory), user, key));
    }

    /** Stores (replacing) the login of {@code dataDirectory}; the file is created readable by its owner only. */
    void store(Path dataDirectory, String user, String key) {
        Path file = file(dataDirectory);
        Properties p = new Properties();
        p.setProperty("data", canonical(dataDirectory).toString());
        p.setProperty("user", user);
        p.setProperty("key", key);
        try {
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, ".session", ".tmp");
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            }
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "omero login: the session key for this data directory (omero logout removes it)");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("storing the session in " + folder + " failed: " + e.getMessage(), e);
        }
    }

    /** Forgets the login of {@code dataDirectory}; returns whether there was one. */
    boolean remove(Path dataDirectory) {
        try {
            return Files.deleteIfExists(file(dataDirectory));
        } catch (IOException e) {
            throw new UncheckedIOException("removing the stored session failed: " + e.getMessage(), e);
        }
    }
}
