package org.omerosdk.sdk.graph;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.omerosdk.model.Permissions;

/**
 * One cell of the policy: for one relation and one operation, the far end's {@link Fate}, whether it applies only
 * to far ends owned by the near end's owner, in which group levels it applies (elsewhere the far end stays), and
 * what happens instead to other owners' objects when moving into a private group.
 *
 * @param fate              the far end's fate
 * @param sameOwnerOnly     the fate applies only when the far end has the near end's owner (else it stays)
 * @param levels            the group levels (of the far end's group) where the fate applies
 * @param othersIntoPrivate for {@link GraphOperation#MOVE} into a private group: the fate of far ends owned by
 *                          someone other than the near end's owner
 */
public record Rule(Fate fate, boolean sameOwnerOnly, Set<Permissions.Level> levels, Fate othersIntoPrivate) {
    public Rule {
        Objects.requireNonNull(fate, "fate");
        levels = Set.copyOf(levels);
        Objects.requireNonNull(othersIntoPrivate, "othersIntoPrivate");
    }

    /** {@code fate} for any owner, at every level. */
    public static Rule of(Fate fate) {
        return new Rule(fate, false, EnumSet.allOf(Permissions.Level.class), fate);
    }

    /** The same rule applying only to objects of the near end's owner. */
    public Rule sameOwner() {
        return new Rule(fate, true, levels, othersIntoPrivate);
    }

    /** The same rule applying only in groups of the given levels. */
    public Rule onlyIn(Permissions.Level first, Permissions.Level... more) {
        return new Rule(fate, sameOwnerOnly, EnumSet.of(first, more), othersIntoPrivate);
    }

    /** The same rule, with {@code fate} for other owners' objects when moving into a private group. */
    public Rule othersIntoPrivate(Fate othersFate) {
        return new Rule(fate, sameOwnerOnly, levels, othersFate);
    }
}
