package org.omerosdk.permissions;

import org.omerosdk.model.Permissions;
import org.omerosdk.model.Permissions.Right;
import org.omerosdk.model.Permissions.Role;

/**
 * OMERO's access decision, with no store: given who acts, in which group context, on which object, is the action
 * allowed? It follows OMERO's code (the ACL voter and the security filters; see docs/permissions.md) rather than
 * its documentation where they differ. Pure and allocation-free: it is on every hot path.
 *
 * <p>The decision, in OMERO's order: in a private group, administrators and group owners may edit and delete
 * others' data but not link to or annotate it ("graph-critical"); a full administrator may do everything else;
 * {@code guest} may do nothing; a restricted administrator's privilege that covers the object's kind and the action
 * allows it; on users, groups and memberships only linking and annotating remain; a group's owner may act on its
 * data; then the group's permission bits decide (world, then owner, then member); objects of the {@code system} and
 * {@code user} groups may be linked and annotated by anyone.
 */
public final class PermissionEvaluator {
    private PermissionEvaluator() {
    }

    /** Whether {@code actor}, in {@code context}, may perform {@code action} on {@code object}. */
    public static boolean allowed(Actor actor, GroupContext context, ObjectDetails object, Action action) {
        switch (action) {
            case VIEW:
                return canView(actor, context, object);
            case CHGRP:
                return object.chgrpTarget() && (actor.has(AdminPrivilege.CHGRP) || object.ownerId() == actor.userId);
            case CHOWN:
                return object.chownTarget()
                        && (actor.has(AdminPrivilege.CHOWN) || actor.isOwnerOf(object.groupId()));
            default:
                return allowUpdate(actor, context, object, action);
        }
    }

    /** The flags a user interface shows for an object (OMERO's {@code canAnnotate}, {@code canEdit}, ...). */
    public static Capabilities capabilities(Actor actor, GroupContext context, ObjectDetails object) {
        return new Capabilities(allowed(actor, context, object, Action.ANNOTATE),
                allowed(actor, context, object, Action.EDIT), allowed(actor, context, object, Action.DELETE),
                allowed(actor, context, object, Action.LINK), allowed(actor, context, object, Action.CHGRP),
                allowed(actor, context, object, Action.CHOWN));
    }

    /**
     * OMERO's read filter: in one group's context, that group's data is visible when the group is not private, or
     * the actor is an administrator or its owner, or owns the object; in the all-groups context, an administrator
     * sees everything, others see the groups they own, their own objects, and the groups they belong to that
     * let members read. Objects of the {@code system} and {@code user} groups are always visible.
     */
    public static boolean canView(Actor actor, GroupContext context, ObjectDetails object) {
        long g = object.groupId();
        if (g == Actor.SYSTEM_GROUP || g == Actor.USER_GROUP) {
            return true;
        }
        Permissions p = object.groupPermissions();
        if (!context.isAllGroups()) {
            if (g != context.groupId()) {
                return false;
            }
            boolean nonPrivate = p.isGranted(Role.GROUP, Right.READ) || p.isGranted(Role.WORLD, Right.READ);
            return nonPrivate || actor.admin || actor.isOwnerOf(g) || object.ownerId() == actor.userId;
        }
        return actor.admin || actor.isOwnerOf(g)
                || (object.ownerId() == actor.userId && p.isGranted(Role.USER, Right.READ))
                || (actor.isMemberOf(g) && p.isGranted(Role.GROUP, Right.READ))
                || p.isGranted(Role.WORLD, Right.READ);
    }

    private static boolean allowUpdate(Actor actor, GroupContext context, ObjectDetails object, Action action) {
        ObjectKind kind = object.kind();
        boolean linkOrAnnotate = action == Action.LINK || action == Action.ANNOTATE;
        long g = object.groupId();
        boolean specialGroup = g == Actor.SYSTEM_GROUP || (g == Actor.USER_GROUP && kind != ObjectKind.DIRECTORY);
        // graph-critical: in a private group, admins and owners of the group may not link to or annotate others' data
        if (!kind.isSystemType() && !specialGroup && linkOrAnnotate && object.ownerId() != actor.userId) {
            Permissions ctx = context.isAllGroups() || context.groupId() == g ? object.groupPermissions()
                    : context.permissions();
            long ctxGroup = context.isAllGroups() ? g : context.groupId();
            boolean privateGroup = !ctx.isGranted(Role.GROUP, Right.READ) && !ctx.isGranted(Role.WORLD, Right.READ);
            if (privateGroup && (actor.admin || actor.isOwnerOf(ctxGroup))) {
                return false;
            }
        }
        if (actor.isFullAdmin()) {
            return true;
        }
        if (actor.isGuest() && !kind.isSystemType()) {
            return false;
        }
        if (actor.admin && privilegeCovers(actor, kind, action)) {
            return true;
        }
        if (kind.isSystemType()) {
            return linkOrAnnotate;
        }
        if (actor.isOwnerOf(g)) {
            return true;
        }
        Right right = action == Action.ANNOTATE ? Right.ANNOTATE : Right.WRITE;
        // the user group's data counts as private for these checks (except repository directories)
        Permissions p = g == Actor.USER_GROUP && kind != ObjectKind.DIRECTORY ? Permissions.PRIVATE
                : object.groupPermissions();
        if (p.isGranted(Role.WORLD, right)
                || (object.ownerId() == actor.userId && p.isGranted(Role.USER, right))
                || (actor.isMemberOf(g) && p.isGranted(Role.GROUP, right))) {
            return true;
        }
        return linkOrAnnotate && specialGroup;
    }

    private static boolean privilegeCovers(Actor actor, ObjectKind kind, Action action) {
        boolean delete = action == Action.DELETE;
        switch (kind) {
            case MANAGED_FILE:
                return actor.has(delete ? AdminPrivilege.DELETE_MANAGED_REPO : AdminPrivilege.WRITE_MANAGED_REPO);
            case SCRIPT_FILE:
                return actor.has(delete ? AdminPrivilege.DELETE_SCRIPT_REPO : AdminPrivilege.WRITE_SCRIPT_REPO);
            case OTHER_FILE:
            case DIRECTORY:
                return actor.has(delete ? AdminPrivilege.DELETE_FILE : AdminPrivilege.WRITE_FILE);
            case EXPERIMENTER:
                return actor.has(AdminPrivilege.MODIFY_USER);
            case EXPERIMENTER_GROUP:
                return actor.has(AdminPrivilege.MODIFY_GROUP);
            case GROUP_MEMBERSHIP:
                return actor.has(AdminPrivilege.MODIFY_GROUP_MEMBERSHIP);
            default:
                return actor.has(delete ? AdminPrivilege.DELETE_OWNED : AdminPrivilege.WRITE_OWNED);
        }
    }
}
