package org.omerosdk.model.annotations;

import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.omerosdk.model.meta.Experimenter;
import org.omerosdk.model.meta.Link;

/** Links an {@link Annotation} to a Experimenter. */
@Entity
@Table(name = "experimenterannotationlink", uniqueConstraints = @UniqueConstraint(columnNames = {"parent", "child"}),
        indexes = @Index(name = "experimenterannotationlink_child", columnList = "child"))
public class ExperimenterAnnotationLink extends Link<Experimenter, Annotation> {
    protected ExperimenterAnnotationLink() {
    }

    public ExperimenterAnnotationLink(Experimenter parent, Annotation child) {
        super(parent, child);
    }
}
