package org.omerosdk.model.roi;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** A single point (OMERO's Point). */
@Entity
@DiscriminatorValue("Point")
public class Point extends Shape {
    private double x;
    private double y;

    protected Point() {
    }

    public Point(double x, double y) {
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
