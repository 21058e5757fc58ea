package org.omerosdk.sdk;

import java.util.HashSet;
import java.util.Set;
import org.omerosdk.model.meta.Experimenter;
import org.omerosdk.permissions.Actor;

/**
 * OMERO's fixed ids for its system rows (groups {@code system} 0, {@code user} 1, {@code guest} 2; users
 * {@code root} 0, {@code guest} 1), which the pure evaluator relies on, against the ids our database gave them
 * (its sequence starts elsewhere). {@link #group} and {@link #user} translate database ids into the evaluator's by a
 * permutation — the system rows take OMERO's ids and any ordinary row holding one of those takes the id a system
 * row left — so no two ids ever meet. Read once, after bootstrap; immutable.
 */
final class WellKnownIds {
    final long systemGroup;
    final long userGroup;
    final long guestGroup;
    final long root;
    final long guest;
    private final java.util.Map<Long, Long> groupMap;
    private final java.util.Map<Long, Long> userMap;

    private WellKnownIds(long systemGroup, long userGroup, long guestGroup, long root, long guest) {
        this.systemGroup = systemGroup;
        this.userGroup = userGroup;
        this.guestGroup = guestGroup;
        this.root = root;
        this.guest = guest;
        this.groupMap = permutation(new long[] {systemGroup, userGroup, guestGroup},
                new long[] {Actor.SYSTEM_GROUP, Actor.USER_GROUP, Actor.GUEST_GROUP});
        this.userMap = permutation(new long[] {root, guest}, new long[] {Actor.ROOT_ID, Actor.GUEST_ID});
    }

    /**
     * The permutation sending each {@code from[i]} to {@code to[i]}, and the evaluator's ids that an ordinary row
     * holds in the database to the database ids the system rows leave free; everything else to itself.
     */
    static java.util.Map<Long, Long> permutation(long[] from, long[] to) {
        java.util.Map<Long, Long> map = new java.util.HashMap<>();
        java.util.Set<Long> sources = new java.util.HashSet<>();
        java.util.Set<Long> targets = new java.util.HashSet<>();
        for (int i = 0; i < from.length; i++) {
            map.put(from[i], to[i]);
            sources.add(from[i]);
            targets.add(to[i]);
        }
        java.util.ArrayDeque<Long> freed = new java.util.ArrayDeque<>();
        for (long f : from) {
            if (!targets.contains(f)) {
                freed.add(f);
            }
        }
        for (long t : to) {
            if (!sources.contains(t)) {
                map.put(t, freed.poll());
            }
        }
        return map;
    }

    static WellKnownIds read(Store store) {
        return store.read(Bootstrap.SYSTEM_CONTEXT, q -> new WellKnownIds(Bootstrap.systemGroupId(q),
                Bootstrap.userGroupId(q), q.first(Select.from(org.omerosdk.model.meta.ExperimenterGroup.class)
                        .whereEquals("o.name", Bootstrap.GUEST)).orElseThrow().id(), Bootstrap.rootId(q),
                q.first(Select.from(Experimenter.class).whereEquals("o.omeName", Bootstrap.GUEST)).orElseThrow()
                        .id()));
    }

    /** A database group id as the evaluator knows it. */
    long group(long dbId) {
        return groupMap.getOrDefault(dbId, dbId);
    }

    /** A database user id as the evaluator knows it. */
    long user(long dbId) {
        return userMap.getOrDefault(dbId, dbId);
    }

    Set<Long> groups(Set<Long> dbIds) {
        Set<Long> out = new HashSet<>();
        for (long g : dbIds) {
            out.add(group(g));
        }
        return out;
    }

}
