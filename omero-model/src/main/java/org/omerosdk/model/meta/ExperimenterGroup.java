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
    /** The group's own {@code omero.policy.binary_access} value (OMERO keeps it in the group's config). */
    @Column(name = "binary_access")
    private String binaryAccess;

    protected ExperimenterGroup() {
    }

    public ExperimenterGroup(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    public String name() {
        requireLoaded();
        return name;
    }

    public Optional<String> description() {
        requireLoaded();
        return Optional.ofNullable(description);
    }

    /** The group's permissions (the same as {@code details().permissions()}). */
    public Permissions permissions() {
        requireLoaded();
        return details().permissions();
    }

    public void setName(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public boolean isLdap() {
        requireLoaded();
        return ldap;
    }

    /** The group's binary access value, combined with the server's (see {@code BinaryAccessPolicy}). */
    public Optional<String> binaryAccess() {
        requireLoaded();
        return Optional.ofNullable(binaryAccess);
    }

    public void setBinaryAccess(String value) {
        this.binaryAccess = value == null || value.isBlank() ? null : value.trim();
    }
}
