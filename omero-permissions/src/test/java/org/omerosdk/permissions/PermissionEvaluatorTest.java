package org.omerosdk.permissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.omerosdk.model.Permissions;

class PermissionEvaluatorTest {
    static final long GROUP = 5;
    static final long OTHER_GROUP = 6;
    static final long OWNER_M = 10;

    static Permissions level(String name) {
        switch (name) {
            case "private": return Permissions.PRIVATE;
            case "read-only": return Permissions.READ_ONLY;
            case "read-annotate": return Permissions.READ_ANNOTATE;
            default: return Permissions.READ_WRITE;
        }
    }

    static Actor caller(String name) {
        switch (name) {
            case "owner": return Actor.member(OWNER_M, List.of(GROUP), List.of());
            case "member": return Actor.member(11, List.of(GROUP), List.of());
            case "group-owner": return Actor.member(12, List.of(GROUP), List.of(GROUP));
            case "full-admin": return Actor.member(Actor.ROOT_ID, List.of(Actor.SYSTEM_GROUP), List.of());
            case "restricted-admin-none": return Actor.restrictedAdmin(20, Set.of(), List.of(), List.of());
            case "restricted-admin-write":
                return Actor.restrictedAdmin(21, Set.of(AdminPrivilege.WRITE_OWNED), List.of(), List.of());
            case "restricted-admin-write-delete":
                return Actor.restrictedAdmin(22, Set.of(AdminPrivilege.WRITE_OWNED, AdminPrivilege.DELETE_OWNED),
                        List.of(), List.of());
            default: return Actor.member(30, List.of(OTHER_GROUP), List.of());
        }
    }

    @ParameterizedTest(name = "{0} group, {1}: link={2} edit={3} delete={4} annotate={5}")
    @CsvFileSource(resources = "actions-on-a-members-dataset.csv")
    void decisionsMatchOmerosTableForEveryLevelAndRole(String level, String caller, boolean link, boolean edit,
                                                       boolean delete, boolean annotate) {
        Permissions p = level(level);
        ObjectDetails dataset = ObjectDetails.data(OWNER_M, GROUP, p);
        GroupContext ctx = GroupContext.of(GROUP, p);
        Actor a = caller(caller);
        assertEquals(link, PermissionEvaluator.allowed(a, ctx, dataset, Action.LINK), "link");
        assertEquals(edit, PermissionEvaluator.allowed(a, ctx, dataset, Action.EDIT), "edit");
        assertEquals(delete, PermissionEvaluator.allowed(a, ctx, dataset, Action.DELETE), "delete");
        assertEquals(annotate, PermissionEvaluator.allowed(a, ctx, dataset, Action.ANNOTATE), "annotate");
        Capabilities caps = PermissionEvaluator.capabilities(a, ctx, dataset);
        assertEquals(new Capabilities(annotate, edit, delete, link,
                PermissionEvaluator.allowed(a, ctx, dataset, Action.CHGRP),
                PermissionEvaluator.allowed(a, ctx, dataset, Action.CHOWN)), caps);
    }

    @Test
    void privateGroupOwnersEditAndDeleteButCannotAnnotate() {
        ObjectDetails d = ObjectDetails.data(OWNER_M, GROUP, Permissions.PRIVATE);
        Capabilities c = PermissionEvaluator.capabilities(caller("group-owner"),
                GroupContext.of(GROUP, Permissions.PRIVATE), d);
        assertTrue(c.canEdit() && c.canDelete());
        assertFalse(c.canAnnotate() || c.canLink());
    }

    @Test
    void readOnlyGroupOwnersMayAnnotateMembersData() {
        assertTrue(PermissionEvaluator.allowed(caller("group-owner"), GroupContext.of(GROUP, Permissions.READ_ONLY),
                ObjectDetails.data(OWNER_M, GROUP, Permissions.READ_ONLY), Action.ANNOTATE));
    }

    @Test
    void ownersKeepFullAccessToTheirOwnDataAtEveryLevel() {
        for (Permissions p : List.of(Permissions.PRIVATE, Permissions.READ_ONLY, Permissions.READ_ANNOTATE,
                Permissions.READ_WRITE)) {
            for (Action a : EnumSet.of(Action.VIEW, Action.ANNOTATE, Action.LINK, Action.EDIT, Action.DELETE,
                    Action.CHGRP)) {
                assertTrue(PermissionEvaluator.allowed(caller("owner"), GroupContext.ALL_GROUPS,
                        ObjectDetails.data(OWNER_M, GROUP, p), a), p + " " + a);
            }
        }
    }

    @Test
    void theOwnerCannotChownAndAGroupOwnerCannotChgrpOthersData() {
        ObjectDetails d = ObjectDetails.data(OWNER_M, GROUP, Permissions.READ_WRITE);
        GroupContext ctx = GroupContext.of(GROUP, Permissions.READ_WRITE);
        assertFalse(PermissionEvaluator.allowed(caller("owner"), ctx, d, Action.CHOWN));
        assertTrue(PermissionEvaluator.allowed(caller("group-owner"), ctx, d, Action.CHOWN));
        assertFalse(PermissionEvaluator.allowed(caller("group-owner"), ctx, d, Action.CHGRP));
        assertTrue(PermissionEvaluator.allowed(Actor.restrictedAdmin(40, Set.of(AdminPrivilege.CHGRP), List.of(),
                List.of()), ctx, d, Action.CHGRP));
    }

    @Test
    void readVisibilityFollowsOmerosFilters() {
        ObjectDetails privateData = ObjectDetails.data(OWNER_M, GROUP, Permissions.PRIVATE);
        ObjectDetails readOnlyData = ObjectDetails.data(OWNER_M, GROUP, Permissions.READ_ONLY);
        GroupContext privateCtx = GroupContext.of(GROUP, Permissions.PRIVATE);
        assertFalse(PermissionEvaluator.canView(caller("member"), privateCtx, privateData));
        assertTrue(PermissionEvaluator.canView(caller("group-owner"), privateCtx, privateData));
        assertTrue(PermissionEvaluator.canView(caller("restricted-admin-none"), privateCtx, privateData));
        assertTrue(PermissionEvaluator.canView(caller("member"), GroupContext.ALL_GROUPS, readOnlyData));
        assertFalse(PermissionEvaluator.canView(caller("non-member"), GroupContext.ALL_GROUPS, readOnlyData));
        // in one group's context, other groups' data is invisible, even to the owner of that data
        assertFalse(PermissionEvaluator.canView(caller("owner"), GroupContext.of(OTHER_GROUP, Permissions.READ_WRITE),
                readOnlyData));
        // the user group's data is readable from anywhere
        assertTrue(PermissionEvaluator.canView(caller("non-member"), GroupContext.of(OTHER_GROUP, Permissions.PRIVATE),
                ObjectDetails.data(OWNER_M, Actor.USER_GROUP, Permissions.parse("rwr-r-"))));
    }

    @Test
    void guestMayNotTouchData() {
        Actor guest = Actor.member(Actor.GUEST_ID, List.of(Actor.GUEST_GROUP), List.of());
        ObjectDetails d = ObjectDetails.data(Actor.GUEST_ID, Actor.GUEST_GROUP, Permissions.READ_WRITE);
        for (Action a : EnumSet.of(Action.ANNOTATE, Action.LINK, Action.EDIT, Action.DELETE)) {
            assertFalse(PermissionEvaluator.allowed(guest, GroupContext.ALL_GROUPS, d, a), a.toString());
        }
    }

    @Test
    void usersGroupsAndMembershipsNeedTheirPrivilege() {
        ObjectDetails user = new ObjectDetails(50, Actor.USER_GROUP, Permissions.parse("rwr-r-"),
                ObjectKind.EXPERIMENTER, false, false);
        Actor modifyUser = Actor.restrictedAdmin(41, Set.of(AdminPrivilege.MODIFY_USER), List.of(), List.of());
        Actor none = Actor.restrictedAdmin(42, Set.of(), List.of(), List.of());
        assertTrue(PermissionEvaluator.allowed(modifyUser, GroupContext.ALL_GROUPS, user, Action.EDIT));
        assertFalse(PermissionEvaluator.allowed(none, GroupContext.ALL_GROUPS, user, Action.EDIT));
        assertTrue(PermissionEvaluator.allowed(caller("member"), GroupContext.ALL_GROUPS, user, Action.ANNOTATE),
                "anyone may link to and annotate system objects");
    }

    @Test
    void managedRepositoryFilesNeedTheRepositoryPrivilege() {
        ObjectDetails file = new ObjectDetails(OWNER_M, GROUP, Permissions.PRIVATE, ObjectKind.MANAGED_FILE, true,
                true);
        GroupContext ctx = GroupContext.of(GROUP, Permissions.PRIVATE);
        assertTrue(PermissionEvaluator.allowed(Actor.restrictedAdmin(43, Set.of(AdminPrivilege.DELETE_MANAGED_REPO),
                List.of(), List.of()), ctx, file, Action.DELETE));
        assertFalse(PermissionEvaluator.allowed(Actor.restrictedAdmin(44, Set.of(AdminPrivilege.DELETE_OWNED),
                List.of(), List.of()), ctx, file, Action.DELETE));
    }
}
