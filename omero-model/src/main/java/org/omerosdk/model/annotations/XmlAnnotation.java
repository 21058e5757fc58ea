package org.omerosdk.model.annotations;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** An XML document attached to an object (OMERO's XmlAnnotation). */
@Entity
@DiscriminatorValue("xml")
public class XmlAnnotation extends TextAnnotation {
    protected XmlAnnotation() {
    }

    public XmlAnnotation(String text) {
        super(text);
    }
}
