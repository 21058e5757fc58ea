package org.omerosdk.model.roi;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** An axis-aligned rectangle with its top-left corner at (x, y) (OMERO's Rectangle). */
@Entity
@DiscriminatorValue("Rectangle")
public class Rectangle extends Shape {
    private double x;
    private double y;
    private double width;
    private double height;

    protected Rectangle() {
    }

    public Rectangle(double x, double y, double width, double height) {
        this.x = x;
        this.y = y;
        this.width = width;
        this.height = height;
    }

    public double x() {
        requireLoaded();
        return x;
    }

    public double y() {
        requireLoaded();
        return y;
    }

    public double width() {
        requireLoaded();
        return width;
    }

    public double height() {
        requireLoaded();
        return height;
    }
}
