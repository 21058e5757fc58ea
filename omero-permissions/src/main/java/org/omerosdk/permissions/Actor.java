package org.omerosdk.permissions;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who acts: the user, whether they are an administrator (a member of {@code system}), their administrator
 * privileges (all 15 for a full administrator, a subset for a restricted one, none otherwise), the groups they
 * belong to and the groups they own, and whether they are {@code guest}. Immutable; membership tests allocate
 * nothing.
 */
public final class Actor {
    /** OMERO's fixed ids. */
    public static final long ROOT_ID = 0;
    public static final long GUEST_ID = 1;
    public static final long SYSTEM_GROUP = 0;
    public static final long USER_GROUP = 1;
    public static final long GUEST_GROUP = 2;

    final long userId;
    final boolean admin;
    final int privileges;
    private final long[] memberOf;
    private final long[] ownerOf;

    private Actor(long userId, boolean admin, int privileges, long[] memberOf, long[] ownerOf) {
        this.userId = userId;
        this.admin = admin;
        this.privileges = privileges;
        this.memberOf = memberOf;
        this.ownerOf = ownerOf;
    }

    /** A user who is a member of {@code memberOf} and owner of {@code ownerOf} (owners are members too). */
    public static Actor member(long userId, Collection<Long> memberOf, Collection<Long> ownerOf) {
        long[] owner = sorted(ownerOf);
        long[] member = sorted(union(memberOf, ownerOf));
        boolean admin = Arrays.binarySearch(member, SYSTEM_GROUP) >= 0;
        return new Actor(userId, admin, admin ? AdminPrivilege.ALL : 0, member, owner);
    }

    /** A restricted administrator: a member of {@code system} holding only {@code privileges}. */
    public static Actor restrictedAdmin(long userId, Set<AdminPrivilege> privileges, Collection<Long> memberOf,
                                        Collection<Long> ownerOf) {
        Actor a = member(userId, union(memberOf, Set.of(SYSTEM_GROUP)), ownerOf);
        int mask = 0;
        for (AdminPrivilege p : privileges) {
            mask |= p.bit();
        }
        return new Actor(userId, true, mask, a.memberOf, a.ownerOf);
    }

    public long userId() {
        return userId;
    }

    public boolean isAdmin() {
        return admin;
    }

    public boolean isFullAdmin() {
        return admin && privileges == AdminPrivilege.ALL;
    }

    public boolean isGuest() {
        return userId == GUEST_ID;
    }

    public boolean has(AdminPrivilege p) {
        return (privileges & p.bit()) != 0;
    }

    public Set<AdminPrivilege> privileges() {
        EnumSet<AdminPrivilege> s = EnumSet.noneOf(AdminPrivilege.class);
        for (AdminPrivilege p : AdminPrivilege.values()) {
            if (has(p)) {
                s.add(p);
            }
        }
        return s;
    }

    public boolean isMemberOf(long groupId) {
        return contains(memberOf, groupId);
    }

    public boolean isOwnerOf(long groupId) {
        return contains(ownerOf, groupId);
    }

    private static boolean contains(long[] sorted, long v) {
        // users belong to few groups: a linear scan beats binary search and allocates nothing
        for (long g : sorted) {
            if (g == v) {
                return true;
            }
        }
        return false;
    }

    private static long[] sorted(Collection<Long> c) {
        return c.stream().mapToLong(Long::longValue).distinct().sorted().toArray();
    }

    private static Set<Long> union(Collection<Long> a, Collection<Long> b) {
        Set<Long> s = new java.util.HashSet<>(a);
        s.addAll(b);
        return s;
    }
}
