package org.omerosdk.repo.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.ReadOnlyException;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.config.OmeroConfig;
import org.omerosdk.model.store.BinaryStore;
import org.omerosdk.model.store.StoreWriter;

/**
 * What every {@link BinaryStore} backend guarantees. One subclass per backend supplies a fresh, empty store and a
 * way to look for leftovers of unfinished writes.
 */
public abstract class BinaryStoreContract {
    protected BinaryStore store;

    /** A new, empty store. */
    protected abstract BinaryStore newStore() throws Exception;

    /** Whether the backend holds any trace of a write that was not committed (temp files, open uploads). */
    protected abstract boolean hasUnfinishedWrites();

    @BeforeEach
    void open() throws Exception {
        store = newStore();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void putThenGetReturnsTheSameBytes() {
        byte[] data = random(300_000, 1);
        store.put("user_1/2026-11/24/a.tif", data);
        assertArrayEquals(data, store.read("user_1/2026-11/24/a.tif"));
        assertEquals(300_000, store.size("user_1/2026-11/24/a.tif"));
        assertTrue(store.exists("user_1/2026-11/24/a.tif"));
    }

    @Test
    void nothingIsVisibleBeforeCommit() throws IOException {
        try (StoreWriter w = store.writer("x/pending.bin")) {
            w.write(bytes("half"));
            assertFalse(store.exists("x/pending.bin"));
            assertEquals(List.of(), store.list(""));
            w.commit();
        }
        assertArrayEquals(bytes("half"), store.read("x/pending.bin"));
    }

    @Test
    void closingWithoutCommitLeavesNothing() throws IOException {
        try (StoreWriter w = store.writer("x/abandoned.bin")) {
            w.write(random(10_000, 2));
        }
        assertFalse(store.exists("x/abandoned.bin"));
        assertFalse(hasUnfinishedWrites());
    }

    @Test
    void aSourceFailingMidStreamLeavesNoObjectAndNoOrphan() {
        InputStream failing = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served++ > 100_000) {
                    throw new IOException("simulated: disk full / connection reset");
                }
                return 7;
            }
        };
        assertThrows(Exception.class, () -> store.put("x/broken.bin", failing));
        assertFalse(store.exists("x/broken.bin"));
        assertEquals(List.of(), store.list(""));
        assertFalse(hasUnfinishedWrites());
    }

    @Test
    void aFailedRewriteKeepsThePreviousContent() {
        store.put("x/keep.bin", bytes("version 1"));
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("simulated failure");
            }
        };
        assertThrows(Exception.class, () -> store.put("x/keep.bin", failing));
        assertArrayEquals(bytes("version 1"), store.read("x/keep.bin"));
    }

    @Test
    void putReplacesAnExistingObject() {
        store.put("a", bytes("old"));
        store.put("a", bytes("new content"));
        assertArrayEquals(bytes("new content"), store.read("a"));
    }

    @Test
    void rangedGetReturnsTheRangeAndStopsAtTheEnd() throws IOException {
        byte[] data = random(5000, 3);
        store.put("r.bin", data);
        try (InputStream in = store.get("r.bin", 1000, 10)) {
            assertArrayEquals(java.util.Arrays.copyOfRange(data, 1000, 1010), in.readAllBytes());
        }
        try (InputStream in = store.get("r.bin", 4990, 100)) {
            assertArrayEquals(java.util.Arrays.copyOfRange(data, 4990, 5000), in.readAllBytes());
        }
        try (InputStream in = store.get("r.bin", 6000, 10)) {
            assertEquals(0, in.readAllBytes().length);
        }
    }

    @Test
    void missingKeysAreNotFoundNamingTheKey() {
        NotFoundException e = assertThrows(NotFoundException.class, () -> store.get("no/such.bin"));
        assertTrue(e.getMessage().contains("no/such.bin"), e.getMessage());
        assertThrows(NotFoundException.class, () -> store.size("no/such.bin"));
        assertThrows(NotFoundException.class, () -> store.copy("no/such.bin", "x"));
        assertFalse(store.exists("no/such.bin"));
        assertFalse(store.delete("no/such.bin"));
    }

    @Test
    void listIsSortedAndFilteredByPrefix() {
        for (String k : List.of("b/2", "a/1", "a/10", "ab/3", "a/sub/4")) {
            store.put(k, bytes(k));
        }
        assertEquals(List.of("a/1", "a/10", "a/sub/4", "ab/3", "b/2"), store.list(""));
        assertEquals(List.of("a/1", "a/10", "a/sub/4"), store.list("a/"));
        assertEquals(List.of("a/1", "a/10", "a/sub/4", "ab/3"), store.list("a"));
        assertEquals(List.of("a/1", "a/10"), store.list("a/1"));
        assertEquals(List.of(), store.list("c/"));
    }

    @Test
    void deleteRemovesOnlyThatObject() {
        store.put("d/1", bytes("1"));
        store.put("d/2", bytes("2"));
        assertTrue(store.delete("d/1"));
        assertEquals(List.of("d/2"), store.list(""));
    }

    @Test
    void copyLinkAndMoveKeepTheContent() {
        store.put("src", bytes("payload"));
        store.copy("src", "copies/c");
        store.link("src", "copies/l");
        store.move("copies/c", "moved/m");
        assertArrayEquals(bytes("payload"), store.read("copies/l"));
        assertArrayEquals(bytes("payload"), store.read("moved/m"));
        assertFalse(store.exists("copies/c"));
        assertArrayEquals(bytes("payload"), store.read("src"));
    }

    @Test
    void hostileKeysAreRefusedBeforeTouchingStorage() {
        for (String key : List.of("", "/etc/passwd", "../x", "a/../../x", "a//b", "a/./b", "a/", "a\u0000b",
                "a\\..\\b", "a\nb")) {
            assertThrows(ValidationException.class, () -> store.put(key, bytes("x")), key);
            assertThrows(ValidationException.class, () -> store.get(key), key);
        }
        assertEquals(List.of(), store.list(""));
    }

    @Test
    void concurrentWritersOfOneKeyLeaveOneCompleteVersion() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                byte[] data = new byte[50_000];
                java.util.Arrays.fill(data, (byte) i);
                futures.add(pool.submit(() -> store.put("race.bin", new ByteArrayInputStream(data))));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        byte[] result = store.read("race.bin");
        assertEquals(50_000, result.length);
        for (byte b : result) {
            assertEquals(result[0], b);
        }
        assertFalse(hasUnfinishedWrites());
    }

    @Test
    void batchedPutsReadWholeOnceTheyReturnAndReplaceWhatWasThere() throws Exception {
        byte[] chunk = random(131_072, 5);
        store.put("img/0/0/0", bytes("older"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String key = "img/0/" + (i % 5) + "/" + (i / 5);
                java.nio.ByteBuffer content = i % 2 == 0 ? java.nio.ByteBuffer.wrap(chunk)
                        : java.nio.ByteBuffer.allocateDirect(chunk.length).put(chunk).flip();
                writes.add(pool.submit(() -> store.putBatched(key, content)));
            }
            for (Future<?> f : writes) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        store.flush();
        assertEquals(40, store.list("img/").size());
        for (String key : store.list("img/")) {
            assertArrayEquals(chunk, store.read(key), key);
        }
        assertFalse(hasUnfinishedWrites());
    }

    @Test
    void aBatchedPutOfManyPartsStoresThemOneAfterTheOther() {
        // more parts than one gathering write takes (IOV_MAX is 1024 on Linux), heap and direct, some empty
        java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
        List<java.nio.ByteBuffer> parts = new ArrayList<>();
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < 2500; i++) {
            byte[] part = new byte[i % 7 == 0 ? 0 : 1 + r.nextInt(300)];
            r.nextBytes(part);
            expected.writeBytes(part);
            parts.add(i % 2 == 0 ? java.nio.ByteBuffer.wrap(part)
                    : java.nio.ByteBuffer.allocateDirect(part.length).put(part).flip());
        }
        store.putBatched("img/parts", parts.toArray(new java.nio.ByteBuffer[0]));
        store.flush();
        assertArrayEquals(expected.toByteArray(), store.read("img/parts"));
        for (java.nio.ByteBuffer p : parts) {
            assertFalse(p.hasRemaining());
        }
    }

    @Test
    void batchedPutsAreRefusedByAReadOnlyView() {
        BinaryStore ro = ReadOnlyBinaryStore.applying(OmeroConfig.defaults()
                .with(ConfigKeys.CLUSTER_READ_ONLY, "true"), store);
        assertThrows(ReadOnlyException.class, () -> ro.putBatched("img/0/0", java.nio.ByteBuffer.wrap(bytes("x"))));
        assertFalse(store.exists("img/0/0"));
    }

    @Test
    void readOnlyConfigurationRefusesWritesWhileReadsGoOn() {
        store.put("kept", bytes("data"));
        for (var key : List.of(ConfigKeys.CLUSTER_READ_ONLY, ConfigKeys.CLUSTER_READ_ONLY_REPO)) {
            BinaryStore ro = ReadOnlyBinaryStore.applying(OmeroConfig.defaults().with(key, "true"), store);
            assertArrayEquals(bytes("data"), ro.read("kept"));
            ReadOnlyException e = assertThrows(ReadOnlyException.class, () -> ro.put("new", bytes("x")));
            assertTrue(e.getMessage().contains("read-only"), e.getMessage());
            assertThrows(ReadOnlyException.class, () -> ro.delete("kept"));
            assertThrows(ReadOnlyException.class, () -> ro.move("kept", "elsewhere"));
        }
        assertTrue(store.exists("kept"));
        assertTrue(ReadOnlyBinaryStore.applying(OmeroConfig.defaults(), store) == store);
    }
}
