package org.omerosdk.model.annotations;

import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.meta.Link;

/** Links an {@link Annotation} to a Image. */
@Entity
@Table(name = "imageannotationlink", uniqueConstraints = @UniqueConstraint(columnNames = {"parent", "child"}),
        indexes = @Index(name = "imageannotationlink_child", columnList = "child"))
public class ImageAnnotationLink extends Link<Image, Annotation> {
    protected ImageAnnotationLink() {
    }

    public ImageAnnotationLink(Image parent, Annotation child) {
        super(parent, child);
    }
}
