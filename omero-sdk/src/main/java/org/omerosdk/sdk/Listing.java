package org.omerosdk.sdk;

import java.util.OptionalLong;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.meta.Experimenter;
import org.omerosdk.model.meta.ExperimenterGroup;

/**
 * Which objects of a type to list: optionally one owner's, optionally one group's, one page of them in id order.
 * Immutable; start from {@link #all()}.
 */
public final class Listing {
    private static final int DEFAULT_LIMIT = 1000;
    private final OptionalLong ownerId;
    private final OptionalLong groupId;
    private final int offset;
    private final int limit;

    private Listing(OptionalLong ownerId, OptionalLong groupId, int offset, int limit) {
        this.ownerId = ownerId;
        this.groupId = groupId;
        this.offset = offset;
        this.limit = limit;
    }

    /** Everything visible, first 1000. */
    public static Listing all() {
        return new Listing(OptionalLong.empty(), OptionalLong.empty(), 0, DEFAULT_LIMIT);
    }

    public Listing ownedBy(Experimenter owner) {
        return new Listing(OptionalLong.of(owner.id()), groupId, offset, limit);
    }

    public Listing inGroup(ExperimenterGroup group) {
        return new Listing(ownerId, OptionalLong.of(group.id()), offset, limit);
    }

    /** @throws ValidationException for a negative offset or a limit below 1 */
    public Listing page(int offset, int limit) {
        if (offset < 0 || limit < 1) {
            throw new ValidationException("page offset " + offset + ", limit " + limit
                    + " is impossible: offset >= 0 and limit >= 1");
        }
        return new Listing(ownerId, groupId, offset, limit);
    }

    <T> Select<T> apply(Select<T> s) {
        ownerId.ifPresent(o -> s.whereEquals("o.details.ownerId", o));
        groupId.ifPresent(g -> s.whereEquals("o.details.groupId", g));
        return s.page(offset, limit);
    }
}
