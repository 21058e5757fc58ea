package org.omerosdk.model.acquisition;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.Optional;
import org.omerosdk.model.meta.IObject;
import org.omerosdk.model.units.UnitColumns;
import org.omerosdk.model.units.ElectricPotential;
import org.omerosdk.model.units.Frequency;
import org.omerosdk.model.units.UnitsElectricPotential;
import org.omerosdk.model.units.UnitsFrequency;

/**
 * How a {@link Detector} was set for one channel (OMERO's DetectorSettings, referred to by the channel's
 * {@code LogicalChannel.detectorSettings}): voltage, gain, offset, read-out rate, binning, integration, zoom.
 */
@Entity
@Table(name = "detectorsettings", indexes = @Index(name = "detectorsettings_detector", columnList = "detector"))
public class DetectorSettings extends IObject {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "detector")
    private Detector detector;
    private Double voltage;
    @Convert(converter = UnitColumns.ElectricPotentialUnit.class)
    @Column(length = 16)
    private UnitsElectricPotential voltageUnit;
    private Double gain;
    private Double offsetValue;
    private Double readOutRate;
    @Convert(converter = UnitColumns.FrequencyUnit.class)
    @Column(length = 16)
    private UnitsFrequency readOutRateUnit;
    private String binning;
    private Integer integration;
    private Double zoom;

    protected DetectorSettings() {
    }

    public DetectorSettings(Detector detector) {
        this.detector = Objects.requireNonNull(detector, "detector");
    }

    public Detector detector() {
        requireLoaded();
        return detector;
    }

    public Optional<ElectricPotential> voltage() {
        requireLoaded();
        return ElectricPotential.ofNullable(voltage, voltageUnit);
    }

    public void setVoltage(ElectricPotential v) {
        voltage = v == null ? null : v.value();
        voltageUnit = v == null ? null : v.unit();
    }

    public Optional<Double> gain() {
        requireLoaded();
        return Optional.ofNullable(gain);
    }

    public Optional<Double> offsetValue() {
        requireLoaded();
        return Optional.ofNullable(offsetValue);
    }

    public Optional<Frequency> readOutRate() {
        requireLoaded();
        return Frequency.ofNullable(readOutRate, readOutRateUnit);
    }

    public void setReadOutRate(Frequency f) {
        readOutRate = f == null ? null : f.value();
        readOutRateUnit = f == null ? null : f.unit();
    }

    /** OMERO's Binning value: {@code 1x1}, {@code 2x2}, {@code 4x4}, {@code 8x8} or {@code Other}. */
    public Optional<String> binning() {
        requireLoaded();
        return Optional.ofNullable(binning);
    }

    public Optional<Integer> integration() {
        requireLoaded();
        return Optional.ofNullable(integration);
    }

    public Optional<Double> zoom() {
        requireLoaded();
        return Optional.ofNullable(zoom);
    }

    /** Gain, offset, binning, integration and zoom at once; null leaves a value unknown. */
    public void setSettings(Double gain, Double offsetValue, String binning, Integer integration, Double zoom) {
        this.gain = gain;
        this.offsetValue = offsetValue;
        this.binning = binning;
        this.integration = integration;
        this.zoom = zoom;
    }
}
