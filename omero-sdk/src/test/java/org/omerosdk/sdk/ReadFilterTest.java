package org.omerosdk.sdk;

import org.omerosdk.importer.NewImage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.DimensionOrder;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.ProgressListener;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.containers.Project;
import org.omerosdk.model.core.Channel;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.core.LogicalChannel;
import org.omerosdk.model.core.Pixels;
import org.omerosdk.model.meta.ExperimenterGroup;

/**
 * What the read filter lets through (semantics/permissions.md section 4): nobody sees, counts or can tell the
 * existence of what their groups' levels hide.
 */
class ReadFilterTest {
    @TempDir
    static Path dir;
    static OmeroSdk sdk;
    static ExperimenterGroup privateLab;
    static ExperimenterGroup readOnlyLab;
    static ExperimenterGroup otherLab;
    static Project adasPrivate;
    static Project adasReadOnly;
    static Image adasImage;

    @BeforeAll
    static void setUp() {
        sdk = OmeroSdk.builder().dataDirectory(dir).passwordHashIterations(1000).open();
        Session root = sdk.rootSession();
        privateLab = root.admin().createGroup("private-lab", Permissions.Level.PRIVATE);
        readOnlyLab = root.admin().createGroup("read-only-lab", Permissions.Level.READ_ONLY);
        otherLab = root.admin().createGroup("other-lab", Permissions.Level.READ_WRITE);
        root.admin().createUser("ada", "Ada", "Lovelace", privateLab, readOnlyLab);
        root.admin().createUser("bob", "Bob", "Hooke", privateLab, readOnlyLab);
        root.admin().createUser("pi", "Pat", "Investigator", privateLab);
        root.admin().addToGroup(root.admin().user("pi"), privateLab, true);
        root.admin().createUser("eve", "Eve", "Outsider", otherLab);
        try (Session ada = root.sudo("ada")) {
            adasPrivate = ada.withGroup(privateLab).containers().createProject("ada private");
            adasReadOnly = ada.withGroup(readOnlyLab).containers().createProject("ada read-only");
            Dataset d = ada.withGroup(privateLab).containers().createDataset(adasPrivate, "d");
            adasImage = ada.withGroup(privateLab).images().saveAll(Optional.of(d), List.of(new NewImage(
                    new Image("secret.tif"), new Pixels(PixelType.UINT8, DimensionOrder.XYZCT, 8, 8, 1, 1, 1),
                    List.of(new Channel(new LogicalChannel("c"))))), ProgressListener.NONE).get(0);
        }
    }

    @AfterAll
    static void close() {
        sdk.close();
    }

    private static List<String> projectNames(Session s) {
        return s.containers().projects(Listing.all()).stream().map(Project::name).toList();
    }

    @Test
    void privateGroupMemberCannotSeeOthersProjects() {
        try (Session bob = sdk.rootSession().sudo("bob")) {
            assertTrue(!projectNames(bob).contains("ada private"), projectNames(bob).toString());
            assertTrue(!projectNames(bob.withGroup(privateLab)).contains("ada private"));
        }
    }

    @Test
    void readOnlyGroupMemberSeesOthersProjects() {
        try (Session bob = sdk.rootSession().sudo("bob")) {
            assertTrue(projectNames(bob).contains("ada read-only"), projectNames(bob).toString());
            assertTrue(projectNames(bob.withGroup(readOnlyLab)).contains("ada read-only"));
        }
    }

    @Test
    void anInvisibleImageAnswersExactlyLikeAMissingOne() {
        try (Session bob = sdk.rootSession().sudo("bob")) {
            NotFoundException hidden = assertThrows(NotFoundException.class, () -> bob.images().get(adasImage.id()));
            long missingId = adasImage.id() + 1_000_000;
            NotFoundException missing = assertThrows(NotFoundException.class, () -> bob.images().get(missingId));
            assertEquals(missing.getMessage().replace(Long.toString(missingId), "ID"),
                    hidden.getMessage().replace(Long.toString(adasImage.id()), "ID"));
        }
    }

    @Test
    void countsDoNotRevealHiddenImages() {
        try (Session pi = sdk.rootSession().sudo("pi"); Session eve = sdk.rootSession().sudo("eve")) {
            Dataset d = pi.containers().datasets(adasPrivate, Listing.all()).get(0);
            assertEquals(1, pi.containers().countImages(d));
            // an outsider counts nothing: the same answer as for a dataset that does not exist
            assertEquals(0, eve.containers().countImages(d));
        }
    }

    @Test
    void groupOwnersSeeTheirMembersDataInAPrivateGroup() {
        try (Session pi = sdk.rootSession().sudo("pi")) {
            assertTrue(projectNames(pi).contains("ada private"));
            assertEquals("secret.tif", pi.images().get(adasImage.id()).name());
        }
    }

    @Test
    void nonMembersSeeNothingOfAGroup() {
        try (Session eve = sdk.rootSession().sudo("eve")) {
            assertTrue(projectNames(eve).isEmpty(), projectNames(eve).toString());
            org.omerosdk.model.SecurityViolation e = assertThrows(org.omerosdk.model.SecurityViolation.class,
                    () -> eve.withGroup(readOnlyLab));
            assertTrue(e.getMessage().contains("not a member"), e.getMessage());
        }
    }

    @Test
    void inOneGroupsContextOtherGroupsAreInvisibleEvenToTheOwnerAndAdmins() {
        try (Session ada = sdk.rootSession().sudo("ada")) {
            assertEquals(List.of("ada read-only"), projectNames(ada.withGroup(readOnlyLab)));
        }
        assertEquals(List.of("ada read-only"), projectNames(sdk.rootSession().withGroup(readOnlyLab)));
        assertTrue(projectNames(sdk.rootSession()).containsAll(List.of("ada private", "ada read-only")));
    }

    /**
     * Every public read API, asked by a member of the private group (bob) and by an outsider (eve) about ada's
     * private project, dataset and image: nothing is returned or counted, and lookups answer like missing ids.
     */
    @Test
    void noReadApiRevealsAdasPrivateData() {
        Dataset adasDataset;
        try (Session ada = sdk.rootSession().sudo("ada")) {
            adasDataset = ada.containers().datasets(adasPrivate, Listing.all()).get(0);
            // the control: ada herself sees everything through the same calls
            assertEquals(List.of("secret.tif"), ada.images().search("SECRET", Listing.all()).stream()
                    .map(Image::name).toList());
            assertEquals(1, ada.images().count(Listing.all()));
            assertEquals(1, ada.containers().countImages(adasDataset));
        }
        try (Session ada = sdk.rootSession().sudo("ada")) {
            Session inPrivate = ada.withGroup(privateLab);
            if (inPrivate.annotations().on(adasImage).isEmpty()) {
                inPrivate.annotations().attach(adasImage, inPrivate.annotations().createTag("ada's secret tag"));
                inPrivate.rois().draw(adasImage, "secret outline", List.of(new org.omerosdk.model.roi.Rectangle(0,
                        0, 1, 1)));
            }
            assertEquals(1, inPrivate.annotations().links(adasImage).size());
        }
        Image missing = new Image("never saved");
        for (String name : List.of("bob", "eve")) {
            try (Session s = sdk.rootSession().sudo(name)) {
                assertTrue(s.containers().projects(Listing.all()).stream().noneMatch(p -> p.id() == adasPrivate.id()),
                        name);
                assertTrue(s.containers().datasets(Listing.all()).isEmpty(), name);
                assertTrue(s.containers().orphanedDatasets(Listing.all()).isEmpty(), name);
                assertTrue(s.containers().datasets(adasPrivate, Listing.all()).isEmpty(), name);
                assertTrue(s.containers().images(adasDataset, Listing.all().page(0, 100)).isEmpty(), name);
                assertEquals(0, s.containers().countImages(adasDataset), name);
                assertTrue(s.images().list(Listing.all()).isEmpty(), name);
                assertEquals(0, s.images().count(Listing.all()), name);
                assertEquals(0, s.images().count(Listing.all().inGroup(privateLab)), name);
                assertTrue(s.images().search("secret", Listing.all()).isEmpty(), name);
                assertTrue(s.images().search("", Listing.all()).isEmpty(), name);
                assertTrue(s.images().channels(adasImage).isEmpty(), name);
                assertTrue(s.annotations().on(adasImage).isEmpty(), name);
                assertTrue(s.rois().on(adasImage).isEmpty(), name);
                NotFoundException noSettings = assertThrows(NotFoundException.class,
                        () -> s.renderings().load(adasImage));
                NotFoundException noImage = assertThrows(NotFoundException.class,
                        () -> s.renderings().load(withId(new Image("x"), adasImage.id() + 999_999)));
                assertEquals(noImage.getMessage().replace(Long.toString(adasImage.id() + 999_999), "ID"),
                        noSettings.getMessage().replace(Long.toString(adasImage.id()), "ID"), name);
                assertTrue(s.annotations().links(adasImage).isEmpty(), name);
                assertTrue(s.annotations().tags(Listing.all()).stream()
                        .noneMatch(t -> t.textValue().equals("ada's secret tag")), name);
                assertTrue(s.events().find(EventFilter.any().touching(adasImage)).isEmpty(), name);
                // by id: the same exception and message as for an id that was never used
                NotFoundException hidden = assertThrows(NotFoundException.class, () -> s.images().primaryPixels(adasImage));
                NotFoundException none = assertThrows(NotFoundException.class,
                        () -> s.images().primaryPixels(withId(missing, adasImage.id() + 999_999)));
                assertEquals(none.getClass(), hidden.getClass());
                assertEquals(none.getMessage().replace(Long.toString(adasImage.id() + 999_999), "ID"),
                        hidden.getMessage().replace(Long.toString(adasImage.id()), "ID"), name);
                NotFoundException reload = assertThrows(NotFoundException.class,
                        () -> s.reload(adasPrivate));
                assertTrue(reload.getMessage().contains("does not exist or is not visible"), reload.getMessage());
            }
        }
    }

    @Test
    void theEventHistoryIsVisibleLikeTheDataItRecords() {
        EventFilter adasProject = EventFilter.any().touching(adasPrivate);
        try (Session pi = sdk.rootSession().sudo("pi"); Session bob = sdk.rootSession().sudo("bob");
             Session eve = sdk.rootSession().sudo("eve")) {
            // the private group's owner sees who created ada's private project; a member and an outsider do not
            assertEquals(1, pi.events().find(adasProject).size());
            assertTrue(bob.events().find(adasProject).isEmpty());
            assertTrue(eve.events().find(adasProject).isEmpty());
            assertTrue(bob.events().find(EventFilter.any().inGroup(privateLab.id())).stream()
                    .allMatch(e -> e.experimenterId() == bob.user().id()));
            // in the read-only group everyone sees everyone's history
            assertEquals(1, bob.events().find(EventFilter.any().touching(adasReadOnly)).size());
            assertTrue(eve.events().find(EventFilter.any().touching(adasReadOnly)).isEmpty());
        }
    }

    @Test
    void eventsMadeUnderSudoNameTheSudoerThroughTheirSession() {
        Session root = sdk.rootSession();
        try (Session ada = root.sudo("ada")) {
            org.omerosdk.model.screen.Screen p = ada.withGroup(privateLab).containers()
                    .createScreen("made for ada by root");
            org.omerosdk.model.meta.Event e = root.events().find(EventFilter.any().touching(p)).get(0);
            assertEquals(ada.user().id(), e.experimenterId());
            assertEquals(Optional.of(root.user().id()), root.events().sudoer(e));
            // the session is ada's (opened as her): she learns the event was made for her by root
            assertEquals(Optional.of(root.user().id()), ada.events().sudoer(e));
            try (Session bob = root.sudo("bob")) {
                assertEquals(Optional.empty(), bob.events().sudoer(e));
            }
        }
    }

    private static Image withId(Image image, long id) {
        try {
            java.lang.reflect.Field f = org.omerosdk.model.meta.IObject.class.getDeclaredField("id");
            f.setAccessible(true);
            f.set(image, id);
            return image;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
