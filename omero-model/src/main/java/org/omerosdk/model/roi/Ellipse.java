package org.omerosdk.model.roi;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** An ellipse centred at (x, y) with its two radii (OMERO's Ellipse). */
@Entity
@DiscriminatorValue("Ellipse")
public class Ellipse extends Shape {
    private double x;
    private double y;
    private double radiusX;
    private double radiusY;

    protected Ellipse() {
    }

    public Ellipse(double x, double y, double radiusX, double radiusY) {
        this.x = x;
        this.y = y;
        this.radiusX = radiusX;
        this.radiusY = radiusY;
    }

    public double x() {
        requireLoaded();
        return x;
    }

    public double y() {
        requireLoaded();
        return y;
    }

    public double radiusX() {
        requireLoaded();
        return radiusX;
    }

    public double radiusY() {
        requireLoaded();
        return radiusY;
    }
}
