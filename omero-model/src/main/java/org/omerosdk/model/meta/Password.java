package org.omerosdk.model.meta;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * A user's stored password hash (OMERO's {@code password} table), kept apart from {@link Experimenter} so that
 * loading users never loads hashes. Not an {@link IObject}: it has no details and no events of its own.
 */
@Entity
@Table(name = "password")
public class Password {
    @Id
    @Column(name = "experimenter_id")
    private long experimenterId;
    @Column(length = 512)
    private String hash;
    private Instant changed;
    /** The LDAP distinguished name of a user created from (and authenticated by) a directory. */
    @Column(length = 1024)
    private String dn;

    protected Password() {
    }

    public Password(long experimenterId, String hash) {
        this.experimenterId = experimenterId;
        setHash(hash);
    }

    public long experimenterId() {
        return experimenterId;
    }

    /** The encoded hash, absent when the user has no password (and cannot log in with one). */
    public Optional<String> hash() {
        return Optional.ofNullable(hash);
    }

    public void setHash(String hash) {
        this.hash = hash;
        this.changed = Instant.now();
    }

    public Instant changed() {
        return changed;
    }

    /** The directory entry this user authenticates against, for users created from LDAP. */
    public Optional<String> dn() {
        return Optional.ofNullable(dn);
    }

    public void setDn(String dn) {
        this.dn = dn;
    }
}
