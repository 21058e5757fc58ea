package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.omerosdk.model.AuthenticationException;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.SecurityViolation;
import org.omerosdk.permissions.AdminPrivilege;

/**
 * Membership and privilege changes made on one SDK instance reach sessions open on another instance on the same
 * database on their very next call (the bound is zero: no waiting, no cache to expire), and on the same instance.
 */
class MembershipChangeTest {
    @TempDir
    Path dir;

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("H2", DatabaseTarget.H2), Arguments.of("PostgreSQL", DatabaseTarget.POSTGRES));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void removalFromAGroupReachesTheUsersSessionsOnAnotherInstanceOnTheirNextCall(String name, DatabaseTarget db) {
        try (Lab lab = Lab.open(db, dir)) {
            OmeroSdk other = lab.anotherInstance();
            Session ada = other.login("ada", Lab.PASSWORD.toCharArray());
            Session adaInGroup = ada.withGroup(lab.group("readOnly"));
            Session joinedHere = lab.sdk.joinSession(ada.key());
            assertTrue(Lab.projects(ada).contains("bob@readOnly"));
            lab.root.admin().removeFromGroup(lab.user("ada"), lab.group("readOnly"));
            for (Session s : new Session[] {ada, joinedHere}) {
                Set<String> seen = Lab.projects(s);
                assertFalse(seen.contains("bob@readOnly"), seen.toString());
                assertFalse(s.context().memberOf().contains(lab.group("readOnly").id()));
            }
            SecurityViolation e = assertThrows(SecurityViolation.class,
                    () -> adaInGroup.containers().createProject("written after removal"));
            assertTrue(e.getMessage().contains("readOnly"), e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void removalFromSystemReachesTheAdministratorsSessionOnAnotherInstanceOnItsNextCall(String name,
                                                                                       DatabaseTarget db) {
        try (Lab lab = Lab.open(db, dir)) {
            Session boss = lab.anotherInstance().login("boss", Lab.PASSWORD.toCharArray());
            assertEquals(EnumSet.allOf(AdminPrivilege.class), boss.context().privileges());
            lab.root.admin().removeFromGroup(lab.user("boss"), lab.group("system"));
            assertFalse(boss.context().admin());
            assertThrows(SecurityViolation.class, () -> boss.admin().createGroup("made after removal",
                    Permissions.Level.PRIVATE));
            assertFalse(Lab.projects(boss).contains("bob@private"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void changedRestrictionsReachOpenSessionsAndTheirSudoSessionsOnAnotherInstance(String name, DatabaseTarget db) {
        try (Lab lab = Lab.open(db, dir)) {
            Session curator = lab.anotherInstance().login("curator", Lab.PASSWORD.toCharArray());
            Session asAda = curator.sudo("ada");
            assertEquals(lab.user("ada").id(), asAda.context().userId());
            lab.root.admin().setAdminPrivileges(lab.user("curator"), EnumSet.of(AdminPrivilege.WRITE_OWNED));
            assertEquals(EnumSet.of(AdminPrivilege.WRITE_OWNED), curator.context().privileges());
            assertThrows(SecurityViolation.class, () -> curator.sudo("bob"));
            // the sudo session opened while the curator held Sudo acts no more
            SecurityViolation e = assertThrows(SecurityViolation.class, () -> Lab.projects(asAda));
            assertTrue(e.getMessage().contains("Sudo"), e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aDeactivatedUserCannotWorkInAnOpenSession(String name, DatabaseTarget db) {
        try (Lab lab = Lab.open(db, dir)) {
            Session bob = lab.anotherInstance().login("bob", Lab.PASSWORD.toCharArray());
            Lab.projects(bob);
            lab.root.admin().removeFromGroup(lab.user("bob"), lab.group("user"));
            AuthenticationException e = assertThrows(AuthenticationException.class, () -> Lab.projects(bob));
            assertTrue(e.getMessage().contains("inactive"), e.getMessage());
            assertThrows(AuthenticationException.class, () -> lab.login("bob"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aGroupSudoSessionEndsWhenItsOwnerNoLongerOwnsTheGroup(String name, DatabaseTarget db) {
        try (Lab lab = Lab.open(db, dir)) {
            Session pi = lab.anotherInstance().login("pi", Lab.PASSWORD.toCharArray());
            Session asAda = pi.sudo("ada", lab.group("readOnly"));
            assertTrue(Lab.projects(asAda).contains("bob@readOnly"));
            lab.root.admin().addToGroup(lab.user("pi"), lab.group("readOnly"), false);
            assertThrows(SecurityViolation.class, () -> Lab.projects(asAda));
        }
    }
}
