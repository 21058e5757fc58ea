package org.omerosdk.sdk;

import org.omerosdk.importer.NewImage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
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
}
