package org.omerosdk.repo.template;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.omerosdk.model.ValidationException;
import org.omerosdk.repo.rules.PathRules;

/**
 * Where the files of one fileset go below its template directory, as OMERO decides it: the client paths' common
 * root (never counting a file name) is trimmed, keeping the number of parent directories the format reader asks
 * for, or — with no reader — keeping three parents of the shortest path.
 *
 * <p>Deviation from OMERO: when the paths diverge above the directories the no-reader rule wants to cut, OMERO
 * fails with an index error; we cut only the common root there is.
 */
public final class ClientPaths {
    private ClientPaths() {
    }

    /**
     * The layout of a fileset.
     *
     * @param commonRoot the components kept above every file (the part of the common root not trimmed)
     * @param usedFiles  each file's components relative to {@code commonRoot}, in the order given
     */
    public record Layout(List<String> commonRoot, List<List<String>> usedFiles) {
        public Layout {
            commonRoot = List.copyOf(commonRoot);
            usedFiles = usedFiles.stream().map(List::copyOf).toList();
        }
    }

    /**
     * Lays out {@code clientPaths} (already split and client-sanitised) below the template directory.
     *
     * @param readerRequiredDirectories how many trailing directories of the common root the format reader needs
     *                                  (Bio-Formats' {@code getRequiredDirectories}; 0 for most formats), or empty
     *                                  when no reader is known
     * @param rules                     the repository's rules; every kept component is sanitised with them
     */
    public static Layout layout(List<List<String>> clientPaths, OptionalInt readerRequiredDirectories,
                                PathRules rules) {
        if (clientPaths.isEmpty()) {
            throw new ValidationException("a fileset needs at least one file");
        }
        List<String> root = commonRoot(clientPaths);
        int trim;
        if (readerRequiredDirectories.isPresent()) {
            trim = Math.max(0, root.size() - Math.max(0, readerRequiredDirectories.getAsInt()));
        } else {
            int shortest = clientPaths.stream().mapToInt(List::size).min().orElse(0);
            trim = Math.min(root.size(), Math.max(0, shortest - 4));
        }
        List<String> kept = new ArrayList<>();
        for (String c : root.subList(trim, root.size())) {
            kept.add(rules.sanitize(c));
        }
        List<List<String>> used = new ArrayList<>();
        for (List<String> p : clientPaths) {
            List<String> rel = new ArrayList<>();
            for (String c : p.subList(root.size(), p.size())) {
                rel.add(rules.sanitize(c));
            }
            used.add(rel);
        }
        return new Layout(kept, used);
    }

    /** The longest run of leading directories shared by every path (file names never count; case-sensitive). */
    public static List<String> commonRoot(List<List<String>> paths) {
        List<String> first = paths.get(0);
        int n = first.size() - 1;
        for (List<String> p : paths) {
            n = Math.min(n, p.size() - 1);
            for (int i = 0; i < n; i++) {
                if (!p.get(i).equals(first.get(i))) {
                    n = i;
                    break;
                }
            }
        }
        return List.copyOf(first.subList(0, Math.max(0, n)));
    }
}
