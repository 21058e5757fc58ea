package org.omerosdk.model.meta;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One write transaction (OMERO's Event): its type, time, the user and group it ran as, and the session. Every
 * object created or updated in the transaction points to it from its details; {@link EventLog} rows list them.
 */
@Entity
@Table(name = "event", indexes = {@Index(name = "event_time", columnList = "time"),
        @Index(name = "event_experimenter", columnList = "experimenter"),
        @Index(name = "event_group", columnList = "experimenterGroup")})
public class Event {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ids")
    @SequenceGenerator(name = "ids", sequenceName = "seq_ids", allocationSize = 100)
    private Long id;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private EventType type;
    @Column(nullable = false)
    private Instant time;
    @Column(nullable = false)
    private long experimenter;
    @Column(nullable = false)
    private long experimenterGroup;
    private Long session;

    protected Event() {
    }

    public Event(EventType type, Instant time, long experimenter, long experimenterGroup, Long session) {
        this.type = Objects.requireNonNull(type);
        this.time = Objects.requireNonNull(time);
        this.experimenter = experimenter;
        this.experimenterGroup = experimenterGroup;
        this.session = session;
    }

    public long id() {
        return id;
    }

    public EventType type() {
        return type;
    }

    public Instant time() {
        return time;
    }

    public long experimenterId() {
        return experimenter;
    }

    public long groupId() {
        return experimenterGroup;
    }

    public Optional<Long> sessionId() {
        return Optional.ofNullable(session);
    }

    @Override
    public String toString() {
        return "Event:" + id + " " + type + " by Experimenter:" + experimenter + " in ExperimenterGroup:"
                + experimenterGroup + " at " + time;
    }
}
