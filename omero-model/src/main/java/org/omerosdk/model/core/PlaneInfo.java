package org.omerosdk.model.core;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.Optional;
import org.omerosdk.model.meta.IObject;
import org.omerosdk.model.units.Length;
import org.omerosdk.model.units.Time;
import org.omerosdk.model.units.UnitsLength;
import org.omerosdk.model.units.UnitsTime;

/** Per-plane acquisition facts (OMERO's PlaneInfo): z/c/t, deltaT, exposure time and stage position. */
@Entity
@Table(name = "planeinfo")
public class PlaneInfo extends IObject {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "pixels")
    private Pixels pixels;
    @Column(nullable = false)
    private int theZ;
    @Column(nullable = false)
    private int theC;
    @Column(nullable = false)
    private int theT;
    private Double deltaT;
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private UnitsTime deltaTUnit;
    private Double exposureTime;
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private UnitsTime exposureTimeUnit;
    private Double positionX;
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private UnitsLength positionXUnit;
    private Double positionY;
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private UnitsLength positionYUnit;
    private Double positionZ;
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private UnitsLength positionZUnit;

    protected PlaneInfo() {
    }

    public PlaneInfo(Pixels pixels, int theZ, int theC, int theT) {
        this.pixels = Objects.requireNonNull(pixels, "pixels");
        this.theZ = theZ;
        this.theC = theC;
        this.theT = theT;
    }

    public int theZ() {
        requireLoaded();
        return theZ;
    }

    public int theC() {
        requireLoaded();
        return theC;
    }

    public int theT() {
        requireLoaded();
        return theT;
    }

    public Optional<Time> deltaT() {
        requireLoaded();
        return Time.ofNullable(deltaT, deltaTUnit);
    }

    public void setDeltaT(Time t) {
        deltaT = t.value();
        deltaTUnit = t.unit();
    }

    public Optional<Time> exposureTime() {
        requireLoaded();
        return Time.ofNullable(exposureTime, exposureTimeUnit);
    }

    public void setExposureTime(Time t) {
        exposureTime = t.value();
        exposureTimeUnit = t.unit();
    }

    public Optional<Length> positionX() {
        requireLoaded();
        return Length.ofNullable(positionX, positionXUnit);
    }

    public Optional<Length> positionY() {
        requireLoaded();
        return Length.ofNullable(positionY, positionYUnit);
    }

    public Optional<Length> positionZ() {
        requireLoaded();
        return Length.ofNullable(positionZ, positionZUnit);
    }

    /** The stage position of the plane; a null coordinate is unknown. */
    public void setPosition(Length x, Length y, Length z) {
        positionX = x == null ? null : x.value();
        positionXUnit = x == null ? null : x.unit();
        positionY = y == null ? null : y.value();
        positionYUnit = y == null ? null : y.unit();
        positionZ = z == null ? null : z.value();
        positionZUnit = z == null ? null : z.unit();
    }
}
