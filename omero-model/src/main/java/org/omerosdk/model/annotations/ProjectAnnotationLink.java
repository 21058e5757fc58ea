package org.omerosdk.model.annotations;

import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.omerosdk.model.containers.Project;
import org.omerosdk.model.meta.Link;

/** Links an {@link Annotation} to a Project. */
@Entity
@Table(name = "projectannotationlink", uniqueConstraints = @UniqueConstraint(columnNames = {"parent", "child"}),
        indexes = @Index(name = "projectannotationlink_child", columnList = "child"))
public class ProjectAnnotationLink extends Link<Project, Annotation> {
    protected ProjectAnnotationLink() {
    }

    public ProjectAnnotationLink(Project parent, Annotation child) {
        super(parent, child);
    }
}
