package org.omerosdk.model.annotations;

import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import org.omerosdk.model.meta.Link;

/** Links an annotation (child) to another (parent), e.g. a tag set to its tags. */
@Entity
@Table(name = "annotationannotationlink", uniqueConstraints = @UniqueConstraint(columnNames = {"parent", "child"}),
        indexes = @Index(name = "annotationannotationlink_child", columnList = "child"))
public class AnnotationAnnotationLink extends Link<Annotation, Annotation> {
    protected AnnotationAnnotationLink() {
    }

    public AnnotationAnnotationLink(Annotation parent, Annotation child) {
        super(parent, child);
    }
}
