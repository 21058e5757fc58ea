package org.omerosdk.model.display;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.Optional;
import org.omerosdk.model.core.Pixels;
import org.omerosdk.model.meta.IObject;

/**
 * A cached thumbnail of a {@link Pixels} set (OMERO's Thumbnail): its size, mimetype, where its bytes are stored
 * and the version of the rendering settings it was made from (stale when the settings' version moved on).
 */
@Entity
@Table(name = "thumbnail")
public class Thumbnail extends IObject {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "pixels")
    private Pixels pixels;
    @Column(nullable = false)
    private int sizeX;
    @Column(nullable = false)
    private int sizeY;
    @Column(nullable = false)
    private String mimeType;
    private String ref;
    @Column(nullable = false)
    private long renderingDefVersion;

    protected Thumbnail() {
    }

    public Thumbnail(Pixels pixels, int sizeX, int sizeY, String mimeType, long renderingDefVersion) {
        this.pixels = Objects.requireNonNull(pixels, "pixels");
        this.sizeX = sizeX;
        this.sizeY = sizeY;
        this.mimeType = Objects.requireNonNull(mimeType, "mimeType");
        this.renderingDefVersion = renderingDefVersion;
    }

    public Pixels pixels() {
        requireLoaded();
        return pixels;
    }

    public int sizeX() {
        requireLoaded();
        return sizeX;
    }

    public int sizeY() {
        requireLoaded();
        return sizeY;
    }

    public String mimeType() {
        requireLoaded();
        return mimeType;
    }

    /** The key of the thumbnail's bytes in the binary store, once stored. */
    public Optional<String> ref() {
        requireLoaded();
        return Optional.ofNullable(ref);
    }

    public void setRef(String ref) {
        this.ref = ref;
    }

    public long renderingDefVersion() {
        requireLoaded();
        return renderingDefVersion;
    }
}
