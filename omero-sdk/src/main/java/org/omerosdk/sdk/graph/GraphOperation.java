package org.omerosdk.sdk.graph;

import org.omerosdk.permissions.Action;

/**
 * The graph operations (OMERO's Delete2, Chgrp2, Chown2), each with the evaluator action every object it touches is
 * decided for.
 */
public enum GraphOperation {
    /** Remove the targets and what only they hold. */
    DELETE(Action.DELETE, "delete"),
    /** Move the targets and what only they hold to another group (chgrp). */
    MOVE(Action.CHGRP, "move"),
    /** Give the targets and what only they hold to another user (chown). */
    GIVE(Action.CHOWN, "give");

    private final Action action;
    private final String verb;

    GraphOperation(Action action, String verb) {
        this.action = action;
        this.verb = verb;
    }

    /** The evaluator's action for this operation. */
    public Action action() {
        return action;
    }

    /** The verb used in messages ("may not delete Image:5 while ..."). */
    public String verb() {
        return verb;
    }
}
