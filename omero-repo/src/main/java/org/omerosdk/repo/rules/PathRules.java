package org.omerosdk.repo.rules;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.config.OmeroConfig;

/**
 * The combination of one or more {@link PathRuleSet}s, as OMERO applies them to every component of a path placed in
 * the managed repository: {@link #sanitize} transforms a component (never rejects or drops it, and is idempotent),
 * {@link #isSafe} says whether a component is already safe (direct repository calls reject exactly the components
 * sanitising would change), {@link #sanitizePath} and {@link #checkedPath} work on whole relative paths and
 * guarantee that the result can never leave the directory it is resolved against. Immutable and thread-safe.
 */
public final class PathRules {
    /** Longest component, in UTF-8 bytes, that common filesystems accept. */
    public static final int MAX_COMPONENT_BYTES = 255;

    private final Set<PathRuleSet> sets;
    private final Map<Integer, Integer> characterMap;
    private final Set<String> unsafeNames;
    private final Set<String> unsafePrefixes;
    private final Set<String> unsafeSuffixes;

    private PathRules(Set<PathRuleSet> sets, String osName) {
        Set<PathRuleSet> resolved = EnumSet.noneOf(PathRuleSet.class);
        for (PathRuleSet s : sets) {
            resolved.addAll(s.resolve(osName));
        }
        this.sets = Set.copyOf(sets);
        Map<Integer, Integer> map = new TreeMap<>();
        // the server never accepts Unicode control characters (category Cc below U+0100) in file names
        for (int cp = 0; cp < 0x100; cp++) {
            if (Character.getType(cp) == Character.CONTROL) {
                map.put(cp, (int) '_');
            }
        }
        Set<String> names = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        Set<String> suffixes = new TreeSet<>();
        for (PathRuleSet s : resolved) {
            for (Map.Entry<Integer, Integer> e : s.characterMap().entrySet()) {
                Integer before = map.get(e.getKey());
                if (before != null && !before.equals(e.getValue()) && before != '_') {
                    throw new ValidationException("path rule sets " + sets + " map U+"
                            + String.format("%04X", e.getKey()) + " to two different characters");
                }
                map.put(e.getKey(), e.getValue());
            }
            names.addAll(s.unsafeNames());
            prefixes.addAll(s.unsafePrefixes());
            suffixes.addAll(s.unsafeSuffixes());
        }
        // close the map transitively so one pass suffices: a replacement that is itself mapped is replaced too
        for (Map.Entry<Integer, Integer> e : map.entrySet()) {
            int target = e.getValue();
            int steps = 0;
            while (map.containsKey(target) && map.get(target) != target) {
                target = map.get(target);
                if (++steps > map.size()) {
                    throw new ValidationException("path rule sets " + sets + " map characters in a cycle");
                }
            }
            e.setValue(target);
        }
        this.characterMap = Map.copyOf(map);
        this.unsafeNames = Set.copyOf(names);
        this.unsafePrefixes = Set.copyOf(prefixes);
        this.unsafeSuffixes = Set.copyOf(suffixes);
    }

    /** The combination of {@code sets} on this machine's operating system. */
    public static PathRules of(Collection<PathRuleSet> sets) {
        return of(sets, System.getProperty("os.name", ""));
    }

    /** The combination of {@code sets} as it would be on {@code osName} (for the "local" sets). */
    public static PathRules of(Collection<PathRuleSet> sets, String osName) {
        if (sets.isEmpty()) {
            throw new ValidationException("omero.fs.repo.path_rules is empty; name at least one of: "
                    + "Windows required, Windows optional, UNIX required, UNIX optional, local required, "
                    + "local optional");
        }
        return new PathRules(EnumSet.copyOf(sets), osName);
    }

    /** Windows required + UNIX required: what OMERO's clients always apply, and the server's default. */
    public static PathRules clientDefault() {
        return of(List.of(PathRuleSet.WINDOWS_REQUIRED, PathRuleSet.UNIX_REQUIRED));
    }

    /** The sets named by {@code omero.fs.repo.path_rules}. */
    public static PathRules from(OmeroConfig config) {
        return parse(config.get(ConfigKeys.FS_REPO_PATH_RULES));
    }

    /**
     * Parses OMERO's comma-separated list of set names (exact, case-sensitive names; blank items dropped).
     *
     * @throws ValidationException naming the unknown set or the empty list
     */
    public static PathRules parse(String value) {
        Set<PathRuleSet> sets = new LinkedHashSet<>();
        for (String item : value.split(",")) {
            String name = item.trim();
            if (name.isEmpty()) {
                continue;
            }
            sets.add(PathRuleSet.byOmeroName(name).orElseThrow(() -> new ValidationException(
                    "omero.fs.repo.path_rules names the unknown rule set \"" + name + "\"; accepted: "
                            + "Windows required, Windows optional, UNIX required, UNIX optional, local required, "
                            + "local optional")));
        }
        return of(sets);
    }

    /**
     * Makes one path component safe, as OMERO does: appends {@code _} to an unsafe name, prepends {@code _} for each
     * unsafe prefix, appends {@code _} for each unsafe suffix (all matched on the upper-cased original), then
     * replaces mapped characters. Never rejects; applying it twice changes nothing more.
     *
     * <p>Deviation from OMERO: OMERO matches names on the original text only, so {@code AU*} becomes {@code AUx}, a
     * Windows device name, and a second pass would change it again. We repeat the steps until the result is stable
     * ({@code AU*} becomes {@code AUx_}), so a sanitised name is always safe.
     */
    public String sanitize(String component) {
        String current = component;
        for (int pass = 0; pass < 4; pass++) {
            String next = sanitizeOnce(current);
            if (next.equals(current)) {
                return next;
            }
            current = next;
        }
        return current;
    }

    private String sanitizeOnce(String component) {
        String upper = component.toUpperCase(Locale.ROOT);
        StringBuilder head = new StringBuilder();
        StringBuilder tail = new StringBuilder();
        if (unsafeNames.contains(upper)) {
            tail.append('_');
        }
        for (String p : unsafePrefixes) {
            if (upper.startsWith(p)) {
                head.append('_');
            }
        }
        for (String s : unsafeSuffixes) {
            if (upper.endsWith(s)) {
                tail.append('_');
            }
        }
        StringBuilder out = new StringBuilder(component.length() + 2).append(head);
        component.codePoints().forEach(cp -> out.appendCodePoint(characterMap.getOrDefault(cp, cp)));
        return out.append(tail).toString();
    }

    /** Whether {@code component} is left unchanged by {@link #sanitize} and is not {@code ""}, "." or "..". */
    public boolean isSafe(String component) {
        return !component.isEmpty() && !component.equals(".") && !component.equals("..")
                && sanitize(component).equals(component);
    }

    /**
     * A client's path as the repository stores it: split on {@code /}, empty and {@code .} components dropped,
     * {@code ..} removing the previous component, every component sanitised. A leading {@code /} is ignored, so an
     * absolute client path is placed below the directory it is resolved against like any other.
     *
     * @throws ValidationException when {@code ..} would climb above the path's start, when nothing remains, or a
     *                             component is longer than {@value #MAX_COMPONENT_BYTES} UTF-8 bytes
     */
    public List<String> sanitizePath(String clientPath) {
        List<String> out = new ArrayList<>();
        for (String c : normalize(clientPath)) {
            String safe = sanitize(c);
            checkLength(clientPath, safe);
            out.add(safe);
        }
        return List.copyOf(out);
    }

    /**
     * A path given to a direct repository call, checked as OMERO's {@code CheckedPath}: normalised as in
     * {@link #sanitizePath}, then refused unless every component is already safe.
     *
     * @throws ValidationException naming the first illegal component, or a path above the root
     */
    public List<String> checkedPath(String path) {
        List<String> components = normalize(path);
        for (String c : components) {
            if (!isSafe(c)) {
                throw new ValidationException("path \"" + printable(path) + "\" contains the illegal component \""
                        + printable(c) + "\" (it would be stored as \"" + printable(sanitize(c))
                        + "\" under the rules " + describe() + ")");
            }
            checkLength(path, c);
        }
        return components;
    }

    private static List<String> normalize(String path) {
        if (path == null) {
            throw new ValidationException("path is missing");
        }
        List<String> out = new ArrayList<>();
        for (String c : path.split("/", -1)) {
            if (c.isEmpty() || c.equals(".")) {
                continue;
            }
            if (c.equals("..")) {
                if (out.isEmpty()) {
                    throw new ValidationException("path \"" + printable(path) + "\" goes above its root with \"..\"");
                }
                out.remove(out.size() - 1);
                continue;
            }
            out.add(c);
        }
        if (out.isEmpty()) {
            throw new ValidationException("path \"" + printable(path) + "\" names no file or directory");
        }
        return out;
    }

    private static void checkLength(String path, String component) {
        int bytes = component.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_COMPONENT_BYTES) {
            throw new ValidationException("path \"" + printable(path) + "\" has a component of " + bytes
                    + " bytes; at most " + MAX_COMPONENT_BYTES + " are allowed");
        }
    }

    /** The set names, as in the configuration. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        for (PathRuleSet s : PathRuleSet.values()) {
            if (sets.contains(s)) {
                b.append(b.length() == 0 ? "" : ", ").append(s.omeroName());
            }
        }
        return b.toString();
    }

    /** Text safe to put in a message: control characters shown as {@code \\uXXXX}. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (Character.getType(cp) == Character.CONTROL) {
                b.append(String.format("\\u%04x", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.length() > 300 ? b.substring(0, 300) + "..." : b.toString();
    }

    @Override
    public String toString() {
        return "PathRules[" + describe() + "]";
    }
}
