package org.omerosdk.model.screen;

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
import org.omerosdk.model.core.Image;
import org.omerosdk.model.meta.IObject;
import org.omerosdk.model.units.Length;
import org.omerosdk.model.units.UnitsLength;

/** One field of a {@link Well}: its image, position and the run that acquired it (OMERO's WellSample). */
@Entity
@Table(name = "wellsample")
public class WellSample extends IObject {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "well")
    private Well well;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "image")
    private Image image;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "plateAcquisition")
    private PlateAcquisition plateAcquisition;
    private Double posX;
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private UnitsLength posXUnit;
    private Double posY;
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private UnitsLength posYUnit;

    protected WellSample() {
    }

    public WellSample(Well well, Image image) {
        this.well = Objects.requireNonNull(well, "well");
        this.image = Objects.requireNonNull(image, "image");
    }

    public Well well() {
        requireLoaded();
        return well;
    }

    public Image image() {
        requireLoaded();
        return image;
    }

    public void setPlateAcquisition(PlateAcquisition run) {
        this.plateAcquisition = run;
    }

    public Optional<Length> posX() {
        requireLoaded();
        return Length.ofNullable(posX, posXUnit);
    }

    public Optional<Length> posY() {
        requireLoaded();
        return Length.ofNullable(posY, posYUnit);
    }

    public void setPosition(Length x, Length y) {
        posX = x.value();
        posXUnit = x.unit();
        posY = y.value();
        posYUnit = y.unit();
    }
}
