package org.omerosdk.model.annotations;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** A term from an ontology (OMERO's TermAnnotation). */
@Entity
@DiscriminatorValue("term")
public class TermAnnotation extends Annotation {
    @jakarta.persistence.Column(length = 2048)
    private String termValue;

    protected TermAnnotation() {
    }

    public TermAnnotation(String value) {
        this.termValue = value;
    }

    public String termValue() {
        requireLoaded();
        return termValue;
    }

    public void setTermValue(String value) {
        this.termValue = value;
    }
}
