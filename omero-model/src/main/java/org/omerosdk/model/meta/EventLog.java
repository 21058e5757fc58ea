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

/**
 * One object touched by an {@link Event}: the action, the entity's type name and id, and the group the object was
 * in (OMERO's EventLog). Reads of the history are filtered on that group like the object itself, so a row tells
 * only those who may see the object's group what happened to it.
 */
@Entity
@Table(name = "eventlog", indexes = {@Index(name = "eventlog_entity", columnList = "entityType, entityId"),
        @Index(name = "eventlog_event", columnList = "event"),
        @Index(name = "eventlog_group", columnList = "entityGroup")})
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
    /** The object's group; null for OMERO's global types (users, groups, memberships). */
    private Long entityGroup;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "event")
    private Event event;

    protected EventLog() {
    }

    /** @param entityGroup the object's group, or null for a global type */
    public EventLog(Action action, String entityType, long entityId, Long entityGroup, Event event) {
        this.action = Objects.requireNonNull(action);
        this.entityType = Objects.requireNonNull(entityType);
        this.entityId = entityId;
        this.entityGroup = entityGroup;
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

    /** The group the object was in when the event touched it; empty for users, groups and memberships. */
    public java.util.Optional<Long> entityGroupId() {
        return java.util.Optional.ofNullable(entityGroup);
    }

    public Event event() {
        return event;
    }

    @Override
    public String toString() {
        return action + " " + entityType + ":" + entityId;
    }
}
