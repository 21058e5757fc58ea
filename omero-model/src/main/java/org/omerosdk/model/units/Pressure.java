package org.omerosdk.model.units;

import java.util.Objects;
import java.util.Optional;
import org.omerosdk.model.ValidationException;

/** A pressure: a finite value with its unit (OMERO's {@code Pressure}). Immutable. */
public record Pressure(double value, UnitsPressure unit) {
    public Pressure {
        Objects.requireNonNull(unit, "unit");
        if (!Double.isFinite(value)) {
            throw new ValidationException("pressure " + value + " " + unit.symbol() + " is not a finite number");
        }
    }

    public static Pressure of(double value, UnitsPressure unit) {
        return new Pressure(value, unit);
    }

    /** The pressure stored as two nullable columns, present when both are set. */
    public static Optional<Pressure> ofNullable(Double value, UnitsPressure unit) {
        return value == null || unit == null ? Optional.empty() : Optional.of(new Pressure(value, unit));
    }

    @Override
    public String toString() {
        return value + " " + unit.symbol();
    }
}
