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
    void onFlushDurabilityShowsCommitsAtOnceAndFlushesThemLater() throws Exception {
        FileSystemBinaryStore lazy = new FileSystemBinaryStore(dir.resolve("lazy"),
                FileSystemBinaryStore.Durability.ON_FLUSH);
        for (int i = 0; i < 20; i++) {
            lazy.put("chunks/" + i, new byte[] {(byte) i});
        }
        lazy.delete("chunks/3");
        assertEquals(19, lazy.list("chunks/").size());
        lazy.flush();
        lazy.flush();
        assertEquals(7, lazy.read("chunks/7")[0]);
    }

    @Test
    void batchedPutsNeverWriteThroughALinkIntoAUsersFile() throws Exception {
        FileSystemBinaryStore fs = (FileSystemBinaryStore) store;
        Path original = Files.writeString(dir.resolve("original.tif"), "user's data");
        fs.linkExternal(original, "in-place/hard");
        fs.symlink(original, "in-place/soft");
        store.putBatched("in-place/hard", java.nio.ByteBuffer.wrap("chunk".getBytes()));
        store.putBatched("in-place/soft", java.nio.ByteBuffer.wrap("chunk".getBytes()));
        store.flush();
        assertEquals("user's data", Files.readString(original));
        assertEquals("chunk", new String(store.read("in-place/hard")));
        assertEquals("chunk", new String(store.read("in-place/soft")));
        assertFalse(Files.isSymbolicLink(dir.resolve("repo/in-place/soft")));
    }

    @Test
    void batchedPutsCannotLeaveTheRootThroughASymbolicLink() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.createSymbolicLink(dir.resolve("repo/escape"), outside);
        assertThrows(ValidationException.class,
                () -> store.putBatched("escape/deeper/evil", java.nio.ByteBuffer.wrap("x".getBytes())));
        assertFalse(Files.exists(outside.resolve("deeper")));
    }

    @Test
    void everyDurabilityWritesBatchedPutsInPlaceWithoutStaging() throws Exception {
        for (FileSystemBinaryStore.Durability d : FileSystemBinaryStore.Durability.values()) {
            FileSystemBinaryStore fs = new FileSystemBinaryStore(dir.resolve(d.name()), d);
            for (int i = 0; i < 300; i++) {
                fs.putBatched("p/0/" + (i % 7) + "/" + i, java.nio.ByteBuffer.wrap(new byte[] {(byte) i}));
            }
            fs.flush();
            fs.flush();
            assertEquals(300, fs.list("p/").size(), d.name());
            assertEquals((byte) 299, fs.read("p/0/5/299")[0], d.name());
            assertFalse(fs.hasUnfinishedWrites(), d.name());
        }
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
