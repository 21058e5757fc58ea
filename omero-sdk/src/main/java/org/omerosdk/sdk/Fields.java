package org.omerosdk.sdk;

import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.Collection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.meta.IObject;

/**
 * What the write path needs to know of a mapped class's fields, read once per class from its mapping: the
 * references to other objects (OMERO's lock candidates: {@code @ManyToOne} and {@code @OneToOne}), which the write
 * check decides on their stored rows, and the string columns with their length limits, so that a value too long
 * is refused naming the field and the limit before any SQL runs.
 */
final class Fields {
    private static final Map<Class<?>, Fields> CACHE = new ConcurrentHashMap<>();

    private final List<Field> references;
    private final List<StringColumn> strings;
    /** Collections of embedded values ({@code MapAnnotation}'s pairs), whose string columns are checked alike. */
    private final List<Field> embeddedCollections;

    private record StringColumn(Field field, int length, boolean nullable) {
    }

    private Fields(Class<?> type) {
        List<Field> refs = new ArrayList<>();
        List<StringColumn> cols = new ArrayList<>();
        List<Field> embedded = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || Modifier.isTransient(f.getModifiers())) {
                    continue;
                }
                if ((f.isAnnotationPresent(ManyToOne.class) || f.isAnnotationPresent(OneToOne.class))
                        && IObject.class.isAssignableFrom(f.getType())) {
                    f.setAccessible(true);
                    refs.add(f);
                } else if (f.getType() == String.class) {
                    Column col = f.getAnnotation(Column.class);
                    f.setAccessible(true);
                    // JPA's default length is 255, and the migrations declare varchar(255) where none is given
                    cols.add(new StringColumn(f, col == null ? 255 : col.length(), col == null || col.nullable()));
                } else if (f.isAnnotationPresent(ElementCollection.class)
                        && f.getGenericType() instanceof ParameterizedType pt
                        && pt.getActualTypeArguments()[0] instanceof Class<?> element
                        && element.isAnnotationPresent(Embeddable.class)) {
                    f.setAccessible(true);
                    embedded.add(f);
                }
            }
        }
        this.references = List.copyOf(refs);
        this.strings = List.copyOf(cols);
        this.embeddedCollections = List.copyOf(embedded);
    }

    static Fields of(Class<?> type) {
        return CACHE.computeIfAbsent(type, Fields::new);
    }

    static Fields of(IObject o) {
        return of(org.hibernate.Hibernate.getClass(o));
    }

    /** The saved objects {@code o} refers to (new ones, saved in the same transaction, included). */
    List<IObject> savedReferences(IObject o) {
        List<IObject> out = new ArrayList<>(references.size());
        for (Field f : references) {
            IObject v = (IObject) get(f, o);
            if (v != null && v.isSaved()) {
                out.add(v);
            }
        }
        return out;
    }

    /**
     * Replaces every saved reference of {@code o} by {@code stored.apply(reference)}, so that nothing of a caller's
     * copy of a referenced object (its owner, group, permissions) is ever used.
     */
    void replaceReferences(IObject o, UnaryOperator<IObject> stored) {
        for (Field f : references) {
            IObject v = (IObject) get(f, o);
            if (v != null && v.isSaved()) {
                IObject s = stored.apply(v);
                if (s != v) {
                    try {
                        f.set(o, s);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
    }

    /** The length limit {@link #validate} applies to each string field, by field name (for the tests). */
    java.util.Map<String, Integer> stringLimits() {
        java.util.Map<String, Integer> out = new java.util.TreeMap<>();
        for (StringColumn c : strings) {
            out.put(c.field.getName(), c.length);
        }
        return out;
    }

    /**
     * @throws ValidationException naming the type, the field, the value's length and the limit, for a string
     *                             longer than its column or a required one that is missing
     */
    void validate(IObject o) {
        validate(o, org.hibernate.Hibernate.getClass(o).getSimpleName());
    }

    /** {@link #validate(IObject)} of {@code o} (an entity or an embedded value) named {@code name} in messages. */
    private void validate(Object o, String name) {
        for (Field f : embeddedCollections) {
            Object values = get(f, o);
            if (values instanceof Collection<?> c) {
                int i = 0;
                for (Object v : c) {
                    if (v != null) {
                        of(v.getClass()).validate(v, name + "." + f.getName() + "[" + i + "]");
                    }
                    i++;
                }
            }
        }
        for (StringColumn c : strings) {
            String v = (String) get(c.field, o);
            String what = name + "." + c.field.getName();
            if (v == null) {
                if (!c.nullable) {
                    throw new ValidationException(what + " is required and was not given");
                }
            } else if (v.length() > c.length) {
                throw new ValidationException(what + " of " + v.length() + " characters is too long: at most "
                        + c.length);
            }
        }
    }

    private static Object get(Field f, Object o) {
        try {
            return f.get(o);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
