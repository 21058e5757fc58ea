package org.omerosdk.model.meta;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.Optional;

/** A user (OMERO's Experimenter): a unique login name ({@code omeName}) and a display name. */
@Entity
@Table(name = "experimenter")
public class Experimenter extends IObject {
    @Column(nullable = false, unique = true)
    private String omeName;
    @Column(nullable = false)
    private String firstName;
    @Column(nullable = false)
    private String lastName;
    private String middleName;
    private String email;
    private String institution;
    @Column(nullable = false)
    private boolean ldap;
    /**
     * The administrator privileges taken away from this user (comma-separated names), OMERO's
     * {@code AdminPrivilege:X=false} entries of {@code Experimenter.config}: a member of {@code system} holds every
     * privilege not listed here. Empty or null: none taken away.
     */
    @Column(name = "admin_restrictions", length = 1024)
    private String adminRestrictions;

    protected Experimenter() {
    }

    public Experimenter(String omeName, String firstName, String lastName) {
        this.omeName = Objects.requireNonNull(omeName, "omeName");
        this.firstName = Objects.requireNonNull(firstName, "firstName");
        this.lastName = Objects.requireNonNull(lastName, "lastName");
    }

    public String omeName() {
        requireLoaded();
        return omeName;
    }

    public String firstName() {
        requireLoaded();
        return firstName;
    }

    public String lastName() {
        requireLoaded();
        return lastName;
    }

    /** "First Last", as OMERO's clients show a user. */
    public String displayName() {
        requireLoaded();
        return (firstName + " " + lastName).trim();
    }

    public Optional<String> email() {
        requireLoaded();
        return Optional.ofNullable(email);
    }

    public Optional<String> institution() {
        requireLoaded();
        return Optional.ofNullable(institution);
    }

    public Optional<String> middleName() {
        requireLoaded();
        return Optional.ofNullable(middleName);
    }

    public boolean isLdap() {
        requireLoaded();
        return ldap;
    }

    public void setName(String first, String last) {
        this.firstName = Objects.requireNonNull(first, "firstName");
        this.lastName = Objects.requireNonNull(last, "lastName");
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public void setInstitution(String institution) {
        this.institution = institution;
    }

    public void setLdap(boolean ldap) {
        this.ldap = ldap;
    }

    /** The administrator privileges taken away (see the field comment), as stored. */
    public String adminRestrictions() {
        requireLoaded();
        return adminRestrictions == null ? "" : adminRestrictions;
    }

    public void setAdminRestrictions(String restrictions) {
        this.adminRestrictions = restrictions == null || restrictions.isBlank() ? null : restrictions;
    }
}
