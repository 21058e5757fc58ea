package org.omerosdk.sdk.graph;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.omerosdk.model.meta.IObject;
import org.omerosdk.model.meta.Link;

/**
 * One way two mapped types hang together, with a {@link Rule} per operation for the far end ({@link #to}) when the
 * near end ({@link #from}) is included.
 *
 * @param from   the near end's type
 * @param to     the far end's type
 * @param path   how the two are joined in the model
 * @param rules  the rule per operation
 * @param atomic the near end's far ends go all together or not at all (a fileset's images): they do not count as
 *               held by the near end, and a split is refused
 */
public record Relation(Class<? extends IObject> from, Class<? extends IObject> to, Path path,
                       Map<GraphOperation, Rule> rules, boolean atomic) {
    public Relation {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(path, "path");
        EnumMap<GraphOperation, Rule> copy = new EnumMap<>(GraphOperation.class);
        copy.putAll(rules);
        for (GraphOperation op : GraphOperation.values()) {
            if (!copy.containsKey(op)) {
                throw new IllegalArgumentException("relation " + from.getSimpleName() + " -> " + to.getSimpleName()
                        + " has no rule for " + op);
            }
        }
        rules = Map.copyOf(copy);
    }

    public Rule rule(GraphOperation op) {
        return rules.get(op);
    }

    /** How two types are joined. */
    public sealed interface Path permits Contains, Uses, Linked {
    }

    /** The far end holds a reference {@code property} to the near end: the near end contains it (Pixels.image). */
    public record Contains(String property) implements Path {
    }

    /** The near end holds a reference {@code property} to the far end, which others may share (Channel.logicalChannel). */
    public record Uses(String property) implements Path {
    }

    /** A link object of {@code type} joins them, the near end as parent (DatasetImageLink). */
    public record Linked(Class<? extends Link<?, ?>> type) implements Path {
    }
}
