package org.omerosdk.model.roi;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A 2-D affine transform of a shape (OMERO's AffineTransform): x' = a00 x + a01 y + a02, y' = a10 x + a11 y + a12.
 */
@Embeddable
public record AffineTransform(@Column(name = "transform_a00") double a00, @Column(name = "transform_a10") double a10,
                              @Column(name = "transform_a01") double a01, @Column(name = "transform_a11") double a11,
                              @Column(name = "transform_a02") double a02, @Column(name = "transform_a12") double a12) {
    public static AffineTransform identity() {
        return new AffineTransform(1, 0, 0, 1, 0, 0);
    }
}
