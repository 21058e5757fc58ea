package org.omerosdk.model.fs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Objects;
import org.omerosdk.model.meta.IObject;

/** The files of one import (OMERO's Fileset), all under one managed-repository directory. */
@Entity
@Table(name = "fileset")
public class Fileset extends IObject {
    @Column(nullable = false, length = 8192)
    private String templatePrefix;

    protected Fileset() {
    }

    public Fileset(String templatePrefix) {
        this.templatePrefix = Objects.requireNonNull(templatePrefix, "templatePrefix");
    }

    /** The managed-repository directory the template expanded to for this import. */
    public String templatePrefix() {
        requireLoaded();
        return templatePrefix;
    }
}
