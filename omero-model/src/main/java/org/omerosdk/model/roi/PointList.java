package org.omerosdk.model.roi;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.util.Objects;
import org.omerosdk.model.ValidationException;

/**
 * A shape given by a list of points in OMERO's text form {@code "x1,y1 x2,y2 ..."}: {@link Polyline} and
 * {@link Polygon}.
 */
@Entity
public abstract class PointList extends Shape {
    @Column(length = 1000000)
    private String points;

    protected PointList() {
    }

    /** @throws ValidationException when {@code points} is not of the form {@code "x1,y1 x2,y2 ..."} */
    protected PointList(String points) {
        Objects.requireNonNull(points, "points");
        if (!points.trim().matches("(-?[0-9.eE+-]+,-?[0-9.eE+-]+)(\\s+-?[0-9.eE+-]+,-?[0-9.eE+-]+)*")) {
            throw new ValidationException(getClass().getSimpleName() + " points \"" + abbreviate(points)
                    + "\" are not of the form \"x1,y1 x2,y2 ...\"");
        }
        this.points = points.trim();
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    public String points() {
        requireLoaded();
        return points;
    }
}
