package org.omerosdk.sdk.graph;

import org.omerosdk.model.ValidationException;

/**
 * A graph operation refused for what its graph holds (a fileset that would split, an object that may not go while
 * another remains): nothing was changed. {@link #report()} is the dry-run report, problems included.
 */
public class GraphRefusedException extends ValidationException {
    private static final long serialVersionUID = 1L;
    private final transient GraphReport report;

    public GraphRefusedException(GraphReport report) {
        super("graph operation refused, nothing changed: " + String.join("; ", report.problems()));
        this.report = report;
    }

    public GraphReport report() {
        return report;
    }
}
