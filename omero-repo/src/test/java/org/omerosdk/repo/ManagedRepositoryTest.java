package org.omerosdk.repo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.ProgressListener;
import org.omerosdk.model.ReadOnlyException;
import org.omerosdk.model.SecurityViolation;
import org.omerosdk.model.StorageException;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.config.OmeroConfig;
import org.omerosdk.model.fs.ChecksumAlgorithm;
import org.omerosdk.model.store.MemoryBinaryStore;
import org.omerosdk.repo.checksum.ChecksumSink;
import org.omerosdk.repo.store.FileSystemBinaryStore;
import org.omerosdk.repo.template.TemplateContext;

class ManagedRepositoryTest {
    private static final ZonedDateTime WHEN = ZonedDateTime.of(2026, 11, 24, 14, 30, 5, 123_000_000, ZoneOffset.UTC);

    @TempDir
    Path tmp;
    private FileSystemBinaryStore store;
    private ManagedRepository repo;

    @BeforeEach
    void open() {
        store = new FileSystemBinaryStore(tmp.resolve("ManagedRepository"));
        repo = ManagedRepository.open(OmeroConfig.defaults(), store);
    }

    private static TemplateContext ada() {
        return context("ada", 2);
    }

    private static TemplateContext context(String user, long id) {
        return new TemplateContext(user, id, "lab", 3, Permissions.READ_ANNOTATE, "uuid", 9, Optional.empty(), WHEN,
                "import-1", List.of());
    }

    private Path file(String name, int size, long seed) throws Exception {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        Path p = tmp.resolve("client").resolve(name);
        Files.createDirectories(p.getParent());
        return Files.write(p, b);
    }

    private List<StoredFile> importFiles(TransferMode mode, Path... files) {
        List<String> clientPaths = new ArrayList<>();
        for (Path f : files) {
            clientPaths.add(f.toString());
        }
        ImportLocation where = repo.prepare(ada(), clientPaths, OptionalInt.of(0));
        return repo.transfer(where, List.of(files), mode, ChecksumAlgorithm.SHA1_160, ProgressListener.NONE);
    }

    @Test
    void copyPlacesFilesBelowTheTemplateDirectoryWithTheirChecksum() throws Exception {
        Path a = file("exp/a.tif", 200_000, 1);
        Path b = file("exp/sub/b.tif", 1000, 2);
        List<StoredFile> stored = importFiles(TransferMode.COPY, a, b);
        assertEquals("ada_2/2026-11/24/14-30-05.123/a.tif", stored.get(0).key());
        assertEquals("ada_2/2026-11/24/14-30-05.123/sub/b.tif", stored.get(1).key());
        assertArrayEquals(Files.readAllBytes(a), store.read(stored.get(0).key()));
        assertEquals(ChecksumSink.checksum(ChecksumAlgorithm.SHA1_160, Files.readAllBytes(a)), stored.get(0).checksum());
        assertEquals(200_000, stored.get(0).size());
        assertEquals("ada_2/2026-11/24/14-30-05.123/", stored.get(0).directory());
        assertEquals("a.tif", stored.get(0).name());
    }

    @Test
    void theSameFilesImportedTwiceGetTwoDirectories() throws Exception {
        Path a = file("a.tif", 10, 1);
        String first = importFiles(TransferMode.COPY, a).get(0).key();
        String second = importFiles(TransferMode.COPY, a).get(0).key();
        assertNotEquals(first, second);
    }

    @Test
    void hardLinkSharesTheFile() throws Exception {
        Path a = file("a.tif", 5000, 3);
        StoredFile f = importFiles(TransferMode.HARD_LINK, a).get(0);
        assertEquals(TransferMode.HARD_LINK, f.mode());
        assertEquals(Files.getAttribute(a, "unix:ino"), Files.getAttribute(store.pathOf(f.key()), "unix:ino"));
    }

    @Test
    void symbolicLinkPointsAtTheOriginal() throws Exception {
        Path a = file("a.tif", 5000, 4);
        StoredFile f = importFiles(TransferMode.SYMBOLIC_LINK, a).get(0);
        assertTrue(Files.isSymbolicLink(store.pathOf(f.key())));
        assertEquals(Optional.of(a.toAbsolutePath()), f.external());
        assertArrayEquals(Files.readAllBytes(a), store.read(f.key()));
    }

    @Test
    void moveTakesTheOriginalAway() throws Exception {
        Path a = file("a.tif", 5000, 5);
        byte[] content = Files.readAllBytes(a);
        StoredFile f = importFiles(TransferMode.MOVE, a).get(0);
        assertFalse(Files.exists(a));
        assertArrayEquals(content, store.read(f.key()));
        assertEquals(ChecksumSink.checksum(ChecksumAlgorithm.SHA1_160, content), f.checksum());
    }

    @Test
    void aMoveThatFailsPartWayLeavesEveryOriginalWhereItWas() throws Exception {
        Path a = file("a.tif", 5000, 15);
        Path b = file("b.tif", 5000, 16);
        byte[] content = Files.readAllBytes(a);
        ImportLocation where = repo.prepare(ada(), List.of(a.toString(), b.toString()), OptionalInt.of(0));
        ProgressListener failingOnTheSecond = (step, done, total) -> {
            if (done > 5000) {
                throw new StorageException("simulated store failure");
            }
        };
        assertThrows(StorageException.class, () -> repo.transfer(where, List.of(a, b), TransferMode.MOVE,
                ChecksumAlgorithm.SHA1_160, failingOnTheSecond));
        assertArrayEquals(content, Files.readAllBytes(a));
        assertTrue(Files.exists(b));
        assertEquals(List.of(), repo.list(where.templateDirectory().path()));
    }

    @Test
    void removeOriginalsNamesWhatItCouldNotRemove() throws Exception {
        Path a = file("a.tif", 10, 17);
        Path dir = file("full/x.tif", 10, 18).getParent(); // a non-empty directory cannot be deleted
        assertEquals(List.of(dir), repo.removeOriginals(List.of(a, dir)));
        assertFalse(Files.exists(a));
        assertTrue(Files.exists(dir));
    }

    @Test
    void inPlaceOnlyRegistersTheFile() throws Exception {
        Path a = file("a.tif", 5000, 6);
        StoredFile f = importFiles(TransferMode.IN_PLACE, a).get(0);
        assertFalse(store.exists(f.key()));
        assertTrue(Files.exists(a));
        assertEquals(Optional.of(a.toAbsolutePath()), f.external());
        assertEquals(ChecksumSink.checksum(ChecksumAlgorithm.SHA1_160, Files.readAllBytes(a)), f.checksum());
    }

    @Test
    void aFailureMidImportRemovesWhatWasPlaced() throws Exception {
        Path a = file("a.tif", 5000, 7);
        Path missing = tmp.resolve("client/gone.tif");
        ImportLocation where = repo.prepare(ada(), List.of(a.toString(), missing.toString()), OptionalInt.of(0));
        assertThrows(ValidationException.class, () -> repo.transfer(where, List.of(a, missing), TransferMode.COPY,
                ChecksumAlgorithm.SHA1_160, ProgressListener.NONE));
        assertEquals(List.of(), repo.list(where.templateDirectory().path()));

        Files.writeString(missing, "back");
        Path unreadable = file("locked.tif", 10, 8);
        ImportLocation where2 = repo.prepare(ada(), List.of(a.toString(), unreadable.toString()), OptionalInt.of(0));
        ProgressListener failing = (step, done, total) -> {
            if (done > 5005) {
                throw new StorageException("simulated store failure");
            }
        };
        assertThrows(StorageException.class, () -> repo.transfer(where2, List.of(a, unreadable), TransferMode.COPY,
                ChecksumAlgorithm.SHA1_160, failing));
        assertEquals(List.of(), repo.list(where2.templateDirectory().path()));
        assertFalse(store.hasUnfinishedWrites());
    }

    @Test
    void hostileClientPathsStayInsideTheTemplateDirectory() throws Exception {
        Path a = file("a.tif", 10, 9);
        for (String hostile : List.of("/etc/passwd", "C:\\Windows\\win.ini", "x/CON", "x/\u0000evil",
                "x/..../y")) {
            ImportLocation where = repo.prepare(ada(), List.of(hostile), OptionalInt.of(0));
            String key = repo.transfer(where, List.of(a), TransferMode.COPY, ChecksumAlgorithm.MD5_128,
                    ProgressListener.NONE).get(0).key();
            assertTrue(key.startsWith(where.templateDirectory().path() + "/"), hostile + " -> " + key);
            assertTrue(store.pathOf(key).normalize().startsWith(store.root()), key);
        }
        for (String climbing : List.of("../../../etc/passwd", "C:\\..\\..\\Windows\\win.ini", "a/../..")) {
            assertThrows(ValidationException.class, () -> repo.prepare(ada(), List.of(climbing), OptionalInt.of(0)),
                    climbing);
        }
    }

    @Test
    void nobodyWritesIntoAnotherUsersDirectory() throws Exception {
        Path a = file("a.tif", 10, 10);
        StoredFile adas = importFiles(TransferMode.COPY, a).get(0);
        SecurityViolation e = assertThrows(SecurityViolation.class,
                () -> repo.checkWritable(5, adas.directory() + "intruder.tif"));
        assertTrue(e.getMessage().contains("another user"), e.getMessage());
        assertThrows(SecurityViolation.class, () -> repo.checkWritable(2, "ada_2/direct.tif"));
        repo.checkWritable(2, adas.directory() + "more.tif");
    }

    @Test
    void readOnlyRepositoryRefusesImportsWhileReadsContinue() throws Exception {
        Path a = file("a.tif", 10, 11);
        StoredFile f = importFiles(TransferMode.COPY, a).get(0);
        ManagedRepository ro = ManagedRepository.open(OmeroConfig.defaults()
                .with(ConfigKeys.CLUSTER_READ_ONLY_REPO, "true"), store);
        assertThrows(ReadOnlyException.class, () -> ro.prepare(ada(), List.of(a.toString()), OptionalInt.of(0)));
        assertArrayEquals(Files.readAllBytes(a), ro.store().read(f.key()));
    }

    @Test
    void objectStoresFallBackWhereTheyCannotLink() throws Exception {
        ManagedRepository mem = ManagedRepository.open(OmeroConfig.defaults(), new MemoryBinaryStore());
        Path a = file("a.tif", 100, 12);
        ImportLocation w = mem.prepare(ada(), List.of(a.toString()), OptionalInt.of(0));
        assertEquals(TransferMode.COPY, mem.transfer(w, List.of(a), TransferMode.HARD_LINK,
                ChecksumAlgorithm.SHA1_160, ProgressListener.NONE).get(0).mode());
        ImportLocation w2 = mem.prepare(ada(), List.of(a.toString()), OptionalInt.of(0));
        ValidationException e = assertThrows(ValidationException.class, () -> mem.transfer(w2, List.of(a),
                TransferMode.SYMBOLIC_LINK, ChecksumAlgorithm.SHA1_160, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("SYMBOLIC_LINK"), e.getMessage());
        assertTrue(e.getMessage().contains(mem.store().describe()), e.getMessage());
    }

    @Test
    void aHostsOwnStoreOffersTheLocalTransfersItDeclares() throws Exception {
        // not a FileSystemBinaryStore: what counts is the capability the store declares
        ManagedRepository host = ManagedRepository.open(OmeroConfig.defaults(),
                new org.omerosdk.model.store.ForwardingBinaryStore(store) { });
        Path a = file("a.tif", 5000, 13);
        ImportLocation w = host.prepare(ada(), List.of(a.toString()), OptionalInt.of(0));
        StoredFile f = host.transfer(w, List.of(a), TransferMode.HARD_LINK, ChecksumAlgorithm.SHA1_160,
                ProgressListener.NONE).get(0);
        assertEquals(TransferMode.HARD_LINK, f.mode());
        assertEquals(Files.getAttribute(a, "unix:ino"), Files.getAttribute(store.pathOf(f.key()), "unix:ino"));
    }

    @Test
    void aStoreAskedForATransferItDoesNotOfferRefusesNamingIt() throws Exception {
        Path a = file("a.tif", 10, 14);
        ValidationException e = assertThrows(ValidationException.class,
                () -> new MemoryBinaryStore().transferIn(org.omerosdk.model.store.LocalTransfer.MOVE, a, "x"));
        assertTrue(e.getMessage().contains("MOVE"), e.getMessage());
        assertTrue(Files.exists(a));
    }

    @Test
    void progressIsReportedInBytes() throws Exception {
        Path a = file("big.tif", 3_000_000, 13);
        List<Long> seen = new ArrayList<>();
        ImportLocation where = repo.prepare(ada(), List.of(a.toString()), OptionalInt.of(0));
        repo.transfer(where, List.of(a), TransferMode.COPY, ChecksumAlgorithm.SHA1_160,
                (step, done, total) -> {
                    assertEquals(3_000_000, total);
                    seen.add(done);
                });
        assertEquals(3_000_000L, seen.get(seen.size() - 1));
        assertTrue(seen.size() >= 3);
    }

    @Test
    void aClientFileNamedLikeTheDirectoryMarkerCannotReplaceIt() throws Exception {
        Path marker = file("exp/.omero-dir", 100, 7);
        Path pixels = file("exp/.omero-pixels", 100, 8);
        Path a = file("exp/a.tif", 100, 9);
        List<StoredFile> stored = importFiles(TransferMode.COPY, a, marker, pixels);
        String dir = "ada_2/2026-11/24/14-30-05.123";
        assertEquals(dir + "/_.omero-dir", stored.get(1).key());
        assertEquals(dir + "/_.omero-pixels", stored.get(2).key());
        // the directory still belongs to ada (2) and lists all three files
        assertEquals("owner=2", new String(store.read(dir + "/.omero-dir"), java.nio.charset.StandardCharsets.UTF_8)
                .trim());
        assertEquals(List.of(dir + "/_.omero-dir", dir + "/_.omero-pixels", dir + "/a.tif"),
                repo.list(dir + "/").stream().sorted().toList());
        assertArrayEquals(Files.readAllBytes(marker), store.read(stored.get(1).key()));
    }

    @Test
    void anotherUsersMarkerNameInAClientPathsDirectoryCannotTakeOverTheDirectory() throws Exception {
        Path inner = file("exp/.omero-dir/x.tif", 100, 10);
        Path b = file("exp/b.tif", 100, 11);
        List<StoredFile> stored = importFiles(TransferMode.COPY, b, inner);
        assertTrue(stored.get(1).key().endsWith("/_.omero-dir/x.tif"), stored.get(1).key());
        assertThrows(SecurityViolation.class, () -> repo.checkWritable(3, stored.get(1).key()));
    }
}
