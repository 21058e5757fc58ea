package org.omerosdk.model.annotations;

import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.omerosdk.model.screen.Well;
import org.omerosdk.model.meta.Link;

/** Links an {@link Annotation} to a Well. */
@Entity
@Table(name = "wellannotationlink", uniqueConstraints = @UniqueConstraint(columnNames = {"parent", "child"}),
        indexes = @Index(name = "wellannotationlink_child", columnList = "child"))
public class WellAnnotationLink extends Link<Well, Annotation> {
    protected WellAnnotationLink() {
    }

    public WellAnnotationLink(Well parent, Annotation child) {
        super(parent, child);
    }
}
