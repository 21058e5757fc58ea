package org.omerosdk.repo.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.StorageException;
import org.omerosdk.model.store.StoreWriter;

/**
 * A filesystem store that cannot write says so with a {@link StorageException} naming the key and the cause, and
 * leaves nothing visible under the key and no unfinished write behind: on a full disk (a small tmpfs filled up,
 * skipped where it cannot be mounted) and when the fsync of a commit fails.
 */
class FileSystemStoreDurabilityTest {
    @TempDir
    Path tmp;

    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void aWriteOnAFullDiskIsAStorageExceptionAndLeavesNoFile() {
        try (SmallFilesystem fs = SmallFilesystem.mount(tmp, 8)) {
            FileSystemBinaryStore store = new FileSystemBinaryStore(fs.root().resolve("repo"));
            fs.fill(64 * 1024);
            byte[] big = bytes(1 << 20, 1);
            StorageException e = assertThrows(StorageException.class, () -> store.put("ada_2/big.bin", big));
            assertTrue(e.getMessage().contains("ada_2/big.bin") && e.getMessage().contains("No space left"),
                    e.getMessage());
            assertFalse(store.exists("ada_2/big.bin"), "no partial file is visible");
            assertFalse(store.hasUnfinishedWrites(), "the unfinished write was removed");
            // once space is freed the same write succeeds in full
            fs.free();
            store.put("ada_2/big.bin", big);
            assertArrayEquals(big, store.read("ada_2/big.bin"));
        }
    }

    @Test
    void aStreamedWriteOnAFullDiskFailsInWriteWithAStorageException() throws IOException {
        try (SmallFilesystem fs = SmallFilesystem.mount(tmp, 8)) {
            FileSystemBinaryStore store = new FileSystemBinaryStore(fs.root().resolve("repo"));
            fs.fill(64 * 1024);
            try (StoreWriter w = store.writer("ada_2/stream.bin")) {
                byte[] block = bytes(64 * 1024, 2);
                assertThrows(StorageException.class, () -> {
                    for (int i = 0; i < 64; i++) {
                        w.write(block);
                    }
                    w.commit();
                });
            }
            assertFalse(store.exists("ada_2/stream.bin"));
            assertFalse(store.hasUnfinishedWrites());
        }
    }

    @Test
    void aFailedFsyncFailsTheCommitAndLeavesNoFile() {
        AtomicBoolean failing = new AtomicBoolean(true);
        FileSystemBinaryStore store = new FileSystemBinaryStore(tmp.resolve("repo"),
                FileSystemBinaryStore.Durability.EACH_WRITE, channel -> {
                    if (failing.get()) {
                        throw new IOException("Input/output error");
                    }
                    channel.force(true);
                });
        byte[] content = bytes(10_000, 3);
        StorageException e = assertThrows(StorageException.class, () -> store.put("ada_2/synced.bin", content));
        assertTrue(e.getMessage().contains("ada_2/synced.bin") && e.getMessage().contains("Input/output error"),
                e.getMessage());
        assertFalse(store.exists("ada_2/synced.bin"), "a write whose fsync failed is never published");
        assertFalse(store.hasUnfinishedWrites());
        failing.set(false);
        store.put("ada_2/synced.bin", content);
        assertArrayEquals(content, store.read("ada_2/synced.bin"));
    }
}
