package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.fs.Fileset;
import org.omerosdk.model.fs.OriginalFile;
import org.omerosdk.repo.store.FileSystemBinaryStore;
import org.omerosdk.repo.store.WriterIds;

/**
 * A JVM killed mid-import (a real one: a child JVM halts itself at a chosen step) leaves unfinished writes and
 * files no row records; the next open removes exactly those, and never a file the database records, even when
 * the journal of a committed import survived.
 */
class InterruptedImportTest {
    @TempDir
    Path dir;

    /**
     * The child JVM: imports {@code args[1]} into the repository in {@code args[0]}, halting at a step; settings
     * {@code key=value} may follow.
     */
    public static final class Child {
        public static void main(String[] args) {
            Path data = Path.of(args[0]);
            String haltStep = args[2];
            double fraction = Double.parseDouble(args[3]);
            String[] settings = java.util.Arrays.copyOfRange(args, 4, args.length);
            try (OmeroSdk sdk = configured(OmeroSdk.builder(), settings).dataDirectory(data)
                    .passwordHashIterations(1000).open()) {
                sdk.rootSession().imports().importFiles(List.of(Path.of(args[1])), ImportOptions.threads(1),
                        ImportOptions.listener(new ImportListener() {
                            @Override
                            public void progress(ImportProgress p) {
                                if (p.step().equals(haltStep) && p.done() >= fraction * Math.max(1, p.total())) {
                                    Runtime.getRuntime().halt(137); // as kill -9: no shutdown hook, no cleanup
                                }
                            }
                        }));
            }
            System.exit(0); // the halt never came: the test fails on the exit code
        }
    }

    static OmeroSdk.Builder configured(OmeroSdk.Builder b, String... settings) {
        for (String kv : settings) {
            String[] p = kv.split("=", 2);
            b.set(ConfigKeys.byName(p[0]).orElseThrow(), p[1]);
        }
        return b;
    }

    private void runChild(Path data, Path file, String step, double fraction, String... settings) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new java.util.ArrayList<>(List.of(java.toString(), "-cp",
                System.getProperty("java.class.path"), Child.class.getName(), data.toString(), file.toString(), step,
                Double.toString(fraction)));
        command.addAll(List.of(settings));
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child JVM did not finish");
        assertEquals(137, p.exitValue(), () -> "the child JVM was to halt at " + step + ": "
                + readQuietly(dir.resolve("child.log")));
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private static OmeroSdk open(Path data) {
        return OmeroSdk.builder().dataDirectory(data).passwordHashIterations(1000).open();
    }

    private static List<String> parts(Path managed) throws Exception {
        try (Stream<Path> s = Files.list(managed.resolve(FileSystemBinaryStore.STAGING))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".part")).toList();
        }
    }

    private static List<String> filesEndingWith(Path managed, String name) throws Exception {
        try (Stream<Path> s = Files.walk(managed)) {
            return s.filter(Files::isRegularFile).map(p -> managed.relativize(p).toString().replace('\\', '/'))
                    .filter(k -> k.endsWith(name)).toList();
        }
    }

    private static List<String> recordedKeys(OmeroSdk sdk) {
        return sdk.store().read(Bootstrap.SYSTEM_CONTEXT, q -> q.list(Select.from(OriginalFile.class))).stream()
                .map(f -> f.path() + f.name()).toList();
    }

    @Test
    void theNextOpenRemovesWhatAKilledImportLeftAndKeepsEveryRecordedFile() throws Exception {
        Path data = dir.resolve("data");
        Path in = Files.createDirectories(dir.resolve("in"));
        Path kept = ImportBatchTest.tiff(in, "kept.ome.tif", 64, 48);
        Path placed = ImportBatchTest.tiff(in, "placed.ome.tif", 64, 48);
        Path partial = ImportBatchTest.tiff(in, "partial.ome.tif", 2048, 2048);
        List<String> recorded;
        String prefix;
        Path managed;
        try (OmeroSdk sdk = open(data)) {
            assertTrue(sdk.rootSession().imports().importFiles(List.of(kept)).ok());
            recorded = recordedKeys(sdk);
            prefix = sdk.store().read(Bootstrap.SYSTEM_CONTEXT, q -> q.list(Select.from(Fileset.class))).get(0)
                    .templatePrefix();
            managed = Path.of(sdk.config().get(ConfigKeys.MANAGED_DIR));
        }
        // killed once its file is in place but before anything is recorded
        runChild(data, placed, "thumbnail", 0);
        List<String> leftBehind = filesEndingWith(managed, "placed.ome.tif");
        assertEquals(1, leftBehind.size(), "the first child placed its file");
        // killed in the middle of a copy; its own open already cleaned after the first child
        runChild(data, partial, "transfer", 0.5);
        assertFalse(parts(managed).isEmpty(), "the killed copy left its unfinished write");
        assertEquals(List.of(), filesEndingWith(managed, "placed.ome.tif"), "the second open removed it");
        // and a committed import whose journal survived (its JVM died between commit and clean-up)
        String deadWriter = WriterIds.current().split("\\.")[0] + ".999999999.1";
        Path journal = managed.resolve(ImportJournal.JOURNALS + deadWriter + "_stale");
        Files.createDirectories(journal.getParent());
        Files.writeString(journal, prefix + "\n1", StandardCharsets.UTF_8);

        try (OmeroSdk sdk = open(data)) {
            assertEquals(List.of(), parts(managed), "unfinished writes of the dead JVMs are gone");
            assertEquals(List.of(), filesEndingWith(managed, "partial.ome.tif"), "nothing of the partial copy");
            assertEquals(List.of(), sdk.repository().store().list(ImportJournal.JOURNALS), "journals are done");
            assertEquals(1L, (long) sdk.store().read(Bootstrap.SYSTEM_CONTEXT,
                    q -> q.count(Select.from(Fileset.class))));
            for (String k : recorded) {
                assertTrue(sdk.repository().store().exists(k), "recorded file kept: " + k);
            }
            assertArrayEquals(Files.readAllBytes(kept), sdk.repository().store().read(recorded.stream()
                    .filter(k -> k.endsWith("kept.ome.tif")).findFirst().orElseThrow()));
            // the import's own thumbnail and companion stay too: the fileset is recorded
            assertTrue(sdk.repository().store().list(prefix + FilesetImport.DERIVED).size() >= 1);
            // and the repository works on
            assertTrue(sdk.rootSession().imports().importFiles(List.of(placed)).ok());
        }
    }

    /** Every file below {@code managed} whose key has {@code part} in it, with a digest of its bytes. */
    private static java.util.Map<String, String> filesWith(Path managed, String part) throws Exception {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        try (Stream<Path> s = Files.walk(managed)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String k = managed.relativize(p).toString().replace('\\', '/');
                if (k.contains(part)) {
                    out.put(k, java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(Files.readAllBytes(p))));
                }
            }
        }
        return out;
    }

    @Test
    void theNextOpenKeepsACommittedImportsPyramidChunksAndRemovesThoseOfAKilledOne() throws Exception {
        // planes above 256 x 256 get a pyramid: 1024 x 1024 has levels 0 (1024), 1 (512) and 2 (256)
        String[] settings = {ConfigKeys.PIXELDATA_MAX_PLANE_WIDTH.name() + "=256",
                ConfigKeys.PIXELDATA_MAX_PLANE_HEIGHT.name() + "=256"};
        Path data = dir.resolve("pyramids");
        Path in = Files.createDirectories(dir.resolve("large"));
        Path committed = ImportBatchTest.tiff(in, "committed.ome.tif", 1024, 1024);
        Path killed = ImportBatchTest.tiff(in, "killed.ome.tif", 1024, 1024);
        Path managed;
        String prefix;
        java.util.Map<String, String> committedChunks;
        try (OmeroSdk sdk = configured(OmeroSdk.builder(), settings).dataDirectory(data)
                .passwordHashIterations(1000).open()) {
            assertTrue(sdk.rootSession().imports().importFiles(List.of(committed)).ok());
            prefix = sdk.store().read(Bootstrap.SYSTEM_CONTEXT, q -> q.list(Select.from(Fileset.class))).get(0)
                    .templatePrefix();
            managed = Path.of(sdk.config().get(ConfigKeys.MANAGED_DIR));
        }
        committedChunks = filesWith(managed, prefix + FilesetImport.DERIVED);
        assertTrue(committedChunks.keySet().stream().anyMatch(k -> k.contains(".zarr/1/")),
                "the committed import built a pyramid of several levels: " + committedChunks.keySet());
        // the committed import's journal survived (its JVM died between the commit and the clean-up)
        String deadWriter = WriterIds.current().split("\\.")[0] + ".999999998.1";
        Path journal = managed.resolve(ImportJournal.JOURNALS + deadWriter + "_committed");
        Files.createDirectories(journal.getParent());
        Files.writeString(journal, prefix + "\n1", StandardCharsets.UTF_8);
        // another import killed while its pyramid's second level is being written (putBatched, in place)
        runChild(data, killed, "level 1", 0, settings);
        java.util.Map<String, String> killedChunks = filesWith(managed, ".zarr/");
        committedChunks.keySet().forEach(killedChunks::remove);
        assertTrue(killedChunks.keySet().stream().anyMatch(k -> k.contains(".zarr/0/")),
                "the killed import left chunks of its first level: " + killedChunks.keySet());

        try (OmeroSdk sdk = configured(OmeroSdk.builder(), settings).dataDirectory(data)
                .passwordHashIterations(1000).open()) {
            assertEquals(committedChunks, filesWith(managed, prefix + FilesetImport.DERIVED),
                    "every chunk of the committed import is kept, byte for byte");
            for (String k : killedChunks.keySet()) {
                assertFalse(Files.exists(managed.resolve(k)), "the killed import's chunk is removed: " + k);
            }
            assertEquals(List.of(), sdk.repository().store().list(ImportJournal.JOURNALS), "journals are done");
            assertEquals(List.of(), filesEndingWith(managed, "killed.ome.tif"), "nor is its copied file left");
            // the committed image still renders from its pyramid
            assertEquals(1, sdk.rootSession().images().list(Listing.all()).size());
        }
    }

    @Test
    void aLiveWritersUnfinishedWriteIsNeverRemoved() throws Exception {
        Path data = dir.resolve("live");
        Path managed;
        try (OmeroSdk sdk = open(data)) {
            sdk.rootSession().imports();
            managed = Path.of(sdk.config().get(ConfigKeys.MANAGED_DIR));
        }
        Files.createDirectories(managed.resolve(FileSystemBinaryStore.STAGING));
        Path mine = managed.resolve(FileSystemBinaryStore.STAGING).resolve(WriterIds.current() + "_x.part");
        Path unnamedRecent = managed.resolve(FileSystemBinaryStore.STAGING).resolve("0000-recent.part");
        Path unnamedOld = managed.resolve(FileSystemBinaryStore.STAGING).resolve("0000-old.part");
        for (Path p : List.of(mine, unnamedRecent, unnamedOld)) {
            Files.write(p, new byte[10]);
        }
        Files.setLastModifiedTime(unnamedOld, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(WriterIds.FOREIGN_GRACE).minusSeconds(60)));
        try (OmeroSdk sdk = open(data)) {
            assertTrue(Files.exists(mine), "this JVM is alive");
            assertTrue(Files.exists(unnamedRecent), "a recent write of an unknown writer may be alive");
            assertFalse(Files.exists(unnamedOld), "an unknown writer's write older than the grace is abandoned");
        }
    }
}
