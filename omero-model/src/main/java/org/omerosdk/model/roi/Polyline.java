package org.omerosdk.model.roi;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** OMERO's Polyline: an open line through its points. */
@Entity
@DiscriminatorValue("Polyline")
public class Polyline extends PointList {
    protected Polyline() {
    }

    public Polyline(String points) {
        super(points);
    }
}
