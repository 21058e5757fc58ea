package org.omerosdk.model.units;

import java.util.Objects;
import java.util.Optional;
import org.omerosdk.model.ValidationException;

/** A length: a finite value with its unit (OMERO's {@code Length}). Immutable. */
public record Length(double value, UnitsLength unit) {
    public Length {
        Objects.requireNonNull(unit, "unit");
        if (!Double.isFinite(value)) {
            throw new ValidationException("length " + value + " " + unit.symbol() + " is not a finite number");
        }
    }

    public static Length of(double value, UnitsLength unit) {
        return new Length(value, unit);
    }

    public static Length micrometers(double value) {
        return new Length(value, UnitsLength.MICROMETER);
    }

    public static Length nanometers(double value) {
        return new Length(value, UnitsLength.NANOMETER);
    }

    /** The length stored as two nullable columns, present when both are set. */
    public static Optional<Length> ofNullable(Double value, UnitsLength unit) {
        return value == null || unit == null ? Optional.empty() : Optional.of(new Length(value, unit));
    }

    /**
     * The same length in {@code target}.
     *
     * @throws ValidationException when either unit is not physical (pixel, reference frame) and they differ
     */
    public Length to(UnitsLength target) {
        if (target == unit) {
            return this;
        }
        if (!unit.isPhysical() || !target.isPhysical()) {
            throw new ValidationException("length " + this + " cannot be converted to " + target.symbol()
                    + ": only physical units (km ... pm, Å, in) convert");
        }
        return new Length(value * unit.metres() / target.metres(), target);
    }

    @Override
    public String toString() {
        return value + " " + unit.symbol();
    }
}
