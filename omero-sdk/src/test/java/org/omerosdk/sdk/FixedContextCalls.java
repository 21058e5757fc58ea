package org.omerosdk.sdk;

import java.util.List;
import org.omerosdk.model.containers.Project;

/**
 * For {@code benchmarks/run sessions}, published in omero-sdk's test-jar (so that the benchmarks declare nothing in
 * this package; no consumer's class path has it): a call the way sessions ran before they derived their
 * context on every call — the session row checked, then the query in a context computed once — so that
 * {@code benchmarks/run sessions} measures what reading the memberships on every call costs.
 */
public final class FixedContextCalls {
    private FixedContextCalls() {
    }

    /** The first project, in {@code ctx}, after a primary-key read of the session's row. */
    public static List<Project> firstProject(Session s, SecurityContext ctx) {
        return s.sdk().store().read(ctx, q -> {
            q.byId(org.omerosdk.model.meta.Session.class, s.sessionId());
            return q.list(Select.from(Project.class).page(0, 1));
        });
    }
}
