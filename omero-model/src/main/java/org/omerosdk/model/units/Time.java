package org.omerosdk.model.units;

import java.util.Objects;
import java.util.Optional;
import org.omerosdk.model.ValidationException;

/** A duration: a finite value with its unit (OMERO's {@code Time}). Immutable. */
public record Time(double value, UnitsTime unit) {
    public Time {
        Objects.requireNonNull(unit, "unit");
        if (!Double.isFinite(value)) {
            throw new ValidationException("time " + value + " " + unit.symbol() + " is not a finite number");
        }
    }

    public static Time of(double value, UnitsTime unit) {
        return new Time(value, unit);
    }

    public static Time seconds(double value) {
        return new Time(value, UnitsTime.SECOND);
    }

    /** The time stored as two nullable columns, present when both are set. */
    public static Optional<Time> ofNullable(Double value, UnitsTime unit) {
        return value == null || unit == null ? Optional.empty() : Optional.of(new Time(value, unit));
    }

    /** The same duration in {@code target}. */
    public Time to(UnitsTime target) {
        return target == unit ? this : new Time(value * unit.seconds() / target.seconds(), target);
    }

    @Override
    public String toString() {
        return value + " " + unit.symbol();
    }
}
