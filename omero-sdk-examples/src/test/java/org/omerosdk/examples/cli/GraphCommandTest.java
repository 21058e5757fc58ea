package org.omerosdk.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.containers.Project;
import org.omerosdk.model.meta.Experimenter;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.sdk.OmeroSdk;
import org.omerosdk.sdk.Session;

/**
 * {@code omero delete|chgrp|chown} against a real data directory: what they print, what they change, and that a
 * refusal or a dry run changes nothing.
 */
class GraphCommandTest {
    private Path data;
    private Path sessions;
    private long project;
    private long dataset;
    private long lab;
    private long other;
    private long bob;
    private String out;
    private String err;

    @BeforeEach
    void repository(@TempDir Path dir) {
        data = dir.resolve("data");
        sessions = dir.resolve("sessions");
        try (OmeroSdk sdk = OmeroSdk.builder().dataDirectory(data).open(); Session root = sdk.rootSession()) {
            ExperimenterGroup l = root.admin().createGroup("lab", Permissions.Level.READ_ANNOTATE);
            ExperimenterGroup o = root.admin().createGroup("other", Permissions.Level.PRIVATE);
            lab = l.id();
            other = o.id();
            Experimenter alice = root.admin().createUser("alice", "Alice", "Lab", l, o);
            root.admin().setPassword(alice, "alice-pw".toCharArray());
            Experimenter b = root.admin().createUser("bob", "Bob", "Lab", l);
            root.admin().setPassword(b, "bob-pw".toCharArray());
            bob = b.id();
            try (Session s = root.sudo("alice")) {
                Session inLab = s.withGroup(l);
                Project p = inLab.containers().createProject("p");
                project = p.id();
                dataset = inLab.containers().createDataset(p, "d").id();
            }
        }
    }

    private int as(String user, String... args) {
        CliRun r = CliRun.in(data, sessions, CliRun.loggedIn(user, args));
        out = r.out();
        err = r.err();
        return r.rc();
    }

    private <T> T asRoot(Function<Session, T> work) {
        try (OmeroSdk sdk = OmeroSdk.builder().dataDirectory(data).open(); Session root = sdk.rootSession()) {
            return work.apply(root);
        }
    }

    private boolean exists(Class<? extends org.omerosdk.model.meta.IObject> type, long id) {
        return asRoot(s -> {
            try {
                s.get(type, id);
                return true;
            } catch (NotFoundException e) {
                return false;
            }
        });
    }

    @Test
    void dryRunPrintsWhatWouldGoAndChangesNothing() {
        assertEquals(0, as("alice", "delete", "Project:" + project, "--dry-run", "--report"), err);
        assertTrue(out.startsWith("Dry run: Deleting Project:" + project + " ... ok, 2 objects"), out);
        assertTrue(out.contains("Would be deleted objects\n  Dataset:" + dataset + "\n  Project:" + project), out);
        assertTrue(out.contains("Links removed\n  ProjectDatasetLink:"), out);
        assertTrue(exists(Project.class, project) && exists(Dataset.class, dataset));
    }

    @Test
    void deleteRemovesTheObjectsTheReportNames() {
        assertEquals(0, as("alice", "delete", "Project:" + project, "--report"), err);
        assertTrue(out.startsWith("Deleting Project:" + project + " ... ok, 2 objects\nDeleted objects"), out);
        assertFalse(exists(Project.class, project));
        assertFalse(exists(Dataset.class, dataset));
    }

    @Test
    void excludeKeepsObjectsOfThatType() {
        assertEquals(0, as("alice", "delete", "Project:" + project, "--exclude", "Dataset"), err);
        assertTrue(out.contains("ok, 1 objects"), out);
        assertFalse(exists(Project.class, project));
        assertTrue(exists(Dataset.class, dataset));
    }

    @Test
    void chgrpMovesToAGroupNamedByName() {
        assertEquals(0, as("alice", "chgrp", "other", "Project:" + project), err);
        // the project, its dataset and the link between them move together
        assertEquals("Moving to Group:" + other + " Project:" + project + " ... ok, 3 objects\n", out);
        assertEquals(Long.valueOf(other), asRoot(s -> s.get(Dataset.class, dataset).details().groupId().get()));
    }

    @Test
    void chgrpToAGroupOneIsNotInIsRefusedAndChangesNothing() {
        assertEquals(OmeroCli.EXIT_FAILED, as("bob", "chgrp", "Group:" + other, "Dataset:" + dataset));
        assertTrue(err.startsWith("omero: "), err);
        assertEquals(Long.valueOf(lab), asRoot(s -> s.get(Dataset.class, dataset).details().groupId().get()));
    }

    @Test
    void chownGivesToAUserAsAnAdministrator() {
        try (OmeroSdk sdk = OmeroSdk.builder().dataDirectory(data).open(); Session root = sdk.rootSession()) {
            root.admin().setPassword(root.admin().user("root"), "root-pw".toCharArray());
        }
        assertEquals(0, as("root", "chown", "bob", "Project:" + project + "", "--dry-run"), err);
        assertEquals(Long.valueOf(lab), asRoot(s -> s.get(Dataset.class, dataset).details().groupId().get()));
        assertTrue(asRoot(s -> s.get(Project.class, project).details().ownerId().get()) != bob);
        assertEquals(0, as("root", "chown", "Experimenter:" + bob, "Project:" + project), err);
        assertEquals("Giving to Experimenter:" + bob + " Project:" + project + " ... ok, 3 objects\n", out);
        assertEquals(Long.valueOf(bob), asRoot(s -> s.get(Dataset.class, dataset).details().ownerId().get()));
    }

    @Test
    void anotherMembersDataIsNotDeletedForThem() {
        assertTrue(as("bob", "delete", "Dataset:" + dataset) != 0, out);
        assertTrue(err.startsWith("omero: "), err);
        assertTrue(exists(Dataset.class, dataset));
    }

    @Test
    void unknownTypesAndMalformedIdsAreRefusedNamingTheArgument() {
        assertEquals(OmeroCli.EXIT_REFUSED, as("alice", "delete", "Gizmo:1"));
        assertTrue(err.contains("\"Gizmo\" is not a type of the model"), err);
        assertEquals(OmeroCli.EXIT_REFUSED, as("alice", "delete", "Dataset:x"));
        assertTrue(err.contains("\"Dataset:x\": \"x\" is not an id"), err);
        assertEquals(OmeroCli.EXIT_REFUSED, as("alice", "delete", "Dataset:" + dataset, "--include", "Nothing"));
        assertTrue(exists(Dataset.class, dataset));
    }

    @Test
    void typesAreRecognisedInAnyCase() {
        assertEquals(org.omerosdk.model.core.Image.class, GraphCommand.type("image"));
        assertEquals(org.omerosdk.model.annotations.TagAnnotation.class, GraphCommand.type("TAGANNOTATION"));
        assertThrows(org.omerosdk.model.ValidationException.class, () -> GraphCommand.type("Event"));
    }
}
