package org.omerosdk.model.units;

import java.util.Objects;
import java.util.Optional;
import org.omerosdk.model.ValidationException;

/** A voltage: a finite value with its unit (OMERO's {@code ElectricPotential}). Immutable. */
public record ElectricPotential(double value, UnitsElectricPotential unit) {
    public ElectricPotential {
        Objects.requireNonNull(unit, "unit");
        if (!Double.isFinite(value)) {
            throw new ValidationException("electric potential " + value + " " + unit.symbol() + " is not a finite number");
        }
    }

    public static ElectricPotential of(double value, UnitsElectricPotential unit) {
        return new ElectricPotential(value, unit);
    }

    /** The electric potential stored as two nullable columns, present when both are set. */
    public static Optional<ElectricPotential> ofNullable(Double value, UnitsElectricPotential unit) {
        return value == null || unit == null ? Optional.empty() : Optional.of(new ElectricPotential(value, unit));
    }

    @Override
    public String toString() {
        return value + " " + unit.symbol();
    }
}
