package org.omerosdk.model.units;

import java.util.Objects;
import java.util.Optional;
import org.omerosdk.model.ValidationException;

/** A power: a finite value with its unit (OMERO's {@code Power}). Immutable. */
public record Power(double value, UnitsPower unit) {
    public Power {
        Objects.requireNonNull(unit, "unit");
        if (!Double.isFinite(value)) {
            throw new ValidationException("power " + value + " " + unit.symbol() + " is not a finite number");
        }
    }

    public static Power of(double value, UnitsPower unit) {
        return new Power(value, unit);
    }

    /** The power stored as two nullable columns, present when both are set. */
    public static Optional<Power> ofNullable(Double value, UnitsPower unit) {
        return value == null || unit == null ? Optional.empty() : Optional.of(new Power(value, unit));
    }

    @Override
    public String toString() {
        return value + " " + unit.symbol();
    }
}
