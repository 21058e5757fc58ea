package org.omerosdk.sdk.graph;

/**
 * What happens to the object at the far end of a relation when the object at the near end is included in an
 * operation (OMERO's graph-rule outcomes, named).
 */
public enum Fate {
    /** Included with it, regardless of permissions (OMERO's {@code /n}). */
    INCLUDE,
    /** Included with it; the evaluator must allow the operation on it, else the whole operation is refused. */
    INCLUDE_CHECKED,
    /** Included with it when the evaluator allows the operation on it, else it stays (OMERO's {@code /d}). */
    INCLUDE_IF_ALLOWED,
    /** Included when nothing staying still holds it (an orphan), regardless of permissions. */
    ORPHAN,
    /** Included when it is an orphan and the evaluator allows the operation on it. */
    ORPHAN_IF_ALLOWED,
    /** Removed (deleted) as a side effect of the operation, regardless of permissions. */
    REMOVE,
    /** Stays where it is; a link between it and the included object is removed. */
    STAY
}
