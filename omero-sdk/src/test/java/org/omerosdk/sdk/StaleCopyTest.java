package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.annotations.TagAnnotation;
import org.omerosdk.model.containers.Project;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.meta.Link;

/**
 * Visibility is decided before the version: a stale copy of an object the caller can no longer see answers
 * exactly like a stale copy of one that was deleted, never with a ConcurrentUpdateException that would tell it
 * exists.
 */
class StaleCopyTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"H2", "POSTGRES"})
    void staleCopyOfAnObjectThatBecameInvisibleAnswersLikeAMissingOne(String target) {
        try (Lab lab = Lab.open(Lab.target(target), dir)) {
            Session ada = lab.as("ada", Permissions.Level.READ_WRITE);
            Session bob = lab.as("bob", Permissions.Level.READ_WRITE);
            Project hidden = ada.containers().createProject("hidden later");
            Project deleted = ada.containers().createProject("deleted");
            Image image = Lab.image(ada, "i", Optional.empty());
            Link<?, ?> link = bob.annotations().attach(image, bob.annotations().createTag("t"));
            Link<?, ?> gone = bob.annotations().attach(image, bob.annotations().createTag("u"));
            // bob holds copies; ada changes the project (bob's copy goes stale), then the group becomes private
            Project bobsHidden = bob.reload(hidden);
            Project bobsDeleted = bob.reload(deleted);
            ada.rename(hidden, "changed");
            ada.rename(deleted, "changed");
            ada.containers().delete(ada.reload(deleted));
            bob.annotations().detach(gone);
            lab.root.admin().changeLevel(lab.group(Permissions.Level.READ_WRITE), Permissions.Level.PRIVATE, false);

            NotFoundException missing = assertThrows(NotFoundException.class,
                    () -> bob.rename(bobsDeleted, "x"));
            NotFoundException invisible = assertThrows(NotFoundException.class,
                    () -> bob.rename(bobsHidden, "x"));
            assertEquals(missing.getMessage().replace(Long.toString(deleted.id()), "ID"),
                    invisible.getMessage().replace(Long.toString(hidden.id()), "ID"));
            // bob's link on ada's image: its parent is now invisible; the downgrade removed it, so both are missing
            NotFoundException linkMissing = assertThrows(NotFoundException.class,
                    () -> bob.annotations().detach(gone));
            NotFoundException linkGone = assertThrows(NotFoundException.class,
                    () -> bob.annotations().detach(link));
            assertEquals(linkMissing.getMessage().replace(Long.toString(gone.id()), "ID"),
                    linkGone.getMessage().replace(Long.toString(link.id()), "ID"));
        }
    }
}
