package org.omerosdk.model.acquisition;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** A light source that is a filament lamp (OMERO's Filament); its type is OMERO's FilamentType (Incandescent, Halogen, Other). */
@Entity
@DiscriminatorValue("Filament")
public class Filament extends LightSource {
    protected Filament() {
    }

    public Filament(Instrument instrument, String model) {
        super(instrument, model);
    }
}
