package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.Permissions.Level;
import org.omerosdk.model.SecurityViolation;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.annotations.Annotation;
import org.omerosdk.model.annotations.BooleanAnnotation;
import org.omerosdk.model.annotations.DoubleAnnotation;
import org.omerosdk.model.annotations.LongAnnotation;
import org.omerosdk.model.annotations.TermAnnotation;
import org.omerosdk.model.annotations.TimestampAnnotation;
import org.omerosdk.model.annotations.XmlAnnotation;
import org.omerosdk.model.core.Image;

/**
 * Ratings (OMERO's LongAnnotation in the rating namespace: 1-5 stars, one per user and object, 0 removes) and the
 * value annotations (long, double, boolean, timestamp, term, XML) attached and read back.
 */
class RatingsAndValueAnnotationsTest {
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

    private static Map<String, Long> starsByUser(Session s, Image image) {
        return s.annotations().ratings(image).stream().collect(Collectors.toMap(
                a -> lab.root.get(org.omerosdk.model.meta.Experimenter.class, a.details().ownerId().orElseThrow())
                        .omeName(),
                LongAnnotation::longValue));
    }

    @Test
    void eachUserHasOneRatingThatRatingAgainChangesAndZeroRemoves() {
        Session ada = lab.as("ada", Level.READ_ANNOTATE);
        Session bob = lab.as("bob", Level.READ_ANNOTATE);
        Image image = Lab.image(ada, "rated", Optional.empty());
        LongAnnotation first = ada.annotations().rate(image, 4).orElseThrow();
        assertEquals(Optional.of(Annotations.RATING_NS), first.ns());
        LongAnnotation changed = ada.annotations().rate(image, 2).orElseThrow();
        assertEquals(first.id(), changed.id(), "the same rating, changed");
        bob.annotations().rate(image, 5);
        assertEquals(Map.of("ada", 2L, "bob", 5L), starsByUser(ada, image));
        assertEquals(Optional.empty(), ada.annotations().rate(image, 0));
        assertEquals(Map.of("bob", 5L), starsByUser(bob, image), "only the caller's rating goes");
        assertThrows(NotFoundException.class, () -> ada.get(LongAnnotation.class, first.id()),
                "a removed rating is deleted, not left orphaned");
        for (int bad : new int[] {-1, 6, Integer.MAX_VALUE}) {
            ValidationException e = assertThrows(ValidationException.class, () -> ada.annotations().rate(image, bad));
            assertTrue(e.getMessage().contains(String.valueOf(bad)), e.getMessage());
        }
    }

    @Test
    void ratingIsAnnotatingAndFollowsItsRules() {
        Image readOnly = Lab.image(lab.as("ada", Level.READ_ONLY), "read-only", Optional.empty());
        Session bob = lab.as("bob", Level.READ_ONLY);
        assertThrows(SecurityViolation.class, () -> bob.annotations().rate(readOnly, 3));
        assertTrue(lab.root.annotations().ratings(readOnly).isEmpty(), "nothing stored on a refusal");
        Image hidden = Lab.image(lab.as("ada", Level.PRIVATE), "private", Optional.empty());
        Session bobPrivate = lab.as("bob", Level.PRIVATE);
        assertThrows(NotFoundException.class, () -> bobPrivate.annotations().rate(hidden, 3));
        assertTrue(bobPrivate.annotations().ratings(hidden).isEmpty(), "as for a missing image (like on())");
        // the owner of the group may rate a member's image in a read-only group
        lab.as("pi", Level.READ_ONLY).annotations().rate(readOnly, 1);
        assertEquals(1, lab.root.annotations().ratings(readOnly).size());
    }

    @Test
    void valueAnnotationsAttachAndReadBack() {
        Session ada = lab.as("ada", Level.PRIVATE);
        Image image = Lab.image(ada, "values", Optional.empty());
        Instant when = Instant.parse("2026-12-03T10:15:30.123Z");
        List<Annotation> made = List.of(new LongAnnotation(-42), new DoubleAnnotation(2.5e-7),
                new BooleanAnnotation(true), new TimestampAnnotation(when), new TermAnnotation("GO:0007067"),
                new XmlAnnotation("<cell phase=\"prophase\"/>"));
        for (Annotation a : made) {
            ada.annotations().attach(image, a);
        }
        List<Annotation> on = ada.annotations().on(image);
        assertEquals(6, on.size());
        assertEquals(-42, one(on, LongAnnotation.class).longValue());
        assertEquals(2.5e-7, one(on, DoubleAnnotation.class).doubleValue(), 0);
        assertTrue(one(on, BooleanAnnotation.class).boolValue());
        assertEquals(when, one(on, TimestampAnnotation.class).timeValue());
        assertEquals("GO:0007067", one(on, TermAnnotation.class).termValue());
        assertEquals("<cell phase=\"prophase\"/>", one(on, XmlAnnotation.class).textValue());
        assertTrue(ada.annotations().ratings(image).isEmpty(), "a long annotation outside the namespace is no rating");
    }

    private static <T extends Annotation> T one(List<Annotation> on, Class<T> type) {
        List<T> found = on.stream().filter(type::isInstance).map(type::cast).toList();
        assertEquals(1, found.size(), type.getSimpleName() + " in " + on);
        return found.get(0);
    }
}
