package org.omerosdk.model.annotations;

import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.omerosdk.model.roi.Roi;
import org.omerosdk.model.meta.Link;

/** Links an {@link Annotation} to a Roi. */
@Entity
@Table(name = "roiannotationlink", uniqueConstraints = @UniqueConstraint(columnNames = {"parent", "child"}),
        indexes = @Index(name = "roiannotationlink_child", columnList = "child"))
public class RoiAnnotationLink extends Link<Roi, Annotation> {
    protected RoiAnnotationLink() {
    }

    public RoiAnnotationLink(Roi parent, Annotation child) {
        super(parent, child);
    }
}
