package org.omerosdk.model.containers;

import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import org.omerosdk.model.meta.Link;

/** Puts a Dataset in a Project. */
@Entity
@Table(name = "projectdatasetlink", uniqueConstraints = @UniqueConstraint(columnNames = {"parent", "child"}),
        indexes = @Index(name = "projectdatasetlink_child", columnList = "child"))
public class ProjectDatasetLink extends Link<Project, Dataset> {
    protected ProjectDatasetLink() {
    }

    public ProjectDatasetLink(Project parent, Dataset child) {
        super(parent, child);
    }
}
