package org.omerosdk.model.units;

import java.util.Objects;
import java.util.Optional;
import org.omerosdk.model.ValidationException;

/** A frequency: a finite value with its unit (OMERO's {@code Frequency}). Immutable. */
public record Frequency(double value, UnitsFrequency unit) {
    public Frequency {
        Objects.requireNonNull(unit, "unit");
        if (!Double.isFinite(value)) {
            throw new ValidationException("frequency " + value + " " + unit.symbol() + " is not a finite number");
        }
    }

    public static Frequency of(double value, UnitsFrequency unit) {
        return new Frequency(value, unit);
    }

    /** The frequency stored as two nullable columns, present when both are set. */
    public static Optional<Frequency> ofNullable(Double value, UnitsFrequency unit) {
        return value == null || unit == null ? Optional.empty() : Optional.of(new Frequency(value, unit));
    }

    @Override
    public String toString() {
        return value + " " + unit.symbol();
    }
}
