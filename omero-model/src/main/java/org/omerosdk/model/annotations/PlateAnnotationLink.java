package org.omerosdk.model.annotations;

import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.omerosdk.model.screen.Plate;
import org.omerosdk.model.meta.Link;

/** Links an {@link Annotation} to a Plate. */
@Entity
@Table(name = "plateannotationlink", uniqueConstraints = @UniqueConstraint(columnNames = {"parent", "child"}),
        indexes = @Index(name = "plateannotationlink_child", columnList = "child"))
public class PlateAnnotationLink extends Link<Plate, Annotation> {
    protected PlateAnnotationLink() {
    }

    public PlateAnnotationLink(Plate parent, Annotation child) {
        super(parent, child);
    }
}
