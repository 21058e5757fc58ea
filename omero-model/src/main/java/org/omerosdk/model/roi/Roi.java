package org.omerosdk.model.roi;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.Optional;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.meta.IObject;

/** A region of interest on an {@link Image} (OMERO's Roi), made of one or more {@link Shape}s. */
@Entity
@Table(name = "roi", indexes = @Index(name = "roi_image", columnList = "image"))
public class Roi extends IObject {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "image")
    private Image image;
    private String name;
    private String description;

    protected Roi() {
    }

    public Roi(Image image) {
        this.image = Objects.requireNonNull(image, "image");
    }

    public Image image() {
        requireLoaded();
        return image;
    }

    public Optional<String> name() {
        requireLoaded();
        return Optional.ofNullable(name);
    }

    public void setName(String name) {
        this.name = name;
    }

    public Optional<String> description() {
        requireLoaded();
        return Optional.ofNullable(description);
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
