package org.omerosdk.sdk;

import java.util.EnumSet;
import java.util.Set;
import org.omerosdk.permissions.AdminPrivilege;

/**
 * Who a call runs as: the user, the group context ({@link #ALL_GROUPS} for reads across every group the user
 * belongs to), whether the user is an administrator (member of {@code system}), the groups the user is a member and
 * an owner of, and the real user behind a sudo. Immutable; a {@link Session} holds one and passes it to every call.
 *
 * @param userId         the user the call acts as
 * @param groupId        the group context, or {@link #ALL_GROUPS}
 * @param defaultGroupId where new objects go when the context is {@link #ALL_GROUPS}
 * @param admin          member of the {@code system} group
 * @param memberOf       ids of the groups the user belongs to
 * @param ownerOf        ids of the groups the user owns
 * @param realUserId     the user who logged in; differs from {@code userId} under sudo
 * @param publicUser     the session of {@code omero.web.public.user} ({@link OmeroSdk#publicSession})
 * @param privileges     the administrator privileges held (all 15 for a full administrator, a subset for a
 *                       restricted one, none for everyone else)
 */
public record SecurityContext(long userId, long groupId, long defaultGroupId, boolean admin, Set<Long> memberOf,
                              Set<Long> ownerOf, long realUserId, boolean publicUser, Set<AdminPrivilege> privileges) {
    /** The group context "all my groups" (OMERO's {@code -1}). */
    public static final long ALL_GROUPS = -1;

    public SecurityContext {
        memberOf = Set.copyOf(memberOf);
        ownerOf = Set.copyOf(ownerOf);
        privileges = admin ? Set.copyOf(privileges) : Set.of();
    }

    /** A context of an ordinary (non-public) session; an administrator's is a full one. */
    public SecurityContext(long userId, long groupId, long defaultGroupId, boolean admin, Set<Long> memberOf,
                           Set<Long> ownerOf, long realUserId) {
        this(userId, groupId, defaultGroupId, admin, memberOf, ownerOf, realUserId, false,
                admin ? EnumSet.allOf(AdminPrivilege.class) : Set.of());
    }

    /** Whether this is a full administrator: a member of {@code system} holding all 15 privileges. */
    public boolean fullAdmin() {
        return admin && privileges.size() == AdminPrivilege.values().length;
    }

    /** Whether the caller holds {@code p} (only administrators hold privileges). */
    public boolean has(AdminPrivilege p) {
        return privileges.contains(p);
    }

    /** The same context holding only {@code held} (a restricted administrator's). */
    SecurityContext withPrivileges(Set<AdminPrivilege> held) {
        return new SecurityContext(userId, groupId, defaultGroupId, admin, memberOf, ownerOf, realUserId, publicUser,
                held);
    }

    public boolean isAllGroups() {
        return groupId == ALL_GROUPS;
    }

    public boolean isSudo() {
        return realUserId != userId;
    }

    /** The group new objects are created in. */
    public long writeGroupId() {
        return isAllGroups() ? defaultGroupId : groupId;
    }

    SecurityContext withGroup(long group) {
        return new SecurityContext(userId, group, defaultGroupId, admin, memberOf, ownerOf, realUserId, publicUser,
                privileges);
    }

    /** The same user as the public user: never an administrator, marked so that the filters can tell. */
    SecurityContext asPublic() {
        return new SecurityContext(userId, groupId, defaultGroupId, false, memberOf, ownerOf, realUserId, true,
                Set.of());
    }
}
