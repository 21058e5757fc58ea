package org.omerosdk.model.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.omerosdk.model.ValidationException;

/**
 * An immutable snapshot of configuration: values set explicitly, falling back to each key's OMERO default.
 * Typed getters parse the value and fail with a {@link ValidationException} naming the key and value.
 */
public final class OmeroConfig {
    // References nest only a few levels in OMERO's defaults; deeper means a cycle.
    private static final int MAX_REFERENCE_DEPTH = 32;
    private static final OmeroConfig DEFAULTS = new OmeroConfig(Map.of());

    private final Map<String, String> values;

    private OmeroConfig(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** Every key at its default. */
    public static OmeroConfig defaults() {
        return DEFAULTS;
    }

    /** The given values (by key name) over the defaults. */
    public static OmeroConfig of(Map<String, String> values) {
        return new OmeroConfig(values);
    }

    /** A copy with {@code key} set to {@code value}. */
    public OmeroConfig with(ConfigKey key, String value) {
        return with(key.name(), value);
    }

    /** A copy without an explicit value for the key named {@code name} (back to its default). */
    public OmeroConfig without(String name) {
        Map<String, String> copy = new TreeMap<>(values);
        copy.remove(name);
        return new OmeroConfig(copy);
    }

    /** A copy with the key named {@code name} set to {@code value}. */
    public OmeroConfig with(String name, String value) {
        Map<String, String> copy = new TreeMap<>(values);
        copy.put(name, value);
        return new OmeroConfig(copy);
    }

    /** Values set explicitly (not the defaults), by key name, sorted by name. */
    public Map<String, String> explicitValues() {
        return values;
    }

    /**
     * The value, or the key's default, with {@code ${other.key}} references replaced by that key's value (explicit
     * or default, itself resolved). A reference to a key that is neither set nor declared stays as written.
     */
    public String get(ConfigKey key) {
        return resolve(key.name(), raw(key.name()).orElse(key.defaultValue()), 0);
    }

    /** The resolved value of any key by name: explicit, else the declared default; empty for an unknown, unset key. */
    public Optional<String> get(String name) {
        return raw(name).map(v -> resolve(name, v, 0));
    }

    private Optional<String> raw(String name) {
        String v = values.get(name);
        if (v != null) {
            return Optional.of(v);
        }
        return ConfigKeys.byName(name).map(ConfigKey::defaultValue);
    }

    private String resolve(String name, String value, int depth) {
        if (value.indexOf("${") < 0) {
            return value;
        }
        if (depth > MAX_REFERENCE_DEPTH) {
            throw new ValidationException(name + " = \"" + value + "\" refers to itself through ${...} references");
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            int start = value.indexOf("${", i);
            int end = start < 0 ? -1 : value.indexOf('}', start + 2);
            if (end < 0) {
                out.append(value, i, value.length());
                break;
            }
            out.append(value, i, start);
            String ref = value.substring(start + 2, end);
            Optional<String> target = ref.isEmpty() ? Optional.empty() : raw(ref);
            out.append(target.isPresent() ? resolve(ref, target.get(), depth + 1) : value.substring(start, end + 1));
            i = end + 1;
        }
        return out.toString();
    }

    public int getInt(ConfigKey key) {
        String v = get(key).trim();
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ValidationException(key.name() + " = \"" + v + "\" is not a whole number");
        }
    }

    public long getLong(ConfigKey key) {
        String v = get(key).trim();
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new ValidationException(key.name() + " = \"" + v + "\" is not a whole number");
        }
    }

    public boolean getBoolean(ConfigKey key) {
        String v = get(key).trim();
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw new ValidationException(key.name() + " = \"" + v + "\" is not a boolean; accepted: true, false");
    }

    /** A comma-separated value as a list of trimmed, non-empty items. */
    public List<String> getList(ConfigKey key) {
        List<String> items = new ArrayList<>();
        for (String item : get(key).split(",")) {
            String t = item.trim();
            if (!t.isEmpty()) {
                items.add(t);
            }
        }
        return List.copyOf(items);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OmeroConfig c && c.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "OmeroConfig" + values;
    }
}
