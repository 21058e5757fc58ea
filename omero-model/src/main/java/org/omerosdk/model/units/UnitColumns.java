package org.omerosdk.model.units;

import jakarta.persistence.AttributeConverter;

/**
 * Unit columns added after the first schema: the unit's enumeration name in a {@code varchar(16)}, the same column
 * type on every database (the first schema's unit columns are H2 enumerations, and stay so). Used with
 * {@code @Convert(converter = UnitColumns.LengthUnit.class)}.
 */
public final class UnitColumns {
    private UnitColumns() {
    }

    /** Stores an enumeration constant by its name. */
    abstract static class ByName<E extends Enum<E>> implements AttributeConverter<E, String> {
        private final Class<E> type;

        ByName(Class<E> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(E unit) {
            return unit == null ? null : unit.name();
        }

        @Override
        public E convertToEntityAttribute(String name) {
            return name == null ? null : Enum.valueOf(type, name);
        }
    }

    public static final class LengthUnit extends ByName<UnitsLength> {
        public LengthUnit() {
            super(UnitsLength.class);
        }
    }

    public static final class PowerUnit extends ByName<UnitsPower> {
        public PowerUnit() {
            super(UnitsPower.class);
        }
    }

    public static final class FrequencyUnit extends ByName<UnitsFrequency> {
        public FrequencyUnit() {
            super(UnitsFrequency.class);
        }
    }

    public static final class ElectricPotentialUnit extends ByName<UnitsElectricPotential> {
        public ElectricPotentialUnit() {
            super(UnitsElectricPotential.class);
        }
    }

    public static final class TemperatureUnit extends ByName<UnitsTemperature> {
        public TemperatureUnit() {
            super(UnitsTemperature.class);
        }
    }

    public static final class PressureUnit extends ByName<UnitsPressure> {
        public PressureUnit() {
            super(UnitsPressure.class);
        }
    }
}
