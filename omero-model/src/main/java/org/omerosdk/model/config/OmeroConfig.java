package org.omerosdk.model.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.omerosdk.model.ValidationException;

/**
 * An immutable snapshot of configuration: values set explicitly, falling back to each key's OMERO default.
 * Typed getters parse the value and fail with a {@link ValidationException} naming the key and value.
 */
public final class OmeroConfig {
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

    /** A copy with the key named {@code name} set to {@code value}. */
    public OmeroConfig with(String name, String value) {
        Map<String, String> copy = new TreeMap<>(values);
        copy.put(name, value);
        return new OmeroConfig(copy);
    }

    /** Values set explicitly (not the defaults), by key name. */
    public Map<String, String> explicitValues() {
        return values;
    }

    /** The value, or the key's default. */
    public String get(ConfigKey key) {
        String v = values.get(key.name());
        return v != null ? v : key.defaultValue();
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
}
