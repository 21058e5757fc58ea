package org.omerosdk.model.acquisition;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.Optional;
import org.omerosdk.model.meta.IObject;

/** A detector of an {@link Instrument} (OMERO's Detector): its type (CCD, PMT, ...) and model. */
@Entity
@Table(name = "detector")
public class Detector extends IObject {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "instrument")
    private Instrument instrument;
    private String type;
    private String model;

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
}
