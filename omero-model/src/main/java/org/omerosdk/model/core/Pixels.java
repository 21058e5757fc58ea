package org.omerosdk.model.core;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.Optional;
import org.omerosdk.model.DimensionOrder;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.meta.IObject;
import org.omerosdk.model.units.Length;
import org.omerosdk.model.units.Time;
import org.omerosdk.model.units.UnitsLength;
import org.omerosdk.model.units.UnitsTime;

/** The pixel set of an {@link Image} (OMERO's Pixels): its five sizes, type, order and physical sizes. */
@Entity
@Table(name = "pixels", indexes = @Index(name = "pixels_image", columnList = "image"))
public class Pixels extends IObject {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "image")
    private Image image;
    @Column(nullable = false, length = 16)
    private PixelType pixelsType;
    @Column(nullable = false, length = 8)
    private DimensionOrder dimensionOrder;
    @Column(nullable = false)
    private int sizeX;
    @Column(nullable = false)
    private int sizeY;
    @Column(nullable = false)
    private int sizeZ;
    @Column(nullable = false)
    private int sizeC;
    @Column(nullable = false)
    private int sizeT;
    @Column(nullable = false)
    private int significantBits;
    private Double physicalSizeX;
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private UnitsLength physicalSizeXUnit;
    private Double physicalSizeY;
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private UnitsLength physicalSizeYUnit;
    private Double physicalSizeZ;
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private UnitsLength physicalSizeZUnit;
    private Double timeIncrement;
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private UnitsTime timeIncrementUnit;

    protected Pixels() {
    }

    /**
     * @throws ValidationException when a size is below 1
     */
    public Pixels(PixelType type, DimensionOrder order, int sizeX, int sizeY, int sizeZ, int sizeC, int sizeT) {
        this.pixelsType = Objects.requireNonNull(type, "type");
        this.dimensionOrder = Objects.requireNonNull(order, "order");
        int[] sizes = {sizeX, sizeY, sizeZ, sizeC, sizeT};
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] < 1) {
                throw new ValidationException("Pixels size" + "XYZCT".charAt(i) + " = " + sizes[i]
                        + " is impossible: every size must be at least 1");
            }
        }
        this.sizeX = sizeX;
        this.sizeY = sizeY;
        this.sizeZ = sizeZ;
        this.sizeC = sizeC;
        this.sizeT = sizeT;
        this.significantBits = type.bitSize();
    }

    public Image image() {
        requireLoaded();
        return image;
    }

    /** Attaches the pixels to their image; the SDK does this when saving an image with its pixels. */
    public void setImage(Image image) {
        this.image = Objects.requireNonNull(image, "image");
    }

    public PixelType pixelsType() {
        requireLoaded();
        return pixelsType;
    }

    public DimensionOrder dimensionOrder() {
        requireLoaded();
        return dimensionOrder;
    }

    public int sizeX() {
        requireLoaded();
        return sizeX;
    }

    public int sizeY() {
        requireLoaded();
        return sizeY;
    }

    public int sizeZ() {
        requireLoaded();
        return sizeZ;
    }

    public int sizeC() {
        requireLoaded();
        return sizeC;
    }

    public int sizeT() {
        requireLoaded();
        return sizeT;
    }

    public int significantBits() {
        requireLoaded();
        return significantBits;
    }

    public Optional<Length> physicalSizeX() {
        requireLoaded();
        return Length.ofNullable(physicalSizeX, physicalSizeXUnit);
    }

    public Optional<Length> physicalSizeY() {
        requireLoaded();
        return Length.ofNullable(physicalSizeY, physicalSizeYUnit);
    }

    public Optional<Length> physicalSizeZ() {
        requireLoaded();
        return Length.ofNullable(physicalSizeZ, physicalSizeZUnit);
    }

    public Optional<Time> timeIncrement() {
        requireLoaded();
        return Time.ofNullable(timeIncrement, timeIncrementUnit);
    }

    public void setPhysicalSizeX(Length l) {
        physicalSizeX = l.value();
        physicalSizeXUnit = l.unit();
    }

    public void setPhysicalSizeY(Length l) {
        physicalSizeY = l.value();
        physicalSizeYUnit = l.unit();
    }

    public void setPhysicalSizeZ(Length l) {
        physicalSizeZ = l.value();
        physicalSizeZUnit = l.unit();
    }

    public void setTimeIncrement(Time t) {
        timeIncrement = t.value();
        timeIncrementUnit = t.unit();
    }
}
