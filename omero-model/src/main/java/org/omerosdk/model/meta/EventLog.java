package org.omerosdk.model.meta;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.Objects;

/** One object touched by an {@link Event}: the action and the entity's type name and id (OMERO's EventLog). */
@Entity
@Table(name = "eventlog", indexes = {@Index(name = "eventlog_entity", columnList = "entityType, entityId"),
        @Index(name = "eventlog_event", columnList = "event")})
public class EventLog {
    /** What happened to the object. */
    public enum Action { INSERT, UPDATE, DELETE }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ids")
    @SequenceGenerator(name = "ids", sequenceName = "seq_ids", allocationSize = 100)
    private Long id;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Action action;
    @Column(nullable = false)
    private String entityType;
    @Column(nullable = false)
    private long entityId;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "event")
    private Event event;

    protected EventLog() {
    }

    public EventLog(Action action, String entityType, long entityId, Event event) {
        this.action = Objects.requireNonNull(action);
        this.entityType = Objects.requireNonNull(entityType);
        this.entityId = entityId;
        this.event = Objects.requireNonNull(event);
    }

    public long id() {
        return id;
    }

    public Action action() {
        return action;
    }

    /** The entity's simple class name, e.g. {@code Project}. */
    public String entityType() {
        return entityType;
    }

    public long entityId() {
        return entityId;
    }

    public Event event() {
        return event;
    }

    @Override
    public String toString() {
        return action + " " + entityType + ":" + entityId;
    }
}
