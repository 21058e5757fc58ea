package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.OmeroException;
import org.omerosdk.model.ReadOnlyException;
import org.omerosdk.model.SecurityViolation;
import org.omerosdk.model.containers.Project;
import org.omerosdk.permissions.AdminPrivilege;

/** The escalations found at the seams of sessions (issue 10, items 1-5), each reproduced as the attacker did it. */
class SessionEscalationTest {
    @TempDir
    Path dir;
    Lab lab;

    @BeforeEach
    void setUp() {
        lab = Lab.open(DatabaseTarget.H2, dir);
    }

    @AfterEach
    void tearDown() {
        lab.close();
    }

    private Project project(String name) {
        return lab.root.containers().projects(Listing.all()).stream().filter(p -> p.name().equals(name))
                .findFirst().orElseThrow();
    }

    @Test
    void aGroupOwnerCannotAddAnAdministratorToTheirGroup() {
        try (Session pi = lab.login("pi")) {
            SecurityViolation e = assertThrows(SecurityViolation.class,
                    () -> pi.admin().addToGroup(lab.root.user(), lab.group("readOnly"), false));
            assertTrue(e.getMessage().contains("root"), e.getMessage());
            assertThrows(SecurityViolation.class,
                    () -> pi.admin().addToGroup(lab.user("curator"), lab.group("readOnly"), false));
        }
        assertFalse(lab.root.admin().groupsOf(lab.root.user()).stream()
                .anyMatch(g -> g.name().equals("readOnly")));
    }

    @Test
    void aGroupOwnerCannotGroupSudoIntoAnAdministratorAnAdministratorAddedToTheGroup() {
        // an administrator may put another administrator into the group; the owner still cannot act as them
        lab.root.admin().addToGroup(lab.root.user(), lab.group("readOnly"), false);
        try (Session pi = lab.login("pi")) {
            SecurityViolation e = assertThrows(SecurityViolation.class,
                    () -> pi.sudo("root", lab.group("readOnly")));
            assertTrue(e.getMessage().contains("privileges"), e.getMessage());
        }
    }

    @Test
    void aJoinedGroupSudoSessionHoldsNoPrivilegesAndStaysInItsGroup() {
        try (Session pi = lab.login("pi"); Session asAda = pi.sudo("ada", lab.group("readOnly"))) {
            Set<String> seen = Lab.projects(asAda);
            assertEquals(Set.of("ada@readOnly", "bob@readOnly", "pi@readOnly"), seen);
            for (Session joined : new Session[] {lab.sdk.joinSession(asAda.key()),
                lab.anotherInstance().joinSession(asAda.key())}) {
                assertEquals(seen, Lab.projects(joined));
                assertEquals(Set.of(), joined.context().privileges());
                assertFalse(joined.context().admin());
                assertEquals(lab.group("readOnly").id(), joined.context().groupId());
                Project hidden = project("ada@private");
                assertThrows(OmeroException.class, () -> joined.rename(hidden, "renamed"));
                assertThrows(SecurityViolation.class, () -> joined.admin().createGroup("mine",
                        org.omerosdk.model.Permissions.Level.PRIVATE));
            }
        }
        assertEquals("ada@private", project("ada@private").name());
    }

    @Test
    void aJoinedPublicSessionStaysPublicAndReadOnly() {
        Session pub = lab.sdk.publicSession();
        for (Session joined : new Session[] {lab.sdk.joinSession(pub.key()),
            lab.anotherInstance().joinSession(pub.key())}) {
            assertTrue(joined.context().publicUser());
            assertEquals(Lab.projects(pub), Lab.projects(joined));
            assertThrows(ReadOnlyException.class, () -> joined.containers().createProject("defaced"));
        }
    }

    @Test
    void aRestrictedAdministratorCannotGrantPrivilegesThroughTheSystemGroup() {
        lab.root.admin().setAdminPrivileges(lab.user("curator"), EnumSet.of(AdminPrivilege.MODIFY_GROUP_MEMBERSHIP));
        try (Session curator = lab.login("curator")) {
            SecurityViolation e = assertThrows(SecurityViolation.class,
                    () -> curator.admin().addToGroup(lab.user("bob"), lab.group("system"), false));
            assertTrue(e.getMessage().contains("privilege"), e.getMessage());
            // memberships that give no privilege stay allowed
            curator.admin().addToGroup(lab.user("bob"), lab.group("readWrite"), false);
        }
        assertEquals(Set.of(), lab.root.admin().adminPrivileges(lab.user("bob")));
    }

    @Test
    void removingAUserFromAGroupReachesTheirOpenSessionOnItsNextCall() {
        try (Session ada = lab.login("ada")) {
            Session inReadOnly = ada.withGroup(lab.group("readOnly"));
            assertTrue(Lab.projects(ada).contains("bob@readOnly"));
            lab.root.admin().removeFromGroup(lab.user("ada"), lab.group("readOnly"));
            assertFalse(Lab.projects(ada).contains("bob@readOnly"));
            assertThrows(SecurityViolation.class, () -> inReadOnly.containers().createProject("after removal"));
        }
    }

    @Test
    void removingAnAdministratorFromSystemReachesTheirOpenSessionOnItsNextCall() {
        try (Session boss = lab.login("boss")) {
            assertTrue(boss.context().admin());
            lab.root.admin().removeFromGroup(lab.user("boss"), lab.group("system"));
            assertFalse(boss.context().admin());
            assertEquals(Set.of(), boss.context().privileges());
            assertThrows(SecurityViolation.class, () -> boss.admin().createGroup("after",
                    org.omerosdk.model.Permissions.Level.PRIVATE));
        }
    }
}
