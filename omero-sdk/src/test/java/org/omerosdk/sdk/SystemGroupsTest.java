package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.SecurityViolation;
import org.omerosdk.model.containers.Project;
import org.omerosdk.model.meta.ExperimenterGroup;

/**
 * The system rows behave as in OMERO although our database numbers them differently (semantics 2.1): the guest user
 * creates nothing, and data in the {@code user} group is a common space everyone reads but only its owner changes.
 */
class SystemGroupsTest {
    @TempDir
    Path dir;

    @Test
    void theGuestUserCreatesNothing() {
        try (OmeroSdk sdk = OmeroSdk.builder().dataDirectory(dir).passwordHashIterations(1000)
                .rootPassword("r".toCharArray()).open()) {
            Session guest = sdk.rootSession().sudo("guest");
            SecurityViolation e = assertThrows(SecurityViolation.class,
                    () -> guest.containers().createProject("guest's"));
            assertTrue(e.getMessage().contains("guest"), e.getMessage());
        }
    }

    @Test
    void theUserGroupIsACommonSpace() {
        try (OmeroSdk sdk = OmeroSdk.builder().dataDirectory(dir).passwordHashIterations(1000)
                .rootPassword("r".toCharArray()).open()) {
            Session root = sdk.rootSession();
            ExperimenterGroup lab = root.admin().createGroup("lab", Permissions.Level.PRIVATE);
            ExperimenterGroup other = root.admin().createGroup("other", Permissions.Level.PRIVATE);
            root.admin().createUser("ada", "Ada", "L", lab);
            root.admin().createUser("eve", "Eve", "O", other);
            ExperimenterGroup user = root.admin().group("user");
            Project common;
            try (Session ada = root.sudo("ada")) {
                common = ada.withGroup(user).containers().createProject("common");
            }
            try (Session eve = root.sudo("eve")) {
                // readable from any context by anyone
                assertTrue(eve.containers().projects(Listing.all()).stream().anyMatch(p -> p.id() == common.id()));
                assertTrue(eve.withGroup(other).containers().projects(Listing.all()).stream()
                        .anyMatch(p -> p.id() == common.id()));
                // but changed only by its owner (treated as rw---- for updates)
                assertThrows(SecurityViolation.class,
                        () -> eve.rename(eve.reload(common), "mine"));
            }
            try (Session ada = root.sudo("ada")) {
                assertEquals("renamed", ada.rename(ada.reload(common), "renamed").name());
            }
        }
    }
}
