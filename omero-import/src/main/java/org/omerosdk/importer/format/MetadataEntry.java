package org.omerosdk.importer.format;

import java.util.Objects;

/** One original-metadata pair as the file states it ({@code "ImageJ.spacing" = "0.125"}). */
public record MetadataEntry(String key, String value) {
    public MetadataEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
