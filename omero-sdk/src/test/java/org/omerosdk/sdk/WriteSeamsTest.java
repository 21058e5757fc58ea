package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.importer.NewImage;
import org.omerosdk.model.DimensionOrder;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.OmeroException;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.SecurityViolation;
import org.omerosdk.model.StorageException;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.annotations.TagAnnotation;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.containers.Project;
import org.omerosdk.model.core.Channel;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.core.LogicalChannel;
import org.omerosdk.model.roi.Point;
import org.omerosdk.model.roi.Roi;
import org.omerosdk.model.roi.Shape;
import org.omerosdk.model.core.Pixels;
import org.omerosdk.model.meta.ExperimenterGroup;

/**
 * The write seams issue 10's item 13 found open: administrators in the all-groups context get the same write check
 * as everyone (no annotating a Private group's data, no links across groups), references other than links need
 * OMERO's WRITE check on the stored row, values too long for their column and duplicate links are validation errors
 * naming the field, user names are checked, and a no-op membership write is still refused to a caller who may not
 * make it.
 */
class WriteSeamsTest {
    @TempDir
    static Path dir;
    static Lab lab;

    @BeforeAll
    static void open() {
        lab = Lab.open(DatabaseTarget.H2, dir);
    }

    @AfterAll
    static void close() {
        lab.close();
    }

    private static Project project(String userAtGroup) {
        return lab.root.containers().projects(Listing.all()).stream().filter(p -> p.name().equals(userAtGroup))
                .findFirst().orElseThrow();
    }

    private static int annotationCount(Project p) {
        return lab.root.withGroup(groupOf(p)).annotations().on(p).size();
    }

    private static ExperimenterGroup groupOf(Project p) {
        long g = p.details().groupId().orElseThrow();
        return lab.root.admin().groups().stream().filter(x -> x.id() == g).findFirst().orElseThrow();
    }

    private static Dataset dataset(String user, String group, String name) {
        try (Session s = lab.root.sudo(user)) {
            return s.withGroup(lab.group(group)).containers().createDataset(name);
        }
    }

    // --- administrators in the all-groups context

    @Test
    void rootAndFullAdministratorsWorkInTheAllGroupsContext() {
        assertTrue(lab.root.context().isAllGroups());
        assertTrue(lab.login("boss").context().isAllGroups());
    }

    @Test
    void rootInTheAllGroupsContextCannotAnnotateAPrivateGroupsData() {
        Project adas = project("ada@private");
        TagAnnotation tag = lab.root.annotations().createTag("root's");
        SecurityViolation e = assertThrows(SecurityViolation.class, () -> lab.root.annotations().attach(adas, tag));
        assertTrue(e.getMessage().contains("Private"), e.getMessage());
        assertEquals(0, annotationCount(adas));
    }

    @Test
    void aFullAdministratorInTheAllGroupsContextCannotAnnotateAPrivateGroupsData() {
        Project adas = project("bob@private");
        TagAnnotation tag = lab.root.annotations().createTag("system tag for boss");
        Session boss = lab.login("boss");
        assertTrue(boss.context().fullAdmin());
        assertThrows(SecurityViolation.class, () -> boss.annotations().attach(adas, tag));
        assertEquals(0, annotationCount(adas));
    }

    @Test
    void rootInTheAllGroupsContextMayStillAnnotateDataOfGroupsThatAreNotPrivate() {
        Project adas = project("ada@readOnly");
        TagAnnotation tag = lab.root.annotations().createTag("root's, shared");
        lab.root.annotations().attach(adas, tag);
        assertEquals(1, annotationCount(adas));
    }

    @Test
    void rootInTheAllGroupsContextCannotLinkAcrossGroups() {
        Project inReadOnly = project("ada@readOnly");
        Dataset inReadWrite = dataset("ada", "readWrite", "ada's rw dataset");
        SecurityViolation e = assertThrows(SecurityViolation.class,
                () -> lab.root.containers().link(inReadOnly, inReadWrite));
        assertTrue(e.getMessage().contains("across groups"), e.getMessage());
        assertEquals(List.of(), lab.root.containers().datasets(inReadOnly, Listing.all()));
        Session boss = lab.login("boss");
        assertThrows(SecurityViolation.class, () -> boss.containers().link(inReadOnly, inReadWrite));
    }

    @Test
    void rootInTheAllGroupsContextMayLinkWithinAGroup() {
        Project p = project("ada@readWrite");
        Dataset d = dataset("ada", "readWrite", "ada's dataset to link");
        lab.root.containers().link(p, d);
        assertEquals(List.of("ada's dataset to link"),
                lab.root.containers().datasets(p, Listing.all()).stream().map(Dataset::name).toList());
    }

    // --- new objects in the all-groups context: OMERO's group of the first object referred to (ticket:3529)

    private static Image adasImage(String group, String name) {
        try (Session ada = lab.root.sudo("ada")) {
            return Lab.image(ada.withGroup(lab.group(group)), name, Optional.empty());
        }
    }

    @Test
    void administratorsInTheAllGroupsContextDrawARoiInTheGroupOfTheImage() {
        Image image = adasImage("readOnly", "ada's to draw on");
        long readOnly = lab.group("readOnly").id();
        for (Session admin : List.of(lab.root, lab.login("boss"))) {
            assertTrue(admin.context().isAllGroups());
            assertTrue(admin.context().writeGroupId() != readOnly, "the default group is another one");
            Roi roi = admin.rois().draw(image, "drawn by " + admin.user().omeName(), List.of(new Point(1, 1)));
            assertEquals(readOnly, roi.details().groupId().orElseThrow(), "the ROI is where its image is");
            Roi stored = lab.root.withGroup(lab.group("readOnly")).rois().on(image).stream()
                    .filter(r -> r.id() == roi.id()).findFirst().orElseThrow();
            assertEquals(admin.user().id(), stored.details().ownerId().orElseThrow());
            for (Shape sh : lab.root.withGroup(lab.group("readOnly")).rois().shapes(roi)) {
                assertEquals(readOnly, sh.details().groupId().orElseThrow(), "its shapes too");
            }
        }
    }

    @Test
    void aMemberInTheAllGroupsContextDrawsOnHerImageInItsGroupNotHerDefaultGroup() {
        Image image = adasImage("readOnly", "ada's own to draw on");
        try (Session ada = lab.root.sudo("ada")) {
            assertEquals(lab.group("private").id(), ada.context().writeGroupId());
            Roi roi = ada.rois().draw(image, "ada's", List.of(new Point(0, 0)));
            assertEquals(lab.group("readOnly").id(), roi.details().groupId().orElseThrow());
        }
    }

    @Test
    void administratorsInTheAllGroupsContextCannotDrawOnAPrivateGroupsImage() {
        Image image = adasImage("private", "ada's private image");
        for (Session admin : List.of(lab.root, lab.login("boss"))) {
            SecurityViolation e = assertThrows(SecurityViolation.class,
                    () -> admin.rois().draw(image, "not allowed", List.of(new Point(1, 1))));
            assertTrue(e.getMessage().contains("Private"), e.getMessage());
        }
        assertEquals(List.of(), lab.root.withGroup(lab.group("private")).rois().on(image));
    }

    @Test
    void aRoiOnAnImageOfAnotherGroupThanTheSessionsAnswersLikeAMissingImage() {
        Image image = adasImage("readOnly", "ada's image, out of context");
        Session inReadWrite = lab.root.withGroup(lab.group("readWrite"));
        NotFoundException e = assertThrows(NotFoundException.class,
                () -> inReadWrite.rois().draw(image, "across", List.of(new Point(1, 1))));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertEquals(List.of(), lab.root.withGroup(lab.group("readOnly")).rois().on(image));
    }

    @Test
    void anObjectReferringToObjectsOfTwoGroupsIsRefusedInTheAllGroupsContext() {
        Project inReadOnly = project("ada@readOnly");
        TagAnnotation inReadWrite;
        try (Session ada = lab.root.sudo("ada")) {
            inReadWrite = ada.withGroup(lab.group("readWrite")).annotations().createTag("ada's read-write tag");
        }
        int before = annotationCount(inReadOnly);
        for (Session s : List.of(lab.root, lab.login("boss"), lab.login("ada"))) {
            SecurityViolation e = assertThrows(SecurityViolation.class,
                    () -> s.annotations().attach(inReadOnly, inReadWrite));
            assertTrue(e.getMessage().contains("across groups") && e.getMessage().contains("first object"),
                    e.getMessage());
        }
        assertEquals(before, annotationCount(inReadOnly));
    }

    // --- references other than links

    private static NewImage imageWith(String name, LogicalChannel lc) {
        return new NewImage(new Image(name), new Pixels(PixelType.UINT8, DimensionOrder.XYZCT, 2, 2, 1, 1, 1),
                List.of(new Channel(lc)));
    }

    private static long imagesNamed(String name) {
        return lab.root.images().list(Listing.all()).stream().filter(i -> i.name().equals(name)).count();
    }

    private static LogicalChannel adasLogicalChannel(String group) {
        try (Session ada = lab.root.sudo("ada")) {
            Session in = ada.withGroup(lab.group(group));
            Image i = in.images().save(Lab.newImage("ada's in " + group));
            return in.images().channels(i).get(0).logicalChannel();
        }
    }

    @Test
    void aChannelCannotReferToAnotherMembersLogicalChannelInAReadOnlyGroup() {
        LogicalChannel adas = adasLogicalChannel("readOnly");
        try (Session bob = lab.root.sudo("bob")) {
            Session in = bob.withGroup(lab.group("readOnly"));
            SecurityViolation e = assertThrows(SecurityViolation.class,
                    () -> in.images().save(imageWith("bob's borrowing", adas)));
            assertTrue(e.getMessage().contains("LogicalChannel"), e.getMessage());
        }
        assertEquals(0, imagesNamed("bob's borrowing"));
    }

    @Test
    void anEditedCopyOfTheLogicalChannelDoesNotHelp() {
        LogicalChannel adas = adasLogicalChannel("readOnly");
        try (Session bob = lab.root.sudo("bob")) {
            adas.details().assignOwnership(bob.user().id(), lab.group("readOnly").id(),
                    org.omerosdk.model.Permissions.parse("rwrwrw"));
            Session in = bob.withGroup(lab.group("readOnly"));
            assertThrows(SecurityViolation.class, () -> in.images().save(imageWith("bob's edited borrowing", adas)));
        }
        assertEquals(0, imagesNamed("bob's edited borrowing"));
    }

    @Test
    void aChannelMayReferToAnotherMembersLogicalChannelInAReadWriteGroup() {
        LogicalChannel adas = adasLogicalChannel("readWrite");
        try (Session boss = lab.root.sudo("boss")) {
            boss.withGroup(lab.group("readWrite")).images().save(imageWith("boss's sharing", adas));
        }
        assertEquals(1, imagesNamed("boss's sharing"));
    }

    // --- validation instead of SQL errors

    private static void assertNamesFieldAndLimit(OmeroException e, String field, String limit) {
        assertTrue(e instanceof ValidationException, e.getClass() + ": " + e.getMessage());
        assertTrue(e.getMessage().contains(field) && e.getMessage().contains(limit), e.getMessage());
        assertFalse(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("insert into"), e.getMessage());
    }

    @Test
    void anOverLongGroupNameIsAValidationErrorNamingTheFieldAndTheLimit() {
        String name = "g".repeat(300);
        OmeroException e = assertThrows(OmeroException.class,
                () -> lab.root.admin().createGroup(name, org.omerosdk.model.Permissions.Level.PRIVATE));
        assertNamesFieldAndLimit(e, "ExperimenterGroup.name", "255");
        assertTrue(lab.root.admin().findGroup(name).isEmpty());
    }

    @Test
    void anOverLongFirstNameIsAValidationErrorNamingTheFieldAndTheLimit() {
        OmeroException e = assertThrows(OmeroException.class,
                () -> lab.root.admin().createUser("longfirst", "f".repeat(256), "L", lab.group("readOnly")));
        assertNamesFieldAndLimit(e, "Experimenter.firstName", "255");
        assertTrue(lab.root.admin().findUser("longfirst").isEmpty());
    }

    @Test
    void anOverLongTagIsAValidationErrorNamingTheFieldAndTheLimit() {
        OmeroException e = assertThrows(OmeroException.class,
                () -> lab.root.annotations().createTag("t".repeat(100_001)));
        assertNamesFieldAndLimit(e, "textValue", "100000");
    }

    @Test
    void attachingTheSameTagTwiceIsAValidationErrorNotAStorageError() {
        Project adas = project("ada@readWrite");
        try (Session ada = lab.root.sudo("ada")) {
            Session in = ada.withGroup(lab.group("readWrite"));
            TagAnnotation tag = in.annotations().createTag("twice");
            in.annotations().attach(adas, tag);
            OmeroException e = assertThrows(OmeroException.class, () -> in.annotations().attach(adas, tag));
            assertTrue(e instanceof ValidationException && !(e instanceof StorageException), e.toString());
            assertTrue(e.getMessage().contains("already"), e.getMessage());
            assertEquals(1, in.annotations().links(adas).stream().filter(l -> l.child().id() == tag.id()).count());
        }
    }

    @Test
    void linkingTheSameDatasetTwiceIsAValidationError() {
        Project p = project("ada@readWrite");
        Dataset d = dataset("ada", "readWrite", "linked twice");
        try (Session ada = lab.root.sudo("ada")) {
            Session in = ada.withGroup(lab.group("readWrite"));
            in.containers().link(p, d);
            assertThrows(ValidationException.class, () -> in.containers().link(p, d));
        }
    }

    // --- user names

    @Test
    void blankUserNamesAreRefused() {
        for (String blank : List.of("", " ", "\t", " \u00a0 ")) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> lab.root.admin().createUser(blank, "B", "L", lab.group("readOnly")));
            assertTrue(e.getMessage().contains("blank"), e.getMessage());
        }
    }

    @Test
    void userNamesWithSurroundingSpacesAreRefused() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> lab.root.admin().createUser(" ada ", "A", "L", lab.group("readOnly")));
        assertTrue(e.getMessage().contains("space"), e.getMessage());
    }

    @Test
    void userNamesWithALoneSurrogateOrControlCharactersAreRefused() {
        for (String bad : List.of("ada\uD800", "\uDC00bob", "line\nbreak", "slash/name")) {
            assertThrows(ValidationException.class,
                    () -> lab.root.admin().createUser(bad, "S", "L", lab.group("readOnly")));
        }
    }

    @Test
    void userNamesOf255CharactersAreRefusedNamingTheLimit() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> lab.root.admin().createUser("u".repeat(255), "U", "L", lab.group("readOnly")));
        assertTrue(e.getMessage().contains(Integer.toString(UserNames.MAX_UTF8_BYTES)), e.getMessage());
        // a name at the limit, of characters outside ASCII, is accepted
        String atLimit = "\u00e9".repeat(UserNames.MAX_UTF8_BYTES / 2);
        assertEquals(atLimit, lab.root.admin().createUser(atLimit, "U", "L", lab.group("readOnly")).omeName());
        // a well-formed pair (an emoji) is not a lone surrogate
        assertEquals("ada\uD83D\uDE00", lab.root.admin().createUser("ada\uD83D\uDE00", "E", "L",
                lab.group("readOnly")).omeName());
    }

    // --- no-op membership writes

    @Test
    void aNoOpMembershipWriteByACallerWhoMayNotMakeItIsRefused() {
        // ada already is a plain member of readOnly; bob owns nothing and holds no privilege
        try (Session bob = lab.root.sudo("bob")) {
            assertThrows(SecurityViolation.class,
                    () -> bob.admin().addToGroup(lab.user("ada"), lab.group("readOnly"), false));
            assertThrows(SecurityViolation.class,
                    () -> bob.admin().addToGroup(lab.user("pi"), lab.group("readOnly"), true));
        }
        // ada is no owner of readWrite either
        try (Session ada = lab.root.sudo("ada")) {
            assertThrows(SecurityViolation.class,
                    () -> ada.admin().addToGroup(lab.user("boss"), lab.group("readWrite"), false));
        }
    }

    @Test
    void aNoOpMembershipWriteByTheGroupsOwnerSucceeds() {
        try (Session pi = lab.root.sudo("pi")) {
            assertFalse(pi.admin().addToGroup(lab.user("ada"), lab.group("readOnly"), false).isOwner());
            pi.admin().addToGroup(lab.user("pi"), lab.group("readOnly"), true);
        }
    }
}
