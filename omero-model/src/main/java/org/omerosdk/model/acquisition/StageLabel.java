package org.omerosdk.model.acquisition;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.Optional;
import org.omerosdk.model.meta.IObject;
import org.omerosdk.model.units.UnitColumns;
import org.omerosdk.model.units.Length;
import org.omerosdk.model.units.UnitsLength;

/** The named stage position an image was taken at (OMERO's StageLabel); positions are in the stage's frame. */
@Entity
@Table(name = "stagelabel")
public class StageLabel extends IObject {
    @Column(nullable = false)
    private String name;
    private Double positionX;
    @Convert(converter = UnitColumns.LengthUnit.class)
    @Column(length = 16)
    private UnitsLength positionXUnit;
    private Double positionY;
    @Convert(converter = UnitColumns.LengthUnit.class)
    @Column(length = 16)
    private UnitsLength positionYUnit;
    private Double positionZ;
    @Convert(converter = UnitColumns.LengthUnit.class)
    @Column(length = 16)
    private UnitsLength positionZUnit;

    protected StageLabel() {
    }

    public StageLabel(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    public String name() {
        requireLoaded();
        return name;
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

    /** The position; a null coordinate is unknown. */
    public void setPosition(Length x, Length y, Length z) {
        positionX = x == null ? null : x.value();
        positionXUnit = x == null ? null : x.unit();
        positionY = y == null ? null : y.value();
        positionYUnit = y == null ? null : y.unit();
        positionZ = z == null ? null : z.value();
        positionZUnit = z == null ? null : z.unit();
    }
}
