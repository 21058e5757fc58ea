package org.omerosdk.model.annotations;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** One key/value pair of a {@link MapAnnotation} (OMERO's NamedValue). */
@Embeddable
public record NamedValue(@Column(name = "name", nullable = false) String name,
                         @Column(name = "value", nullable = false, length = 10000) String value) {
    public NamedValue {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
