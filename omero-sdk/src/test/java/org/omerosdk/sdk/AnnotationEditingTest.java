package org.omerosdk.sdk;

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
import org.omerosdk.model.ConcurrentUpdateException;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.Permissions.Level;
import org.omerosdk.model.SecurityViolation;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.annotations.CommentAnnotation;
import org.omerosdk.model.annotations.MapAnnotation;
import org.omerosdk.model.annotations.NamedValue;
import org.omerosdk.model.annotations.TagAnnotation;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.meta.Link;

/**
 * Editing annotations (text, pairs) on the stored row by whoever may edit them, and one annotation attached to many
 * objects in one transaction, all or nothing.
 */
class AnnotationEditingTest {
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

    @Test
    void theOwnerEditsTheTextOthersOnlyWhereTheGroupLetsThem() {
        Session ada = lab.as("ada", Level.READ_ANNOTATE);
        CommentAnnotation comment = ada.annotations().createComment("first thoughts");
        CommentAnnotation edited = ada.annotations().setText(comment, "second thoughts");
        assertEquals("second thoughts", lab.root.get(CommentAnnotation.class, comment.id()).textValue());
        assertThrows(ConcurrentUpdateException.class, () -> ada.annotations().setText(comment, "stale copy"));
        TagAnnotation tag = ada.annotations().createTag("mitosis");
        Session bob = lab.as("bob", Level.READ_ANNOTATE);
        assertThrows(SecurityViolation.class, () -> bob.annotations().setText(bob.reload(tag), "bob's now"));
        assertEquals("mitosis", lab.root.get(TagAnnotation.class, tag.id()).textValue(), "unchanged on a refusal");
        assertEquals("third", lab.root.annotations().setText(edited, "third").textValue(), "an administrator may");

        TagAnnotation shared = lab.as("ada", Level.READ_WRITE).annotations().createTag("rw");
        Session bobRw = lab.as("bob", Level.READ_WRITE);
        assertEquals("rw, renamed", bobRw.annotations().setText(bobRw.reload(shared), "rw, renamed").textValue(),
                "any member of a Read-Write group may edit");

        TagAnnotation hidden = lab.as("ada", Level.PRIVATE).annotations().createTag("private");
        Session bobPrivate = lab.as("bob", Level.PRIVATE);
        assertThrows(NotFoundException.class, () -> bobPrivate.annotations().setText(hidden, "seen"));
    }

    @Test
    void pairsAreReplacedInTheirOrderAndBadOnesChangeNothing() {
        Session ada = lab.as("ada", Level.PRIVATE);
        MapAnnotation map = ada.annotations().createMap(MapAnnotation.CLIENT_NS,
                List.of(new NamedValue("gene", "CDC20")));
        List<NamedValue> pairs = List.of(new NamedValue("gene", "PLK1"), new NamedValue("stage", "G2"),
                new NamedValue("gene", "AURKA"));
        MapAnnotation changed = ada.annotations().setPairs(map, pairs);
        assertEquals(pairs, lab.root.get(MapAnnotation.class, map.id()).mapValue());
        assertThrows(ValidationException.class, () -> ada.annotations().setPairs(changed,
                List.of(new NamedValue("k".repeat(300), "v"))));
        assertEquals(pairs, lab.root.get(MapAnnotation.class, map.id()).mapValue());
    }

    @Test
    void oneAnnotationGoesOnManyObjectsOrOnNone() {
        Session ada = lab.as("ada", Level.READ_ONLY);
        List<Image> images = List.of(Lab.image(ada, "a", Optional.empty()), Lab.image(ada, "b", Optional.empty()),
                Lab.image(ada, "c", Optional.empty()));
        List<Link<?, ?>> links = ada.annotations().attachToAll(images, new TagAnnotation("batch"));
        assertEquals(3, links.size());
        assertEquals(1, links.stream().map(l -> l.child().id()).distinct().count(), "one tag, three links");
        for (Image i : images) {
            assertTrue(ada.annotations().on(i).stream().anyMatch(a -> a.id() == links.get(0).child().id()));
        }
        // bob may annotate his own image but not ada's in a read-only group: nothing is linked, nothing saved
        Session bob = lab.as("bob", Level.READ_ONLY);
        Image bobs = Lab.image(bob, "bob's", Optional.empty());
        long tagsBefore = bob.annotations().tags(Listing.all()).size();
        SecurityViolation refused = assertThrows(SecurityViolation.class,
                () -> bob.annotations().attachToAll(List.of(bobs, images.get(1)), new TagAnnotation("bob's batch")));
        assertTrue(refused.getMessage().contains(String.valueOf(images.get(1).id())), refused.getMessage());
        assertTrue(bob.annotations().on(bobs).isEmpty(), "the allowed link was not made either");
        assertEquals(tagsBefore, bob.annotations().tags(Listing.all()).size(), "the new tag was not saved");
        assertThrows(ValidationException.class, () -> ada.annotations().attachToAll(List.of(),
                new TagAnnotation("nothing")));
    }
}
