package org.omerosdk.model.core;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.Optional;
import org.omerosdk.model.meta.IObject;

/** One channel of a {@link Pixels} set (OMERO's Channel): its index, colour and {@link LogicalChannel}. */
@Entity
@Table(name = "channel", indexes = @Index(name = "channel_pixels", columnList = "pixels"))
public class Channel extends IObject {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "pixels")
    private Pixels pixels;
    @Column(name = "pixels_index", nullable = false)
    private int index;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "logicalChannel")
    private LogicalChannel logicalChannel;
    @Embedded
    private Rgba color;
    private String lookupTable;

    protected Channel() {
    }

    public Channel(LogicalChannel logicalChannel) {
        this.logicalChannel = Objects.requireNonNull(logicalChannel, "logicalChannel");
    }

    /** Attaches the channel to its pixels at {@code index}; the SDK does this when saving an image. */
    public void attach(Pixels pixels, int index) {
        this.pixels = Objects.requireNonNull(pixels, "pixels");
        this.index = index;
    }

    public Pixels pixels() {
        requireLoaded();
        return pixels;
    }

    public int index() {
        requireLoaded();
        return index;
    }

    public LogicalChannel logicalChannel() {
        requireLoaded();
        return logicalChannel;
    }

    public Optional<Rgba> color() {
        requireLoaded();
        return Optional.ofNullable(color);
    }

    public void setColor(Rgba color) {
        this.color = color;
    }

    public Optional<String> lookupTable() {
        requireLoaded();
        return Optional.ofNullable(lookupTable);
    }

    public void setLookupTable(String lut) {
        this.lookupTable = lut;
    }
}
