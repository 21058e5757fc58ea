package org.omerosdk.model.annotations;

import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.omerosdk.model.fs.Fileset;
import org.omerosdk.model.meta.Link;

/** Links an {@link Annotation} to a Fileset. */
@Entity
@Table(name = "filesetannotationlink", uniqueConstraints = @UniqueConstraint(columnNames = {"parent", "child"}),
        indexes = @Index(name = "filesetannotationlink_child", columnList = "child"))
public class FilesetAnnotationLink extends Link<Fileset, Annotation> {
    protected FilesetAnnotationLink() {
    }

    public FilesetAnnotationLink(Fileset parent, Annotation child) {
        super(parent, child);
    }
}
