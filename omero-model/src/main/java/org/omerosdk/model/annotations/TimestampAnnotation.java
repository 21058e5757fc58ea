package org.omerosdk.model.annotations;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import java.time.Instant;

/** A point in time (OMERO's TimestampAnnotation). */
@Entity
@DiscriminatorValue("timestamp")
public class TimestampAnnotation extends Annotation {
    private Instant timeValue;

    protected TimestampAnnotation() {
    }

    public TimestampAnnotation(Instant value) {
        this.timeValue = value;
    }

    public Instant timeValue() {
        requireLoaded();
        return timeValue;
    }

    public void setTimeValue(Instant value) {
        this.timeValue = value;
    }
}
