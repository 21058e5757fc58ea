package org.omerosdk.model.fs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.Optional;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.meta.IObject;

/** A file in the repository (OMERO's OriginalFile): directory path, name, size, hash with its algorithm, mimetype. */
@Entity
@Table(name = "originalfile")
public class OriginalFile extends IObject {
    @Column(nullable = false, length = 8192)
    private String path;
    @Column(nullable = false, length = 2048)
    private String name;
    private Long size;
    private String hash;
    @Column(length = 32)
    private ChecksumAlgorithm hasher;
    private String mimetype;

    protected OriginalFile() {
    }

    public OriginalFile(String path, String name) {
        this.path = Objects.requireNonNull(path, "path");
        this.name = Objects.requireNonNull(name, "name");
    }

    public String path() {
        requireLoaded();
        return path;
    }

    public String name() {
        requireLoaded();
        return name;
    }

    public Optional<Long> size() {
        requireLoaded();
        return Optional.ofNullable(size);
    }

    /** @throws ValidationException for a negative size */
    public void setSize(long size) {
        if (size < 0) {
            throw new ValidationException("size " + size + " of " + path + name + " is negative");
        }
        this.size = size;
    }

    public Optional<String> hash() {
        requireLoaded();
        return Optional.ofNullable(hash);
    }

    public Optional<ChecksumAlgorithm> hasher() {
        requireLoaded();
        return Optional.ofNullable(hasher);
    }

    public void setHash(ChecksumAlgorithm algorithm, String hex) {
        this.hasher = Objects.requireNonNull(algorithm, "algorithm");
        this.hash = Objects.requireNonNull(hex, "hash");
    }

    public Optional<String> mimetype() {
        requireLoaded();
        return Optional.ofNullable(mimetype);
    }

    public void setMimetype(String mimetype) {
        this.mimetype = mimetype;
    }
}
