package org.omerosdk.model.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import org.omerosdk.model.ValidationException;

/**
 * Checks a value before it is stored: the key name's syntax, the grammar of the key's {@link ConfigKey.Kind}, then
 * every {@link ConfigValidator} registered for the key. A refused value throws {@link ValidationException} naming
 * the key, the value and what is accepted. Instances are immutable and thread-safe.
 *
 * <p>Unknown keys are accepted (as OMERO accepts any key) as long as the name is made of letters, digits,
 * {@code .}, {@code _} and {@code -}; {@link #isKnown(String)} lets callers warn about them.
 */
public final class ConfigValidation {
    private static final Pattern KEY_NAME = Pattern.compile("[A-Za-z0-9._-]+");

    private final Map<String, List<ConfigValidator>> validators;

    private ConfigValidation(Map<String, List<ConfigValidator>> validators) {
        this.validators = validators;
    }

    /** Kind checks plus the validators registered through {@link ServiceLoader} on this class's loader. */
    public static ConfigValidation withServiceLoader() {
        return of(ServiceLoader.load(ConfigValidator.class, ConfigValidation.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).toList());
    }

    /** Kind checks plus exactly the given validators. */
    public static ConfigValidation of(List<? extends ConfigValidator> validators) {
        Map<String, List<ConfigValidator>> byKey = new HashMap<>();
        for (ConfigValidator v : validators) {
            for (String key : v.keys()) {
                byKey.merge(key, List.of(v), (a, b) -> concat(a, b));
            }
        }
        return new ConfigValidation(Map.copyOf(byKey));
    }

    private static List<ConfigValidator> concat(List<ConfigValidator> a, List<ConfigValidator> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    /** Whether {@code name} is one of {@link ConfigKeys#all()}. */
    public static boolean isKnown(String name) {
        return ConfigKeys.byName(name).isPresent();
    }

    /** Refuses a key name OMERO would refuse: anything but letters, digits, '.', '_' and '-'. */
    public static void checkName(String name) {
        if (!KEY_NAME.matcher(name).matches()) {
            throw new ValidationException("illegal property name \"" + name
                    + "\"; accepted: letters, digits, '.', '_' and '-'");
        }
    }

    /** Accepts {@code value} for the key named {@code name} or throws {@link ValidationException}. */
    public void validate(String name, String value) {
        checkName(name);
        ConfigKey key = ConfigKeys.byName(name).orElse(null);
        if (key != null) {
            checkKind(key, value);
        }
        for (ConfigValidator v : validators.getOrDefault(name, List.of())) {
            v.validate(name, value);
        }
    }

    /** The grammar check for the key's kind alone. */
    static void checkKind(ConfigKey key, String value) {
        // An empty value stands for "none" only where OMERO's default is itself empty.
        if (value.isEmpty() && key.defaultValue().isEmpty()) {
            return;
        }
        String v = value.trim();
        switch (key.kind()) {
            case INT -> {
                try {
                    Integer.parseInt(v);
                } catch (NumberFormatException e) {
                    throw refused(key, value, "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
                }
            }
            case LONG -> {
                try {
                    Long.parseLong(v);
                } catch (NumberFormatException e) {
                    throw refused(key, value, "a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE);
                }
            }
            case BOOLEAN -> {
                if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                    throw refused(key, value, "true or false");
                }
            }
            case LIST -> {
                for (String item : value.split(",", -1)) {
                    if (item.isBlank()) {
                        throw refused(key, value, "a comma-separated list of non-empty items, e.g. \"a, b\"");
                    }
                }
            }
            case JSON -> checkJson(key, value);
            case PATH -> {
                if (v.isEmpty() || value.indexOf('\0') >= 0) {
                    throw refused(key, value, "a non-empty file system path");
                }
            }
            case STRING -> {
                // any text
            }
        }
    }

    private static void checkJson(ConfigKey key, String value) {
        JsonSyntax.Top expected = expectedJsonTop(key);
        String what = expected == JsonSyntax.Top.OBJECT ? "a JSON object, e.g. '{\"a\": 1}'"
                : expected == JsonSyntax.Top.ARRAY ? "a JSON list, e.g. '[\"foo\", \"bar\"]'" : "a JSON value";
        JsonSyntax.Top top;
        try {
            top = JsonSyntax.check(value);
        } catch (IllegalArgumentException e) {
            throw refused(key, value, what + " (" + e.getMessage() + ")");
        }
        if (expected != JsonSyntax.Top.SCALAR && top != expected) {
            throw refused(key, value, what);
        }
    }

    // The default's shape (list or object) is the shape OMERO.web expects.
    private static JsonSyntax.Top expectedJsonTop(ConfigKey key) {
        String d = key.defaultValue().trim();
        return d.startsWith("{") ? JsonSyntax.Top.OBJECT : d.startsWith("[") ? JsonSyntax.Top.ARRAY : JsonSyntax.Top.SCALAR;
    }

    private static ValidationException refused(ConfigKey key, String value, String accepted) {
        return new ValidationException(key.name() + " = \"" + value + "\" refused; accepted: " + accepted);
    }
}
