package org.omerosdk.model.annotations;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** A free-text comment (OMERO's CommentAnnotation). */
@Entity
@DiscriminatorValue("comment")
public class CommentAnnotation extends TextAnnotation {
    protected CommentAnnotation() {
    }

    public CommentAnnotation(String text) {
        super(text);
    }
}
