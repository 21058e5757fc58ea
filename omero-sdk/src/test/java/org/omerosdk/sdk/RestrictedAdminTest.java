package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.SecurityViolation;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.containers.Project;
import org.omerosdk.model.meta.Experimenter;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.permissions.AdminPrivilege;

/** Restricted administrators in sessions (semantics/permissions.md 2.3 and 12): what each privilege unlocks. */
class RestrictedAdminTest {
    @TempDir
    Path dir;
    OmeroSdk sdk;
    Session root;
    ExperimenterGroup lab;
    Project adasProject;
    Experimenter curator;

    @BeforeEach
    void setUp() {
        sdk = OmeroSdk.builder().dataDirectory(dir).passwordHashIterations(1000).rootPassword("r".toCharArray())
                .open();
        root = sdk.rootSession();
        lab = root.admin().createGroup("lab", Permissions.Level.READ_ONLY);
        root.admin().createUser("ada", "Ada", "L", lab);
        curator = root.admin().createUser("curator", "C", "U", root.admin().group("system"));
        try (Session ada = root.sudo("ada")) {
            adasProject = ada.withGroup(lab).containers().createProject("ada's");
        }
    }

    @AfterEach
    void tearDown() {
        sdk.close();
    }

    private Session curator(AdminPrivilege... held) {
        root.admin().setAdminPrivileges(curator, held.length == 0 ? Set.of() : EnumSet.of(held[0], held));
        return root.sudo("curator");
    }

    @Test
    void aMemberOfSystemHoldsEveryPrivilegeUntilSomeAreTakenAway() {
        assertEquals(EnumSet.allOf(AdminPrivilege.class), root.admin().adminPrivileges(curator));
        root.admin().setAdminPrivileges(curator, EnumSet.of(AdminPrivilege.WRITE_OWNED));
        assertEquals(EnumSet.of(AdminPrivilege.WRITE_OWNED), root.admin().adminPrivileges(curator));
        assertEquals(Set.of(), root.admin().adminPrivileges(root.admin().user("ada")));
        assertThrows(ValidationException.class, () -> root.admin().setAdminPrivileges(root.user(), Set.of()));
    }

    @Test
    void writeOwnedEditsOthersDataButDeletingNeedsDeleteOwned() {
        try (Session c = curator(AdminPrivilege.WRITE_OWNED)) {
            assertEquals("ada's", c.reload(adasProject).name()); // reads everything
            c.rename(c.reload(adasProject), "curated");
            SecurityViolation e = assertThrows(SecurityViolation.class,
                    () -> c.containers().delete(c.reload(adasProject)));
            assertTrue(e.getMessage().contains("delete"), e.getMessage());
            // creating in a group one is not a member of needs WriteOwned, which it has
            c.withGroup(lab).containers().createProject("curator's");
        }
        try (Session c = curator(AdminPrivilege.DELETE_OWNED)) {
            c.containers().delete(c.reload(adasProject));
        }
    }

    @Test
    void withoutPrivilegesARestrictedAdministratorOnlyViews() {
        try (Session c = curator()) {
            assertEquals("ada's", c.reload(adasProject).name());
            assertThrows(SecurityViolation.class, () -> c.rename(c.reload(adasProject), "x"));
            assertThrows(SecurityViolation.class, () -> c.withGroup(lab).containers().createProject("x"));
            assertThrows(SecurityViolation.class, () -> c.admin().createGroup("g", Permissions.Level.PRIVATE));
            assertThrows(SecurityViolation.class, () -> c.admin().createUser("u", "U", "U", lab));
            assertThrows(SecurityViolation.class, () -> c.sudo("ada"));
            assertThrows(SecurityViolation.class, () -> c.admin().changeLevel(lab, Permissions.Level.PRIVATE, true));
        }
    }

    @Test
    void eachAdministrativeActionNeedsItsPrivilege() {
        try (Session c = curator(AdminPrivilege.MODIFY_GROUP)) {
            c.admin().createGroup("made by curator", Permissions.Level.PRIVATE);
            c.admin().changeLevel(lab, Permissions.Level.READ_ANNOTATE, false);
            assertThrows(SecurityViolation.class, () -> c.admin().createUser("u", "U", "U", lab));
        }
        try (Session c = curator(AdminPrivilege.MODIFY_USER, AdminPrivilege.MODIFY_GROUP_MEMBERSHIP)) {
            c.admin().createUser("u", "U", "U", lab);
        }
        try (Session c = curator(AdminPrivilege.SUDO)) {
            try (Session asAda = c.sudo("ada")) {
                assertEquals("ada", asAda.user().omeName());
            }
        }
    }

    @Test
    void nobodyGrantsAPrivilegeTheyDoNotHold() {
        try (Session c = curator(AdminPrivilege.MODIFY_USER)) {
            Experimenter other = root.admin().createUser("other", "O", "T", root.admin().group("system"));
            root.admin().setAdminPrivileges(other, EnumSet.of(AdminPrivilege.MODIFY_GROUP));
            SecurityViolation e = assertThrows(SecurityViolation.class,
                    () -> c.admin().setAdminPrivileges(other, EnumSet.of(AdminPrivilege.SUDO)));
            assertTrue(e.getMessage().contains("SUDO"), e.getMessage());
            // as in OMERO, what the user gains counts: taking away, or granting what the caller holds, is allowed
            c.admin().setAdminPrivileges(other, EnumSet.of(AdminPrivilege.MODIFY_USER));
            assertEquals(EnumSet.of(AdminPrivilege.MODIFY_USER), root.admin().adminPrivileges(other));
        }
    }
}
