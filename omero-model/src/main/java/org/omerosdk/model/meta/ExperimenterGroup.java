package org.omerosdk.model.meta;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.Optional;
import org.omerosdk.model.Permissions;

/**
 * A group (OMERO's ExperimenterGroup). Its permissions are {@code details().permissions()}; every object in the
 * group carries the same permissions.
 */
@Entity
@Table(name = "experimentergroup")
public class ExperimenterGroup extends IObject {
    @Column(nullable = false, unique = true)
    private String name;
    private String description;
    @Column(nullable = false)
    private boolean ldap;

    protected ExperimenterGroup() {
    }

    public ExperimenterGroup(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    public String name() {
        return name;
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** The group's permissions (the same as {@code details().permissions()}). */
    public Permissions permissions() {
        return details().permissions();
    }

    public void setName(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public boolean isLdap() {
        return ldap;
    }
}
