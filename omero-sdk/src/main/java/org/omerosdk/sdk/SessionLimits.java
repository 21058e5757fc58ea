package org.omerosdk.sdk;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.omerosdk.model.AuthenticationException;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.SecurityViolation;
import org.omerosdk.model.meta.Experimenter;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.model.meta.GroupExperimenterMap;
import org.omerosdk.permissions.AdminPrivilege;

/**
 * What a session may do, fixed when it is opened and stored with its row: the user it acts as, the sudoer behind
 * it, the one group of a group sudo, whether it is the public user's, the group context it was opened in and a
 * ceiling on its privileges. Nothing else about a session is remembered: every call derives its
 * {@link SecurityContext} from these limits and the memberships and privileges stored now, in the call's own
 * transaction ({@link #derive}). So a session reached again — joined on this or another instance, in another group
 * context, after a restart — has exactly the rights a new session with the same limits has, and a change of
 * membership or privileges reaches every open session on its next call.
 *
 * @param userId       the user the session acts as
 * @param sudoerId     the user who opened it for {@code userId} (OMERO's sudoer); {@code userId} when nobody did
 * @param sudoGroupId  the one group of a group-sudo session, or {@link #NONE}
 * @param groupOwnerId the owner of that group who opened the group-sudo session, or {@link #NONE}
 * @param publicUser   the session of {@code omero.web.public.user}: never privileged, read-only by configuration
 * @param groupContext the group context it was opened in, or {@link SecurityContext#ALL_GROUPS}
 * @param ceiling      the most privileges it may hold (a sudo session: those of the session that opened it)
 */
record SessionLimits(long userId, long sudoerId, long sudoGroupId, long groupOwnerId, boolean publicUser,
                     long groupContext, Set<AdminPrivilege> ceiling) {
    static final long NONE = -1;

    SessionLimits {
        ceiling = Set.copyOf(ceiling);
    }

    /** An ordinary session of {@code userId} in all of their groups. */
    static SessionLimits of(long userId) {
        return new SessionLimits(userId, userId, NONE, NONE, false, SecurityContext.ALL_GROUPS,
                EnumSet.allOf(AdminPrivilege.class));
    }

    /** The limits stored with {@code row}. */
    static SessionLimits of(org.omerosdk.model.meta.Session row) {
        Set<AdminPrivilege> ceiling = row.privilegeCeiling().map(SessionLimits::parse)
                .orElseGet(() -> EnumSet.allOf(AdminPrivilege.class));
        return new SessionLimits(row.ownerId(), row.sudoerId().orElse(row.ownerId()),
                row.sudoGroupId().orElse(NONE), row.sudoGroupOwnerId().orElse(NONE), row.publicUser(),
                row.groupContext(), ceiling);
    }

    /** Writes these limits into a new session row. */
    void storeIn(org.omerosdk.model.meta.Session row) {
        row.limit(sudoGroupId == NONE ? null : sudoGroupId, groupOwnerId == NONE ? null : groupOwnerId, publicUser,
                groupContext,
                ceiling.size() == AdminPrivilege.values().length ? null : names(ceiling));
    }

    SessionLimits asPublic() {
        return new SessionLimits(userId, sudoerId, sudoGroupId, groupOwnerId, true, groupContext, Set.of());
    }

    SessionLimits inGroup(long group) {
        return new SessionLimits(userId, sudoerId, sudoGroupId, groupOwnerId, publicUser, group, ceiling);
    }

    /** A sudo by the session whose context is {@code by}: its sudoer stays the original one, its privileges cap. */
    static SessionLimits sudo(long userId, SecurityContext by, long groupContext) {
        return new SessionLimits(userId, by.realUserId(), NONE, NONE, false, groupContext, by.privileges());
    }

    /**
     * A group sudo by the session whose context is {@code by}, in {@code group} only, with no privileges: it rests
     * on the ownership of {@code by}'s user, and names {@code by}'s real user as its sudoer.
     */
    static SessionLimits groupSudo(long userId, SecurityContext by, long group) {
        return new SessionLimits(userId, by.realUserId(), group, by.userId(), false, group, Set.of());
    }

    boolean isSudo() {
        return sudoerId != userId;
    }

    /**
     * The context of a call in this session now, in group context {@code group} ({@link #NONE}: the stored one),
     * from the memberships and privileges {@code q} reads (unfiltered, in the call's transaction).
     *
     * @throws AuthenticationException when the user no longer exists or is inactive (not in group {@code user})
     * @throws SecurityViolation       when the sudoer may no longer act as the user, or the group context is not
     *                                 (or no longer) open to the user
     */
    SecurityContext derive(QueryPath q, WellKnownIds ids, long group) {
        long context = group == NONE ? groupContext : group;
        // the memberships of every principal behind the session in one round trip: a sudo session's call would
        // otherwise pay a second query for its sudoer (or group owner) on every call
        Map<Long, Memberships> all = Memberships.of(q, ids, sudoGroupId != NONE ? Set.of(userId, groupOwnerId)
                : isSudo() ? Set.of(userId, sudoerId) : Set.of(userId));
        Memberships user = all.get(userId);
        // OMERO's guest belongs to group guest only; its sessions exist and may do nothing (the write check)
        if (user.name == null || !user.member.contains(ids.userGroup) && userId != ids.guest) {
            throw new AuthenticationException(user.name == null ? "the user of this session no longer exists or "
                    + "belongs to no group"
                    : "user \"" + user.name + "\" is inactive (not a member of group \"user\") and may not work");
        }
        Set<Long> member = user.member;
        Set<Long> owner = user.owner;
        long defaultGroup = user.defaultGroup;
        boolean admin = user.admin();
        Set<AdminPrivilege> held = user.privileges();
        if (sudoGroupId != NONE) {
            Memberships groupOwner = all.get(groupOwnerId);
            checkGroupSudo(q, user, groupOwner, sudoGroupId);
            member = new HashSet<>(member);
            member.retainAll(groupOwner.owner);
            owner = new HashSet<>(owner);
            owner.retainAll(groupOwner.owner);
            admin = false;
            defaultGroup = sudoGroupId;
            if (context != sudoGroupId) {
                throw new SecurityViolation("a group-sudo session of \"" + user.name + "\" acts in group \""
                        + groupName(q, sudoGroupId) + "\" only and cannot use another group context");
            }
        } else if (isSudo()) {
            Memberships sudoer = all.get(sudoerId);
            if (!sudoer.privileges().contains(AdminPrivilege.SUDO) || !ceiling.contains(AdminPrivilege.SUDO)) {
                throw new SecurityViolation("\"" + sudoer.name + "\" may not act as \"" + user.name
                        + "\": a sudo session needs its sudoer to hold the Sudo privilege");
            }
            // a sudo session holds the target's privileges minus any restriction of the sudoer
            held.retainAll(sudoer.privileges());
        }
        held.retainAll(ceiling);
        if (publicUser) {
            admin = false;
        }
        if (context != SecurityContext.ALL_GROUPS && !admin && !member.contains(context)
                && !worldReadable(q, context)) {
            throw new SecurityViolation("user \"" + user.name + "\" is not a member of group \""
                    + groupName(q, context) + "\" and cannot use it as context");
        }
        return new SecurityContext(userId, context, defaultGroup, admin, member, owner, sudoerId, publicUser,
                admin ? held : Set.of());
    }

    /**
     * The rules of a group sudo, on the stored rows: the sudoer owns the group, the user is a member of it, and the
     * user holds no privileges — an owner never acts as an administrator, whoever added them to the group.
     */
    private static void checkGroupSudo(QueryPath q, Memberships user, Memberships sudoer, long group) {
        String name = groupName(q, group);
        if (!sudoer.owner.contains(group)) {
            throw new SecurityViolation("\"" + sudoer.name + "\" may not act as \"" + user.name + "\" in group \""
                    + name + "\": group sudo is permitted to the group's owners only");
        }
        if (!user.member.contains(group)) {
            throw new SecurityViolation("\"" + user.name + "\" is not a member of group \"" + name
                    + "\": group sudo is limited to the group's members");
        }
        if (user.admin()) {
            throw new SecurityViolation("\"" + sudoer.name + "\" may not act as \"" + user.name + "\" in group \""
                    + name + "\": \"" + user.name + "\" holds administrator privileges (a member of system), and "
                    + "group sudo never acts as a privileged user");
        }
    }

    private static String groupName(QueryPath q, long group) {
        return q.byId(ExperimenterGroup.class, group).map(ExperimenterGroup::name).orElse(Long.toString(group));
    }

    private static boolean worldReadable(QueryPath q, long group) {
        return q.byId(ExperimenterGroup.class, group).map(g -> g.permissions().isGranted(Permissions.Role.WORLD,
                Permissions.Right.READ)).orElse(false);
    }

    /** The privileges of a member of {@code system}: all 15 minus the restrictions stored for the user. */
    static Set<AdminPrivilege> privilegesOf(Experimenter e) {
        Set<AdminPrivilege> held = EnumSet.allOf(AdminPrivilege.class);
        held.removeAll(parse(e.adminRestrictions()));
        return held;
    }

    static Set<AdminPrivilege> parse(String names) {
        Set<AdminPrivilege> set = EnumSet.noneOf(AdminPrivilege.class);
        for (String name : names.split(",")) {
            if (!name.isBlank()) {
                set.add(AdminPrivilege.valueOf(name.trim()));
            }
        }
        return set;
    }

    static String names(Set<AdminPrivilege> privileges) {
        return String.join(",", EnumSet.copyOf(privileges.isEmpty() ? EnumSet.noneOf(AdminPrivilege.class)
                : privileges).stream().map(Enum::name).toList());
    }

    /** A user's stored memberships, in membership order, read with one query. */
    static final class Memberships {
        final String name;
        final Set<Long> member = new HashSet<>();
        final Set<Long> owner = new HashSet<>();
        final long defaultGroup;
        private final Experimenter user;
        private final boolean inSystem;

        private Memberships(List<GroupExperimenterMap> maps, WellKnownIds ids) {
            long first = NONE;
            Experimenter e = null;
            for (GroupExperimenterMap m : maps) {
                long g = m.parent().id();
                e = m.child();
                member.add(g);
                if (m.isOwner()) {
                    owner.add(g);
                }
                if (first == NONE && g != ids.userGroup) {
                    first = g;
                }
            }
            this.user = e;
            this.name = e == null ? null : e.omeName();
            this.defaultGroup = first == NONE ? ids.userGroup : first;
            this.inSystem = member.contains(ids.systemGroup);
        }

        static Memberships of(QueryPath q, long userId, WellKnownIds ids) {
            return of(q, ids, Set.of(userId)).get(userId);
        }

        /** The memberships of each of {@code userIds}, read with one query (a user without any has an empty one). */
        static Map<Long, Memberships> of(QueryPath q, WellKnownIds ids, Set<Long> userIds) {
            Map<Long, List<GroupExperimenterMap>> byUser = new HashMap<>();
            for (long id : userIds) {
                byUser.put(id, new ArrayList<>());
            }
            Select<GroupExperimenterMap> select = Select.from(GroupExperimenterMap.class).join("join fetch o.child")
                    .join("join fetch o.parent").orderBy("o.id");
            select = userIds.size() == 1 ? select.whereEquals("o.child.id", userIds.iterator().next())
                    : select.where("o.child.id in (:v)", List.copyOf(userIds));
            for (GroupExperimenterMap m : q.list(select)) {
                byUser.get(m.child().id()).add(m);
            }
            Map<Long, Memberships> result = new HashMap<>();
            byUser.forEach((id, maps) -> result.put(id, new Memberships(maps, ids)));
            return result;
        }

        boolean admin() {
            return inSystem;
        }

        /** A fresh, modifiable set: all 15 minus the restrictions for a member of system, else none. */
        Set<AdminPrivilege> privileges() {
            return inSystem ? privilegesOf(user) : EnumSet.noneOf(AdminPrivilege.class);
        }
    }
}
