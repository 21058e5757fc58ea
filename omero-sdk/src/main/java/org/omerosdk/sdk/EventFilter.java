package org.omerosdk.sdk;

import java.time.Instant;
import java.util.Optional;
import org.omerosdk.model.meta.Event;
import org.omerosdk.model.meta.EventType;
import org.omerosdk.model.meta.IObject;

/**
 * Which events to find: by user, group, type, time range ({@code from} inclusive, {@code to} exclusive) and the
 * entity they touched. Immutable; start from {@link #any()}.
 */
public final class EventFilter {
    private Long userId;
    private Long groupId;
    private EventType type;
    private Instant from;
    private Instant to;
    private String entityType;
    private Long entityId;

    private EventFilter() {
    }

    public static EventFilter any() {
        return new EventFilter();
    }

    private EventFilter copy() {
        EventFilter f = new EventFilter();
        f.userId = userId;
        f.groupId = groupId;
        f.type = type;
        f.from = from;
        f.to = to;
        f.entityType = entityType;
        f.entityId = entityId;
        return f;
    }

    public EventFilter byUser(long experimenterId) {
        EventFilter f = copy();
        f.userId = experimenterId;
        return f;
    }

    public EventFilter inGroup(long groupId) {
        EventFilter f = copy();
        f.groupId = groupId;
        return f;
    }

    public EventFilter ofType(EventType type) {
        EventFilter f = copy();
        f.type = type;
        return f;
    }

    public EventFilter between(Instant from, Instant to) {
        EventFilter f = copy();
        f.from = from;
        f.to = to;
        return f;
    }

    /** Events that created, updated or deleted {@code object}. */
    public EventFilter touching(IObject object) {
        EventFilter f = copy();
        f.entityType = WritePath.entityName(object);
        f.entityId = object.id();
        return f;
    }

    Select<Event> select(QueryPath q) {
        Select<Event> s = Select.from(Event.class);
        Optional.ofNullable(userId).ifPresent(v -> s.whereEquals("o.experimenter", v));
        Optional.ofNullable(groupId).ifPresent(v -> s.whereEquals("o.experimenterGroup", v));
        Optional.ofNullable(type).ifPresent(v -> s.whereEquals("o.type", v));
        Optional.ofNullable(from).ifPresent(v -> s.where("o.time >= :v", v));
        Optional.ofNullable(to).ifPresent(v -> s.where("o.time < :v", v));
        if (entityType != null) {
            s.where("exists (select 1 from " + org.omerosdk.model.meta.EventLog.class.getName()
                    + " l where l.event = o and l.entityType = :v", entityType);
            int last = s.conditions.size() - 1;
            // the row itself must be visible: a hidden object's history answers like a missing object's
            s.conditions.set(last, s.conditions.get(last) + " and l.entityId = :e" + last
                    + q.logCondition("l").map(c -> " and " + c).orElse("") + ")");
            s.parameters.add(new Object[] {"e" + last, entityId});
        }
        return s.orderBy("o.id");
    }
}
