package org.omerosdk.repo.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.store.BinaryStore;

class FileSystemBinaryStoreTest extends BinaryStoreContract {
    @TempDir
    Path dir;

    @Override
    protected BinaryStore newStore() {
        return new FileSystemBinaryStore(dir.resolve("repo"));
    }

    @Override
    protected boolean hasUnfinishedWrites() {
        return ((FileSystemBinaryStore) store).hasUnfinishedWrites();
    }

    @Test
    void objectsAreOrdinaryFilesUnderTheRoot() throws Exception {
        store.put("user_1/x.txt", "hello".getBytes());
        assertEquals("hello", Files.readString(dir.resolve("repo/user_1/x.txt")));
    }

    @Test
    void aSymbolicLinkCannotLeadAKeyOutsideTheRoot() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.createSymbolicLink(dir.resolve("repo/escape"), outside);
        ValidationException e = assertThrows(ValidationException.class,
                () -> store.put("escape/evil.txt", "x".getBytes()));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        assertFalse(Files.exists(outside.resolve("evil.txt")));
    }

    @Test
    void theStagingAreaIsNotAKey() {
        assertThrows(ValidationException.class,
                () -> store.put(FileSystemBinaryStore.STAGING + "/x", "x".getBytes()));
        assertEquals(List.of(), store.list(""));
    }

    @Test
    void linkSharesTheFileWhereTheFilesystemAllows() throws Exception {
        store.put("a", new byte[1000]);
        store.link("a", "b");
        Object inodeA = Files.getAttribute(dir.resolve("repo/a"), "unix:ino");
        Object inodeB = Files.getAttribute(dir.resolve("repo/b"), "unix:ino");
        assertEquals(inodeA, inodeB);
    }
}
