package org.omerosdk.model.units;

import java.util.Objects;
import java.util.Optional;
import org.omerosdk.model.ValidationException;

/** A temperature: a finite value with its unit (OMERO's {@code Temperature}). Immutable. */
public record Temperature(double value, UnitsTemperature unit) {
    public Temperature {
        Objects.requireNonNull(unit, "unit");
        if (!Double.isFinite(value)) {
            throw new ValidationException("temperature " + value + " " + unit.symbol() + " is not a finite number");
        }
    }

    public static Temperature of(double value, UnitsTemperature unit) {
        return new Temperature(value, unit);
    }

    /** The temperature stored as two nullable columns, present when both are set. */
    public static Optional<Temperature> ofNullable(Double value, UnitsTemperature unit) {
        return value == null || unit == null ? Optional.empty() : Optional.of(new Temperature(value, unit));
    }

    @Override
    public String toString() {
        return value + " " + unit.symbol();
    }
}
