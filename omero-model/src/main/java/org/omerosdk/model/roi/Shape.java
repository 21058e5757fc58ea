package org.omerosdk.model.roi;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Index;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.Optional;
import org.omerosdk.model.meta.IObject;
import org.omerosdk.model.units.Length;
import org.omerosdk.model.units.UnitsLength;

/**
 * One shape of a {@link Roi} (OMERO's Shape): optional 0-based z/c/t (absent = on every plane of that dimension),
 * stroke and fill colours as RGBA integers, stroke width, text and transform.
 */
@Entity
@Table(name = "shape", indexes = @Index(name = "shape_roi", columnList = "roi"))
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "discriminator", length = 32)
public abstract class Shape extends IObject {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "roi")
    private Roi roi;
    private Integer theZ;
    private Integer theC;
    private Integer theT;
    private Integer strokeColor;
    private Integer fillColor;
    private Double strokeWidth;
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private UnitsLength strokeWidthUnit;
    @Column(length = 10000)
    private String textValue;
    @Embedded
    private AffineTransform transform;

    protected Shape() {
    }

    /** Adds the shape to {@code roi}; the SDK does this when saving a ROI with its shapes. */
    public void attach(Roi roi) {
        this.roi = Objects.requireNonNull(roi, "roi");
    }

    public Roi roi() {
        requireLoaded();
        return roi;
    }

    public Optional<Integer> theZ() {
        requireLoaded();
        return Optional.ofNullable(theZ);
    }

    public Optional<Integer> theC() {
        requireLoaded();
        return Optional.ofNullable(theC);
    }

    public Optional<Integer> theT() {
        requireLoaded();
        return Optional.ofNullable(theT);
    }

    /** Places the shape; a null coordinate means "every plane" along that dimension. */
    public void setPosition(Integer z, Integer c, Integer t) {
        this.theZ = z;
        this.theC = c;
        this.theT = t;
    }

    public Optional<Integer> strokeColor() {
        requireLoaded();
        return Optional.ofNullable(strokeColor);
    }

    public void setStrokeColor(int rgba) {
        this.strokeColor = rgba;
    }

    public Optional<Integer> fillColor() {
        requireLoaded();
        return Optional.ofNullable(fillColor);
    }

    public void setFillColor(int rgba) {
        this.fillColor = rgba;
    }

    public Optional<Length> strokeWidth() {
        requireLoaded();
        return Length.ofNullable(strokeWidth, strokeWidthUnit);
    }

    public void setStrokeWidth(Length width) {
        strokeWidth = width.value();
        strokeWidthUnit = width.unit();
    }

    public Optional<String> textValue() {
        requireLoaded();
        return Optional.ofNullable(textValue);
    }

    public void setTextValue(String text) {
        this.textValue = text;
    }

    public Optional<AffineTransform> transform() {
        requireLoaded();
        return Optional.ofNullable(transform);
    }

    public void setTransform(AffineTransform transform) {
        this.transform = transform;
    }
}
