package org.omerosdk.sdk;

import org.omerosdk.importer.NewImage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.DimensionOrder;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.ProgressListener;
import org.omerosdk.model.SecurityViolation;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.core.Channel;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.core.LogicalChannel;
import org.omerosdk.model.core.Pixels;
import org.omerosdk.model.meta.Experimenter;
import org.omerosdk.model.meta.ExperimenterGroup;

/** Group owners manage their groups; level changes and their dry run (semantics/permissions.md 10 and 13). */
class GroupManagementTest {
    @TempDir
    Path dir;
    OmeroSdk sdk;
    Session root;
    ExperimenterGroup lab;
    ExperimenterGroup other;

    @BeforeEach
    void setUp() {
        sdk = OmeroSdk.builder().dataDirectory(dir).passwordHashIterations(1000).rootPassword("r".toCharArray())
                .open();
        root = sdk.rootSession();
        lab = root.admin().createGroup("lab", Permissions.Level.READ_WRITE);
        other = root.admin().createGroup("other", Permissions.Level.READ_ONLY);
        root.admin().createUser("pi", "P", "I", lab, other);
        root.admin().addToGroup(root.admin().user("pi"), lab, true);
        root.admin().createUser("ada", "Ada", "L", lab);
        root.admin().createUser("bob", "Bob", "H", lab, other);
        root.admin().createUser("newcomer", "New", "Comer", other);
    }

    @AfterEach
    void tearDown() {
        sdk.close();
    }

    private static List<String> groupNames(Session s, Experimenter e) {
        return s.admin().groupsOf(e).stream().map(ExperimenterGroup::name).toList();
    }

    @Test
    void anOwnerManagesTheMembersOfTheirGroupOnly() {
        Experimenter newcomer = root.admin().user("newcomer");
        try (Session pi = root.sudo("pi")) {
            pi.admin().addToGroup(newcomer, lab, false);
            assertTrue(groupNames(root, newcomer).contains("lab"));
            pi.admin().addToGroup(newcomer, lab, true);
            SecurityViolation e = assertThrows(SecurityViolation.class,
                    () -> pi.admin().addToGroup(root.admin().user("ada"), other, false));
            assertTrue(e.getMessage().contains("may not"), e.getMessage());
            pi.admin().removeFromGroup(newcomer, lab);
            assertFalse(groupNames(root, newcomer).contains("lab"));
        }
        try (Session ada = root.sudo("ada")) {
            assertThrows(SecurityViolation.class, () -> ada.admin().addToGroup(newcomer, lab, false));
            assertThrows(SecurityViolation.class, () -> ada.admin().removeFromGroup(root.admin().user("bob"), lab));
            assertThrows(SecurityViolation.class, () -> ada.admin().createGroup("mine", Permissions.Level.PRIVATE));
        }
    }

    @Test
    void aUserKeepsAGroupBesidesUser() {
        Experimenter ada = root.admin().user("ada");
        ValidationException e = assertThrows(ValidationException.class, () -> root.admin().removeFromGroup(ada, lab));
        assertTrue(e.getMessage().contains("must remain a member"), e.getMessage());
        assertEquals(List.of("lab", "user"), groupNames(root, ada));
        ExperimenterGroup system = root.admin().group("system");
        assertThrows(ValidationException.class, () -> root.admin().removeFromGroup(root.user(), system));
    }

    private Dataset crossOwnerLinks() {
        Dataset adas;
        try (Session ada = root.sudo("ada")) {
            adas = ada.withGroup(lab).containers().createDataset("ada's dataset");
            ada.withGroup(lab).images().saveAll(Optional.of(adas), List.of(image("ada's image")),
                    ProgressListener.NONE);
        }
        try (Session bob = root.sudo("bob")) {
            // Read-Write: bob may put his image into ada's dataset; the link joins two owners
            bob.withGroup(lab).images().saveAll(Optional.of(adas), List.of(image("bob's image")),
                    ProgressListener.NONE);
            // and draw on ada's image
            Image adasImage = bob.withGroup(lab).containers().images(adas, Listing.all().page(0, 10)).stream()
                    .filter(i -> i.name().equals("ada's image")).findFirst().orElseThrow();
            bob.withGroup(lab).rois().draw(adasImage, "bob's outline",
                    List.of(new org.omerosdk.model.roi.Rectangle(0, 0, 2, 2)));
        }
        return adas;
    }

    private static NewImage image(String name) {
        return new NewImage(new Image(name), new Pixels(PixelType.UINT8, DimensionOrder.XYZCT, 4, 4, 1, 1, 1),
                List.of(new Channel(new LogicalChannel("c"))));
    }

    @Test
    void aDryRunListsWhatADowngradeToPrivateRemovesAndRemovesNothing() {
        Dataset adas = crossOwnerLinks();
        try (Session pi = root.sudo("pi")) {
            LevelChange plan = pi.admin().changeLevel(lab, Permissions.Level.PRIVATE, true);
            assertFalse(plan.applied());
            assertEquals(Permissions.Level.READ_WRITE, plan.from());
            // the cross-owner link, and bob's ROI on ada's image with its shape
            assertEquals(3, plan.removed().size(), plan.removed().toString());
            assertTrue(plan.removed().get(0).startsWith("DatasetImageLink:"), plan.removed().toString());
            assertTrue(plan.removed().get(1).startsWith("Rectangle:"), plan.removed().toString());
            assertTrue(plan.removed().get(2).startsWith("Roi:"), plan.removed().toString());
        }
        assertEquals(2, root.containers().countImages(adas));
        assertEquals(Permissions.Level.READ_WRITE, root.admin().group("lab").permissions().level().orElseThrow());
    }

    @Test
    void aDowngradeToPrivateRemovesCrossOwnerLinksOnly() {
        Dataset adas = crossOwnerLinks();
        try (Session pi = root.sudo("pi")) {
            LevelChange done = pi.admin().changeLevel(lab, Permissions.Level.PRIVATE, false);
            assertTrue(done.applied());
            assertEquals(3, done.removed().size());
        }
        assertEquals(List.of("ada's image"), root.containers().images(adas, Listing.all().page(0, 10)).stream().map(Image::name)
                .toList());
        assertTrue(root.rois().on(root.containers().images(adas, Listing.all().page(0, 10)).get(0)).isEmpty());
        assertEquals(Permissions.Level.PRIVATE, root.admin().group("lab").permissions().level().orElseThrow());
        // and the group behaves as private now: bob no longer sees ada's dataset
        try (Session bob = root.sudo("bob")) {
            assertTrue(bob.withGroup(lab).containers().datasets(Listing.all()).isEmpty());
        }
    }

    @Test
    void changesThatKeepGroupReadTouchNoData() {
        Dataset adas = crossOwnerLinks();
        LevelChange change = root.admin().changeLevel(lab, Permissions.Level.READ_ONLY, false);
        assertTrue(change.removed().isEmpty());
        assertEquals(2, root.containers().countImages(adas));
        assertEquals(Permissions.Level.READ_ONLY, root.admin().group("lab").permissions().level().orElseThrow());
    }

    @Test
    void onlyOwnersAndAdministratorsChangeALevel() {
        try (Session ada = root.sudo("ada")) {
            SecurityViolation e = assertThrows(SecurityViolation.class,
                    () -> ada.admin().changeLevel(lab, Permissions.Level.PRIVATE, true));
            assertTrue(e.getMessage().contains("only its owners and administrators"), e.getMessage());
        }
        try (Session pi = root.sudo("pi")) {
            assertThrows(SecurityViolation.class, () -> pi.admin().changeLevel(other, Permissions.Level.READ_WRITE,
                    false));
            // owners may choose Read-Write through the API (only OMERO.web's form stops them)
            pi.admin().changeLevel(lab, Permissions.Level.READ_WRITE, false);
        }
    }

    @Test
    void groupOwnersSudoToTheirMembersInTheirGroupOnly() {
        try (Session pi = root.sudo("pi")) {
            try (Session asAda = pi.sudo("ada", lab)) {
                org.omerosdk.model.containers.Project p = asAda.containers().createProject("made by the PI");
                assertEquals(root.admin().user("ada").id(), p.details().ownerId().orElseThrow());
                org.omerosdk.model.meta.Event e = root.events().find(EventFilter.any().touching(p)).get(0);
                // the original sudoer is kept: root opened pi's session, pi opened ada's
                assertEquals(Optional.of(root.user().id()), root.events().sudoer(e));
            }
            SecurityViolation notOwner = assertThrows(SecurityViolation.class, () -> pi.sudo("newcomer", other));
            assertTrue(notOwner.getMessage().contains("group sudo"), notOwner.getMessage());
            assertThrows(SecurityViolation.class, () -> pi.sudo("ada"));
            try (Session asBob = pi.sudo("bob", lab)) {
                // bob belongs to "other" too, but the sudo session is limited to what the PI owns
                assertThrows(SecurityViolation.class, () -> asBob.withGroup(other));
                assertThrows(SecurityViolation.class, () -> asBob.admin().addToGroup(asBob.user(), lab, true));
            }
            assertThrows(SecurityViolation.class, () -> pi.sudo("newcomer", lab));
        }
        try (Session ada = root.sudo("ada")) {
            assertThrows(SecurityViolation.class, () -> ada.sudo("bob", lab));
        }
    }

    @Test
    void whatAnAdministratorCreatesInAUsersDataBelongsToThatUser() {
        org.omerosdk.model.containers.Project adasProject;
        Image bobsImage;
        try (Session ada = root.sudo("ada")) {
            adasProject = ada.withGroup(lab).containers().createProject("ada's project");
        }
        try (Session bob = root.sudo("bob")) {
            bobsImage = bob.withGroup(lab).images().save(image("bob's image"));
        }
        long adaId = root.admin().user("ada").id();
        long bobId = root.admin().user("bob").id();
        // root is no member of "lab" (Read-Write): OMERO.web's "organizing data of other users"
        Session admin = root.withGroup(lab);
        Dataset d = admin.containers().createDataset(adasProject, "made by root");
        assertEquals(adaId, d.details().ownerId().orElseThrow());
        org.omerosdk.model.containers.ProjectDatasetLink pl = admin.read(q -> q.first(Select.from(
                org.omerosdk.model.containers.ProjectDatasetLink.class).whereEquals("o.child.id", d.id()))).get();
        assertEquals(adaId, pl.details().ownerId().orElseThrow());
        // owners differ: the link belongs to the owner of the linked content
        org.omerosdk.model.containers.DatasetImageLink dl = admin.containers().link(d, bobsImage);
        assertEquals(bobId, dl.details().ownerId().orElseThrow());
        // a group owner keeps what they create (OMERO's documented limitation)
        try (Session pi = root.sudo("pi")) {
            Dataset byPi = pi.withGroup(lab).containers().createDataset(adasProject, "made by the PI");
            assertEquals(root.admin().user("pi").id(), byPi.details().ownerId().orElseThrow());
        }
        // and a member of the group (root joins it) works in their own name again
        root.admin().addToGroup(root.user(), lab, false);
        try (Session rootAgain = sdk.rootSession()) {
            Dataset own = rootAgain.withGroup(lab).containers().createDataset(adasProject, "root's own");
            assertEquals(root.user().id(), own.details().ownerId().orElseThrow());
        }
    }

    @Test
    void groupOwnersCreateUsersInTheirGroupsAndSetTheirFirstPassword() {
        try (Session pi = root.sudo("pi")) {
            Experimenter newbie = pi.admin().createUser("newbie", "New", "Bie", lab);
            pi.admin().setPassword(newbie, "first".toCharArray());
            assertEquals("newbie", sdk.login("newbie", "first".toCharArray()).user().omeName());
            assertEquals(List.of("lab", "user"), groupNames(root, newbie));
            // a password is only the owner's to set once; a user elsewhere is not theirs at all
            assertThrows(SecurityViolation.class, () -> pi.admin().setPassword(newbie, "second".toCharArray()));
            SecurityViolation e = assertThrows(SecurityViolation.class,
                    () -> pi.admin().createUser("stranger", "S", "T", other));
            assertTrue(e.getMessage().contains("owners of all the new user's groups"), e.getMessage());
            assertThrows(SecurityViolation.class, () -> pi.admin().createUser("both", "B", "O", lab, other));
            assertThrows(SecurityViolation.class, () -> pi.admin().setPassword(root.admin().user("bob"),
                    "x".toCharArray()));
        }
        try (Session ada = root.sudo("ada")) {
            assertThrows(SecurityViolation.class, () -> ada.admin().createUser("nope", "N", "O", lab));
        }
    }

    @Test
    void aDowngradeIsRefusedWhileAnImageUsesAnotherOwnersInstrument() {
        org.omerosdk.model.acquisition.Instrument microscope;
        try (Session ada = root.sudo("ada")) {
            microscope = ada.withGroup(lab).write((q, w) -> w.create(
                    new org.omerosdk.model.acquisition.Instrument("Zeiss", "LSM 980")));
        }
        try (Session bob = root.sudo("bob")) {
            Image bobs = bob.withGroup(lab).images().save(image("bob's"));
            bob.withGroup(lab).write((q, w) -> {
                Image stored = q.byId(Image.class, bobs.id()).orElseThrow();
                stored.setInstrument(q.byId(org.omerosdk.model.acquisition.Instrument.class, microscope.id())
                        .orElseThrow());
                return null;
            });
        }
        LevelChange plan = root.admin().changeLevel(lab, Permissions.Level.PRIVATE, true);
        assertEquals(1, plan.blockers().size(), plan.blockers().toString());
        assertTrue(plan.blockers().get(0).contains("uses the instrument"), plan.blockers().toString());
        ValidationException e = assertThrows(ValidationException.class,
                () -> root.admin().changeLevel(lab, Permissions.Level.PRIVATE, false));
        assertTrue(e.getMessage().contains("cannot become Private"), e.getMessage());
        assertEquals(Permissions.Level.READ_WRITE, root.admin().group("lab").permissions().level().orElseThrow());
        // raising or keeping group read needs no such check
        assertTrue(root.admin().changeLevel(lab, Permissions.Level.READ_ONLY, false).blockers().isEmpty());
    }

    @Test
    void aDowngradeRemovesOthersRenderingSettingsWithTheirQuantumSettings() {
        Image adas;
        try (Session ada = root.sudo("ada")) {
            adas = ada.withGroup(lab).images().save(image("ada's"));
        }
        try (Session bob = root.sudo("bob")) {
            bob.withGroup(lab).renderings().save(adas, org.omerosdk.render.RenderingSettings.of(List.of(
                    org.omerosdk.render.ChannelSettings.of(PixelType.UINT8, org.omerosdk.model.core.Rgba.of(255, 0,
                            0)))));
        }
        long quantumBefore = root.read(q -> q.count(Select.from(org.omerosdk.model.display.QuantumDef.class)));
        LevelChange done = root.admin().changeLevel(lab, Permissions.Level.PRIVATE, false);
        assertTrue(done.removed().stream().anyMatch(l -> l.startsWith("RenderingDef:")), done.removed().toString());
        assertTrue(root.renderings().all(adas).isEmpty());
        long quantumAfter = root.read(q -> q.count(Select.from(org.omerosdk.model.display.QuantumDef.class)));
        assertEquals(quantumBefore - 1, quantumAfter);
    }
}
