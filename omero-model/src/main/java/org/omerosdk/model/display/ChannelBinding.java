package org.omerosdk.model.display;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.Optional;
import org.omerosdk.model.core.Rgba;
import org.omerosdk.model.meta.IObject;

/**
 * How one channel renders (OMERO's ChannelBinding): active flag, input window, mapping family and coefficient,
 * noise reduction, colour (RGBA), optional lookup table and reverse intensity.
 */
@Entity
@Table(name = "channelbinding")
public class ChannelBinding extends IObject {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "renderingDef")
    private RenderingDef renderingDef;
    @Column(name = "renderingDef_index", nullable = false)
    private int index;
    @Column(nullable = false)
    private boolean active;
    @Column(nullable = false)
    private double inputStart;
    @Column(nullable = false)
    private double inputEnd;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Family family = Family.LINEAR;
    @Column(nullable = false)
    private double coefficient = 1.0;
    @Column(nullable = false)
    private boolean noiseReduction;
    @Embedded
    private Rgba color = Rgba.of(255, 255, 255);
    private String lookupTable;
    @Column(nullable = false)
    private boolean reverseIntensity;

    protected ChannelBinding() {
    }

    public ChannelBinding(RenderingDef renderingDef, int index, double inputStart, double inputEnd) {
        this.renderingDef = Objects.requireNonNull(renderingDef, "renderingDef");
        this.index = index;
        this.active = true;
        setWindow(inputStart, inputEnd);
    }

    public RenderingDef renderingDef() {
        requireLoaded();
        return renderingDef;
    }

    public int index() {
        requireLoaded();
        return index;
    }

    public boolean isActive() {
        requireLoaded();
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public double inputStart() {
        requireLoaded();
        return inputStart;
    }

    public double inputEnd() {
        requireLoaded();
        return inputEnd;
    }

    public void setWindow(double start, double end) {
        this.inputStart = start;
        this.inputEnd = end;
    }

    public Family family() {
        requireLoaded();
        return family;
    }

    public double coefficient() {
        requireLoaded();
        return coefficient;
    }

    public void setMapping(Family family, double coefficient) {
        this.family = Objects.requireNonNull(family, "family");
        this.coefficient = coefficient;
    }

    public boolean noiseReduction() {
        requireLoaded();
        return noiseReduction;
    }

    public void setNoiseReduction(boolean on) {
        this.noiseReduction = on;
    }

    public Rgba color() {
        requireLoaded();
        return color;
    }

    public void setColor(Rgba color) {
        this.color = Objects.requireNonNull(color, "color");
    }

    public Optional<String> lookupTable() {
        requireLoaded();
        return Optional.ofNullable(lookupTable);
    }

    public void setLookupTable(String lut) {
        this.lookupTable = lut;
    }

    public boolean reverseIntensity() {
        requireLoaded();
        return reverseIntensity;
    }

    public void setReverseIntensity(boolean reverse) {
        this.reverseIntensity = reverse;
    }
}
