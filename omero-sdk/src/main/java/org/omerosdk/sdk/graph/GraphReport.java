package org.omerosdk.sdk.graph;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a graph operation did, or would do in a dry run: the same value for both. Per type (simple class name):
 * the objects the operation applied to, the links removed between included and staying objects, other objects
 * removed as a side effect (another user's rendering settings on a move into a private group), the annotations
 * unlinked but kept, and the objects left behind at the staying end of removed links (OMERO.web's "not
 * included"). {@link #problems} names what makes a real run refuse (a fileset that would split, an object that may
 * not go while another remains); a real run with problems throws instead of returning.
 *
 * <p>Names only objects the caller may see: others' objects may be affected (as OMERO does, regardless of
 * permissions) but are never listed.
 */
public record GraphReport(GraphOperation operation, boolean dryRun, SortedMap<String, SortedSet<Long>> included,
                          SortedMap<String, SortedSet<Long>> linksRemoved, SortedMap<String, SortedSet<Long>> removed,
                          SortedMap<String, SortedSet<Long>> annotationsUnlinked,
                          SortedMap<String, SortedSet<Long>> notIncluded, List<String> problems) {
    public GraphReport {
        included = freeze(included);
        linksRemoved = freeze(linksRemoved);
        removed = freeze(removed);
        annotationsUnlinked = freeze(annotationsUnlinked);
        notIncluded = freeze(notIncluded);
        problems = List.copyOf(problems);
    }

    /** A report from plain maps (copied, sorted, empty sets dropped). */
    public static GraphReport of(GraphOperation operation, boolean dryRun,
                                 Map<String, ? extends java.util.Set<Long>> included,
                                 Map<String, ? extends java.util.Set<Long>> linksRemoved,
                                 Map<String, ? extends java.util.Set<Long>> removed,
                                 Map<String, ? extends java.util.Set<Long>> annotationsUnlinked,
                                 Map<String, ? extends java.util.Set<Long>> notIncluded, List<String> problems) {
        return new GraphReport(operation, dryRun, freeze(included), freeze(linksRemoved), freeze(removed),
                freeze(annotationsUnlinked), freeze(notIncluded), problems);
    }

    /** The ids of {@code type} (simple name) the operation applied to. */
    public SortedSet<Long> included(String type) {
        return included.getOrDefault(type, java.util.Collections.emptySortedSet());
    }

    /** How many objects the operation applied to, in all. */
    public long includedCount() {
        return included.values().stream().mapToLong(SortedSet::size).sum();
    }

    /** The same report marked as a real run (to compare a dry run with the real one). */
    public GraphReport asRealRun() {
        return new GraphReport(operation, false, included, linksRemoved, removed, annotationsUnlinked, notIncluded,
                problems);
    }

    /** OMERO's {@code --report} layout: one line per type and id list, under a heading per section. */
    public String format() {
        StringBuilder b = new StringBuilder();
        String verb = switch (operation) {
            case DELETE -> "Deleted";
            case MOVE -> "Moved";
            case GIVE -> "Given";
        };
        section(b, (dryRun ? "Would be " + verb.toLowerCase(java.util.Locale.ROOT) : verb) + " objects", included);
        section(b, "Links removed", linksRemoved);
        section(b, "Removed", removed);
        section(b, "Annotations unlinked", annotationsUnlinked);
        section(b, "Not included", notIncluded);
        for (String p : problems) {
            b.append("Problem: ").append(p).append('\n');
        }
        return b.toString();
    }

    private static void section(StringBuilder b, String title, SortedMap<String, SortedSet<Long>> m) {
        if (m.isEmpty()) {
            return;
        }
        b.append(title).append('\n');
        m.forEach((type, ids) -> {
            b.append("  ").append(type).append(':');
            StringBuilder list = new StringBuilder();
            for (long id : ids) {
                list.append(list.length() == 0 ? "" : ",").append(id);
            }
            b.append(list).append('\n');
        });
    }

    private static SortedMap<String, SortedSet<Long>> freeze(Map<String, ? extends java.util.Set<Long>> m) {
        TreeMap<String, SortedSet<Long>> copy = new TreeMap<>();
        m.forEach((k, v) -> {
            if (!v.isEmpty()) {
                copy.put(k, java.util.Collections.unmodifiableSortedSet(new TreeSet<>(v)));
            }
        });
        return java.util.Collections.unmodifiableSortedMap(copy);
    }
}
