package org.omerosdk.sdk;

import org.omerosdk.model.meta.EventLog;
import org.omerosdk.model.meta.IObject;

/**
 * The hook where write permissions are enforced (issue 3): {@link WritePath#checked} calls it before every create,
 * update and delete, and it throws a {@code SecurityViolation} to refuse. {@link #ALLOW_ALL} refuses nothing.
 */
interface WriteCheck {
    WriteCheck ALLOW_ALL = (ctx, action, object) -> { };

    void check(SecurityContext ctx, EventLog.Action action, IObject object);

    /** The evaluator's answer for one stored row, as graph operations ask it for every object they touch. */
    enum Verdict { ALLOWED, DENIED, INVISIBLE }

    /**
     * The evaluator's decision for {@code action} on a stored object of {@code ownerId} in {@code groupId} (database
     * ids): invisible, visible but denied, or allowed. {@code VIEW} asks for visibility only.
     */
    default Verdict decide(SecurityContext ctx, org.omerosdk.permissions.Action action, long ownerId, long groupId) {
        return Verdict.ALLOWED;
    }

    /**
     * The group a new object goes to (database id): {@link WritePath#groupOfNew} unless the check knows better
     * (the all-groups context's rule needs the ids of {@code system} and {@code user}).
     */
    default long groupOfNew(SecurityContext ctx, IObject object) {
        return WritePath.groupOfNew(ctx, object);
    }

    /** Forgets what is cached about a group whose level just changed through this instance. */
    default void groupChanged(long groupId) {
    }
}
