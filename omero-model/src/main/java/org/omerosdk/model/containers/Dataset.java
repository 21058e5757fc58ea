package org.omerosdk.model.containers;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.omerosdk.model.meta.NamedObject;

/** A dataset (OMERO's Dataset): a collection of images, itself in zero or more projects. */
@Entity
@Table(name = "dataset")
public class Dataset extends NamedObject {
    protected Dataset() {
    }

    public Dataset(String name) {
        super(name);
    }
}
