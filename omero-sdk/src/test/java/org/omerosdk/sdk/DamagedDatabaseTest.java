package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.StorageException;
import org.omerosdk.model.config.ConfigKeys;

/**
 * A metadata database that lost its repository is refused with a message naming the data directory, never
 * silently replaced by a new, empty repository (item 7 of issue 10).
 */
class DamagedDatabaseTest {
    @TempDir
    Path dir;

    private OmeroSdk open(Path data) {
        return OmeroSdk.builder().dataDirectory(data).passwordHashIterations(1000).open();
    }

    /** A repository with some projects, closed; returns its H2 file. */
    private Path repositoryWithProjects(Path data, int projects) {
        try (OmeroSdk sdk = open(data)) {
            for (int i = 0; i < projects; i++) {
                sdk.rootSession().containers().createProject("p" + i);
            }
        }
        return data.resolve("db").resolve(RepositoryGuard.H2_FILE);
    }

    private static void truncate(Path file, long size) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
        }
    }

    @Test
    void anH2FileTruncatedToHalfIsRefusedAndLeftAsItWas() throws IOException {
        Path data = dir.resolve("data");
        Path file = repositoryWithProjects(data, 50);
        // cut at half, or earlier where the newest chunk starts (after H2's compaction on close it may lie in the
        // first half; a cut that spares it is not what this test is about)
        String header = new String(Files.readAllBytes(file), 0, 200, java.nio.charset.StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("block:([0-9a-f]+)").matcher(header);
        long newest = m.find() ? Long.parseLong(m.group(1), 16) * 4096 : Long.MAX_VALUE;
        long half = Math.min(Files.size(file) / 2, newest);
        truncate(file, half);
        StorageException e = assertThrows(StorageException.class, () -> open(data));
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains(data.toAbsolutePath().toString()),
                e.getMessage());
        assertEquals(half, Files.size(file), "the damaged file was rewritten");
    }

    @Test
    void anEmptiedH2FileIsRefused() throws IOException {
        Path data = dir.resolve("data");
        Path file = repositoryWithProjects(data, 1);
        truncate(file, 0);
        StorageException e = assertThrows(StorageException.class, () -> open(data));
        assertTrue(e.getMessage().contains("is empty") && e.getMessage().contains(data.toAbsolutePath().toString()),
                e.getMessage());
    }

    @Test
    void aDeletedH2FileIsRefused() throws IOException {
        Path data = dir.resolve("data");
        Files.delete(repositoryWithProjects(data, 1));
        StorageException e = assertThrows(StorageException.class, () -> open(data));
        assertTrue(e.getMessage().contains("is missing") && e.getMessage().contains(data.toAbsolutePath().toString()),
                e.getMessage());
    }

    @Test
    void anEmptyDatabaseNextToManagedFilesIsRefusedEvenWithoutTheMarker() throws IOException {
        Path data = dir.resolve("data");
        repositoryWithProjects(data, 1);
        Path managed = data.resolve("ManagedRepository");
        Files.createDirectories(managed.resolve("root_0/2026-12/01"));
        Files.writeString(managed.resolve("root_0/2026-12/01/cell.tif"), "pixels");
        try (var files = Files.list(data.resolve("db"))) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        StorageException e = assertThrows(StorageException.class, () -> open(data));
        assertTrue(e.getMessage().contains(managed.toAbsolutePath().toString()), e.getMessage());
    }

    @Test
    void anEmptyPostgresDatabaseNextToManagedFilesIsRefused() throws IOException {
        Path data = dir.resolve("data");
        Path managed = data.resolve("ManagedRepository");
        Files.createDirectories(managed.resolve("root_0"));
        Files.writeString(managed.resolve("root_0/cell.tif"), "pixels");
        OmeroSdk.Builder b = DatabaseTarget.POSTGRES.configure(OmeroSdk.builder(), dir).passwordHashIterations(1000)
                .set(ConfigKeys.MANAGED_DIR, managed.toString());
        StorageException e = assertThrows(StorageException.class, b::open);
        assertTrue(e.getMessage().contains(managed.toString()), e.getMessage());
    }

    @Test
    void anIntactRepositoryReopensWithItsData() {
        Path data = dir.resolve("data");
        repositoryWithProjects(data, 3);
        try (OmeroSdk sdk = open(data)) {
            assertEquals(3, sdk.rootSession().containers().projects(Listing.all()).size());
        }
    }
}
