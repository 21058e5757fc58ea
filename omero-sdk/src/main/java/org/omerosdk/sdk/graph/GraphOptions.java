package org.omerosdk.sdk.graph;

import java.util.Objects;
import java.util.Set;
import org.omerosdk.model.annotations.FileAnnotation;
import org.omerosdk.model.annotations.TagAnnotation;
import org.omerosdk.model.annotations.TermAnnotation;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.screen.Plate;

/**
 * OMERO's child options: objects of an {@code include} type reached from the targets are always included (even
 * when something else still holds them: "include" means always, not "if orphaned"); objects of an {@code exclude}
 * type are never included (their links to included objects are removed). A type in both is included. Subclasses
 * match (excluding {@code Annotation} excludes tags). Targets themselves are never excluded.
 *
 * <p>The presets are the clients' defaults, which disagree (semantics 3.7).
 */
public record GraphOptions(Set<Class<?>> include, Set<Class<?>> exclude) {
    private static final Set<Class<?>> SHARED_ANNOTATIONS = Set.of(TagAnnotation.class, TermAnnotation.class,
            FileAnnotation.class);
    private static final Set<Class<?>> CHILD_CONTAINERS = Set.of(Dataset.class, Image.class, Plate.class);

    public GraphOptions {
        include = Set.copyOf(Objects.requireNonNull(include, "include"));
        exclude = Set.copyOf(Objects.requireNonNull(exclude, "exclude"));
    }

    /** The server's defaults (OMERO's Java gateway): orphans go, tags and files of the owner with them. */
    public static GraphOptions serverDefaults() {
        return new GraphOptions(Set.of(), Set.of());
    }

    /** {@code omero delete}: like the server, but tags, terms and file annotations stay. */
    public static GraphOptions likeCli() {
        return new GraphOptions(Set.of(), SHARED_ANNOTATIONS);
    }

    /**
     * OMERO.web's delete dialog: contents (datasets, images, plates) only when {@code deleteContents}; tags, terms
     * and files only when {@code deleteAnnotations}.
     */
    public static GraphOptions likeWeb(boolean deleteContents, boolean deleteAnnotations) {
        java.util.Set<Class<?>> ex = new java.util.HashSet<>();
        if (!deleteContents) {
            ex.addAll(CHILD_CONTAINERS);
        }
        if (!deleteAnnotations) {
            ex.addAll(SHARED_ANNOTATIONS);
        }
        return new GraphOptions(Set.of(), ex);
    }

    /** BlitzGateway's {@code deleteObjects} default: child containers and shared annotations stay. */
    public static GraphOptions keepChildren() {
        return likeWeb(false, false);
    }

    /** These options with {@code types} always included too. */
    public GraphOptions including(Class<?>... types) {
        java.util.Set<Class<?>> in = new java.util.HashSet<>(include);
        in.addAll(java.util.List.of(types));
        return new GraphOptions(in, exclude);
    }

    /** These options with {@code types} never included too. */
    public GraphOptions excluding(Class<?>... types) {
        java.util.Set<Class<?>> ex = new java.util.HashSet<>(exclude);
        ex.addAll(java.util.List.of(types));
        return new GraphOptions(include, ex);
    }

    /** Whether an object of {@code type} is always included. */
    public boolean includes(Class<?> type) {
        return include.stream().anyMatch(t -> t.isAssignableFrom(type));
    }

    /** Whether an object of {@code type} is never included (an included type wins). */
    public boolean excludes(Class<?> type) {
        return !includes(type) && exclude.stream().anyMatch(t -> t.isAssignableFrom(type));
    }
}
