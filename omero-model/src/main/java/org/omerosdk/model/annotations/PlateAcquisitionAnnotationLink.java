package org.omerosdk.model.annotations;

import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.omerosdk.model.screen.PlateAcquisition;
import org.omerosdk.model.meta.Link;

/** Links an {@link Annotation} to a PlateAcquisition. */
@Entity
@Table(name = "plateacquisitionannotationlink", uniqueConstraints = @UniqueConstraint(columnNames = {"parent", "child"}),
        indexes = @Index(name = "plateacquisitionannotationlink_child", columnList = "child"))
public class PlateAcquisitionAnnotationLink extends Link<PlateAcquisition, Annotation> {
    protected PlateAcquisitionAnnotationLink() {
    }

    public PlateAcquisitionAnnotationLink(PlateAcquisition parent, Annotation child) {
        super(parent, child);
    }
}
