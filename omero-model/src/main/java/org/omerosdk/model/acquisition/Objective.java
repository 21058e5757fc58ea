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
import org.omerosdk.model.units.Length;
import org.omerosdk.model.units.UnitsLength;

/**
 * An objective lens of an {@link Instrument} (OMERO's Objective): nominal and calibrated magnification, numerical
 * aperture, immersion, correction, working distance, manufacturer, model and serial number.
 */
@Entity
@Table(name = "objective")
public class Objective extends IObject {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "instrument")
    private Instrument instrument;
    private Double nominalMagnification;
    private Double lensNA;
    private String immersion;
    private String model;
    private Double calibratedMagnification;
    private String correction;
    private Double workingDistance;
    @Convert(converter = UnitColumns.LengthUnit.class)
    @Column(length = 16)
    private UnitsLength workingDistanceUnit;
    private String manufacturer;
    private String serialNumber;

    protected Objective() {
    }

    public Objective(Instrument instrument) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
    }

    public Instrument instrument() {
        requireLoaded();
        return instrument;
    }

    public Optional<Double> nominalMagnification() {
        requireLoaded();
        return Optional.ofNullable(nominalMagnification);
    }

    public Optional<Double> lensNA() {
        requireLoaded();
        return Optional.ofNullable(lensNA);
    }

    /** OMERO's Immersion value, e.g. {@code Oil}, {@code Water}, {@code Air}. */
    public Optional<String> immersion() {
        requireLoaded();
        return Optional.ofNullable(immersion);
    }

    public Optional<String> model() {
        requireLoaded();
        return Optional.ofNullable(model);
    }

    public Optional<Double> calibratedMagnification() {
        requireLoaded();
        return Optional.ofNullable(calibratedMagnification);
    }

    /** OMERO's Correction value, e.g. {@code PlanApo}, {@code PlanFluor}, {@code Other}. */
    public Optional<String> correction() {
        requireLoaded();
        return Optional.ofNullable(correction);
    }

    public Optional<Length> workingDistance() {
        requireLoaded();
        return Length.ofNullable(workingDistance, workingDistanceUnit);
    }

    public Optional<String> manufacturer() {
        requireLoaded();
        return Optional.ofNullable(manufacturer);
    }

    public Optional<String> serialNumber() {
        requireLoaded();
        return Optional.ofNullable(serialNumber);
    }

    /** Every optical value at once, as a file states them; null leaves a value unknown. */
    public void setOptics(Double nominalMagnification, Double calibratedMagnification, Double lensNA,
                          String immersion, String correction, Length workingDistance) {
        this.nominalMagnification = nominalMagnification;
        this.calibratedMagnification = calibratedMagnification;
        this.lensNA = lensNA;
        this.immersion = immersion;
        this.correction = correction;
        this.workingDistance = workingDistance == null ? null : workingDistance.value();
        this.workingDistanceUnit = workingDistance == null ? null : workingDistance.unit();
    }

    public void setIdentity(String manufacturer, String serialNumber) {
        this.manufacturer = manufacturer;
        this.serialNumber = serialNumber;
    }

    public void setOptics(double magnification, double lensNA, String immersion) {
        this.nominalMagnification = magnification;
        this.lensNA = lensNA;
        this.immersion = immersion;
    }

    public void setModel(String model) {
        this.model = model;
    }
}
