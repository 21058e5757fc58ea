package org.omerosdk.model.acquisition;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Optional;
import org.omerosdk.model.meta.IObject;
import org.omerosdk.model.units.UnitColumns;
import org.omerosdk.model.units.Pressure;
import org.omerosdk.model.units.Temperature;
import org.omerosdk.model.units.UnitsPressure;
import org.omerosdk.model.units.UnitsTemperature;

/**
 * The conditions an image was taken in (OMERO's ImagingEnvironment): temperature, air pressure, and humidity and
 * CO2 as fractions (OMERO's PercentFraction, 0 to 1).
 */
@Entity
@Table(name = "imagingenvironment")
public class ImagingEnvironment extends IObject {
    private Double temperature;
    @Convert(converter = UnitColumns.TemperatureUnit.class)
    @Column(length = 16)
    private UnitsTemperature temperatureUnit;
    private Double airPressure;
    @Convert(converter = UnitColumns.PressureUnit.class)
    @Column(length = 16)
    private UnitsPressure airPressureUnit;
    private Double humidity;
    private Double co2percent;

    public ImagingEnvironment() {
    }

    public Optional<Temperature> temperature() {
        requireLoaded();
        return Temperature.ofNullable(temperature, temperatureUnit);
    }

    public Optional<Pressure> airPressure() {
        requireLoaded();
        return Pressure.ofNullable(airPressure, airPressureUnit);
    }

    public Optional<Double> humidity() {
        requireLoaded();
        return Optional.ofNullable(humidity);
    }

    public Optional<Double> co2percent() {
        requireLoaded();
        return Optional.ofNullable(co2percent);
    }

    /** Every value at once; null leaves a value unknown. */
    public void setConditions(Temperature temperature, Pressure airPressure, Double humidity, Double co2percent) {
        this.temperature = temperature == null ? null : temperature.value();
        this.temperatureUnit = temperature == null ? null : temperature.unit();
        this.airPressure = airPressure == null ? null : airPressure.value();
        this.airPressureUnit = airPressure == null ? null : airPressure.unit();
        this.humidity = humidity;
        this.co2percent = co2percent;
    }
}
