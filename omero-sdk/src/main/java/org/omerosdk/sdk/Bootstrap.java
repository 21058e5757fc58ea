package org.omerosdk.sdk;

import java.time.Instant;
import java.util.Set;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.meta.Event;
import org.omerosdk.model.meta.EventLog;
import org.omerosdk.model.meta.EventType;
import org.omerosdk.model.meta.Experimenter;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.model.meta.GroupExperimenterMap;
import org.omerosdk.model.meta.IObject;
import org.omerosdk.model.meta.Password;
import org.omerosdk.permissions.auth.PasswordHasher;

/**
 * First start of a repository: OMERO's system groups ({@code system} rw----, {@code user} rwr-r-, {@code guest}
 * rw----) and users ({@code root} in system and user, {@code guest} in guest), in one transaction under a
 * BOOTSTRAP event. Ids are whatever the sequence gives; look-ups go by name.
 */
final class Bootstrap {
    static final String SYSTEM = "system";
    static final String USER = "user";
    static final String GUEST = "guest";
    static final String ROOT = "root";
    /** Used only for the lookups that establish who someone is. */
    static final SecurityContext SYSTEM_CONTEXT = new SecurityContext(-1, SecurityContext.ALL_GROUPS, -1, true,
            Set.of(), Set.of(), -1);

    private Bootstrap() {
    }

    /**
     * Creates the system objects if missing; returns the generated root password, or null.
     *
     * @param beforeCreating runs (and may refuse by throwing) before anything is created in an empty database
     */
    static char[] run(Store store, PasswordHasher hasher, char[] givenRootPassword, Runnable beforeCreating) {
        boolean exists = store.read(SYSTEM_CONTEXT,
                q -> q.count(Select.from(Experimenter.class).whereEquals("o.omeName", ROOT)) > 0);
        if (exists) {
            return null;
        }
        beforeCreating.run();
        char[] password = givenRootPassword != null ? givenRootPassword.clone() : hasher.randomPassword(20);
        String hash = hasher.hash(password);
        store.write(SYSTEM_CONTEXT, EventType.BOOTSTRAP, null, (q, w) -> {
            var s = w.hibernate();
            ExperimenterGroup system = new ExperimenterGroup(SYSTEM);
            ExperimenterGroup user = new ExperimenterGroup(USER);
            ExperimenterGroup guestGroup = new ExperimenterGroup(GUEST);
            Experimenter root = new Experimenter(ROOT, "root", "");
            Experimenter guest = new Experimenter(GUEST, "Guest", "Account");
            // root and system must exist before the event that records their creation can point to them
            system.details().assignOwnership(null, null, Permissions.PRIVATE);
            s.persist(system);
            s.persist(root);
            s.flush();
            Event event = new Event(EventType.BOOTSTRAP, Instant.now(), root.id(), system.id(), null);
            s.persist(event);
            user.details().assignOwnership(null, null, Permissions.parse("rwr-r-"));
            guestGroup.details().assignOwnership(null, null, Permissions.PRIVATE);
            s.persist(user);
            s.persist(guestGroup);
            s.persist(guest);
            GroupExperimenterMap[] maps = {new GroupExperimenterMap(system, root, false),
                new GroupExperimenterMap(user, root, false), new GroupExperimenterMap(guestGroup, guest, false)};
            for (GroupExperimenterMap m : maps) {
                s.persist(m);
            }
            for (IObject o : new IObject[] {system, root, user, guestGroup, guest, maps[0], maps[1], maps[2]}) {
                o.details().assignCreation(root.id(), system.id(), o.details().permissions(), event.id());
                s.persist(new EventLog(EventLog.Action.INSERT, WritePath.entityName(o), o.id(),
                        WritePath.logGroup(o), event));
            }
            s.persist(new Password(root.id(), hash));
            s.persist(new Password(guest.id(), null));
            return null;
        });
        return givenRootPassword != null ? null : password;
    }

    static long rootId(QueryPath q) {
        return idOf(q, Experimenter.class, "o.omeName", ROOT);
    }

    static long systemGroupId(QueryPath q) {
        return idOf(q, ExperimenterGroup.class, "o.name", SYSTEM);
    }

    static long userGroupId(QueryPath q) {
        return idOf(q, ExperimenterGroup.class, "o.name", USER);
    }

    private static <T extends IObject> long idOf(QueryPath q, Class<T> type, String path, String name) {
        return q.first(Select.from(type).whereEquals(path, name)).orElseThrow(() -> new IllegalStateException(
                "the repository has no " + type.getSimpleName() + " \"" + name + "\": bootstrap did not run"))
                .id();
    }
}
