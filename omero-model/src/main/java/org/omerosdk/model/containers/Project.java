package org.omerosdk.model.containers;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.omerosdk.model.meta.NamedObject;

/** A project (OMERO's Project): the top of the Project/Dataset/Image hierarchy. */
@Entity
@Table(name = "project")
public class Project extends NamedObject {
    protected Project() {
    }

    public Project(String name) {
        super(name);
    }
}
