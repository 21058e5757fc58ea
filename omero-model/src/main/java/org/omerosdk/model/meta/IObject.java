package org.omerosdk.model.meta;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import org.omerosdk.model.NotLoadedException;
import org.omerosdk.model.ValidationException;

/**
 * Root of every persistent OMERO object: a {@code long} id (from one shared, pooled sequence, so ids are unique
 * across types as in event logs), a version for optimistic locking, and OMERO-style {@link Details}.
 *
 * <p>Objects are plain values between calls: the SDK's services load, save and return them detached. An
 * association of a returned object ({@code pixels.image()}, {@code link.parent()}) is either loaded or an
 * <em>id-only reference</em> ({@link #isLoaded()} false, {@code toString()} ends in {@code " (unloaded)"}): its
 * {@link #id()}, {@link #isSaved()} and {@link #isLoaded()} answer, every other getter throws
 * {@link NotLoadedException}; pass it to a session's methods like any other object, or read it for its fields.
 * An association the caller may not see is absent (null), never loaded.
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

    /** True for an id-only reference ({@link #reference}): nothing but the id is known. Never stored. */
    private transient boolean unloaded;

    protected IObject() {
    }

    /**
     * An id-only reference to the stored {@code type} object {@code id}: {@link #isLoaded()} is false and only
     * {@link #id()} answers (other getters throw {@link NotLoadedException}). The SDK returns one where an
     * association was not loaded; a caller may make one to pass an object it knows by id only (a session decides
     * on the stored row, so nothing but the id is used). Nothing is read: whether the object exists or is visible is
     * decided by the call it is passed to.
     *
     * @throws ValidationException for an abstract type ({@code Annotation}, {@code Shape}): a reference names the
     *                             object's own type
     */
    public static <T extends IObject> T reference(Class<T> type, long id) {
        if (Modifier.isAbstract(type.getModifiers()) || !type.isAnnotationPresent(Entity.class)) {
            throw new ValidationException("a reference to " + type.getSimpleName() + ":" + id + " cannot be made: "
                    + type.getSimpleName() + " is " + (Modifier.isAbstract(type.getModifiers()) ? "abstract" : "not "
                    + "a stored type") + "; name the object's own type (TagAnnotation, Rectangle, ...)");
        }
        try {
            Constructor<T> c = type.getDeclaredConstructor();
            c.setAccessible(true);
            T t = c.newInstance();
            IObject o = t;
            o.id = id;
            o.unloaded = true;
            return t;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getName() + " has no no-argument constructor", e);
        }
    }

    /**
     * False for an id-only reference (see {@link #reference}), whose getters other than {@link #id()},
     * {@link #isSaved()} and this one throw {@link NotLoadedException}; true for every object the SDK loaded.
     */
    public final boolean isLoaded() {
        return !unloaded;
    }

    /**
     * Called first by every getter of a stored type.
     *
     * @throws NotLoadedException for an id-only reference
     */
    protected final void requireLoaded() {
        if (unloaded) {
            throw new NotLoadedException(this + " is an id-only reference: only its id is known here; read it "
                    + "through a session for its fields (session.reload(it) or session.get(" + getClass().getSimpleName()
                    + ".class, " + id + "))");
        }
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
        requireLoaded();
        return version;
    }

    public Details details() {
        requireLoaded();
        return details;
    }

    /** {@code Type:id}, OMERO's way of naming an object in messages. */
    @Override
    public String toString() {
        Long id = getId();
        return getClass().getSimpleName().replaceAll("\\$HibernateProxy.*", "") + ":"
                + (id == null ? "unsaved" : id.toString()) + (unloaded ? " (unloaded)" : "");
    }
}
