package org.omerosdk.sdk.graph;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.meta.IObject;

/**
 * One graph operation as a value: what to do, to which objects, with which {@link GraphOptions}, and whether it is
 * a dry run. The defaults are explicit: {@link GraphOptions#serverDefaults()}, a real run, no skip-head, no target
 * container. Build one with {@link #delete}, {@link #move} or {@link #give} and the {@code with...} methods.
 *
 * @param operation   delete, move (chgrp) or give (chown)
 * @param targets     per model type, the ids of the objects named
 * @param options     include / exclude child options
 * @param dryRun      report what would happen and change nothing
 * @param groupId     the group a move goes to (0 for other operations)
 * @param userId      the user a give goes to (0 for other operations)
 * @param startFrom   skip-head: operate on the objects of this type the targets hold, not the targets themselves
 * @param container   for a move: a new container (Project, Dataset or Screen, by simple type name) created in the
 *                    target group, owned by the data's owner, that the moved top-level objects are linked into
 */
public record GraphRequest(GraphOperation operation, Map<Class<? extends IObject>, Set<Long>> targets,
                           GraphOptions options, boolean dryRun, long groupId, long userId,
                           Optional<Class<? extends IObject>> startFrom, Optional<NewContainer> container) {
    public GraphRequest {
        Objects.requireNonNull(operation, "operation");
        Map<Class<? extends IObject>, Set<Long>> copy = new LinkedHashMap<>();
        targets.forEach((k, v) -> copy.put(k, Set.copyOf(new LinkedHashSet<>(v))));
        targets = java.util.Collections.unmodifiableMap(copy);
        if (targets.values().stream().allMatch(Set::isEmpty)) {
            throw new ValidationException("a graph request needs at least one target object");
        }
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(startFrom, "startFrom");
        Objects.requireNonNull(container, "container");
        if (container.isPresent() && operation != GraphOperation.MOVE) {
            throw new ValidationException("a target container is only for moves to another group, not for "
                    + operation.verb());
        }
    }

    /** A new container for a move: its type (Project, Dataset or Screen) and name. */
    public record NewContainer(String type, String name) {
        public NewContainer {
            if (!List.of("Project", "Dataset", "Screen").contains(type)) {
                throw new ValidationException("a target container is a Project, Dataset or Screen, not \"" + type
                        + "\"");
            }
            Objects.requireNonNull(name, "name");
        }
    }

    /** Delete {@code objects} (server defaults). */
    public static GraphRequest delete(IObject... objects) {
        return new GraphRequest(GraphOperation.DELETE, byType(objects), GraphOptions.serverDefaults(), false, 0, 0,
                Optional.empty(), Optional.empty());
    }

    /** Delete the objects of {@code type} with {@code ids}. */
    public static GraphRequest delete(Class<? extends IObject> type, long... ids) {
        return new GraphRequest(GraphOperation.DELETE, byIds(type, ids), GraphOptions.serverDefaults(), false, 0, 0,
                Optional.empty(), Optional.empty());
    }

    /** Move {@code objects} to the group {@code groupId} (chgrp). */
    public static GraphRequest move(long groupId, IObject... objects) {
        return new GraphRequest(GraphOperation.MOVE, byType(objects), GraphOptions.serverDefaults(), false, groupId, 0,
                Optional.empty(), Optional.empty());
    }

    /** Give {@code objects} to the user {@code userId} (chown). */
    public static GraphRequest give(long userId, IObject... objects) {
        return new GraphRequest(GraphOperation.GIVE, byType(objects), GraphOptions.serverDefaults(), false, 0, userId,
                Optional.empty(), Optional.empty());
    }

    /** The same request on the objects of {@code type} with {@code ids} instead. */
    public GraphRequest withTargets(Class<? extends IObject> type, long... ids) {
        return new GraphRequest(operation, byIds(type, ids), options, dryRun, groupId, userId, startFrom, container);
    }

    public GraphRequest withOptions(GraphOptions o) {
        return new GraphRequest(operation, targets, o, dryRun, groupId, userId, startFrom, container);
    }

    /** The same request as a dry run: it reports and changes nothing. */
    public GraphRequest asDryRun() {
        return new GraphRequest(operation, targets, options, true, groupId, userId, startFrom, container);
    }

    public GraphRequest asRealRun() {
        return new GraphRequest(operation, targets, options, false, groupId, userId, startFrom, container);
    }

    /** Skip-head: operate on the objects of {@code type} the targets hold (e.g. the images of a plate). */
    public GraphRequest startingFrom(Class<? extends IObject> type) {
        return new GraphRequest(operation, targets, options, dryRun, groupId, userId, Optional.of(type), container);
    }

    /** For a move: link the moved top-level objects into a new container made in the target group. */
    public GraphRequest into(String containerType, String name) {
        return new GraphRequest(operation, targets, options, dryRun, groupId, userId, startFrom,
                Optional.of(new NewContainer(containerType, name)));
    }

    private static Map<Class<? extends IObject>, Set<Long>> byType(IObject... objects) {
        Map<Class<? extends IObject>, Set<Long>> m = new LinkedHashMap<>();
        for (IObject o : objects) {
            @SuppressWarnings("unchecked")
            Class<? extends IObject> t = (Class<? extends IObject>) org.hibernate.Hibernate.getClass(o);
            m.computeIfAbsent(t, k -> new LinkedHashSet<>()).add(o.id());
        }
        return m;
    }

    private static Map<Class<? extends IObject>, Set<Long>> byIds(Class<? extends IObject> type, long... ids) {
        Set<Long> s = new LinkedHashSet<>();
        for (long id : ids) {
            s.add(id);
        }
        return Map.of(type, s);
    }
}
