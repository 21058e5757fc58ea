package org.omerosdk.model.annotations;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** A floating-point number (OMERO's DoubleAnnotation). */
@Entity
@DiscriminatorValue("double")
public class DoubleAnnotation extends Annotation {
    private Double doubleValue;

    protected DoubleAnnotation() {
    }

    public DoubleAnnotation(double value) {
        this.doubleValue = value;
    }

    public double doubleValue() {
        requireLoaded();
        return doubleValue;
    }

    public void setDoubleValue(double value) {
        this.doubleValue = value;
    }
}
