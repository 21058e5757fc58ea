package org.omerosdk.model.roi;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** A straight line from (x1, y1) to (x2, y2) (OMERO's Line). */
@Entity
@DiscriminatorValue("Line")
public class Line extends Shape {
    private double x1;
    private double y1;
    private double x2;
    private double y2;

    protected Line() {
    }

    public Line(double x1, double y1, double x2, double y2) {
        this.x1 = x1;
        this.y1 = y1;
        this.x2 = x2;
        this.y2 = y2;
    }

    public double x1() {
        requireLoaded();
        return x1;
    }

    public double y1() {
        requireLoaded();
        return y1;
    }

    public double x2() {
        requireLoaded();
        return x2;
    }

    public double y2() {
        requireLoaded();
        return y2;
    }
}
