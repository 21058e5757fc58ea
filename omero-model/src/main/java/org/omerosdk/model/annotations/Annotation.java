package org.omerosdk.model.annotations;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;
import java.util.Optional;
import org.omerosdk.model.meta.IObject;

/**
 * An annotation (OMERO's Annotation): a namespace saying who interprets it, a description, and a value that
 * depends on the kind. Linked to objects by one link type per annotatable type ({@code ImageAnnotationLink}, ...).
 */
@Entity
@Table(name = "annotation")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "discriminator", length = 32)
public abstract class Annotation extends IObject {
    @Column(length = 2048)
    private String ns;
    @Column(length = 10000)
    private String description;
    private String name;

    protected Annotation() {
    }

    public Optional<String> ns() {
        requireLoaded();
        return Optional.ofNullable(ns);
    }

    public void setNs(String ns) {
        this.ns = ns;
    }

    public Optional<String> description() {
        requireLoaded();
        return Optional.ofNullable(description);
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Optional<String> name() {
        requireLoaded();
        return Optional.ofNullable(name);
    }

    public void setName(String name) {
        this.name = name;
    }
}
