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
        return run(session -> work.apply(new QueryPath(session, ctx, readFilter)), true);
    }

    <T> T write(SecurityContext ctx, EventType type, Long sessionId, BiFunction<QueryPath, WritePath, T> work) {
        return run(session -> work.apply(new QueryPath(session, ctx, readFilter),
                new WritePath(session, ctx, writeCheck, type, sessionId)), false);
    }

    private <T> T run(Function<org.hibernate.Session, T> work, boolean readOnly) {
        try (org.hibernate.Session session = db.sessions.openSession()) {
            session.setDefaultReadOnly(readOnly);
            Transaction tx = session.beginTransaction();
            try {
                T result = work.apply(session);
                session.flush();
                tx.commit();
                return result;
            } catch (RuntimeException e) {
                if (tx.isActive()) {
                    tx.rollback();
                }
                throw translate(e);
            }
        }
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
        return new StorageException("database operation failed: " + e.getMessage(), e);
    }
}
