package org.omerosdk.model.meta;

import jakarta.persistence.Embedded;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;

/**
 * Root of every persistent OMERO object: a {@code long} id (from one shared, pooled sequence, so ids are unique
 * across types as in event logs), a version for optimistic locking, and OMERO-style {@link Details}.
 *
 * <p>Objects are plain values between calls: the SDK's services load, save and return them detached.
 */
@MappedSuperclass
public abstract class IObject {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ids")
    @SequenceGenerator(name = "ids", sequenceName = "seq_ids", allocationSize = 100)
    private Long id;

    @Version
    private long version;

    @Embedded
    private Details details = new Details();

    protected IObject() {
    }

    /**
     * The id assigned when the object was first saved.
     *
     * @throws IllegalStateException for an object never saved
     */
    public final long id() {
        // final and through getId(): on a lazy reference Hibernate answers getId() without loading the object,
        // so ids of detached references stay readable
        Long id = getId();
        if (id == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " has not been saved yet and has no id");
        }
        return id;
    }

    /** Whether the object has been saved (has an id). */
    public final boolean isSaved() {
        return getId() != null;
    }

    /**
     * The id, or null before the first save. Public only because Hibernate answers this getter on a lazy
     * reference without loading it; application code uses {@link #id()}.
     */
    public Long getId() {
        return id;
    }

    /** Incremented by every update; an update from a stale copy fails instead of overwriting. */
    public long version() {
        return version;
    }

    public Details details() {
        return details;
    }

    /** {@code Type:id}, OMERO's way of naming an object in messages. */
    @Override
    public String toString() {
        Long id = getId();
        return getClass().getSimpleName().replaceAll("\\$HibernateProxy.*", "") + ":"
                + (id == null ? "unsaved" : id.toString());
    }
}
