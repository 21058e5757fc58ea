package org.omerosdk.model.config;

import java.util.Objects;

/**
 * One OMERO configuration key: its OMERO name, its default (as OMERO's glossary gives it), a one-line meaning
 * and the kind of value it takes. Keys are declared once, in {@link ConfigKeys}.
 */
public final class ConfigKey {
    /** The grammar of a value; each kind is validated when set. */
    public enum Kind { STRING, INT, LONG, BOOLEAN, LIST, JSON, PATH }

    private final String name;
    private final String defaultValue;
    private final String description;
    private final Kind kind;

    public ConfigKey(String name, String defaultValue, String description, Kind kind) {
        this.name = Objects.requireNonNull(name);
        this.defaultValue = defaultValue == null ? "" : defaultValue;
        this.description = Objects.requireNonNull(description);
        this.kind = Objects.requireNonNull(kind);
    }

    /** OMERO's name, e.g. {@code omero.pixeldata.tile_width}. */
    public String name() {
        return name;
    }

    /** OMERO's default; the empty string where OMERO has none. */
    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigKey k && k.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
