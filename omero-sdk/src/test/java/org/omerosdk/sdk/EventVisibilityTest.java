package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.omerosdk.model.Permissions.Level;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.containers.Project;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.meta.Event;
import org.omerosdk.model.meta.EventLog;
import org.omerosdk.model.meta.ExperimenterGroup;

/**
 * The history is filed under the touched object's group, not the session's default group: nobody reads what
 * happened to objects of a group whose data they may not see, and asking about a hidden object's history answers
 * exactly like asking about a missing one.
 */
class EventVisibilityTest {
    @TempDir
    Path dir;

    /** The object names of every log row {@code s} may read. */
    private static List<String> rows(Session s) {
        return s.events().find(EventFilter.any()).stream().flatMap(e -> s.events().logs(e).stream())
                .map(EventLog::toString).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"H2", "POSTGRES"})
    void writesToAPrivateGroupFromAnotherDefaultGroupStayInThePrivateGroup(String target) throws Exception {
        try (Lab lab = Lab.open(Lab.target(target), dir)) {
            // cat's default group is read-write, where bob reads everything; her project is in the private group
            ExperimenterGroup readWrite = lab.group(Level.READ_WRITE);
            lab.root.admin().createUser("cat", "C", "A", readWrite, lab.group(Level.PRIVATE));
            Session cat = lab.as("cat");
            Project secret = lab.as("cat", Level.PRIVATE).containers().createProject("secret");
            Image image = Lab.image(lab.as("cat", Level.PRIVATE), "secret image", Optional.empty());
            cat.rename(secret, "still secret");
            cat.annotations().attach(image, lab.as("cat", Level.PRIVATE).annotations().createTag("t"));
            Project open = cat.containers().createProject("open");

            Session bob = lab.as("bob");
            List<String> seen = rows(bob);
            assertTrue(seen.contains("INSERT Project:" + open.id()), seen.toString());
            for (String row : seen) {
                assertTrue(!row.endsWith(":" + secret.id()) && !row.endsWith(":" + image.id()), row);
            }
            assertTrue(seen.stream().noneMatch(r -> r.contains("AnnotationLink")), seen.toString());
            assertEquals(List.of(), bob.events().find(EventFilter.any().touching(secret)));
            assertEquals(List.of(), rows(bob.withGroup(readWrite)).stream()
                    .filter(r -> r.endsWith(":" + secret.id())).toList());
            // the event is filed where the project is
            Event renamed = lab.root.events().find(EventFilter.any().touching(secret)).get(1);
            assertEquals(lab.group(Level.PRIVATE).id(), renamed.groupId());
            // cat herself still reads her own history there; pi, owner of the private group, too
            assertEquals(2, cat.events().find(EventFilter.any().touching(secret)).size());
            assertEquals(2, lab.as("pi").events().find(EventFilter.any().touching(secret)).size());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"H2", "POSTGRES"})
    void touchingAHiddenObjectAnswersLikeTouchingAMissingOne(String target) throws Exception {
        try (Lab lab = Lab.open(Lab.target(target), dir)) {
            Session ada = lab.as("ada", Level.PRIVATE);
            Project hidden = ada.containers().createProject("hidden");
            ada.rename(hidden, "hidden, renamed");
            Project missing = lab.root.reload(hidden);
            java.lang.reflect.Field id = org.omerosdk.model.meta.IObject.class.getDeclaredField("id");
            id.setAccessible(true);
            id.set(missing, Long.MAX_VALUE - 1);
            for (Session bob : List.of(lab.as("bob"), lab.as("bob", Level.PRIVATE), lab.as("eve"))) {
                assertEquals(bob.events().find(EventFilter.any().touching(missing)),
                        bob.events().find(EventFilter.any().touching(hidden)));
                assertEquals(List.of(), bob.events().find(EventFilter.any().touching(hidden)));
            }
        }
    }

    @Test
    void thePublicUserReadsNoAnnotationEventsUnlessItSeesAnnotations() {
        for (String annotations : List.of("false", "true")) {
            Path data = dir.resolve("public-" + annotations);
            try (OmeroSdk sdk = OmeroSdk.builder().dataDirectory(data).passwordHashIterations(1000)
                    .set(ConfigKeys.WEB_PUBLIC_ENABLED, "true").set(ConfigKeys.WEB_PUBLIC_USER, "public")
                    .set(ConfigKeys.WEB_PUBLIC_PASSWORD, "public-pw")
                    .set(ConfigKeys.byName("omero.sdk.public.annotations").orElseThrow(), annotations).open()) {
                Session root = sdk.rootSession();
                ExperimenterGroup published = root.admin().createGroup("published", Level.READ_ONLY);
                root.admin().createUser("ada", "Ada", "L", published);
                root.admin().setPassword(root.admin().createUser("public", "Public", "User", published),
                        "public-pw".toCharArray());
                Session ada = root.sudo("ada").withGroup(published);
                Image image = Lab.image(ada, "published image", Optional.empty());
                ada.annotations().attach(image, ada.annotations().createTag("unreviewed"));
                List<String> seen = rows(sdk.publicSession());
                assertTrue(seen.contains("INSERT Image:" + image.id()), seen.toString());
                boolean annotationRows = seen.stream().anyMatch(r -> r.contains("Annotation"));
                assertEquals(annotations.equals("true"), annotationRows, annotations + ": " + seen);
            }
        }
    }
}
