package org.omerosdk.model.display;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.util.Objects;
import org.omerosdk.model.core.Pixels;
import org.omerosdk.model.meta.IObject;

/**
 * One user's rendering settings for one {@link Pixels} set (OMERO's RenderingDef): default plane, model and
 * quantization; the per-channel settings are {@link ChannelBinding}s. At most one per user and pixels.
 */
@Entity
@Table(name = "renderingdef", uniqueConstraints = @UniqueConstraint(columnNames = {"pixels", "owner_id"}))
public class RenderingDef extends IObject {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "pixels")
    private Pixels pixels;
    @Column(nullable = false)
    private int defaultZ;
    @Column(nullable = false)
    private int defaultT;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private RenderingModel model;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "quantization")
    private QuantumDef quantization;
    private String name;

    protected RenderingDef() {
    }

    public RenderingDef(Pixels pixels, int defaultZ, int defaultT, RenderingModel model, QuantumDef quantization) {
        this.pixels = Objects.requireNonNull(pixels, "pixels");
        this.defaultZ = defaultZ;
        this.defaultT = defaultT;
        this.model = Objects.requireNonNull(model, "model");
        this.quantization = Objects.requireNonNull(quantization, "quantization");
    }

    public Pixels pixels() {
        requireLoaded();
        return pixels;
    }

    public int defaultZ() {
        requireLoaded();
        return defaultZ;
    }

    public int defaultT() {
        requireLoaded();
        return defaultT;
    }

    public void setDefaultPlane(int z, int t) {
        this.defaultZ = z;
        this.defaultT = t;
    }

    public RenderingModel model() {
        requireLoaded();
        return model;
    }

    public void setModel(RenderingModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    public QuantumDef quantization() {
        requireLoaded();
        return quantization;
    }
}
