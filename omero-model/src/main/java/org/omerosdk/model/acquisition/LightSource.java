package org.omerosdk.model.acquisition;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.Optional;
import org.omerosdk.model.meta.IObject;
import org.omerosdk.model.units.UnitColumns;
import org.omerosdk.model.units.Power;
import org.omerosdk.model.units.UnitsPower;

/**
 * A light source of an {@link Instrument} (OMERO's LightSource): one of the kinds {@link Laser}, {@link Filament},
 * {@link Arc} and {@link LightEmittingDiode}, with manufacturer, model, serial number, power and, for lasers,
 * filaments and arcs, the kind's type (OMERO's LaserType, FilamentType, ArcType).
 */
@Entity
@Table(name = "lightsource")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
public abstract class LightSource extends IObject {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "instrument")
    private Instrument instrument;
    private String model;
    private String manufacturer;
    private String serialNumber;
    private Double power;
    @Convert(converter = UnitColumns.PowerUnit.class)
    @Column(length = 16)
    private UnitsPower powerUnit;
    private String type;

    protected LightSource() {
    }

    protected LightSource(Instrument instrument, String model) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.model = model;
    }

    public Instrument instrument() {
        requireLoaded();
        return instrument;
    }

    public Optional<String> model() {
        requireLoaded();
        return Optional.ofNullable(model);
    }

    public Optional<String> manufacturer() {
        requireLoaded();
        return Optional.ofNullable(manufacturer);
    }

    public Optional<String> serialNumber() {
        requireLoaded();
        return Optional.ofNullable(serialNumber);
    }

    public Optional<Power> power() {
        requireLoaded();
        return Power.ofNullable(power, powerUnit);
    }

    /** The kind's type as OMERO names it (e.g. {@code SolidState} for a laser, {@code Xe} for an arc). */
    public Optional<String> type() {
        requireLoaded();
        return Optional.ofNullable(type);
    }

    /** Manufacturer, serial number, power and the kind's type at once; null leaves a value unknown. */
    public void setDescription(String manufacturer, String serialNumber, Power power, String type) {
        this.manufacturer = manufacturer;
        this.serialNumber = serialNumber;
        this.power = power == null ? null : power.value();
        this.powerUnit = power == null ? null : power.unit();
        this.type = type;
    }
}
