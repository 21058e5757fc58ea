package org.omerosdk.sdk;

import java.util.List;
import org.omerosdk.model.meta.Event;
import org.omerosdk.model.meta.EventLog;

/**
 * The event history: one {@link Event} per write transaction, one {@link EventLog} per object it touched. Events
 * are visible like the data they record: one's own anywhere, others' in the groups whose data one may read.
 */
public final class Events {
    private final Session session;

    Events(Session session) {
        this.session = session;
    }

    /** Events matching {@code filter}, oldest first. */
    public List<Event> find(EventFilter filter) {
        return session.read(q -> q.list(filter.select(q)));
    }

    /**
     * The user who really made {@code event} when it was made in a session opened as someone else (sudo): the
     * event names the user acted as; its session names the sudoer. Empty for events made in one's own name, and
     * for sessions the caller may not read (others' sessions, unless an administrator).
     */
    public java.util.Optional<Long> sudoer(Event event) {
        // the stored event's session, never the one a caller's copy names
        return session.read(q -> q.byId(Event.class, event.id()).flatMap(Event::sessionId)
                .flatMap(id -> q.byId(org.omerosdk.model.meta.Session.class, id))
                .flatMap(org.omerosdk.model.meta.Session::sudoerId));
    }

    /** The objects {@code event} created, updated or deleted. */
    public List<EventLog> logs(Event event) {
        return session.read(q -> q.list(Select.from(EventLog.class).join("join fetch o.event")
                .whereEquals("o.event.id", event.id())));
    }
}
