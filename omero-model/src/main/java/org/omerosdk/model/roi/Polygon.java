package org.omerosdk.model.roi;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** OMERO's Polygon: a closed line through its points. */
@Entity
@DiscriminatorValue("Polygon")
public class Polygon extends PointList {
    protected Polygon() {
    }

    public Polygon(String points) {
        super(points);
    }
}
