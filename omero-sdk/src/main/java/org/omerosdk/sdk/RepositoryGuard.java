package org.omerosdk.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.omerosdk.model.StorageException;

/**
 * Refuses to open a metadata database that lost the repository it held, instead of creating a new, empty one over
 * it: an embedded H2 file that is missing, empty or truncated while its directory records that a repository was
 * created there, or an empty database next to a managed repository that holds files. Either would orphan every
 * stored file and hide every lost commit.
 */
final class RepositoryGuard {
    /** Written next to the embedded H2 file once a repository was created in it. */
    static final String MARKER = "omero.created";
    /** The embedded H2 database file in its directory. */
    static final String H2_FILE = "omero.mv.db";

    private RepositoryGuard() {
    }

    /** Before connecting to the embedded H2 database in {@code dbDir}. */
    static void checkEmbeddedFile(Path dbDir) {
        Path file = dbDir.resolve(H2_FILE);
        Path marker = dbDir.resolve(MARKER);
        try {
            boolean missing = !Files.exists(file) || Files.size(file) == 0;
            if (missing && Files.exists(marker)) {
                throw new StorageException("the metadata database " + file + " is " + (Files.exists(file)
                        ? "empty" : "missing") + ", but " + marker + " records that a repository was created in "
                        + dbDir.getParent() + ": refusing to create a new, empty one in its place; restore "
                        + H2_FILE + " from a backup (or remove " + marker + " to start afresh on purpose)");
            }
            if (!missing) {
                checkNotTruncated(file, dbDir);
            }
        } catch (IOException e) {
            throw new StorageException("cannot inspect the metadata database in " + dbDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * H2's file header names the block of its newest chunk ({@code H:2,block:806,blockSize:1000,...}, hexadecimal):
     * a file that ends before that block lost its newest commits, and H2 would silently reopen an older state.
     */
    private static void checkNotTruncated(Path file, Path dbDir) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(256);
        }
        String header = new String(head, StandardCharsets.ISO_8859_1);
        int end = header.indexOf('\n');
        header = end < 0 ? header : header.substring(0, end);
        if (!header.startsWith("H:")) {
            return;
        }
        long block = -1;
        long blockSize = 4096;
        for (String field : header.split(",")) {
            try {
                if (field.startsWith("block:")) {
                    block = Long.parseLong(field.substring(6), 16);
                } else if (field.startsWith("blockSize:")) {
                    blockSize = Long.parseLong(field.substring(10), 16);
                }
            } catch (NumberFormatException e) {
                return;
            }
        }
        long size = Files.size(file);
        if (block >= 0 && (block + 1) * blockSize > size) {
            throw new StorageException("the metadata database " + file + " is truncated: its header places the "
                    + "newest data at byte " + block * blockSize + " but the file has " + size + " bytes; refusing "
                    + "to open it (H2 would silently fall back to an older state of the repository in "
                    + dbDir.getParent() + "); restore " + H2_FILE + " from a backup");
        }
    }

    /** After connecting, before migrating: an embedded database that should hold a schema but has none. */
    static void checkMigrated(Connection c, Path dbDir) throws SQLException {
        Path marker = dbDir.resolve(MARKER);
        if (Files.exists(marker) && !hasSchema(c)) {
            throw new StorageException("the metadata database in " + dbDir + " holds no repository, but " + marker
                    + " records that a repository was created in " + dbDir.getParent() + ": refusing to create a "
                    + "new, empty one in its place; restore " + H2_FILE + " from a backup (or remove " + marker
                    + " to start afresh on purpose)");
        }
    }

    private static boolean hasSchema(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from "
                + "information_schema.tables where lower(table_name) = 'flyway_schema_history'")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    /** Records that the embedded database in {@code dbDir} holds a repository (once; later opens keep the file). */
    static void markCreated(Path dbDir) {
        Path marker = dbDir.resolve(MARKER);
        if (Files.exists(marker)) {
            return;
        }
        try {
            Files.writeString(marker, "An omero-sdk repository was created in this H2 database (" + H2_FILE
                    + "). While this file exists, the SDK refuses to create a new, empty repository here if "
                    + H2_FILE + " goes missing, empty or truncated.\n");
        } catch (IOException e) {
            throw new StorageException("cannot write " + marker + ": " + e.getMessage(), e);
        }
    }

    /**
     * Before bootstrapping an empty database: the managed repository directory must not hold files already (they
     * would belong to no one, and the database that described them is evidently lost or replaced). Does not create
     * the directory.
     */
    static void checkNoOrphanedFiles(Path managedDir, String database) {
        if (!Files.isDirectory(managedDir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(managedDir)) {
            boolean content = files.anyMatch(f -> !f.startsWith(managedDir.resolve(
                    org.omerosdk.repo.store.FileSystemBinaryStore.STAGING)) && (Files.isRegularFile(f,
                    LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(f)));
            if (content) {
                throw orphaned(managedDir.toString(), database);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new StorageException("cannot inspect the managed repository " + managedDir + ": " + e.getMessage(),
                    e);
        }
    }

    private static StorageException orphaned(String repository, String database) {
        return new StorageException("the database at " + database + " holds no repository, but the managed "
                + "repository " + repository + " holds files: refusing to create a new, empty repository next to "
                + "them; restore the database from a backup, or point omero.managed.dir elsewhere");
    }
}
