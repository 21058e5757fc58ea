package org.omerosdk.model.annotations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.util.Objects;

/** An annotation whose value is text: {@link CommentAnnotation}, {@link TagAnnotation}, {@link XmlAnnotation}. */
@Entity
public abstract class TextAnnotation extends Annotation {
    @Column(length = 100000)
    private String textValue;

    protected TextAnnotation() {
    }

    protected TextAnnotation(String text) {
        this.textValue = Objects.requireNonNull(text, "text");
    }

    public String textValue() {
        requireLoaded();
        return textValue;
    }

    public void setTextValue(String text) {
        this.textValue = Objects.requireNonNull(text, "text");
    }
}
