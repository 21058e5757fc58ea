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
 * A login session (OMERO's Session): who opened it, when, when it was last used and closed, its timeouts, and the
 * sudoer behind it. Events point to their session. Like OMERO's Event, it is bookkeeping and carries no details of
 * its own.
 *
 * <p>Unlike OMERO, the {@link #uuid} is not the session's secret: it names the session (in repository paths, logs)
 * and cannot be used to join it. The key that joins is stored only as its SHA-256 ({@link #keyHash}).
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
    @Column(name = "key_hash", length = 64, unique = true)
    private String keyHash;
    @Column(name = "last_access")
    private Instant lastAccess;
    /** Milliseconds of inactivity after which the session expires; 0 = never. */
    @Column(name = "time_to_idle", nullable = false)
    private long timeToIdle;
    /** Milliseconds after its start at which the session expires; 0 = never. */
    @Column(name = "time_to_live", nullable = false)
    private long timeToLive;
    @Column(name = "sudoer_id")
    private Long sudoerId;
    /** The one group a group-sudo session acts in; null for every other session. */
    @Column(name = "sudo_group_id")
    private Long sudoGroupId;
    /** The group owner whose ownership of the group-sudo group the session rests on. */
    @Column(name = "sudo_group_owner_id")
    private Long sudoGroupOwnerId;
    @Column(name = "public_user", nullable = false)
    private boolean publicUser;
    /** The group context the session was opened in; -1 = all the user's groups. */
    @Column(name = "group_context", nullable = false)
    private long groupContext = -1;
    /** The most privileges the session may hold (names, comma-separated); null = no ceiling of its own. */
    @Column(name = "privilege_ceiling", length = 1024)
    private String privilegeCeiling;

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

    /** The SHA-256 (hex) of the session key, if the session can be joined. */
    public Optional<String> keyHash() {
        return Optional.ofNullable(keyHash);
    }

    public Instant lastAccess() {
        return lastAccess == null ? started : lastAccess;
    }

    public long timeToIdle() {
        return timeToIdle;
    }

    public long timeToLive() {
        return timeToLive;
    }

    /** The user who opened this session as its owner (sudo), if any. */
    public Optional<Long> sudoerId() {
        return Optional.ofNullable(sudoerId);
    }

    /** Makes the session joinable with the key whose SHA-256 is {@code hash}, with these timeouts (ms, 0 = never). */
    public void secure(String hash, long idle, long live, Long sudoer) {
        this.keyHash = Objects.requireNonNull(hash);
        this.timeToIdle = idle;
        this.timeToLive = live;
        this.sudoerId = sudoer;
        this.lastAccess = started;
    }

    /** The one group a group-sudo session acts in. */
    public Optional<Long> sudoGroupId() {
        return Optional.ofNullable(sudoGroupId);
    }

    /** The owner of the group-sudo group who opened a group-sudo session (the sudoer may be who opened theirs). */
    public Optional<Long> sudoGroupOwnerId() {
        return Optional.ofNullable(sudoGroupOwnerId);
    }

    /** Whether this is the session of OMERO.web's public user. */
    public boolean publicUser() {
        return publicUser;
    }

    /** The group context the session was opened in (-1: all the user's groups). */
    public long groupContext() {
        return groupContext;
    }

    /** The most privileges the session may hold, as comma-separated names; empty when it has no ceiling. */
    public Optional<String> privilegeCeiling() {
        return Optional.ofNullable(privilegeCeiling);
    }

    /**
     * Fixes what the session may do, once, when it is opened: its group-sudo group and the owner of it who opened
     * the session (or nulls), whether it is the public user's, its group context (-1: all groups) and its privilege
     * ceiling (null: none).
     */
    public void limit(Long sudoGroup, Long sudoGroupOwner, boolean publicSession, long group, String ceiling) {
        this.sudoGroupId = sudoGroup;
        this.sudoGroupOwnerId = sudoGroupOwner;
        this.publicUser = publicSession;
        this.groupContext = group;
        this.privilegeCeiling = ceiling;
    }

    public void touch(Instant when) {
        this.lastAccess = when;
    }

    public void timeouts(long idle, long live) {
        this.timeToIdle = idle;
        this.timeToLive = live;
    }
}
