package org.omerosdk.model.acquisition;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** A light source that is an arc lamp (OMERO's Arc); its type is OMERO's ArcType (Hg, Xe, HgXe, Other). */
@Entity
@DiscriminatorValue("Arc")
public class Arc extends LightSource {
    protected Arc() {
    }

    public Arc(Instrument instrument, String model) {
        super(instrument, model);
    }
}
