package org.omerosdk.model.meta;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.util.Objects;
import java.util.Optional;
import org.omerosdk.model.ValidationException;

/** An object with OMERO's required name and optional description (Project, Dataset, Image, Screen, Plate, ...). */
@MappedSuperclass
public abstract class NamedObject extends IObject {
    @Column(nullable = false, length = 2048)
    private String name;
    @Column(length = 10000)
    private String description;

    protected NamedObject() {
    }

    protected NamedObject(String name) {
        setName(name);
    }

    public String name() {
        requireLoaded();
        return name;
    }

    public Optional<String> description() {
        requireLoaded();
        return Optional.ofNullable(description);
    }

    /** @throws ValidationException for a null name or one longer than 2048 characters */
    public void setName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.length() > 2048) {
            throw new ValidationException(getClass().getSimpleName() + " name of " + name.length()
                    + " characters is too long: at most 2048");
        }
        this.name = name;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
