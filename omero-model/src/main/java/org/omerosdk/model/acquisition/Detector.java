package org.omerosdk.model.acquisition;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.Optional;
import org.omerosdk.model.meta.IObject;
import org.omerosdk.model.units.UnitColumns;
import org.omerosdk.model.units.ElectricPotential;
import org.omerosdk.model.units.UnitsElectricPotential;

/**
 * A detector of an {@link Instrument} (OMERO's Detector): its type (CCD, PMT, ...), manufacturer, model, serial
 * number and its nominal gain, voltage, offset, zoom and amplification gain (a channel's {@link DetectorSettings}
 * say how it was set for that channel).
 */
@Entity
@Table(name = "detector")
public class Detector extends IObject {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "instrument")
    private Instrument instrument;
    private String type;
    private String model;
    private String manufacturer;
    private String serialNumber;
    private Double gain;
    private Double voltage;
    @Convert(converter = UnitColumns.ElectricPotentialUnit.class)
    @Column(length = 16)
    private UnitsElectricPotential voltageUnit;
    private Double offsetValue;
    private Double zoom;
    private Double amplificationGain;

    protected Detector() {
    }

    public Detector(Instrument instrument, String type, String model) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.type = type;
        this.model = model;
    }

    public Instrument instrument() {
        requireLoaded();
        return instrument;
    }

    public Optional<String> type() {
        requireLoaded();
        return Optional.ofNullable(type);
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

    public Optional<Double> gain() {
        requireLoaded();
        return Optional.ofNullable(gain);
    }

    public Optional<ElectricPotential> voltage() {
        requireLoaded();
        return ElectricPotential.ofNullable(voltage, voltageUnit);
    }

    public Optional<Double> offsetValue() {
        requireLoaded();
        return Optional.ofNullable(offsetValue);
    }

    public Optional<Double> zoom() {
        requireLoaded();
        return Optional.ofNullable(zoom);
    }

    public Optional<Double> amplificationGain() {
        requireLoaded();
        return Optional.ofNullable(amplificationGain);
    }

    public void setIdentity(String manufacturer, String serialNumber) {
        this.manufacturer = manufacturer;
        this.serialNumber = serialNumber;
    }

    /** The detector's nominal values; null leaves a value unknown. */
    public void setNominal(Double gain, ElectricPotential voltage, Double offsetValue, Double zoom,
                           Double amplificationGain) {
        this.gain = gain;
        this.voltage = voltage == null ? null : voltage.value();
        this.voltageUnit = voltage == null ? null : voltage.unit();
        this.offsetValue = offsetValue;
        this.zoom = zoom;
        this.amplificationGain = amplificationGain;
    }
}
