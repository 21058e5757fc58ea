package org.omerosdk.model.roi;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** Text placed at (x, y) (OMERO's Label); the text is {@link #textValue()}. */
@Entity
@DiscriminatorValue("Label")
public class Label extends Shape {
    private double x;
    private double y;

    protected Label() {
    }

    public Label(double x, double y) {
        this.x = x;
        this.y = y;
    }

    public double x() {
        requireLoaded();
        return x;
    }

    public double y() {
        requireLoaded();
        return y;
    }
}
