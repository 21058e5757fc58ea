package org.omerosdk.sdk;

import java.util.List;
import org.omerosdk.model.meta.Event;
import org.omerosdk.model.meta.EventLog;

/** The event history: one {@link Event} per write transaction, one {@link EventLog} per object it touched. */
public final class Events {
    private final Session session;

    Events(Session session) {
        this.session = session;
    }

    /** Events matching {@code filter}, oldest first. */
    public List<Event> find(EventFilter filter) {
        return session.read(q -> q.list(filter.select()));
    }

    /** The objects {@code event} created, updated or deleted. */
    public List<EventLog> logs(Event event) {
        return session.read(q -> q.list(Select.from(EventLog.class).join("join fetch o.event")
                .whereEquals("o.event.id", event.id())));
    }
}
