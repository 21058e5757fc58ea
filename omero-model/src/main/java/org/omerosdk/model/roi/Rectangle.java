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
        return x;
    }

    public double y() {
        return y;
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }
}
