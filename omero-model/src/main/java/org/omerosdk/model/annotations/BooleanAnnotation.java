package org.omerosdk.model.annotations;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** A boolean (OMERO's BooleanAnnotation). */
@Entity
@DiscriminatorValue("boolean")
public class BooleanAnnotation extends Annotation {
    private Boolean boolValue;

    protected BooleanAnnotation() {
    }

    public BooleanAnnotation(boolean value) {
        this.boolValue = value;
    }

    public boolean boolValue() {
        requireLoaded();
        return boolValue;
    }

    public void setBoolValue(boolean value) {
        this.boolValue = value;
    }
}
