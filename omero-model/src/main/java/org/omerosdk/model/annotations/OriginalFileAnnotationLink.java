package org.omerosdk.model.annotations;

import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.omerosdk.model.fs.OriginalFile;
import org.omerosdk.model.meta.Link;

/** Links an {@link Annotation} to a OriginalFile. */
@Entity
@Table(name = "originalfileannotationlink", uniqueConstraints = @UniqueConstraint(columnNames = {"parent", "child"}),
        indexes = @Index(name = "originalfileannotationlink_child", columnList = "child"))
public class OriginalFileAnnotationLink extends Link<OriginalFile, Annotation> {
    protected OriginalFileAnnotationLink() {
    }

    public OriginalFileAnnotationLink(OriginalFile parent, Annotation child) {
        super(parent, child);
    }
}
