package org.omerosdk.model.annotations;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** A whole number (OMERO's LongAnnotation); with OMERO's rating namespace, a 0-5 rating. */
@Entity
@DiscriminatorValue("long")
public class LongAnnotation extends Annotation {
    private Long longValue;

    protected LongAnnotation() {
    }

    public LongAnnotation(long value) {
        this.longValue = value;
    }

    public long longValue() {
        requireLoaded();
        return longValue;
    }

    public void setLongValue(long value) {
        this.longValue = value;
    }
}
