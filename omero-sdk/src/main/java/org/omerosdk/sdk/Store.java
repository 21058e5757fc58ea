package org.omerosdk.sdk;

import jakarta.persistence.OptimisticLockException;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.hibernate.StaleStateException;
import org.hibernate.Transaction;
import org.omerosdk.model.ConcurrentUpdateException;
import org.omerosdk.model.OmeroException;
import org.omerosdk.model.StorageException;
import org.omerosdk.model.meta.EventType;

/** Runs units of work in one transaction each, through the single read and write paths. */
final class Store {
    private final Database db;
    private final ReadFilter readFilter;
    private final WriteCheck writeCheck;

    Store(Database db, ReadFilter readFilter, WriteCheck writeCheck) {
        this.db = db;
        this.readFilter = readFilter;
        this.writeCheck = writeCheck;
    }

    /** Tells the filters a group's level changed (other instances see it when their caches expire, in 5 s). */
    void groupChanged(long groupId) {
        readFilter.groupChanged(groupId);
        writeCheck.groupChanged(groupId);
    }

    /** Whether the caller may edit {@code object} (the write check's answer for an update, without writing). */
    boolean mayEdit(SecurityContext ctx, org.omerosdk.model.meta.IObject object) {
        try {
            writeCheck.check(ctx, org.omerosdk.model.meta.EventLog.Action.UPDATE, object);
            return true;
        } catch (org.omerosdk.model.SecurityViolation | org.omerosdk.model.NotFoundException e) {
            return false;
        }
    }

    /** The same database without the read filter: for benchmarks that measure what the filter costs. */
    Store unfiltered() {
        return new Store(db, ReadFilter.NONE, writeCheck);
    }

    Dialect dialect() {
        return db.dialect;
    }

    <T> T read(SecurityContext ctx, Function<QueryPath, T> work) {
        boolean outermost = outermost();
        return detached(outermost, run(session -> {
            QueryPath q = new QueryPath(session, ctx, readFilter);
            return resolved(outermost, work.apply(q), q);
        }, true));
    }

    <T> T write(SecurityContext ctx, EventType type, Long sessionId, BiFunction<QueryPath, WritePath, T> work) {
        boolean outermost = outermost();
        return detached(outermost, run(session -> {
            QueryPath q = new QueryPath(session, ctx, readFilter);
            return resolved(outermost, work.apply(q, new WritePath(session, ctx, writeCheck, type, sessionId)), q);
        }, false));
    }

    /**
     * Whether a unit of work starting now is the outermost on this thread: only its result leaves the SDK, so
     * only it is detached ({@link Detached}); a nested unit's result is still used inside the outer one.
     */
    private boolean outermost() {
        return db.current.get() == null;
    }

    /** Phase 1 of detaching, inside the transaction, under the caller's read filter. */
    private static <T> T resolved(boolean outermost, T result, QueryPath q) {
        if (outermost) {
            Detached.resolve(result, q);
        }
        return result;
    }

    /** Phase 2 of detaching, after the transaction closed. */
    private static <T> T detached(boolean outermost, T result) {
        return outermost ? Detached.finish(result) : result;
    }

    /**
     * Runs {@code after} if the unit of work running on this thread does not commit (nothing when none runs): for
     * caches filled by a read nested in a write, which may have seen that write's uncommitted rows.
     */
    void onRollback(Runnable after) {
        Database.Unit unit = db.current.get();
        if (unit != null) {
            unit.onRollback.add(after);
        }
    }

    /**
     * A read whose context {@code who} derives first, in the same transaction, from what an unfiltered query path
     * reads (a session's limits and its user's memberships as stored now).
     */
    <T> T read(Function<QueryPath, SecurityContext> who, Function<QueryPath, T> work) {
        boolean outermost = outermost();
        return detached(outermost, run(session -> {
            QueryPath q = new QueryPath(session, who.apply(system(session)), readFilter);
            return resolved(outermost, work.apply(q), q);
        }, true));
    }

    /** A write whose context {@code who} derives first, in the same transaction (see {@link #read(Function,
     * Function)}). */
    <T> T write(Function<QueryPath, SecurityContext> who, EventType type, Long sessionId,
                BiFunction<QueryPath, WritePath, T> work) {
        boolean outermost = outermost();
        return detached(outermost, run(session -> {
            SecurityContext ctx = who.apply(system(session));
            QueryPath q = new QueryPath(session, ctx, readFilter);
            return resolved(outermost, work.apply(q, new WritePath(session, ctx, writeCheck, type, sessionId)), q);
        }, false));
    }

    private static QueryPath system(org.hibernate.Session session) {
        return new QueryPath(session, Bootstrap.SYSTEM_CONTEXT, ReadFilter.NONE);
    }

    /**
     * One transaction per unit of work, on one pooled connection. A read started inside another unit on the same
     * thread (a cache loading a group's level for the caller's filter) shares that unit's connection and
     * transaction instead of taking a second connection: with one connection per caller, callers beyond the pool
     * only queue for it, and none can hold one while waiting for another.
     */
    private <T> T run(Function<org.hibernate.Session, T> work, boolean readOnly) {
        Database.Unit outer = db.current.get();
        if (outer != null && readOnly) {
            return nested(outer, work);
        }
        Database.Unit unit = null;
        org.hibernate.Session session = null;
        Transaction tx = null;
        boolean committed = false;
        try {
            session = db.sessions.openSession();
            session.setDefaultReadOnly(readOnly);
            // inside the try: a pool timeout or a dead database surfaces here and must be translated too
            tx = session.beginTransaction();
            unit = new Database.Unit(session);
            db.current.set(unit);
            T result = work.apply(session);
            session.flush();
            tx.commit();
            committed = true;
            return result;
        } catch (RuntimeException e) {
            rollbackQuietly(tx, e);
            throw translate(e);
        } finally {
            db.current.set(outer);
            if (unit != null && !committed) {
                unit.onRollback.forEach(Runnable::run);
            }
            if (session != null) {
                closeQuietly(session);
            }
        }
    }

    /** A read in its own persistence context on the connection (and inside the transaction) of {@code outer}. */
    private <T> T nested(Database.Unit outer, Function<org.hibernate.Session, T> work) {
        try (org.hibernate.Session session = db.sessions.withOptions().connection(outer.connection()).openSession()) {
            session.setDefaultReadOnly(true);
            return work.apply(session);
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    private static void rollbackQuietly(Transaction tx, RuntimeException cause) {
        try {
            if (tx != null && tx.isActive()) {
                tx.rollback();
            }
        } catch (RuntimeException e) {
            // the connection is likely gone; the original failure is the one to report
            cause.addSuppressed(e);
        }
    }

    private static void closeQuietly(org.hibernate.Session session) {
        try {
            session.close();
        } catch (RuntimeException ignored) {
            // closing returns the connection to the pool; a failure here has nothing left to lose
        }
    }

    private static String constraintName(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException c && c.getConstraintName() != null) {
                return " (constraint " + c.getConstraintName() + ")";
            }
        }
        return "";
    }

    private static RuntimeException translate(RuntimeException e) {
        if (e instanceof OmeroException) {
            return e;
        }
        if (e instanceof OptimisticLockException || e instanceof StaleStateException
                || e.getCause() instanceof StaleStateException) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([\\w.]+) with id '?(\\d+)")
                    .matcher(String.valueOf(e.getMessage()));
            String what = m.find() ? m.group(1).replaceAll(".*\\.", "") + ":" + m.group(2) : "the object";
            return new ConcurrentUpdateException(what + " was changed by another writer since it was loaded; "
                    + "nothing was overwritten: reload it and try again", e);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException) {
                return new StorageException("no database connection became free in time: every connection of "
                        + "the pool (omero.db.poolsize) stayed busy; " + t.getMessage(), e);
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                // a rule the checks before the write should have caught: say which, never the SQL
                if (sql.getSQLState().equals("23505")) {
                    return new org.omerosdk.model.ValidationException("the change would duplicate a stored row "
                            + "where a value must be unique" + constraintName(e), e);
                }
                if (sql.getSQLState().equals("22001")) {
                    return new org.omerosdk.model.ValidationException("a value is longer than its column allows"
                            + constraintName(e), e);
                }
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // the root cause says why (a full disk: "No space left on device"), the top what failed
        return new StorageException("database operation failed: " + e.getMessage()
                + (root == e ? "" : " (" + root.getMessage() + ")"), e);
    }
}
