package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.SecurityViolation;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.containers.Project;
import org.omerosdk.model.meta.ExperimenterGroup;

/** Every write is decided before it runs; refusals name the action, the object and the rule, and leak nothing. */
class WriteCheckTest {
    @TempDir
    static Path dir;
    static OmeroSdk sdk;
    static ExperimenterGroup privateLab;
    static ExperimenterGroup readOnlyLab;
    static ExperimenterGroup readWriteLab;

    @BeforeAll
    static void setUp() {
        sdk = OmeroSdk.builder().dataDirectory(dir).passwordHashIterations(1000).open();
        Session root = sdk.rootSession();
        privateLab = root.admin().createGroup("private-lab", Permissions.Level.PRIVATE);
        readOnlyLab = root.admin().createGroup("read-only-lab", Permissions.Level.READ_ONLY);
        readWriteLab = root.admin().createGroup("read-write-lab", Permissions.Level.READ_WRITE);
        root.admin().createUser("ada", "Ada", "Lovelace", privateLab, readOnlyLab, readWriteLab);
        root.admin().createUser("bob", "Bob", "Hooke", privateLab, readOnlyLab, readWriteLab);
        root.admin().createUser("pi", "Pat", "Investigator", privateLab);
        root.admin().addToGroup(root.admin().user("pi"), privateLab, true);
        root.admin().createUser("eve", "Eve", "Outsider", readWriteLab);
    }

    @AfterAll
    static void close() {
        sdk.close();
    }

    private static Project adasProject(ExperimenterGroup g, String name) {
        try (Session ada = sdk.rootSession().sudo("ada")) {
            return ada.withGroup(g).containers().createProject(name);
        }
    }

    @Test
    void readOnlyMemberCannotRenameOthersProjectAndIsToldWhy() {
        Project p = adasProject(readOnlyLab, "ro");
        try (Session bob = sdk.rootSession().sudo("bob")) {
            SecurityViolation e = assertThrows(SecurityViolation.class,
                    () -> bob.withGroup(readOnlyLab).rename(p, "mine now"));
            assertTrue(e.getMessage().contains("may not edit") && e.getMessage().contains("Read-Only"), e.getMessage());
        }
        assertEquals("ro", sdk.rootSession().reload(p).name());
    }

    @Test
    void readWriteMemberMayRenameOthersProject() {
        Project p = adasProject(readWriteLab, "rw");
        try (Session bob = sdk.rootSession().sudo("bob")) {
            assertEquals("renamed", bob.withGroup(readWriteLab).rename(p, "renamed").name());
        }
    }

    @Test
    void deletingAnInvisibleObjectAnswersLikeAMissingOne() {
        Project p = adasProject(privateLab, "hidden");
        try (Session bob = sdk.rootSession().sudo("bob")) {
            assertThrows(NotFoundException.class, () -> bob.withGroup(privateLab).containers().delete(p));
        }
        assertEquals("hidden", sdk.rootSession().reload(p).name());
    }

    @Test
    void privateGroupOwnerMayDeleteButNotLinkIntoAMembersProject() {
        Project keep = adasProject(privateLab, "keep");
        Project gone = adasProject(privateLab, "gone");
        try (Session pi = sdk.rootSession().sudo("pi")) {
            Session inLab = pi.withGroup(privateLab);
            Dataset own = inLab.containers().createDataset("pi's dataset");
            SecurityViolation e = assertThrows(SecurityViolation.class, () -> inLab.containers().link(keep, own));
            assertTrue(e.getMessage().contains("may not link"), e.getMessage());
            inLab.containers().delete(gone);
        }
        assertThrows(NotFoundException.class, () -> sdk.rootSession().reload(gone));
    }

    @Test
    void nonMembersCannotCreateInAGroup() {
        try (Session eve = sdk.rootSession().sudo("eve")) {
            SecurityViolation e = assertThrows(SecurityViolation.class,
                    () -> eve.withGroup(readOnlyLab).containers().createProject("intrusion"));
            assertTrue(e.getMessage().contains("not a member"), e.getMessage());
        }
    }

    @Test
    void onlyAdministratorsCreateGroupsAndUsers() {
        try (Session bob = sdk.rootSession().sudo("bob")) {
            assertThrows(SecurityViolation.class, () -> bob.admin().createGroup("coup", Permissions.Level.READ_WRITE));
        }
    }

    @Test
    void linksAcrossGroupsAreRefused() {
        try (Session ada = sdk.rootSession().sudo("ada")) {
            Project p = ada.withGroup(readWriteLab).containers().createProject("here");
            Dataset d = ada.withGroup(readOnlyLab).containers().createDataset("there");
            // in one group's context the other group's dataset is not even visible
            assertThrows(NotFoundException.class, () -> ada.withGroup(readWriteLab).containers().link(p, d));
            // in the all-groups context both are visible, and the link is still refused
            SecurityViolation e = assertThrows(SecurityViolation.class, () -> ada.containers().link(p, d));
            assertTrue(e.getMessage().contains("across groups"), e.getMessage());
        }
    }
}
