package org.omerosdk.model.acquisition;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** A light source that is a light-emitting diode (OMERO's LightEmittingDiode). */
@Entity
@DiscriminatorValue("LightEmittingDiode")
public class LightEmittingDiode extends LightSource {
    protected LightEmittingDiode() {
    }

    public LightEmittingDiode(Instrument instrument, String model) {
        super(instrument, model);
    }
}
