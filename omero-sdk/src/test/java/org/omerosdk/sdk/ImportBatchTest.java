package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.CancelledException;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.SecurityViolation;
import org.omerosdk.model.StorageException;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.fs.Fileset;
import org.omerosdk.model.meta.Experimenter;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.model.store.BinaryStore;
import org.omerosdk.model.store.ForwardingBinaryStore;
import org.omerosdk.model.store.StoreWriter;
import org.omerosdk.render.InMemoryPixelSource;
import org.omerosdk.render.PixelSource;
import org.omerosdk.render.pyramid.OmeTiffExporter;
import org.omerosdk.repo.store.FileSystemBinaryStore;

/** Batches, targets, import-as, cancellation, pyramids on import and atomicity under injected faults. */
class ImportBatchTest {
    @TempDir
    Path dir;

    /** A 2-channel uint16 OME-TIFF of {@code w x h} whose value at (x, y, c) is {@code (x + y + 1000 c) % 4096}. */
    static Path tiff(Path dir, String name, int w, int h) {
        InMemoryPixelSource.Builder b = InMemoryPixelSource.builder(PixelType.UINT16, w, h).sizeC(2);
        for (int c = 0; c < 2; c++) {
            ByteBuffer plane = ByteBuffer.allocate(w * h * 2).order(ByteOrder.LITTLE_ENDIAN);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    plane.putShort((short) ((x + y + 1000 * c) % 4096));
                }
            }
            b.plane(0, 0, c, 0, plane.array());
        }
        Path file = dir.resolve(name);
        OmeTiffExporter.standard().write(b.build(), name, file);
        return file;
    }

    private OmeroSdk open(OmeroSdk.Builder b) {
        return b.dataDirectory(dir.resolve("data")).passwordHashIterations(1000).open();
    }

    private static long filesets(OmeroSdk sdk) {
        return sdk.store().read(Bootstrap.SYSTEM_CONTEXT, q -> q.count(Select.from(Fileset.class)));
    }

    private static Set<String> keys(OmeroSdk sdk) {
        return Set.copyOf(sdk.repository().store().list(""));
    }

    @Test
    void imagesGoToANewDatasetCreatedOnceForTheWholeBatch() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        List<Path> files = List.of(tiff(in, "a.ome.tif", 64, 48), tiff(in, "b.ome.tif", 64, 48),
                tiff(in, "c.ome.tif", 64, 48));
        try (OmeroSdk sdk = open(OmeroSdk.builder())) {
            Session root = sdk.rootSession();
            ExperimenterGroup lab = root.admin().createGroup("lab", Permissions.Level.READ_ANNOTATE);
            root.admin().createUser("ada", "Ada", "Lovelace", lab);
            try (Session ada = root.sudo("ada")) {
                List<ImportProgress> steps = java.util.Collections.synchronizedList(new ArrayList<>());
                ImportResult r = ada.imports().importFiles(files, ImportOptions.newDataset("run 1"),
                        ImportOptions.listener(new ImportListener() {
                            @Override
                            public void progress(ImportProgress p) {
                                steps.add(p);
                            }
                        }));
                assertTrue(r.ok(), r.failures().toString());
                List<Dataset> datasets = ada.containers().datasets(Listing.all());
                assertEquals(1, datasets.size());
                assertEquals("run 1", datasets.get(0).name());
                assertEquals(3, ada.containers().countImages(datasets.get(0)));
                assertTrue(steps.stream().anyMatch(p -> p.step().equals("transfer")), "bytes reported");
                assertTrue(steps.stream().anyMatch(p -> p.step().equals("statistics")), "statistics reported");
                assertEquals(r.reports().stream().mapToLong(ImportReport::bytes).sum(),
                        steps.stream().mapToLong(ImportProgress::batchBytesDone).max().orElse(0));
            }
        }
    }

    @Test
    void aPlaneAboveTheMaximumSizeGetsAPyramidThatPixelsServes() throws IOException {
        Path file = tiff(Files.createDirectories(dir.resolve("in")), "big.ome.tif", 300, 200);
        try (OmeroSdk sdk = open(OmeroSdk.builder().set(ConfigKeys.PIXELDATA_MAX_PLANE_WIDTH, "100")
                .set(ConfigKeys.PIXELDATA_MAX_PLANE_HEIGHT, "100").set(ConfigKeys.PIXELDATA_TILE_WIDTH, "64")
                .set(ConfigKeys.PIXELDATA_TILE_HEIGHT, "64"))) {
            Session root = sdk.rootSession();
            ImportResult r = root.imports().importFiles(List.of(file));
            assertTrue(r.ok(), r.failures().toString());
            Image image = r.images().get(0);
            try (PixelSource px = root.images().pixels(image)) {
                assertTrue(px.levelCount() > 1, "levels: " + px.levelCount());
                ByteBuffer b = ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN);
                px.readRegion(0, 0, 1, 0, 299, 199, 1, 1, b);
                assertEquals((299 + 199 + 1000) % 4096, b.getShort(0) & 0xFFFF);
            }
            // the statistics came from the pyramid's read: window = channel 1's min..max
            var settings = root.renderings().load(image).orElseThrow();
            assertEquals(1000, settings.channels().get(1).windowStart());
            assertEquals(1000 + 299 + 199, settings.channels().get(1).windowEnd());
        }
    }

    @Test
    void aGroupOwnerImportsForAMemberWhoOwnsTheDataAndItsDirectory() throws IOException {
        Path file = tiff(Files.createDirectories(dir.resolve("in")), "a.ome.tif", 32, 32);
        try (OmeroSdk sdk = open(OmeroSdk.builder())) {
            Session root = sdk.rootSession();
            ExperimenterGroup lab = root.admin().createGroup("lab", Permissions.Level.READ_ONLY);
            Experimenter ada = root.admin().createUser("ada", "Ada", "Lovelace", lab);
            Experimenter bob = root.admin().createUser("bob", "Bob", "Hooke", lab);
            root.admin().addToGroup(ada, lab, true);
            try (Session asAda = root.sudo("ada"); Session asBob = root.sudo("bob")) {
                ImportResult r = asAda.imports().importFiles(List.of(file), ImportOptions.as("bob"));
                assertTrue(r.ok(), r.failures().toString());
                Image image = r.images().get(0);
                assertEquals(bob.id(), image.details().ownerId().orElseThrow());
                assertTrue(r.reports().get(0).files().get(0).key().startsWith("bob_" + bob.id() + "/"),
                        r.reports().get(0).files().get(0).key());
                assertThrows(SecurityViolation.class, () -> asBob.imports().importFiles(List.of(file),
                        ImportOptions.as("ada")), "a member may not import for the group's owner");
            }
        }
    }

    @Test
    void aStoreFailingMidWriteLeavesNothingAndTheOtherFilesetsGoOn() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path good = tiff(in, "good.ome.tif", 64, 64);
        Path doomed = tiff(in, "doomed.ome.tif", 64, 64);
        BinaryStore disk = new FileSystemBinaryStore(dir.resolve("repo"));
        BinaryStore failing = new ForwardingBinaryStore(disk) {
            @Override
            public StoreWriter writer(String key) {
                if (key.endsWith("doomed.ome.tif")) {
                    throw new StorageException("injected: the disk failed writing " + key);
                }
                return super.writer(key);
            }
        };
        try (OmeroSdk sdk = open(OmeroSdk.builder().binaryStore(failing))) {
            Session root = sdk.rootSession();
            ImportResult r = root.imports().importFiles(List.of(good, doomed), ImportOptions.threads(1));
            assertTrue(r.reports().get(0).ok());
            assertFalse(r.reports().get(1).ok());
            assertTrue(r.reports().get(1).error().get().getMessage().contains("injected"));
            assertEquals(1, filesets(sdk));
            String goodDir = r.reports().get(0).fileset().get().templatePrefix();
            for (String k : keys(sdk)) {
                assertTrue(k.startsWith(goodDir) || !k.contains("/") || !k.endsWith(".ome.tif"),
                        "only the good fileset's files remain: " + k);
                assertFalse(k.contains("doomed"), k);
            }
        }
    }

    @Test
    void aDatabaseFailureAtCommitRemovesThePlacedFiles() throws IOException {
        Path file = tiff(Files.createDirectories(dir.resolve("in")), "a.ome.tif", 32, 32);
        try (OmeroSdk sdk = open(OmeroSdk.builder())) {
            Session root = sdk.rootSession();
            Set<String> before = keys(sdk);
            // a dataset deleted by another session between the check and the commit: the link's insert fails
            Dataset gone = root.containers().createDataset("gone");
            AtomicBoolean deleted = new AtomicBoolean();
            ImportResult r = root.imports().importFiles(List.of(file), ImportOptions.target(gone),
                    ImportOptions.listener(new ImportListener() {
                        @Override
                        public void progress(ImportProgress p) {
                            if (p.step().equals("thumbnail") && deleted.compareAndSet(false, true)) {
                                root.containers().delete(gone);
                            }
                        }
                    }));
            assertFalse(r.ok());
            assertEquals(0, filesets(sdk));
            Set<String> after = new HashSet<>(keys(sdk));
            after.removeAll(before);
            assertTrue(after.stream().allMatch(k -> k.endsWith(".omero-dir") && !k.contains("a.ome.tif")),
                    "nothing but parent directories left: " + after);
        }
    }

    @Test
    void aCancelledBatchImportsNothingMore() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            files.add(tiff(in, "f" + i + ".ome.tif", 64, 64));
        }
        try (OmeroSdk sdk = open(OmeroSdk.builder())) {
            Session root = sdk.rootSession();
            CountDownLatch first = new CountDownLatch(1);
            ImportBatch batch = root.imports().start(files, ImportOptions.threads(1),
                    ImportOptions.listener(new ImportListener() {
                        @Override
                        public void finished(ImportReport report) {
                            first.countDown();
                        }
                    }));
            first.await();
            batch.cancel();
            ImportResult r = batch.await();
            assertEquals(6, r.reports().size());
            long ok = r.reports().stream().filter(ImportReport::ok).count();
            assertTrue(ok >= 1 && ok < 6, "imported before the cancel only: " + ok);
            assertTrue(r.failures().stream().allMatch(f -> f.error().get() instanceof CancelledException));
            assertEquals(ok, filesets(sdk));
        }
    }

    @Test
    void sixteenConcurrentImportsIntoOneDatasetGetDistinctDirectories() throws Exception {
        Path file = tiff(Files.createDirectories(dir.resolve("in")), "same.ome.tif", 32, 32);
        try (OmeroSdk sdk = open(OmeroSdk.builder())) {
            Session root = sdk.rootSession();
            Dataset d = root.containers().createDataset("together");
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<ImportResult>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> root.imports().importFiles(List.of(file), ImportOptions.target(d))));
            }
            Set<String> dirs = new HashSet<>();
            for (Future<ImportResult> f : results) {
                ImportResult r = f.get();
                assertTrue(r.ok(), r.failures().toString());
                dirs.add(r.reports().get(0).fileset().get().templatePrefix());
            }
            pool.shutdown();
            assertEquals(16, dirs.size());
            assertEquals(16, root.containers().countImages(d));
        }
    }

    @Test
    void platePixelsFollowTheBinaryAccessPolicy() {
        Path plate = ImportPipelineTest.TESTDATA.resolve("ome__ome-zarr-py/tests/data/bf2raw/plate-rows-2.zarr");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(plate), "no sample plate");
        try (OmeroSdk sdk = open(OmeroSdk.builder())) {
            Session root = sdk.rootSession();
            ImportResult r = root.imports().importFiles(List.of(plate));
            assertTrue(r.ok(), r.failures().toString());
            SecurityViolation refused = assertThrows(SecurityViolation.class,
                    () -> root.images().pixels(r.images().get(0)));
            assertTrue(refused.getMessage().contains("plate"), refused.getMessage());
        }
    }
}
