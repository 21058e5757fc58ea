package org.omerosdk.repo.rules;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * OMERO's six named rule sets for file names in the managed repository ({@code omero.fs.repo.path_rules}): which
 * characters are replaced by which, and which names, prefixes and suffixes are unsafe. "local" stands for the
 * Windows sets on Windows, the UNIX sets on Linux and macOS, and both elsewhere.
 */
public enum PathRuleSet {
    WINDOWS_REQUIRED("Windows required"),
    WINDOWS_OPTIONAL("Windows optional"),
    UNIX_REQUIRED("UNIX required"),
    UNIX_OPTIONAL("UNIX optional"),
    LOCAL_REQUIRED("local required"),
    LOCAL_OPTIONAL("local optional");

    private static final Set<String> WINDOWS_DEVICE_NAMES = Set.of("AUX", "CLOCK$", "CON", "NUL", "PRN",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    private final String omeroName;

    PathRuleSet(String omeroName) {
        this.omeroName = omeroName;
    }

    /** The name used in {@code omero.fs.repo.path_rules}, e.g. {@code "Windows required"}. */
    public String omeroName() {
        return omeroName;
    }

    /** The set named exactly (case-sensitively, as OMERO) {@code name}, if any. */
    public static java.util.Optional<PathRuleSet> byOmeroName(String name) {
        for (PathRuleSet s : values()) {
            if (s.omeroName.equals(name)) {
                return java.util.Optional.of(s);
            }
        }
        return java.util.Optional.empty();
    }

    /** The sets this one stands for on the given operating system ({@code os.name}). */
    Set<PathRuleSet> resolve(String osName) {
        if (this != LOCAL_REQUIRED && this != LOCAL_OPTIONAL) {
            return Set.of(this);
        }
        boolean required = this == LOCAL_REQUIRED;
        String os = osName.toLowerCase(Locale.ROOT);
        PathRuleSet windows = required ? WINDOWS_REQUIRED : WINDOWS_OPTIONAL;
        PathRuleSet unix = required ? UNIX_REQUIRED : UNIX_OPTIONAL;
        if (os.startsWith("windows")) {
            return Set.of(windows);
        }
        if (os.contains("linux") || os.contains("mac")) {
            return Set.of(unix);
        }
        return Set.of(windows, unix);
    }

    /** Code point to replacement code point. */
    Map<Integer, Integer> characterMap() {
        Map<Integer, Integer> map = new TreeMap<>();
        switch (this) {
            case WINDOWS_REQUIRED:
                for (int cp = 0; cp < 0x20; cp++) {
                    map.put(cp, (int) '_');
                }
                map.put((int) '"', (int) '\'');
                map.put((int) '*', (int) 'x');
                map.put((int) '/', (int) '!');
                map.put((int) ':', (int) ';');
                map.put((int) '<', (int) '[');
                map.put((int) '>', (int) ']');
                map.put((int) '?', (int) '%');
                map.put((int) '\\', (int) '!');
                map.put((int) '|', (int) '!');
                break;
            case UNIX_REQUIRED:
                map.put(0, (int) '_');
                map.put((int) '/', (int) '!');
                break;
            default:
                break;
        }
        return map;
    }

    Set<String> unsafeNames() {
        return this == WINDOWS_REQUIRED ? WINDOWS_DEVICE_NAMES : Set.of();
    }

    Set<String> unsafePrefixes() {
        switch (this) {
            case WINDOWS_REQUIRED:
                Set<String> p = new java.util.HashSet<>();
                for (String n : WINDOWS_DEVICE_NAMES) {
                    p.add(n + ".");
                }
                p.add("$");
                return p;
            case UNIX_OPTIONAL:
                return Set.of(".", "-");
            default:
                return Set.of();
        }
    }

    Set<String> unsafeSuffixes() {
        return this == WINDOWS_OPTIONAL ? Set.of(".", " ") : Set.of();
    }
}
