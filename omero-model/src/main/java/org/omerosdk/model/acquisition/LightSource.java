package org.omerosdk.model.acquisition;

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

/** A light source of an {@link Instrument} (OMERO's LightSource); {@link Laser} is the kind the SDK models. */
@Entity
@Table(name = "lightsource")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
public abstract class LightSource extends IObject {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "instrument")
    private Instrument instrument;
    private String model;

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
}
