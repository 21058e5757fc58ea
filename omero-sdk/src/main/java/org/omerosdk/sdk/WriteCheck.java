package org.omerosdk.sdk;

import org.omerosdk.model.meta.EventLog;
import org.omerosdk.model.meta.IObject;

/**
 * The hook where write permissions are enforced (issue 3): {@link WritePath#checked} calls it before every create,
 * update and delete, and it throws a {@code SecurityViolation} to refuse. The current check allows everything.
 */
interface WriteCheck {
    WriteCheck ALLOW_ALL = (ctx, action, object) -> { };

    void check(SecurityContext ctx, EventLog.Action action, IObject object);
}
