package org.omerosdk.importer.format;

import java.util.Objects;
import java.util.Optional;
import org.omerosdk.model.units.Length;
import org.omerosdk.model.units.Time;

/**
 * What a file says about one plane (OME-XML's {@code Plane}, OMERO's PlaneInfo): its z/c/t indices, the time since
 * the acquisition started, the exposure time and the stage position. Positions may be negative or zero; they are
 * in the stage's reference frame unless the file names a unit.
 */
public record PlaneMetadata(int theZ, int theC, int theT, Optional<Time> deltaT, Optional<Time> exposureTime,
                            Optional<Length> positionX, Optional<Length> positionY, Optional<Length> positionZ) {
    public PlaneMetadata {
        Objects.requireNonNull(deltaT, "deltaT");
        Objects.requireNonNull(exposureTime, "exposureTime");
        Objects.requireNonNull(positionX, "positionX");
        Objects.requireNonNull(positionY, "positionY");
        Objects.requireNonNull(positionZ, "positionZ");
    }
}
