package org.omerosdk.model.acquisition;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.Optional;
import org.omerosdk.model.meta.IObject;

/** An objective lens of an {@link Instrument}: magnification, numerical aperture, immersion (OMERO's Objective). */
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

    public void setOptics(double magnification, double lensNA, String immersion) {
        this.nominalMagnification = magnification;
        this.lensNA = lensNA;
        this.immersion = immersion;
    }

    public void setModel(String model) {
        this.model = model;
    }
}
