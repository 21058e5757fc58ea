package org.omerosdk.sdk;

import java.util.List;
import org.omerosdk.model.core.Image;

/** The outcome of a batch import: one {@link ImportReport} per fileset, in the order the paths were given. */
public record ImportResult(List<ImportReport> reports) {
    public ImportResult {
        reports = List.copyOf(reports);
    }

    /** Every image created, fileset by fileset. */
    public List<Image> images() {
        return reports.stream().flatMap(r -> r.images().stream()).toList();
    }

    /** The filesets that failed (and left nothing behind). */
    public List<ImportReport> failures() {
        return reports.stream().filter(r -> !r.ok()).toList();
    }

    /** Whether every fileset was imported. */
    public boolean ok() {
        return reports.stream().allMatch(ImportReport::ok);
    }
}
