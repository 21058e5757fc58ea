package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.SecurityViolation;
import org.omerosdk.model.annotations.CommentAnnotation;
import org.omerosdk.model.annotations.ImageAnnotationLink;
import org.omerosdk.model.annotations.TagAnnotation;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.containers.DatasetImageLink;
import org.omerosdk.model.containers.Project;
import org.omerosdk.model.core.Channel;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.core.LogicalChannel;
import org.omerosdk.model.core.Pixels;
import org.omerosdk.model.display.ChannelBinding;
import org.omerosdk.model.display.QuantumDef;
import org.omerosdk.model.display.RenderingDef;
import org.omerosdk.model.display.Thumbnail;
import org.omerosdk.model.fs.Fileset;
import org.omerosdk.model.fs.FilesetEntry;
import org.omerosdk.model.fs.OriginalFile;
import org.omerosdk.model.meta.Experimenter;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.model.meta.Link;
import org.omerosdk.model.roi.Roi;
import org.omerosdk.model.roi.Shape;
import org.omerosdk.model.screen.Plate;
import org.omerosdk.model.screen.Screen;
import org.omerosdk.sdk.graph.GraphOptions;
import org.omerosdk.sdk.graph.GraphRefusedException;
import org.omerosdk.sdk.graph.GraphReport;
import org.omerosdk.sdk.graph.GraphRequest;

/** Delete through the graph engine (semantics section 3 and the conformance cases of section 9), per database. */
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
abstract class GraphDeleteContract {
    private static final java.util.concurrent.atomic.AtomicInteger RUN = new java.util.concurrent.atomic.AtomicInteger();
    @TempDir
    static Path dir;
    OmeroSdk sdk;
    Session root;
    ExperimenterGroup lab;
    ExperimenterGroup rw;
    Session ada;
    Session bob;
    String suffix;

    abstract DatabaseTarget target();

    /** One SDK per class (opening one costs seconds); each test gets its own groups and users. */
    @org.junit.jupiter.api.BeforeAll
    void open() {
        sdk = target().configure(OmeroSdk.builder().passwordHashIterations(1000).rootPassword("r".toCharArray())
                .set(org.omerosdk.model.config.ConfigKeys.MANAGED_DIR, dir.resolve("managed").toString()), dir)
                .open();
        root = sdk.rootSession();
    }

    @BeforeEach
    void users() {
        suffix = Integer.toString(RUN.incrementAndGet());
        lab = root.admin().createGroup("lab" + suffix, Permissions.Level.READ_ANNOTATE);
        rw = root.admin().createGroup("rw" + suffix, Permissions.Level.READ_WRITE);
        root.admin().createUser(u("ada"), "Ada", "L", lab, rw);
        root.admin().createUser(u("bob"), "Bob", "H", lab, rw);
        ada = root.sudo(u("ada")).withGroup(lab);
        bob = root.sudo(u("bob")).withGroup(lab);
    }

    /** Rows of {@code type} in this test's groups. */
    long count(Class<?> type) {
        return sdk.store().read(Bootstrap.SYSTEM_CONTEXT, q -> q.count(Select.from(type).where(
                "o.details.groupId in (" + lab.id() + ", " + rw.id() + ") and 1 = :v", 1).page(0, Integer.MAX_VALUE)));
    }

    String u(String name) {
        return name + suffix;
    }

    @org.junit.jupiter.api.AfterAll
    void close() {
        sdk.close();
    }

    @Test
    void deletingAnImageRemovesPixelsChannelsSettingsThumbnailsRoisAndItsComment() {
        Image i = GraphFixture.fullImage(ada, "full");
        assertTrue(sdk.repository().store().exists("Thumbnails/full.jpg"));
        GraphReport r = ada.graphs().delete(i);
        for (Class<? extends org.omerosdk.model.meta.IObject> t : List.of(Image.class, Pixels.class, Channel.class,
                LogicalChannel.class, RenderingDef.class, ChannelBinding.class, QuantumDef.class, Thumbnail.class,
                Roi.class, Shape.class, CommentAnnotation.class, ImageAnnotationLink.class)) {
            assertEquals(0, count(t), t.getSimpleName() + " left behind");
        }
        assertEquals(Set.of(i.id()), r.included("Image"));
        assertEquals(2, r.included("Channel").size());
        assertEquals(2, r.included("Rectangle").size());
        assertEquals(1, r.linksRemoved().get("ImageAnnotationLink").size());
        assertFalse(sdk.repository().store().exists("Thumbnails/full.jpg"), "the thumbnail's file leaves the store");
    }

    @Test
    void containersDeleteOfAnImageWorks() {
        Image i = GraphFixture.image(ada, "plain");
        ada.containers().delete(i);
        assertFalse(GraphFixture.exists(sdk, i));
    }

    @Test
    void anImageInTwoDatasetsSurvivesDeletingOneButNotADirectDelete() {
        Dataset a = ada.containers().createDataset("a");
        Dataset b = ada.containers().createDataset("b");
        Image i = GraphFixture.imageIn(ada, a, "shared");
        ada.containers().link(b, i);
        GraphReport r = ada.graphs().delete(a);
        assertTrue(GraphFixture.exists(sdk, i), "still in b");
        assertEquals(Set.of(a.id()), r.included("Dataset"));
        assertTrue(r.included("Image").isEmpty());
        assertEquals(Set.of(i.id()), r.notIncluded().get("Image"));
        ada.graphs().delete(i);
        assertFalse(GraphFixture.exists(sdk, i));
        assertEquals(0, ada.containers().countImages(b));
    }

    @Test
    void deletingADatasetDeletesItsOrphanedImagesWithServerDefaultsButNotWithKeepChildren() {
        Dataset a = ada.containers().createDataset("a");
        Image i = GraphFixture.imageIn(ada, a, "only here");
        ada.graphs().run(GraphRequest.delete(a).withOptions(GraphOptions.keepChildren()));
        assertTrue(GraphFixture.exists(sdk, i));
        Dataset b = ada.containers().createDataset("b");
        ada.containers().link(b, i);
        ada.graphs().delete(b);
        assertFalse(GraphFixture.exists(sdk, i));
    }

    @Test
    void aDatasetWithAnAnnotationAndARoiWithAnAnnotationCanBeDeleted() {
        Dataset d = ada.containers().createDataset("annotated");
        TagAnnotation tag = ada.annotations().createTag("t");
        ada.annotations().attach(d, tag);
        ada.annotations().attach(d, ada.annotations().createComment("c"));
        ada.containers().delete(d);
        assertFalse(GraphFixture.exists(sdk, d));
        assertTrue(GraphFixture.exists(sdk, tag), "containers().delete keeps tags (keepChildren)");
        assertEquals(0, count(CommentAnnotation.class));
        Image i = GraphFixture.image(ada, "with roi");
        Roi roi = ada.rois().draw(i, "r", List.of(new org.omerosdk.model.roi.Point(1, 1)));
        ada.annotations().attach(roi, ada.annotations().createComment("roi comment"));
        ada.rois().delete(roi);
        assertEquals(0, count(Roi.class));
        assertEquals(0, count(CommentAnnotation.class));
    }

    @Test
    void ownedOrphanedTagsGoWithTheirObjectSharedAndOthersTagsStay() {
        Image i = GraphFixture.image(ada, "tagged");
        Image other = GraphFixture.image(ada, "other");
        TagAnnotation own = ada.annotations().createTag("own");
        TagAnnotation shared = ada.annotations().createTag("shared");
        TagAnnotation bobs = bob.annotations().createTag("bob's");
        ada.annotations().attach(i, own);
        ada.annotations().attach(i, shared);
        ada.annotations().attach(other, shared);
        bob.annotations().attach(i, bobs);
        GraphReport r = ada.graphs().delete(i);
        assertFalse(GraphFixture.exists(sdk, own));
        assertTrue(GraphFixture.exists(sdk, shared));
        assertTrue(GraphFixture.exists(sdk, bobs), "another owner's tag is never deleted with my image");
        assertEquals(Set.of(shared.id(), bobs.id()), r.annotationsUnlinked().get("TagAnnotation"));
        assertEquals(3, r.linksRemoved().get("ImageAnnotationLink").size(), "bob's link goes regardless");
    }

    @Test
    void cliPresetKeepsTagsAndWebPresetAsksForThem() {
        Image i = GraphFixture.image(ada, "i");
        TagAnnotation t = ada.annotations().createTag("t");
        ada.annotations().attach(i, t);
        GraphReport cli = ada.graphs().run(GraphRequest.delete(i).withOptions(GraphOptions.likeCli()).asDryRun());
        GraphReport web = ada.graphs().run(GraphRequest.delete(i).withOptions(GraphOptions.likeWeb(true, true))
                .asDryRun());
        assertTrue(cli.included("TagAnnotation").isEmpty());
        assertEquals(Set.of(t.id()), web.included("TagAnnotation"));
    }

    @Test
    void unlinkingDeletesAnOrphanedCommentButNeverATag() {
        Image i = GraphFixture.image(ada, "i");
        CommentAnnotation c = ada.annotations().createComment("c");
        TagAnnotation t = ada.annotations().createTag("t");
        Link<?, ?> cl = ada.annotations().attach(i, c);
        Link<?, ?> tl = ada.annotations().attach(i, t);
        ada.annotations().detach(cl);
        ada.annotations().detach(tl);
        assertFalse(GraphFixture.exists(sdk, c));
        assertTrue(GraphFixture.exists(sdk, t));
        assertTrue(GraphFixture.exists(sdk, i));
    }

    @Test
    void anOwnerDeletesTheirDatasetAfterAnotherMemberLinkedIntoIt() {
        Session adaRw = ada.withGroup(rw);
        Session bobRw = bob.withGroup(rw);
        Dataset d = adaRw.containers().createDataset("ada's");
        Image bobs = GraphFixture.image(bobRw, "bob's");
        bobRw.containers().link(d, bobs);
        GraphReport r = adaRw.graphs().run(GraphRequest.delete(d).withOptions(GraphOptions.keepChildren()));
        assertFalse(GraphFixture.exists(sdk, d));
        assertTrue(GraphFixture.exists(sdk, bobs));
        assertEquals(1, r.linksRemoved().get("DatasetImageLink").size());
        assertEquals(0, count(DatasetImageLink.class));
    }

    @Test
    void aProjectGoesWithItsOrphanedDatasetsAndImages() {
        Project p = ada.containers().createProject("p");
        Dataset d = ada.containers().createDataset(p, "d");
        Image i = GraphFixture.imageIn(ada, d, "i");
        GraphReport r = ada.graphs().delete(p);
        assertEquals(Set.of(d.id()), r.included("Dataset"));
        assertEquals(Set.of(i.id()), r.included("Image"));
        assertFalse(GraphFixture.exists(sdk, i));
    }

    @Test
    void screensPlatesAndWellsAreDeleted() {
        Screen s = ada.containers().createScreen("s");
        Plate p = ada.containers().createPlate("p");
        ada.containers().link(s, p);
        Image field = GraphFixture.image(ada, "field");
        org.omerosdk.model.screen.Well well = ada.write((q, w) -> {
            Plate stored = Containers.load(q, p);
            org.omerosdk.model.screen.Well wl = w.create(new org.omerosdk.model.screen.Well(stored, 0, 0));
            w.create(new org.omerosdk.model.screen.WellSample(wl, Containers.load(q, field)));
            return wl;
        });
        GraphRefusedException e = assertThrows(GraphRefusedException.class, () -> ada.graphs().delete(field));
        assertTrue(e.getMessage().contains("WellSample"), e.getMessage());
        GraphReport r = ada.graphs().delete(s);
        assertEquals(Set.of(p.id()), r.included("Plate"));
        assertEquals(Set.of(well.id()), r.included("Well"));
        assertEquals(Set.of(field.id()), r.included("Image"));
        assertFalse(GraphFixture.exists(sdk, field));
    }

    @Test
    void aFilesetIsDeletedOnlyWhole() {
        List<Image> images = GraphFixture.fileset(ada, Optional.empty(), "lif", 2);
        GraphReport dry = ada.graphs().run(GraphRequest.delete(images.get(0)).asDryRun());
        assertEquals(1, dry.problems().size());
        assertTrue(dry.problems().get(0).contains("within Fileset:"), dry.problems().get(0));
        assertTrue(dry.problems().get(0).contains("Image:" + images.get(1).id()), dry.problems().get(0));
        assertThrows(GraphRefusedException.class, () -> ada.graphs().delete(images.get(0)));
        assertTrue(GraphFixture.exists(sdk, images.get(0)), "nothing changed after a refusal");
        assertTrue(sdk.repository().store().exists("repo/lif/lif.lif"));
        GraphReport r = ada.graphs().delete(images.get(0), images.get(1));
        assertEquals(1, r.included("Fileset").size());
        assertEquals(1, r.included("OriginalFile").size());
        assertEquals(0, count(FilesetEntry.class));
        assertEquals(0, count(Fileset.class));
        assertFalse(sdk.repository().store().exists("repo/lif/lif.lif"), "the original file leaves the store");
    }

    @Test
    void imagesOfASplitFilesetUnderADeletedDatasetSilentlySurvive() {
        Dataset d = ada.containers().createDataset("half");
        List<Image> images = GraphFixture.fileset(ada, Optional.empty(), "split", 2);
        ada.containers().link(d, images.get(0));
        GraphReport r = ada.graphs().delete(d);
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        assertTrue(GraphFixture.exists(sdk, images.get(0)));
    }

    @Test
    void aDryRunChangesNothingAndReportsWhatTheRealRunDoes() {
        Project p = ada.containers().createProject("p");
        Dataset d = ada.containers().createDataset(p, "d");
        Image i = GraphFixture.fullImage(ada, "i");
        ada.containers().link(d, i);
        long events = GraphFixture.count(sdk, org.omerosdk.model.meta.Event.class);
        GraphReport dry = ada.graphs().run(GraphRequest.delete(p).asDryRun());
        assertTrue(dry.dryRun());
        assertTrue(GraphFixture.exists(sdk, i));
        assertEquals(events, GraphFixture.count(sdk, org.omerosdk.model.meta.Event.class), "no event for a dry run");
        GraphReport real = ada.graphs().delete(p);
        assertEquals(dry.asRealRun(), real);
        assertTrue(real.format().contains("Image:" + i.id()), real.format());
    }

    @Test
    void aDeleteIsLoggedOncePerObjectUnderOneEvent() {
        Dataset d = ada.containers().createDataset("logged");
        ada.containers().delete(d);
        List<org.omerosdk.model.meta.EventLog.Action> actions = new java.util.ArrayList<>();
        for (org.omerosdk.model.meta.Event e : ada.events().find(EventFilter.any().touching(d))) {
            ada.events().logs(e).stream().filter(l -> l.entityId() == d.id()).forEach(l -> actions.add(l.action()));
        }
        assertEquals(List.of(org.omerosdk.model.meta.EventLog.Action.INSERT,
                org.omerosdk.model.meta.EventLog.Action.DELETE), actions);
    }

    @Test
    void aMemberMayNotDeleteAColleaguesImageAndNothingChanges() {
        Image i = GraphFixture.fullImage(ada, "ada's");
        SecurityViolation e = assertThrows(SecurityViolation.class, () -> bob.graphs().delete(i));
        assertTrue(e.getMessage().contains("Image:" + i.id()), e.getMessage());
        assertTrue(GraphFixture.exists(sdk, i));
        assertEquals(1, count(Roi.class));
    }

    @Test
    void anOwnerMayNotDeleteAnImageCarryingAColleaguesRoiTheyMayNotDelete() {
        Image i = GraphFixture.image(ada, "ada's");
        bob.rois().draw(i, "bob's", List.of(new org.omerosdk.model.roi.Point(0, 0)));
        GraphRefusedException e = assertThrows(GraphRefusedException.class, () -> ada.graphs().delete(i));
        assertTrue(e.getMessage().contains("Roi:"), e.getMessage());
        assertTrue(GraphFixture.exists(sdk, i));
    }

    @Test
    void anInvisibleTargetAnswersLikeAMissingOne() {
        ExperimenterGroup priv = root.admin().createGroup(u("private"), Permissions.Level.PRIVATE);
        Experimenter carl = root.admin().createUser(u("carl"), "C", "D", priv, lab);
        Image hidden = GraphFixture.image(root.sudo(u("carl")).withGroup(priv), "hidden");
        NotFoundException a = assertThrows(NotFoundException.class, () -> ada.graphs().delete(hidden));
        NotFoundException b = assertThrows(NotFoundException.class,
                () -> ada.graphs().run(GraphRequest.delete(Image.class, 987654321L)));
        assertEquals(a.getMessage().replace(Long.toString(hidden.id()), "N"),
                b.getMessage().replace("987654321", "N"));
        assertTrue(carl.id() > 0);
    }

    @Test
    void aReportNeverNamesObjectsTheCallerMayNotSee() {
        // the private group's owner deletes a member's image; the member's own tag from another group is unseen
        ExperimenterGroup priv = root.admin().createGroup(u("private"), Permissions.Level.PRIVATE);
        root.admin().createUser(u("carl"), "C", "D", priv);
        root.admin().createUser(u("pi"), "P", "I", priv);
        root.admin().addToGroup(root.admin().user(u("pi")), priv, true);
        Session carl = root.sudo(u("carl")).withGroup(priv);
        Image i = GraphFixture.image(carl, "carl's");
        CommentAnnotation c = carl.annotations().createComment("private note");
        carl.annotations().attach(i, c);
        Session pi = root.sudo(u("pi")).withGroup(priv);
        GraphReport r = pi.graphs().run(GraphRequest.delete(i).asDryRun());
        // a group owner sees the member's data in a private group; nothing outside it shows up
        for (var e : r.included().entrySet()) {
            for (long id : e.getValue()) {
                assertTrue(id == i.id() || !e.getKey().equals("Project"), e.toString());
            }
        }
        Session dave = root.sudo(u("bob")).withGroup(lab);
        assertThrows(NotFoundException.class, () -> dave.graphs().run(GraphRequest.delete(i).asDryRun()));
    }

    @Test
    void aCrashBetweenCommitAndFileRemovalIsFinishedByTheNextOpen() {
        sdk.repository().store().put("orphan/file.bin", new byte[] {1});
        sdk.repository().store().put("kept/file.bin", new byte[] {1});
        OriginalFile kept = root.write((q, w) -> w.create(new OriginalFile("kept/", "file.bin")));
        BinaryCleanup.journal(sdk.repository().store(), List.of("orphan/file.bin", "kept/file.bin"));
        assertEquals(1, BinaryCleanup.resume(sdk.store(), sdk.repository().store()));
        assertFalse(sdk.repository().store().exists("orphan/file.bin"));
        assertTrue(sdk.repository().store().exists("kept/file.bin"), "a file still used by a row stays");
        assertEquals(List.of(), sdk.repository().store().list(BinaryCleanup.JOURNALS));
        assertTrue(kept.id() > 0);
    }

    @Test
    void deletingAFilesetRemovesWhatItsImportDerivedAfterTheCommit() {
        List<Image> gone = GraphFixture.fileset(ada, Optional.empty(), "derived", 2);
        List<Image> kept = GraphFixture.fileset(ada, Optional.empty(), "derivedKept", 1);
        var store = sdk.repository().store();
        List<String> derived = List.of("repo/derived/.omero-pixels/0.zarr/0/0.0.0", "repo/derived/.omero-pixels/"
                + "0.thumbnail.jpg", "repo/derived/.omero-pixels/original_metadata.txt");
        derived.forEach(k -> store.put(k, new byte[] {7}));
        store.put("repo/derivedKept/.omero-pixels/0.zarr/0/0.0.0", new byte[] {7});
        ada.graphs().run(GraphRequest.delete(gone.toArray(new Image[0])));
        derived.forEach(k -> assertFalse(store.exists(k), k));
        assertFalse(store.exists("repo/derived/derived.lif"));
        assertTrue(store.exists("repo/derivedKept/.omero-pixels/0.zarr/0/0.0.0"), "another fileset's pyramid stays");
        assertTrue(store.exists("repo/derivedKept/derivedKept.lif"));
        assertTrue(GraphFixture.exists(sdk, kept.get(0)));
        assertEquals(List.of(), store.list(BinaryCleanup.JOURNALS));
    }

    @Test
    void aJournalNamingALiveFilesetsDerivedFilesLeavesThem() {
        GraphFixture.fileset(ada, Optional.empty(), "live", 1);
        var store = sdk.repository().store();
        store.put("repo/live/.omero-pixels/0.zarr/0/0.0.0", new byte[] {7});
        // what a delete that never committed leaves: its journal, its rows
        BinaryCleanup.journal(store, List.of(BinaryCleanup.derivedPrefix("repo/live/"), "repo/live/live.lif"));
        assertEquals(0, BinaryCleanup.resume(sdk.store(), store));
        assertTrue(store.exists("repo/live/.omero-pixels/0.zarr/0/0.0.0"));
        assertTrue(store.exists("repo/live/live.lif"));
        assertEquals(List.of(), store.list(BinaryCleanup.JOURNALS));
    }

    /**
     * A JVM that dies after a delete committed and before it removed the files: the next open removes them (the
     * originals, the thumbnails, the fileset's derived files) and the journal, and nothing of what stays.
     */
    @Test
    void aJvmKilledBetweenCommitAndFileRemovalIsFinishedByTheNextOpen(@TempDir Path scratch) throws Exception {
        OmeroSdk.Builder b = target().configure(OmeroSdk.builder().passwordHashIterations(1000)
                .rootPassword("r".toCharArray()).set(org.omerosdk.model.config.ConfigKeys.MANAGED_DIR,
                        scratch.resolve("managed").toString()), scratch);
        List<String> args = new java.util.ArrayList<>();
        List<String> goneKeys;
        Image kept;
        List<Image> gone;
        try (OmeroSdk first = b.open()) {
            Session s = first.rootSession();
            gone = GraphFixture.fileset(s, Optional.empty(), "crashed", 2);
            kept = GraphFixture.fileset(s, Optional.empty(), "survivor", 1).get(0);
            Image thumbed = GraphFixture.fullImage(s, "thumbed");
            gone = new java.util.ArrayList<>(gone);
            gone.add(thumbed);
            var store = first.repository().store();
            store.put("repo/crashed/.omero-pixels/0.zarr/0/0.0.0", new byte[] {7});
            store.put("repo/survivor/.omero-pixels/0.zarr/0/0.0.0", new byte[] {7});
            goneKeys = List.of("repo/crashed/crashed.lif", "repo/crashed/.omero-pixels/0.zarr/0/0.0.0",
                    "Thumbnails/thumbed.jpg");
            goneKeys.forEach(k -> assertTrue(store.exists(k), k));
            var c = first.config();
            String managed = c.get(org.omerosdk.model.config.ConfigKeys.MANAGED_DIR);
            if (first.dataDirectory().isPresent()) {
                args.addAll(List.of("h2", first.dataDirectory().get().toString(), managed));
            } else {
                args.addAll(List.of("pg", c.get(org.omerosdk.model.config.ConfigKeys.DB_HOST),
                        c.get(org.omerosdk.model.config.ConfigKeys.DB_PORT),
                        c.get(org.omerosdk.model.config.ConfigKeys.DB_NAME), managed));
            }
            gone.forEach(i -> args.add(Long.toString(i.id())));
        }
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                "java").toString(), "-cp", System.getProperty("java.class.path"), GraphCrashChild.class.getName()));
        command.addAll(args);
        Path log = scratch.resolve("child.log");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(child.waitFor(5, java.util.concurrent.TimeUnit.MINUTES), "the child JVM finishes");
        assertEquals(GraphCrashChild.DIED_AFTER_COMMIT, child.exitValue(), java.nio.file.Files.readString(log));
        var files = new org.omerosdk.repo.store.FileSystemBinaryStore(Path.of(args.get(args.get(0).equals("h2")
                ? 2 : 4)));
        goneKeys.forEach(k -> assertTrue(files.exists(k), "the child died before removing " + k));
        assertEquals(1, files.list(BinaryCleanup.JOURNALS).size(), "the child left its journal");
        try (OmeroSdk next = b.open()) {
            goneKeys.forEach(k -> assertFalse(files.exists(k), k + " is removed by the next open"));
            assertEquals(List.of(), files.list(BinaryCleanup.JOURNALS));
            assertTrue(files.exists("repo/survivor/survivor.lif"));
            assertTrue(files.exists("repo/survivor/.omero-pixels/0.zarr/0/0.0.0"));
            for (Image i : gone) {
                assertFalse(GraphFixture.exists(next, i), "the delete committed");
            }
            assertTrue(GraphFixture.exists(next, kept));
        }
    }

    @Test
    void asyncDeleteReportsProgressAndCanBeCancelledBeforeCommit() {
        Dataset d = ada.containers().createDataset("d");
        for (int n = 0; n < 3; n++) {
            GraphFixture.imageIn(ada, d, "i" + n);
        }
        java.util.List<String> phases = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        GraphHandle h = ada.graphs().submit(GraphRequest.delete(d), p -> phases.add(p.phase()));
        GraphReport r = h.await();
        assertEquals(3, r.included("Image").size());
        assertTrue(phases.contains("traverse") && phases.contains("commit") && phases.contains("done"),
                phases.toString());
        Dataset e = ada.containers().createDataset("e");
        Image kept = GraphFixture.imageIn(ada, e, "kept");
        java.util.concurrent.CountDownLatch cancelled = new java.util.concurrent.CountDownLatch(1);
        GraphHandle running = ada.graphs().submit(GraphRequest.delete(e), p -> {
            if (p.phase().equals("traverse")) {
                try {
                    cancelled.await(5, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException x) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        assertTrue(running.cancel(), "cancellable while traversing");
        cancelled.countDown();
        GraphHandle[] holder = {running};
        assertThrows(org.omerosdk.model.CancelledException.class, holder[0]::await);
        assertTrue(GraphFixture.exists(sdk, kept));
    }
}
