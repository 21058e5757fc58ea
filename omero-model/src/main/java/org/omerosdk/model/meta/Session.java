package org.omerosdk.model.meta;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A login session (OMERO's Session): who opened it, when, and when it closed. Events point to their session.
 * Like OMERO's Event, it is bookkeeping and carries no details of its own.
 */
@Entity
@Table(name = "session")
public class Session {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ids")
    @SequenceGenerator(name = "ids", sequenceName = "seq_ids", allocationSize = 100)
    private Long id;
    @Column(nullable = false, unique = true)
    private String uuid;
    @Column(name = "owner_id", nullable = false)
    private long ownerId;
    @Column(nullable = false)
    private Instant started;
    private Instant closed;
    @Column(nullable = false)
    private String agent;

    protected Session() {
    }

    public Session(String uuid, long ownerId, Instant started, String agent) {
        this.uuid = Objects.requireNonNull(uuid);
        this.ownerId = ownerId;
        this.started = Objects.requireNonNull(started);
        this.agent = Objects.requireNonNull(agent);
    }

    public long id() {
        return id;
    }

    public String uuid() {
        return uuid;
    }

    public long ownerId() {
        return ownerId;
    }

    public Instant started() {
        return started;
    }

    public Optional<Instant> closed() {
        return Optional.ofNullable(closed);
    }

    public String agent() {
        return agent;
    }

    public void close(Instant when) {
        this.closed = when;
    }
}
