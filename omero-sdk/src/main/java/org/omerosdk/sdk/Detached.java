package org.omerosdk.sdk;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;
import org.omerosdk.model.meta.IObject;

/**
 * Turns what a unit of work returns into plain values, in two phases around the end of its transaction, so that no
 * caller ever meets a Hibernate proxy, a persistent collection or a {@code LazyInitializationException}:
 * <ol>
 * <li>{@link #resolve} (inside the transaction, with the caller's query path): every not yet loaded reference
 *     whose stored type the reference alone cannot say (an abstract or subclassed type such as the
 *     {@code Annotation} of a link, or a type without ids of its own kind such as an {@code Event}) is loaded
 *     through the caller's read filter, in one query per type; one the caller may not see stays unloaded;</li>
 * <li>{@link #finish} (after the transaction closed): loaded proxies become their objects, unloaded ones of a
 *     concrete type become id-only references ({@link IObject#reference}), the invisible ones of phase 1 become
 *     null, persistent collections become {@code java.util} copies.</li>
 * </ol>
 * Both walk entities, records, the SDK's value classes, collections, maps, {@code Optional}s and arrays once each
 * (an identity set stops at cycles and shared objects), so the cost is linear in the size of the result. Objects
 * holding a session, the SDK or its database (and closeable resources) are not walked.
 */
final class Detached {
    /** Per class: the instance fields that may hold something to replace. */
    private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();
    /** Per class: whether it holds a session, the SDK or the database, and is therefore not walked. */
    private static final Map<Class<?>, Boolean> HOLDERS = new ConcurrentHashMap<>();
    private static final Set<Class<?>> SERVICE_TYPES = Set.of(Session.class, OmeroSdk.class, Store.class,
            Database.class, org.hibernate.Session.class, org.hibernate.SessionFactory.class, QueryPath.class,
            WritePath.class);
    /** Entity types a reference could not name: abstract ones and those with mapped subclasses. */
    private static final Set<Class<?>> POLYMORPHIC;

    static {
        Set<Class<?>> p = new java.util.HashSet<>();
        for (Class<?> c : EntityClasses.ENTITIES) {
            if (Modifier.isAbstract(c.getModifiers())) {
                p.add(c);
            }
            for (Class<?> other : EntityClasses.ENTITIES) {
                if (other != c && c.isAssignableFrom(other)) {
                    p.add(c);
                }
            }
        }
        POLYMORPHIC = Set.copyOf(p);
    }

    private Detached() {
    }

    /**
     * Phase 1, inside the transaction: loads through {@code q}'s read filter the unloaded references of
     * {@code result} that {@link #finish} could not turn into id-only references, so that those the caller may see
     * arrive loaded and those it may not stay unloaded (and become null).
     */
    static void resolve(Object result, QueryPath q) {
        Set<Object> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        List<Object> roots = List.of(result == null ? List.of() : result);
        for (int round = 0; round < 8; round++) {
            Map<Class<?>, Map<Object, List<LazyInitializer>>> pending = new LinkedHashMap<>();
            for (Object root : roots) {
                collect(root, seen, pending);
            }
            if (pending.isEmpty()) {
                return;
            }
            List<Object> loaded = new ArrayList<>();
            for (Map.Entry<Class<?>, Map<Object, List<LazyInitializer>>> e : pending.entrySet()) {
                List<Object> ids = new ArrayList<>(e.getValue().keySet());
                for (int from = 0; from < ids.size(); from += 500) {
                    StringJoiner in = new StringJoiner(", ", "o.id in (", ")");
                    for (Object id : ids.subList(from, Math.min(ids.size(), from + 500))) {
                        in.add(Long.toString(((Number) id).longValue()));
                    }
                    Select<?> s = Select.from(e.getKey());
                    s.conditions.add(in.toString());
                    for (Object visible : q.list(s)) {
                        Object id = visible instanceof HibernateProxy hp
                                ? hp.getHibernateLazyInitializer().getInternalIdentifier()
                                : org.hibernate.Hibernate.unproxy(visible) instanceof IObject io ? io.getId()
                                : idOf(visible);
                        for (LazyInitializer li : e.getValue().getOrDefault(id, List.of())) {
                            // this row passed the caller's filter: loading it reveals nothing more
                            li.initialize();
                            loaded.add(li.getImplementation());
                        }
                    }
                }
            }
            // what was just loaded may refer on to more such references
            roots = loaded;
        }
    }

    /** The id of {@code o}, a loaded entity or a proxy, without loading a proxy. */
    static long referenceId(IObject o) {
        return o instanceof HibernateProxy p ? (Long) p.getHibernateLazyInitializer().getIdentifier() : o.id();
    }

    private static Object idOf(Object entity) {
        try {
            Field f = entity.getClass().getDeclaredField("id");
            f.setAccessible(true);
            return f.get(entity);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(entity.getClass().getName() + " has no id field", e);
        }
    }

    private static boolean needsLoading(Class<?> type) {
        return POLYMORPHIC.contains(type) || !IObject.class.isAssignableFrom(type);
    }

    private static void collect(Object o, Set<Object> seen, Map<Class<?>, Map<Object, List<LazyInitializer>>> out) {
        if (o == null || !walkable(o.getClass()) || !seen.add(o)) {
            return;
        }
        if (o instanceof HibernateProxy p) {
            LazyInitializer li = p.getHibernateLazyInitializer();
            if (li.isUninitialized()) {
                if (needsLoading(li.getPersistentClass())) {
                    out.computeIfAbsent(li.getPersistentClass(), k -> new LinkedHashMap<>())
                            .computeIfAbsent(li.getInternalIdentifier(), k -> new ArrayList<>()).add(li);
                }
                return;
            }
            collect(li.getImplementation(), seen, out);
            return;
        }
        if (o instanceof PersistentCollection<?> pc && !pc.wasInitialized()) {
            return;
        }
        if (o instanceof Collection<?> c) {
            for (Object x : c) {
                collect(x, seen, out);
            }
        } else if (o instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                collect(e.getKey(), seen, out);
                collect(e.getValue(), seen, out);
            }
        } else if (o instanceof Optional<?> opt) {
            opt.ifPresent(x -> collect(x, seen, out));
        } else if (o instanceof Object[] a) {
            for (Object x : a) {
                collect(x, seen, out);
            }
        } else {
            for (Field f : fields(o.getClass())) {
                collect(get(f, o), seen, out);
            }
        }
    }

    /**
     * Phase 2, after the transaction closed: {@code result} with every proxy and persistent collection replaced
     * (in place where the holder is mutable, else by a copy).
     */
    @SuppressWarnings("unchecked")
    static <T> T finish(T result) {
        return (T) new Finish().fix(result);
    }

    private static final class Finish {
        /** Each object met so far and what replaces it (itself when it is kept). */
        private final Map<Object, Object> done = new IdentityHashMap<>();

        Object fix(Object o) {
            if (o == null || !walkable(o.getClass())) {
                return o;
            }
            Object known = done.get(o);
            if (known != null) {
                return known;
            }
            if (o instanceof HibernateProxy p) {
                LazyInitializer li = p.getHibernateLazyInitializer();
                Object r;
                if (!li.isUninitialized()) {
                    r = fix(li.getImplementation());
                } else if (needsLoading(li.getPersistentClass())) {
                    // phase 1 left it unloaded: the caller may not see it, and an absent value says nothing
                    r = null;
                } else {
                    r = IObject.reference(li.getPersistentClass().asSubclass(IObject.class),
                            ((Number) li.getInternalIdentifier()).longValue());
                }
                if (r != null) {
                    done.put(o, r);
                }
                return r;
            }
            if (o instanceof PersistentCollection<?> pc) {
                Object r = pc.wasInitialized() ? copy(o) : null;
                if (r != null) {
                    done.put(o, r);
                }
                return r;
            }
            done.put(o, o);
            if (o instanceof List<?> l) {
                return replaceIn(l);
            }
            if (o instanceof Collection<?> c) {
                List<Object> fixed = new ArrayList<>(c.size());
                boolean changed = false;
                for (Object x : c) {
                    Object y = fix(x);
                    changed |= y != x;
                    fixed.add(y);
                }
                return changed ? remember(o, new LinkedHashSet<>(fixed)) : o;
            }
            if (o instanceof Map<?, ?> m) {
                Map<Object, Object> fixed = new LinkedHashMap<>();
                boolean changed = false;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    Object k = fix(e.getKey());
                    Object v = fix(e.getValue());
                    changed |= k != e.getKey() || v != e.getValue();
                    fixed.put(k, v);
                }
                return changed ? remember(o, fixed) : o;
            }
            if (o instanceof Optional<?> opt) {
                if (opt.isEmpty()) {
                    return o;
                }
                Object y = fix(opt.get());
                return y == opt.get() ? o : remember(o, Optional.ofNullable(y));
            }
            if (o instanceof Object[] a) {
                for (int i = 0; i < a.length; i++) {
                    a[i] = fix(a[i]);
                }
                return o;
            }
            if (o instanceof Record r) {
                return fixRecord(r);
            }
            for (Field f : fields(o.getClass())) {
                Object v = get(f, o);
                Object y = fix(v);
                if (y != v) {
                    set(f, o, y);
                }
            }
            return o;
        }

        private Object remember(Object original, Object replacement) {
            done.put(original, replacement);
            return replacement;
        }

        private Object replaceIn(List<?> l) {
            List<Object> fixed = new ArrayList<>(l.size());
            boolean changed = false;
            for (Object x : l) {
                Object y = fix(x);
                changed |= y != x;
                fixed.add(y);
            }
            if (!changed) {
                return l;
            }
            if (l instanceof ArrayList<?> || l instanceof java.util.LinkedList<?>) {
                @SuppressWarnings("unchecked")
                List<Object> mutable = (List<Object>) l;
                for (int i = 0; i < fixed.size(); i++) {
                    mutable.set(i, fixed.get(i));
                }
                return l;
            }
            return remember(l, fixed);
        }

        private Object copy(Object persistent) {
            if (persistent instanceof List<?> l) {
                List<Object> out = new ArrayList<>(l.size());
                for (Object x : l) {
                    out.add(fix(x));
                }
                return out;
            }
            if (persistent instanceof Set<?> s) {
                Set<Object> out = new LinkedHashSet<>();
                for (Object x : s) {
                    out.add(fix(x));
                }
                return out;
            }
            if (persistent instanceof Map<?, ?> m) {
                Map<Object, Object> out = new LinkedHashMap<>();
                m.forEach((k, v) -> out.put(fix(k), fix(v)));
                return out;
            }
            List<Object> out = new ArrayList<>();
            for (Object x : (Collection<?>) persistent) {
                out.add(fix(x));
            }
            return out;
        }

        private Object fixRecord(Record r) {
            RecordComponent[] components = r.getClass().getRecordComponents();
            Object[] values = new Object[components.length];
            boolean changed = false;
            for (int i = 0; i < components.length; i++) {
                Field f = field(r.getClass(), components[i].getName());
                Object v = get(f, r);
                values[i] = f.getType().isPrimitive() ? v : fix(v);
                changed |= values[i] != v;
            }
            if (!changed) {
                return r;
            }
            try {
                Class<?>[] types = new Class<?>[components.length];
                for (int i = 0; i < components.length; i++) {
                    types[i] = components[i].getType();
                }
                Constructor<?> c = r.getClass().getDeclaredConstructor(types);
                c.setAccessible(true);
                return remember(r, c.newInstance(values));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot rebuild " + r.getClass().getName(), e);
            }
        }
    }

    /**
     * Whether values of {@code type} are walked: entities and proxies, the SDK's own value classes and records,
     * containers; not JDK values, resources, or objects holding a session or the SDK.
     */
    private static boolean walkable(Class<?> type) {
        if (type.isPrimitive() || type.isEnum() || type.isHidden() || type == String.class || Number.class.isAssignableFrom(type)
                || type == Boolean.class || type == Character.class || type == Class.class) {
            return false;
        }
        if (type.isArray()) {
            return !type.getComponentType().isPrimitive();
        }
        if (HibernateProxy.class.isAssignableFrom(type) || PersistentCollection.class.isAssignableFrom(type)
                || IObject.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type)
                || Map.class.isAssignableFrom(type) || type == Optional.class) {
            return true;
        }
        boolean ours = type.getName().startsWith("org.omerosdk.") || type.isRecord();
        return ours && !AutoCloseable.class.isAssignableFrom(type) && !Thread.class.isAssignableFrom(type)
                && !holdsServices(type);
    }

    private static boolean holdsServices(Class<?> type) {
        return HOLDERS.computeIfAbsent(type, t -> {
            for (Class<?> c = t; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers())
                            && SERVICE_TYPES.stream().anyMatch(s -> s.isAssignableFrom(f.getType()))) {
                        return true;
                    }
                }
            }
            return false;
        });
    }

    private static List<Field> fields(Class<?> type) {
        return FIELDS.computeIfAbsent(type, t -> {
            List<Field> out = new ArrayList<>();
            for (Class<?> c = t; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    Class<?> ft = f.getType();
                    if (Modifier.isStatic(f.getModifiers()) || ft.isPrimitive() || ft == String.class
                            || ft.isEnum() || Number.class.isAssignableFrom(ft) || f.isSynthetic()) {
                        continue;
                    }
                    f.setAccessible(true);
                    out.add(f);
                }
            }
            return List.copyOf(out);
        });
    }

    private static Field field(Class<?> type, String name) {
        for (Field f : fields(type)) {
            if (f.getName().equals(name) && f.getDeclaringClass() == type) {
                return f;
            }
        }
        try {
            Field f = type.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object get(Field f, Object o) {
        try {
            return f.get(o);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void set(Field f, Object o, Object v) {
        try {
            f.set(o, v);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot replace " + f + " of a returned value", e);
        }
    }
}
