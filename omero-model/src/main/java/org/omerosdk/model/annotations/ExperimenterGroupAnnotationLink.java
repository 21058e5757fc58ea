package org.omerosdk.model.annotations;

import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.model.meta.Link;

/** Links an {@link Annotation} to a ExperimenterGroup. */
@Entity
@Table(name = "experimentergroupannotationlink", uniqueConstraints = @UniqueConstraint(columnNames = {"parent", "child"}),
        indexes = @Index(name = "experimentergroupannotationlink_child", columnList = "child"))
public class ExperimenterGroupAnnotationLink extends Link<ExperimenterGroup, Annotation> {
    protected ExperimenterGroupAnnotationLink() {
    }

    public ExperimenterGroupAnnotationLink(ExperimenterGroup parent, Annotation child) {
        super(parent, child);
    }
}
