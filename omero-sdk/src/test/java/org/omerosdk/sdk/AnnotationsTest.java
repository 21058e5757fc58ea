package org.omerosdk.sdk;

import org.omerosdk.importer.NewImage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.omerosdk.model.DimensionOrder;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.SecurityViolation;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.annotations.MapAnnotation;
import org.omerosdk.model.annotations.NamedValue;
import org.omerosdk.model.annotations.TagAnnotation;
import org.omerosdk.model.core.Channel;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.core.LogicalChannel;
import org.omerosdk.model.core.Pixels;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.model.meta.Link;

/**
 * Annotating others' data, reusing others' tags, and who owns and may remove a link between objects of different
 * owners (semantics/permissions.md 5.2, 5.3), at every level.
 */
class AnnotationsTest {
    @TempDir
    Path dir;
    OmeroSdk sdk;
    Session ada;
    Session bob;
    Session pi;
    Image adasImage;
    Image bobsImage;
    TagAnnotation adasTag;
    TagAnnotation bobsTag;

    private void setUp(Permissions.Level level) {
        sdk = OmeroSdk.builder().dataDirectory(dir).passwordHashIterations(1000).rootPassword("r".toCharArray())
                .open();
        Session root = sdk.rootSession();
        ExperimenterGroup g = root.admin().createGroup("lab", level);
        root.admin().createUser("ada", "Ada", "L", g);
        root.admin().createUser("bob", "Bob", "H", g);
        root.admin().createUser("pi", "P", "I", g);
        root.admin().addToGroup(root.admin().user("pi"), g, true);
        ada = root.sudo("ada").withGroup(g);
        bob = root.sudo("bob").withGroup(g);
        pi = root.sudo("pi").withGroup(g);
        adasImage = ada.images().save(image("ada's"));
        bobsImage = bob.images().save(image("bob's"));
        adasTag = ada.annotations().createTag("ada's tag");
        bobsTag = bob.annotations().createTag("bob's tag");
    }

    @AfterEach
    void tearDown() {
        sdk.close();
    }

    private static NewImage image(String name) {
        return new NewImage(new Image(name), new Pixels(PixelType.UINT8, DimensionOrder.XYZCT, 2, 2, 1, 1, 1),
                List.of(new Channel(new LogicalChannel("c"))));
    }

    /** "yes", "refused" (SecurityViolation) or "hidden" (NotFoundException: the caller cannot see an end). */
    private static String outcome(Runnable r) {
        try {
            r.run();
            return "yes";
        } catch (SecurityViolation e) {
            return "refused";
        } catch (NotFoundException e) {
            return "hidden";
        }
    }

    @ParameterizedTest
    @EnumSource(Permissions.Level.class)
    void whoMayAnnotateWhatAtEachLevel(Permissions.Level level) {
        setUp(level);
        String member = outcome(() -> bob.annotations().attach(adasImage, bobsTag));
        String reuse = outcome(() -> bob.annotations().attach(bobsImage, adasTag));
        String owner = outcome(() -> pi.annotations().attach(adasImage, pi.annotations().createTag("pi's tag")));
        String own = outcome(() -> ada.annotations().attach(adasImage, adasTag));
        switch (level) {
            case PRIVATE:
                assertEquals(List.of("hidden", "hidden", "refused", "yes"), List.of(member, reuse, owner, own));
                break;
            case READ_ONLY:
                assertEquals(List.of("refused", "refused", "yes", "yes"), List.of(member, reuse, owner, own));
                break;
            default:
                // Read-Annotate and Read-Write: members annotate each other's data and reuse each other's tags
                assertEquals(List.of("yes", "yes", "yes", "yes"), List.of(member, reuse, owner, own), level.name());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Permissions.Level.class, names = {"READ_ANNOTATE", "READ_WRITE"})
    void aLinkBelongsToItsMakerAndOwningAnEndGivesNoRightOverIt(Permissions.Level level) {
        setUp(level);
        Link<?, ?> link = bob.annotations().attach(adasImage, bobsTag);
        assertEquals(bob.user().id(), link.details().ownerId().orElseThrow());
        assertEquals(List.of("bob's tag"), ada.annotations().on(adasImage).stream()
                .map(a -> ((TagAnnotation) a).textValue()).toList());
        Link<?, ?> seenByAda = ada.annotations().links(adasImage).get(0);
        String adaDetaches = outcome(() -> ada.annotations().detach(seenByAda));
        assertEquals(level == Permissions.Level.READ_WRITE ? "yes" : "refused", adaDetaches);
        if (level == Permissions.Level.READ_ANNOTATE) {
            // the link's maker and the group's owner may remove it
            Link<?, ?> again = bob.annotations().links(adasImage).get(0);
            pi.annotations().detach(again);
            assertTrue(ada.annotations().on(adasImage).isEmpty());
            Link<?, ?> second = bob.annotations().attach(adasImage, bobsTag);
            bob.annotations().detach(second);
            assertTrue(ada.annotations().links(adasImage).isEmpty());
        }
    }

    @Test
    void aTypeWithoutAnnotationLinksIsRefusedByName() {
        setUp(Permissions.Level.READ_ANNOTATE);
        ValidationException e = assertThrows(ValidationException.class,
                () -> ada.annotations().attach(ada.images().primaryPixels(adasImage), adasTag));
        assertTrue(e.getMessage().contains("Pixels objects take no annotations"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Permissions.Level.class)
    void whoMayAnnotateWhoseAnnotationsAtEachLevel(Permissions.Level level) {
        // annotating an annotation (a tag set's tags) is the same linkage check as annotating an image
        setUp(level);
        String member = outcome(() -> bob.annotations().attach(adasTag, bobsTag));
        String reuse = outcome(() -> bob.annotations().attach(bobsTag, adasTag));
        String owner = outcome(() -> pi.annotations().attach(adasTag, pi.annotations().createTag("pi's tag")));
        String own = outcome(() -> ada.annotations().attach(adasTag, ada.annotations().createTag("in ada's set")));
        switch (level) {
            case PRIVATE:
                assertEquals(List.of("hidden", "hidden", "refused", "yes"), List.of(member, reuse, owner, own));
                break;
            case READ_ONLY:
                assertEquals(List.of("refused", "refused", "yes", "yes"), List.of(member, reuse, owner, own));
                break;
            default:
                assertEquals(List.of("yes", "yes", "yes", "yes"), List.of(member, reuse, owner, own), level.name());
        }
    }

    @Test
    void aTagSetListsItsTagsAndATagLeavesItWithItsLink() {
        setUp(Permissions.Level.READ_ANNOTATE);
        TagAnnotation set = ada.annotations().createTag("set");
        Link<?, ?> link = ada.annotations().attach(set, adasTag);
        assertTrue(link instanceof org.omerosdk.model.annotations.AnnotationAnnotationLink, link.toString());
        assertEquals(List.of("ada's tag"), ada.annotations().on(set).stream()
                .map(a -> ((TagAnnotation) a).textValue()).toList());
        assertEquals("set", ((TagAnnotation) ada.annotations().links(set).get(0).parent()).textValue());
        ada.annotations().detach(link);
        assertTrue(ada.annotations().on(set).isEmpty());
        // the tag stays (tags outlive their links)
        assertEquals("ada's tag", ada.get(TagAnnotation.class, adasTag.id()).textValue());
    }

    @Test
    void anAnnotationCannotAnnotateItself() {
        setUp(Permissions.Level.READ_ANNOTATE);
        assertThrows(ValidationException.class, () -> ada.annotations().attach(adasTag, adasTag));
    }

    @Test
    void aMapKeepsItsPairsInOrderWithRepeatedKeysAndItsNamespace() {
        setUp(Permissions.Level.READ_ANNOTATE);
        List<NamedValue> pairs = List.of(new NamedValue("gene", "CDC20"), new NamedValue("antibody", "a1"),
                new NamedValue("gene", "PLK1"), new NamedValue("", "no key"));
        MapAnnotation m = ada.annotations().createMap(MapAnnotation.CLIENT_NS, pairs);
        ada.annotations().attach(adasImage, m);
        MapAnnotation read = (MapAnnotation) ada.annotations().on(adasImage).get(0);
        assertEquals(pairs, read.mapValue());
        assertEquals(Optional.of(MapAnnotation.CLIENT_NS), read.ns());
        // and seen by a colleague the same way
        assertEquals(pairs, ((MapAnnotation) bob.annotations().on(adasImage).get(0)).mapValue());
    }

    @Test
    void anUnsavedMapIsSavedWithItsLink() {
        setUp(Permissions.Level.READ_ANNOTATE);
        MapAnnotation unsaved = new MapAnnotation(List.of(new NamedValue("k", "v")));
        unsaved.setNs("example.org/analysis");
        Link<?, ?> link = bob.annotations().attach(adasImage, unsaved);
        MapAnnotation saved = (MapAnnotation) link.child();
        assertEquals(bob.user().id(), saved.details().ownerId().orElseThrow());
        assertEquals(List.of(new NamedValue("k", "v")), ((MapAnnotation) ada.annotations().on(adasImage).get(0))
                .mapValue());
    }

    @Test
    void anUnsavedMapOnWhatTheCallerMayNotAnnotateLeavesNothing() {
        setUp(Permissions.Level.READ_ONLY);
        MapAnnotation unsaved = new MapAnnotation(List.of(new NamedValue("k", "v")));
        unsaved.setNs(MapAnnotation.CLIENT_NS);
        assertThrows(SecurityViolation.class, () -> bob.annotations().attach(adasImage, unsaved));
        assertTrue(sdk.rootSession().annotations().on(adasImage).isEmpty());
        assertEquals(0L, (long) sdk.store().read(Bootstrap.SYSTEM_CONTEXT, q -> q.count(Select.from(
                MapAnnotation.class))), "the map must not be saved without its link");
    }

    @Test
    void anUnsavedMapOnAnotherUsersPrivateDataAnswersAsMissingAndLeavesNothing() {
        setUp(Permissions.Level.PRIVATE);
        MapAnnotation onImage = new MapAnnotation(List.of(new NamedValue("k", "v")));
        onImage.setNs(MapAnnotation.CLIENT_NS);
        assertThrows(NotFoundException.class, () -> bob.annotations().attach(adasImage, onImage));
        MapAnnotation onTag = new MapAnnotation(List.of(new NamedValue("k", "v")));
        onTag.setNs(MapAnnotation.CLIENT_NS);
        assertThrows(NotFoundException.class, () -> bob.annotations().attach(adasTag, onTag));
        assertTrue(sdk.rootSession().annotations().on(adasImage).isEmpty());
        assertTrue(sdk.rootSession().annotations().on(adasTag).isEmpty());
        assertEquals(0L, (long) sdk.store().read(Bootstrap.SYSTEM_CONTEXT, q -> q.count(Select.from(
                MapAnnotation.class))), "no map may be saved without its link");
    }

    @Test
    void aMapAnnotationIsInvisibleWhereItsGroupHidesIt() {
        setUp(Permissions.Level.PRIVATE);
        MapAnnotation m = ada.annotations().createMap(MapAnnotation.CLIENT_NS, List.of(new NamedValue("k", "v")));
        ada.annotations().attach(adasImage, m);
        assertThrows(NotFoundException.class, () -> bob.get(MapAnnotation.class, m.id()));
        assertThrows(NotFoundException.class, () -> bob.annotations().attach(bobsImage, m));
    }

    @Test
    void aMapNeedsANamespaceAndKeysWithinTheirColumn() {
        setUp(Permissions.Level.READ_ANNOTATE);
        assertThrows(ValidationException.class, () -> ada.annotations().createMap(" ", List.of()));
        ValidationException e = assertThrows(ValidationException.class, () -> ada.annotations().createMap("ns",
                List.of(new NamedValue("k".repeat(256), "v"))));
        assertTrue(e.getMessage().contains("MapAnnotation.mapValue[0].name of 256 characters is too long: at most 255"),
                e.getMessage());
        // a pair of an unsaved map passed to attach is checked by the same write path
        MapAnnotation unsaved = new MapAnnotation(List.of(new NamedValue("k", "v".repeat(10001))));
        unsaved.setNs("ns");
        e = assertThrows(ValidationException.class, () -> ada.annotations().attach(adasImage, unsaved));
        assertTrue(e.getMessage().contains("mapValue[0].value of 10001 characters is too long: at most 10000"),
                e.getMessage());
    }
}
