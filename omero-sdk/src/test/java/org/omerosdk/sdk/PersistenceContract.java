package org.omerosdk.sdk;

import org.omerosdk.importer.NewImage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.AuthenticationException;
import org.omerosdk.model.CancelledException;
import org.omerosdk.model.ConcurrentUpdateException;
import org.omerosdk.model.DimensionOrder;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.ProgressListener;
import org.omerosdk.model.SecurityViolation;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.containers.Project;
import org.omerosdk.model.core.Channel;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.core.LogicalChannel;
import org.omerosdk.model.core.Pixels;
import org.omerosdk.model.core.Rgba;
import org.omerosdk.model.meta.Event;
import org.omerosdk.model.meta.EventLog;
import org.omerosdk.model.meta.EventType;
import org.omerosdk.model.meta.Experimenter;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.model.annotations.ImageAnnotationLink;
import org.omerosdk.model.annotations.MapAnnotation;
import org.omerosdk.model.annotations.NamedValue;
import org.omerosdk.model.display.ChannelBinding;
import org.omerosdk.model.display.QuantumDef;
import org.omerosdk.model.display.RenderingDef;
import org.omerosdk.model.display.RenderingModel;
import org.omerosdk.model.fs.ChecksumAlgorithm;
import org.omerosdk.model.fs.Fileset;
import org.omerosdk.model.fs.FilesetEntry;
import org.omerosdk.model.fs.OriginalFile;
import org.omerosdk.model.roi.Polygon;
import org.omerosdk.model.roi.Rectangle;
import org.omerosdk.model.roi.Roi;
import org.omerosdk.model.roi.Shape;
import org.omerosdk.model.screen.Plate;
import org.omerosdk.model.screen.Screen;
import org.omerosdk.model.screen.Well;
import org.omerosdk.model.screen.WellSample;
import org.omerosdk.model.units.Length;
import org.omerosdk.model.units.UnitsLength;

/** What every metadata backend must do; one subclass per database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PersistenceContract {
    static final char[] ROOT_PASSWORD = "root-pw".toCharArray();

    @TempDir
    static Path scratch;
    OmeroSdk sdk;
    Session root;
    ExperimenterGroup lab;
    Experimenter alice;

    abstract DatabaseTarget target();

    @BeforeAll
    void open() {
        sdk = target().configure(OmeroSdk.builder(), scratch).rootPassword(ROOT_PASSWORD)
                .passwordHashIterations(1000).open();
        root = sdk.rootSession();
        lab = root.admin().createGroup("lab", Permissions.Level.READ_ANNOTATE);
        alice = root.admin().createUser("alice", "Alice", "Ball", lab);
        root.admin().setPassword(alice, "alice-pw".toCharArray());
    }

    @AfterAll
    void close() {
        sdk.close();
    }

    Session alice() {
        return sdk.login("alice", "alice-pw".toCharArray());
    }

    static NewImage newImage(String name, int channels) {
        Pixels px = new Pixels(PixelType.UINT16, DimensionOrder.XYZCT, 512, 256, 3, channels, 2);
        px.setPhysicalSizeX(Length.micrometers(0.25));
        List<Channel> cs = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            LogicalChannel lc = new LogicalChannel("ch" + c);
            lc.setEmissionWave(Length.nanometers(500 + c));
            cs.add(new Channel(lc));
        }
        return new NewImage(new Image(name), px, cs);
    }

    @Test
    void bootstrapCreatesOmerosSystemGroupsAndUsers() {
        assertEquals("rw----", root.admin().group("system").permissions().toString());
        assertEquals("rwr-r-", root.admin().group("user").permissions().toString());
        assertEquals("rw----", root.admin().group("guest").permissions().toString());
        assertTrue(root.admin().findUser("guest").isPresent());
        assertTrue(root.context().admin());
    }

    @Test
    void rootLogsInWithTheBuilderPassword() {
        try (Session s = sdk.login("root", ROOT_PASSWORD)) {
            assertEquals("root", s.user().omeName());
        }
    }

    @Test
    void wrongPasswordIsRefused() {
        assertThrows(AuthenticationException.class, () -> sdk.login("alice", "nope".toCharArray()));
    }

    @Test
    void unknownUserIsRefusedWithTheSameError() {
        assertThrows(AuthenticationException.class, () -> sdk.login("nobody-here", "x".toCharArray()));
    }

    @Test
    void givenRootPasswordIsNotReportedAsGenerated() {
        assertTrue(sdk.generatedRootPassword().isEmpty());
    }

    @Test
    void newGroupCarriesItsLevelAndObjectsInItCarryTheGroupsPermissions() {
        try (Session s = alice()) {
            Project p = s.containers().createProject("perm");
            assertEquals(lab.id(), p.details().groupId().orElseThrow());
            assertEquals(alice.id(), p.details().ownerId().orElseThrow());
            assertEquals("rwra--", p.details().permissions().toString());
        }
    }

    @Test
    void createWritesAnEventAndAnInsertLogInTheSameTransaction() {
        try (Session s = alice()) {
            Project p = s.containers().createProject("evented");
            long eventId = p.details().creationEventId().orElseThrow();
            Event e = s.events().find(EventFilter.any().touching(p)).get(0);
            assertEquals(eventId, e.id());
            assertEquals(alice.id(), e.experimenterId());
            List<EventLog> logs = s.events().logs(e);
            assertEquals(1, logs.size());
            assertEquals(EventLog.Action.INSERT, logs.get(0).action());
            assertEquals("Project", logs.get(0).entityType());
        }
    }

    @Test
    void updateAndDeleteAreLoggedToo() {
        try (Session s = alice()) {
            Dataset d = s.containers().createDataset("to-go");
            Dataset renamed = s.rename(d, "renamed");
            s.containers().delete(renamed);
            List<EventLog.Action> actions = new ArrayList<>();
            for (Event e : s.events().find(EventFilter.any().touching(d))) {
                s.events().logs(e).stream().filter(l -> l.entityId() == d.id()).forEach(l -> actions.add(l.action()));
            }
            assertEquals(List.of(EventLog.Action.INSERT, EventLog.Action.UPDATE, EventLog.Action.DELETE), actions);
        }
    }

    @Test
    void eventsCanBeQueriedByUserGroupTypeAndTime() {
        Instant before = Instant.now().minusSeconds(1);
        try (Session s = alice()) {
            s.containers().createProject("q");
            List<Event> mine = s.events().find(EventFilter.any().byUser(alice.id()).inGroup(lab.id())
                    .ofType(EventType.USER).between(before, Instant.now().plusSeconds(60)));
            assertFalse(mine.isEmpty());
            assertTrue(mine.stream().allMatch(e -> e.experimenterId() == alice.id() && e.groupId() == lab.id()));
            assertTrue(s.events().find(EventFilter.any().byUser(alice.id())
                    .between(before.minusSeconds(3600), before.minusSeconds(1800))).isEmpty());
        }
    }

    @Test
    void renamingAStaleCopyFailsAndOverwritesNothing() {
        try (Session s = alice()) {
            Project p = s.containers().createProject("v0");
            Project stale = s.reload(p);
            s.rename(p, "first");
            ConcurrentUpdateException e = assertThrows(ConcurrentUpdateException.class,
                    () -> s.rename(stale, "second"));
            assertTrue(e.getMessage().contains("Project:" + p.id()), e.getMessage());
            assertEquals("first", s.reload(p).name());
        }
    }

    @Test
    void twoThreadsUpdatingTheSameObjectOneWinsOneFails() throws Exception {
        try (Session s = alice()) {
            Project p = s.containers().createProject("race");
            CyclicBarrier barrier = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<String>> results = new ArrayList<>();
            for (String name : List.of("thread-a", "thread-b")) {
                Project copy = s.reload(p);
                results.add(pool.submit(() -> {
                    barrier.await();
                    try {
                        return s.rename(copy, name).name();
                    } catch (ConcurrentUpdateException e) {
                        return "failed";
                    }
                }));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get());
            }
            pool.shutdown();
            assertEquals(1, outcomes.stream().filter("failed"::equals).count(), outcomes.toString());
            String winner = outcomes.stream().filter(o -> !o.equals("failed")).findFirst().orElseThrow();
            assertEquals(winner, s.reload(p).name());
        }
    }

    @Test
    void imagesAreSavedWithPixelsAndChannelsAndListedByDatasetInPages() {
        try (Session s = alice()) {
            Dataset d = s.containers().createDataset("batch");
            List<NewImage> images = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                images.add(newImage("img" + i, 2));
            }
            s.images().saveAll(Optional.of(d), images, ProgressListener.NONE);
            assertEquals(250, s.containers().countImages(d));
            List<Image> page = s.containers().images(d, Listing.all().page(200, 100));
            assertEquals(50, page.size());
            Image first = s.containers().images(d, Listing.all().page(0, 1)).get(0);
            Pixels px = s.images().primaryPixels(first);
            assertEquals(PixelType.UINT16, px.pixelsType());
            assertEquals(0.25, px.physicalSizeX().orElseThrow().to(UnitsLength.NANOMETER).value() / 1000, 1e-12);
            List<Channel> channels = s.images().channels(first);
            assertEquals(List.of("ch0", "ch1"), channels.stream()
                    .map(c -> c.logicalChannel().name().orElseThrow()).toList());
        }
    }

    @Test
    void projectDatasetTreeCanBeListed() {
        try (Session s = alice()) {
            Project p = s.containers().createProject("tree");
            Dataset d1 = s.containers().createDataset(p, "d1");
            Dataset d2 = s.containers().createDataset("d2");
            s.containers().link(p, d2);
            assertEquals(List.of(d1.id(), d2.id()), s.containers().datasets(p, Listing.all()).stream().map(Dataset::id).toList());
            assertTrue(s.containers().projects(Listing.all().ownedBy(alice).inGroup(lab)).stream()
                    .anyMatch(x -> x.id() == p.id()));
        }
    }

    @Test
    void sudoActsAsTheOtherUser() {
        try (Session asAlice = root.sudo("alice")) {
            Project p = asAlice.containers().createProject("by sudo");
            assertEquals(alice.id(), p.details().ownerId().orElseThrow());
        }
    }

    @Test
    void mapAnnotationKeepsOrderAndRepeatedKeys() {
        List<NamedValue> pairs = List.of(new NamedValue("gene", "CDK5"), new NamedValue("stain", "DAPI"),
                new NamedValue("gene", "PAX6"));
        try (Session s = alice()) {
            Image image = s.images().save(newImage("annotated", 1));
            MapAnnotation saved = s.write((q, w) -> {
                MapAnnotation m = w.create(new MapAnnotation(pairs));
                w.create(new ImageAnnotationLink(Containers.load(q, image), m));
                return m;
            });
            MapAnnotation read = s.read(q -> q.byId(MapAnnotation.class, saved.id()).orElseThrow());
            assertEquals(pairs, read.mapValue());
        }
    }

    @Test
    void screenPlateWellAndShapesRoundTrip() {
        try (Session s = alice()) {
            Image image = s.images().save(newImage("field", 1));
            long wellId = s.write((q, w) -> {
                Plate plate = w.create(new Plate("plate"));
                Well well = w.create(new Well(plate, 1, 2));
                WellSample ws = new WellSample(well, Containers.load(q, image));
                ws.setPosition(Length.micrometers(10), Length.micrometers(20));
                w.create(ws);
                Roi roi = w.create(new Roi(Containers.load(q, image)));
                Rectangle r = new Rectangle(1, 2, 30, 40);
                r.setPosition(0, null, 0);
                r.attach(roi);
                w.create(r);
                Polygon p = new Polygon("0,0 10,0 10,10");
                p.attach(roi);
                w.create(p);
                return well.id();
            });
            Well well = s.read(q -> q.byId(Well.class, wellId).orElseThrow());
            assertEquals(1, well.row());
            assertEquals(2, well.column());
            List<Shape> shapes = s.read(q -> q.list(Select.from(Shape.class).whereEquals("o.roi.image.id",
                    image.id())));
            assertEquals(2, shapes.size());
            Rectangle r = (Rectangle) shapes.get(0);
            assertEquals(30, r.width());
            assertTrue(r.theC().isEmpty());
            assertEquals("0,0 10,0 10,10", ((Polygon) shapes.get(1)).points());
        }
    }

    @Test
    void renderingSettingsAndFilesetRoundTrip() {
        try (Session s = alice()) {
            Image image = s.images().save(newImage("rendered", 2));
            long defId = s.write((q, w) -> {
                Fileset fs = w.create(new Fileset("alice_2/2026-11/24/15-00-00.000"));
                OriginalFile f = new OriginalFile("alice_2/2026-11/24/15-00-00.000/", "a.tif");
                f.setSize(1234);
                f.setHash(ChecksumAlgorithm.SHA1_160, "da39a3ee5e6b4b0d3255bfef95601890afd80709");
                w.create(f);
                w.create(new FilesetEntry(fs, f, "/home/alice/a.tif"));
                Pixels px = q.first(Select.from(Pixels.class).whereEquals("o.image.id", image.id())).orElseThrow();
                QuantumDef qd = w.create(QuantumDef.standard());
                RenderingDef def = w.create(new RenderingDef(px, 1, 0, RenderingModel.RGB, qd));
                ChannelBinding cb = new ChannelBinding(def, 0, 10, 4000);
                cb.setColor(Rgba.of(255, 0, 0));
                w.create(cb);
                return def.id();
            });
            ChannelBinding cb = s.read(q -> q.first(Select.from(ChannelBinding.class)
                    .whereEquals("o.renderingDef.id", defId)).orElseThrow());
            assertEquals(0xFF0000FF, cb.color().packed());
            assertEquals(4000, cb.inputEnd());
            OriginalFile f = s.read(q -> q.first(Select.from(OriginalFile.class).whereEquals("o.name", "a.tif"))
                    .orElseThrow());
            assertEquals(ChecksumAlgorithm.SHA1_160, f.hasher().orElseThrow());
        }
    }

    @Test
    void updatingACopyCannotChangeItsOwner() {
        try (Session s = alice()) {
            Project p = s.containers().createProject("mine");
            p.details().assignOwnership(-5L, -5L, Permissions.READ_WRITE);
            Project renamed = s.rename(p, "still mine");
            assertEquals(alice.id(), renamed.details().ownerId().orElseThrow());
            assertEquals(lab.id(), s.reload(p).details().groupId().orElseThrow());
        }
    }

    @Test
    void detachedReferencesStillKnowTheirIds() {
        try (Session s = alice()) {
            Image image = s.images().save(newImage("ref", 1));
            Pixels px = s.images().primaryPixels(image);
            assertEquals(image.id(), px.image().id());
        }
    }

    @Test
    void cancelledSaveLeavesNothingBehind() {
        try (Session s = alice()) {
            Dataset d = s.containers().createDataset("cancelled");
            List<NewImage> images = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                images.add(newImage("c" + i, 1));
            }
            ProgressListener cancelAt120 = (step, done, total) -> {
                if (done == 120) {
                    throw new CancelledException("stop");
                }
            };
            assertThrows(CancelledException.class, () -> s.images().saveAll(Optional.of(d), images, cancelAt120));
            assertEquals(0, s.containers().countImages(d));
        }
    }

    @Test
    void duplicateGroupNameIsRefusedNamingTheGroup() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> root.admin().createGroup("lab", Permissions.Level.PRIVATE));
        assertTrue(e.getMessage().contains("\"lab\""), e.getMessage());
    }

    @Test
    void userWithoutGroupIsRefused() {
        assertThrows(ValidationException.class, () -> root.admin().createUser("loner", "Lo", "Ner"));
        assertTrue(root.admin().findUser("loner").isEmpty());
    }

    @Test
    void newUsersDefaultGroupIsTheFirstGivenAndTheyJoinUser() {
        ExperimenterGroup other = root.admin().createGroup("other-" + System.nanoTime(), Permissions.Level.PRIVATE);
        Experimenter bob = root.admin().createUser("bob" + System.nanoTime(), "Bob", "Cat", other, lab);
        List<String> names = root.admin().groupsOf(bob).stream().map(ExperimenterGroup::name).toList();
        assertEquals(List.of(other.name(), "lab", "user"), names);
        try (Session s = root.sudo(bob.omeName())) {
            assertEquals(other.id(), s.context().defaultGroupId());
            assertEquals(other.id(), s.containers().createProject("in default").details().groupId().orElseThrow());
        }
    }

    @Test
    void nonAdministratorsCannotSudo() {
        try (Session s = alice()) {
            assertThrows(SecurityViolation.class, () -> s.sudo("root"));
        }
    }

    @Test
    void groupOwnerFlagIsRecorded() {
        root.admin().addToGroup(alice, lab, true);
        assertTrue(root.admin().members(lab).stream()
                .anyMatch(m -> m.child().id() == alice.id() && m.isOwner()));
        try (Session s = alice()) {
            assertTrue(s.context().ownerOf().contains(lab.id()));
        }
    }

    @Test
    void screenPlateLinksAreListed() {
        try (Session s = alice()) {
            Screen screen = s.containers().createScreen("screen");
            Plate plate = s.containers().createPlate("plate-1");
            s.containers().link(screen, plate);
            assertEquals(List.of(plate.id()), s.containers().plates(screen, Listing.all()).stream().map(Plate::id).toList());
        }
    }
}
