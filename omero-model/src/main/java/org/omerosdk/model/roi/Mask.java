package org.omerosdk.model.roi;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** A bit mask placed in the rectangle (x, y, width, height) (OMERO's Mask); bits are packed row by row. */
@Entity
@DiscriminatorValue("Mask")
public class Mask extends Shape {
    private double x;
    private double y;
    private double width;
    private double height;
    @Column(length = 100000000)
    private byte[] bytes;

    protected Mask() {
    }

    public Mask(double x, double y, double width, double height, byte[] bytes) {
        this.x = x;
        this.y = y;
        this.width = width;
        this.height = height;
        this.bytes = bytes.clone();
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

    public byte[] bytes() {
        requireLoaded();
        return bytes.clone();
    }
}
