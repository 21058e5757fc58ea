package org.omerosdk.sdk;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.Session;
import org.omerosdk.model.ConcurrentUpdateException;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.meta.Details;
import org.omerosdk.model.meta.Event;
import org.omerosdk.model.meta.EventLog;
import org.omerosdk.model.meta.EventType;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.model.meta.IObject;
import org.omerosdk.model.meta.Link;

/**
 * The single write path of one transaction: every create, update and delete passes {@link #checked} (the
 * permission hook), gets its Details filled in, and writes an {@link EventLog} row under the transaction's one
 * {@link Event}, all in the caller's transaction.
 */
final class WritePath {
    private final Session session;
    private final SecurityContext ctx;
    private final WriteCheck check;
    private final EventType type;
    private final Long sessionId;
    private final Map<Long, Permissions> groupPermissions = new HashMap<>();
    private Event event;
    /** The event's id, kept apart: a proxy's {@code id()} would load it (or fail once detached). */
    private long eventId;
    private int pending;

    WritePath(Session session, SecurityContext ctx, WriteCheck check, EventType type, Long sessionId) {
        this.session = session;
        this.ctx = ctx;
        this.check = check;
        this.type = type;
        this.sessionId = sessionId;
    }

    /**
     * Saves a new object in the caller's write group (a link: in its parent's group), owned by the caller — except
     * where OMERO.web's "organizing data of other users" applies (see {@link #portfolioOwner}).
     */
    <T extends IObject> T create(T object) {
        useStoredReferences(object);
        checked(EventLog.Action.INSERT, object);
        refuseDuplicateLink(object);
        long group = check.groupOfNew(ctx, object);
        Permissions perms = object instanceof ExperimenterGroup g ? g.details().permissions() : permissionsOf(group);
        long owner = ctx.userId();
        if (object instanceof Link<?, ?> l && l.parent().isSaved() && l.child().details().ownerId().isPresent()) {
            long parentOwner = l.parent().details().ownerId().orElse(owner);
            long childOwner = l.child().details().ownerId().get();
            // the owner of the linked content when the two owners differ, else theirs
            owner = portfolioOwner(group, perms, parentOwner != childOwner ? childOwner : parentOwner);
        }
        return insert(object, owner, group, perms);
    }

    /**
     * Saves a new object without the write check, for the few writes OMERO's services make with the server's own
     * rights after checking the caller themselves (a new user's {@code user} membership, a group owner creating a
     * user in their groups). Owned by the caller, in the caller's write group.
     */
    <T extends IObject> T createUnchecked(T object) {
        long group = ctx.writeGroupId();
        return insert(object, ctx.userId(), group, permissionsOf(group));
    }

    /**
     * Saves a new object owned by {@code dataOwner} when the caller is organizing that user's data as OMERO.web
     * lets administrators do (see {@link #portfolioOwner}); otherwise exactly {@link #create}.
     */
    <T extends IObject> T createFor(long dataOwner, T object) {
        useStoredReferences(object);
        checked(EventLog.Action.INSERT, object);
        long group = ctx.writeGroupId();
        Permissions perms = permissionsOf(group);
        return insert(object, portfolioOwner(group, perms, dataOwner), group, perms);
    }

    /**
     * The group a new object goes to: a link's parent's group, else the caller's write group (the session's group,
     * or its default group in the all-groups context).
     */
    static long groupOfNew(SecurityContext ctx, IObject object) {
        return object instanceof Link<?, ?> l && l.parent().isSaved()
                ? l.parent().details().groupId().orElse(ctx.writeGroupId()) : ctx.writeGroupId();
    }

    /**
     * Puts the stored rows in place of every saved object {@code object} refers to, so that the write check and
     * the new row see what is stored, never a caller's edited copy (its owner, group or permissions).
     */
    private void useStoredReferences(IObject object) {
        Fields.of(object).replaceReferences(object, ref -> {
            if (session.contains(ref)) {
                return ref;
            }
            Class<?> type = ref instanceof org.hibernate.proxy.HibernateProxy p
                    ? p.getHibernateLazyInitializer().getPersistentClass() : ref.getClass();
            IObject stored = (IObject) session.find(type, ref.id());
            if (stored == null) {
                throw new NotFoundException(ref + " does not exist (deleted by someone else?)");
            }
            return stored;
        });
    }

    /**
     * A link joins a parent and a child once (the tables' unique key): a second one is a validation error naming
     * both, decided before the insert so that no SQL error surfaces.
     */
    private void refuseDuplicateLink(IObject object) {
        if (object instanceof Link<?, ?> l && l.parent().isSaved() && l.child().isSaved()) {
            Long n = session.createQuery("select count(l) from " + org.hibernate.Hibernate.getClass(object).getName()
                    + " l where l.parent.id = :p and l.child.id = :c", Long.class)
                    .setParameter("p", l.parent().id()).setParameter("c", l.child().id()).getSingleResult();
            if (n > 0) {
                String verb = EntityClasses.isAnnotationLink(object.getClass()) ? " is already attached to "
                        : " is already linked to ";
                throw new org.omerosdk.model.ValidationException(l.child() + verb + l.parent() + ": a "
                        + entityName(object) + " joins each pair once");
            }
        }
    }

    /** The one place a new object gets its details, is persisted and logged. */
    private <T extends IObject> T insert(T object, long owner, long group, Permissions perms) {
        Fields.of(object).validate(object);
        object.details().assignCreation(owner, group, perms, eventId(isGlobal(object) ? null : group));
        session.persist(object);
        log(EventLog.Action.INSERT, object);
        return object;
    }

    /**
     * OMERO.web's rule for administrators (full or restricted) working in a group they are not a member of, other
     * than a private one: what they create in a user's data belongs to that user, so that the user can still
     * manage it. Group owners, members and private groups keep the creator as owner (OMERO's documented
     * limitation for group owners).
     */
    private long portfolioOwner(long group, Permissions groupPerms, long dataOwner) {
        boolean privateGroup = groupPerms.level().orElse(Permissions.Level.PRIVATE) == Permissions.Level.PRIVATE;
        if (ctx.admin() && !ctx.memberOf().contains(group) && !privateGroup && dataOwner >= 0) {
            return dataOwner;
        }
        return ctx.userId();
    }

    /**
     * Saves changes to a detached object. Its version must still be the stored one, else the update fails with a
     * {@code ConcurrentUpdateException} (translated by {@link Store}) and nothing is written.
     */
    <T extends IObject> T update(T object) {
        // decided on the stored details, not on the caller's copy
        IObject stored = current(EventLog.Action.UPDATE, object);
        // ownership changes only through chown/chgrp (later issues), never through a copy's details
        Details d = stored.details();
        object.details().assignOwnership(d.ownerId().orElse(null), d.groupId().orElse(null), d.permissions());
        Fields.of(object).validate(object);
        object.details().assignUpdate(eventId(logGroup(stored)));
        T merged = session.merge(object);
        log(EventLog.Action.UPDATE, merged);
        return merged;
    }

    /**
     * Changes the stored row of {@code copy} with {@code change}, after the checks of {@link #update}; nothing of
     * the caller's copy but its id and version is used.
     */
    <T extends IObject> T edit(T copy, java.util.function.Consumer<? super T> change) {
        @SuppressWarnings("unchecked")
        T stored = (T) current(EventLog.Action.UPDATE, copy);
        change.accept(stored);
        Fields.of(stored).validate(org.hibernate.Hibernate.unproxy(stored, IObject.class));
        stored.details().assignUpdate(eventId(logGroup(stored)));
        log(EventLog.Action.UPDATE, stored);
        return stored;
    }

    /** Deletes an object, refusing a stale copy like {@link #update}. */
    void delete(IObject object) {
        IObject managed = current(EventLog.Action.DELETE, object);
        log(EventLog.Action.DELETE, managed);
        session.remove(managed);
    }

    /**
     * The stored object, provided the caller may do {@code action} to it and {@code copy} is not stale. Visibility
     * and the permission come first: a stale copy of an object the caller cannot see answers like a missing one.
     */
    private IObject current(EventLog.Action action, IObject copy) {
        IObject managed = session.find(org.hibernate.Hibernate.getClass(copy), copy.id());
        if (managed == null) {
            throw new NotFoundException(copy + " does not exist (deleted by someone else?)");
        }
        checked(action, managed);
        if (managed.version() != copy.version()) {
            throw new ConcurrentUpdateException(copy + " was changed by another writer (version "
                    + copy.version() + " is stale, stored version is " + managed.version()
                    + "); nothing was overwritten: reload it and try again");
        }
        return managed;
    }

    /** The one place every write passes before it runs. */
    void checked(EventLog.Action action, IObject object) {
        check.check(ctx, action, object);
    }

    /** The evaluator's decision for one stored row (graph operations decide every object they touch). */
    WriteCheck.Verdict decide(org.omerosdk.permissions.Action action, long ownerId, long groupId) {
        return check.decide(ctx, action, ownerId, groupId);
    }

    /** The user the transaction acts as (for messages). */
    long contextUserId() {
        return ctx.userId();
    }

    /** One object changed in bulk by a graph operation, for {@link #logged(java.util.List)}. */
    record BulkChange(EventLog.Action action, String entityType, long entityId, long entityGroup) {
    }

    /**
     * Logs the changes made in bulk by a graph operation: one row per object, under this transaction's event (made
     * in the first object's group), filed under the group the object was in. The rows go in JDBC batches of
     * {@value #LOG_BATCH} rather than through the session (a persist, a dirty check and a flush per row were a
     * tenth of a large operation); their ids come from the entity's own generator, so they are allocated exactly as
     * Hibernate allocates them.
     */
    void logged(java.util.List<BulkChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        long event = eventId(changes.get(0).entityGroup());
        session.flush();
        var persister = ((org.hibernate.engine.spi.SessionFactoryImplementor) session.getSessionFactory())
                .getMappingMetamodel().getEntityDescriptor(EventLog.class);
        var ids = (org.hibernate.generator.BeforeExecutionGenerator) persister.getGenerator();
        var self = (org.hibernate.engine.spi.SharedSessionContractImplementor) session;
        session.doWork(c -> {
            try (var ps = c.prepareStatement("insert into eventlog (id, action, entityType, entityId, entityGroup,"
                    + " event) values (?, ?, ?, ?, ?, ?)")) {
                int n = 0;
                for (BulkChange ch : changes) {
                    ps.setLong(1, ((Number) ids.generate(self, null, null,
                            org.hibernate.generator.EventType.INSERT)).longValue());
                    ps.setString(2, ch.action().name());
                    ps.setString(3, ch.entityType());
                    ps.setLong(4, ch.entityId());
                    ps.setLong(5, ch.entityGroup());
                    ps.setLong(6, event);
                    ps.addBatch();
                    if (++n % LOG_BATCH == 0) {
                        ps.executeBatch();
                    }
                }
                if (n % LOG_BATCH != 0) {
                    ps.executeBatch();
                }
            }
        });
    }

    private static final int LOG_BATCH = 1000;

    /**
     * Saves a new object owned by {@code owner} in {@code group}, for a graph move that creates its target
     * container in the target group for the data's owner (the move itself has checked the caller).
     */
    <T extends IObject> T createIn(long owner, long group, T object) {
        return insert(object, owner, group, permissionsOf(group));
    }

    /** Writes out and forgets what is pending, every batch, so that a large save runs in bounded memory. */
    void batchBoundary() {
        if (++pending % HibernateSettings.BATCH_SIZE == 0) {
            session.flush();
            session.clear();
            if (event != null) {
                event = session.getReference(Event.class, eventId);
            }
        }
    }

    Session hibernate() {
        return session;
    }

    Event event() {
        return event(null);
    }

    /**
     * The transaction's event, made on first use in the group of the first object it touches ({@code group}, when
     * known) rather than the session's default group, so that it is filed where that object is.
     */
    private Event event(Long group) {
        if (event == null) {
            event = new Event(type, Instant.now(), ctx.userId(), group != null ? group : ctx.writeGroupId(),
                    sessionId);
            session.persist(event);
            eventId = event.id();
        }
        return event;
    }

    private long eventId(Long group) {
        event(group);
        return eventId;
    }

    private void log(EventLog.Action action, IObject object) {
        Long group = logGroup(object);
        session.persist(new EventLog(action, entityName(object), object.id(), group, event(group)));
    }

    /**
     * The group an event log row is filtered on: the object's own, or none for OMERO's global types (users, groups,
     * memberships), which everyone may list.
     */
    static Long logGroup(IObject object) {
        return isGlobal(object) ? null : object.details().groupId().orElse(null);
    }

    private static boolean isGlobal(IObject object) {
        return object instanceof org.omerosdk.model.meta.Experimenter || object instanceof ExperimenterGroup
                || object instanceof org.omerosdk.model.meta.GroupExperimenterMap;
    }

    static String entityName(IObject object) {
        return org.hibernate.Hibernate.getClass(object).getSimpleName();
    }

    private Permissions permissionsOf(long group) {
        return groupPermissions.computeIfAbsent(group, g -> {
            ExperimenterGroup eg = session.find(ExperimenterGroup.class, g);
            if (eg == null) {
                throw new NotFoundException("ExperimenterGroup:" + g + " does not exist");
            }
            return eg.permissions();
        });
    }
}
