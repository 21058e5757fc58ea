package org.omerosdk.model.annotations;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** A tag (OMERO's TagAnnotation). A tag set is a tag with the tag-set namespace linked to its tags through {@link AnnotationAnnotationLink}s. */
@Entity
@DiscriminatorValue("tag")
public class TagAnnotation extends TextAnnotation {
    protected TagAnnotation() {
    }

    public TagAnnotation(String text) {
        super(text);
    }
}
