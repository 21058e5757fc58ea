package org.omerosdk.sdk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.omerosdk.model.AuthenticationException;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.config.ConfigKey;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.config.OmeroConfig;
import org.omerosdk.model.meta.EventType;

/**
 * Session bookkeeping: keys, timeouts and their persistence, shared by every {@link Session} of one SDK instance.
 *
 * <p>A key is 32 bytes (256 bits) from {@link SecureRandom}, base64url; the database holds only its SHA-256, so a
 * copy of the database cannot be used to join sessions. Timeouts follow OMERO's keys: a new session may stay idle
 * for {@code omero.sessions.timeout} ms and lives at most {@code omero.sessions.maximum} ms (0 = no limit); a user
 * may ask for other values up to {@code omero.sessions.max_user_time_to_idle} / {@code max_user_time_to_live}
 * (administrators without limit). Every call through a session counts as activity; the time of last activity is
 * written to the database at most every tenth of the idle timeout (and at least every 10 s), which is how other
 * SDK instances on the same database see that a session they joined is still alive.
 */
final class Sessions {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long MAX_PERSIST_INTERVAL_MS = 10_000;
    /** One message for every refused join, so that keys cannot be probed. */
    static final String REFUSED = "session refused: the key is unknown, or the session was closed or has expired";

    private final Store store;
    private final Clock clock;
    private final long defaultIdle;
    private final long defaultLive;
    private final long maxUserIdle;
    private final long maxUserLive;
    private final java.util.function.Supplier<WellKnownIds> ids;

    Sessions(Store store, Clock clock, OmeroConfig config, java.util.function.Supplier<WellKnownIds> ids) {
        this.store = store;
        this.ids = ids;
        this.clock = clock;
        this.defaultIdle = nonNegative(config, ConfigKeys.SESSIONS_TIMEOUT);
        this.defaultLive = nonNegative(config, ConfigKeys.SESSIONS_MAXIMUM);
        this.maxUserIdle = nonNegative(config, ConfigKeys.SESSIONS_MAX_USER_TIME_TO_IDLE);
        this.maxUserLive = nonNegative(config, ConfigKeys.SESSIONS_MAX_USER_TIME_TO_LIVE);
    }

    private static long nonNegative(OmeroConfig config, ConfigKey key) {
        long v = config.getLong(key);
        if (v < 0) {
            throw new ValidationException(key.name() + " = " + v + " must be 0 (no limit) or a number of milliseconds");
        }
        return v;
    }

    Instant now() {
        return clock.instant();
    }

    /**
     * Creates and persists a new session with {@code limits}, which are checked on the stored rows in the same
     * transaction (a sudo the sudoer may not make opens nothing); the key is returned once, here, and never stored.
     *
     * @throws org.omerosdk.model.SecurityViolation when the limits give a context the rows do not allow
     */
    State open(SessionLimits limits, String agent) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = now();
        org.omerosdk.model.meta.Session row = store.write(q -> limits.derive(q, ids.get(), SessionLimits.NONE),
                EventType.SESSIONS, null, (q, w) -> {
                    org.omerosdk.model.meta.Session s = new org.omerosdk.model.meta.Session(
                            UUID.randomUUID().toString(), limits.userId(), now, agent);
                    s.secure(hash(key), defaultIdle, defaultLive, limits.isSudo() ? limits.sudoerId() : null);
                    limits.storeIn(s);
                    w.hibernate().persist(s);
                    return s;
                });
        return new State(row.id(), key, now, defaultIdle, defaultLive, now);
    }

    /** The well-known ids every derivation of a context needs. */
    WellKnownIds ids() {
        return ids.get();
    }

    /**
     * The live session with this key.
     *
     * @throws AuthenticationException with one message for an unknown, closed or expired session
     */
    Joined join(String key) {
        Optional<org.omerosdk.model.meta.Session> found = key == null || key.isEmpty() ? Optional.empty()
                : store.read(Bootstrap.SYSTEM_CONTEXT, q -> q.first(Select.from(org.omerosdk.model.meta.Session.class)
                        .whereEquals("o.keyHash", hash(key))));
        if (found.isEmpty() || found.get().closed().isPresent()) {
            throw new AuthenticationException(REFUSED);
        }
        org.omerosdk.model.meta.Session row = found.get();
        Instant now = now();
        if (expired(row.started(), row.lastAccess(), row.timeToIdle(), row.timeToLive(), now)) {
            close(row.id(), now);
            throw new AuthenticationException(REFUSED);
        }
        State state = new State(row.id(), key, row.started(), row.timeToIdle(), row.timeToLive(), row.lastAccess());
        state.touch(this, now);
        return new Joined(row.ownerId(), state);
    }

    /** A joined session: its user and state (everything else is read from its row on every call). */
    record Joined(long ownerId, State state) {
    }

    static boolean expired(Instant started, Instant lastAccess, long idle, long live, Instant now) {
        return idle > 0 && now.toEpochMilli() - lastAccess.toEpochMilli() > idle
                || live > 0 && now.toEpochMilli() - started.toEpochMilli() > live;
    }

    /** The timeouts a user asks for, checked against OMERO's per-user maxima (administrators are not limited). */
    void checkRequest(long idle, long live, boolean admin) {
        if (idle < 0 || live < 0) {
            throw new ValidationException("session timeouts must be 0 (never) or positive; got idle " + idle
                    + " ms, live " + live + " ms");
        }
        if (admin) {
            return;
        }
        if (maxUserIdle > 0 && (idle == 0 || idle > maxUserIdle)) {
            throw new ValidationException("a time to idle of " + (idle == 0 ? "never" : idle + " ms")
                    + " exceeds omero.sessions.max_user_time_to_idle = " + maxUserIdle + " ms");
        }
        if (maxUserLive > 0 && (live == 0 || live > maxUserLive)) {
            throw new ValidationException("a time to live of " + (live == 0 ? "never" : live + " ms")
                    + " exceeds omero.sessions.max_user_time_to_live = " + maxUserLive + " ms");
        }
    }

    void persistTimeouts(long id, long idle, long live) {
        store.write(Bootstrap.SYSTEM_CONTEXT, EventType.SESSIONS, id, (q, w) -> {
            org.omerosdk.model.meta.Session row = w.hibernate().find(org.omerosdk.model.meta.Session.class, id);
            row.timeouts(idle, live);
            return null;
        });
    }

    /** The session's row as the database has it now. */
    Optional<org.omerosdk.model.meta.Session> reload(long id) {
        return store.read(Bootstrap.SYSTEM_CONTEXT, q -> q.byId(org.omerosdk.model.meta.Session.class, id));
    }

    void persistAccess(long id, Instant when) {
        store.write(Bootstrap.SYSTEM_CONTEXT, EventType.SESSIONS, id, (q, w) -> {
            org.omerosdk.model.meta.Session row = w.hibernate().find(org.omerosdk.model.meta.Session.class, id);
            if (row != null && row.lastAccess().isBefore(when)) {
                row.touch(when);
            }
            return null;
        });
    }

    void close(long id, Instant when) {
        store.write(Bootstrap.SYSTEM_CONTEXT, EventType.SESSIONS, id, (q, w) -> {
            org.omerosdk.model.meta.Session row = w.hibernate().find(org.omerosdk.model.meta.Session.class, id);
            if (row != null && row.closed().isEmpty()) {
                row.close(when);
            }
            return null;
        });
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /**
     * The mutable state of one session, shared by every {@link Session} object that acts in it (other group
     * contexts, other threads). Thread-safe.
     */
    static final class State {
        final long id;
        final String key;
        final Instant started;
        volatile long idle;
        volatile long live;
        private final AtomicReference<Instant> lastAccess;
        private volatile Instant lastPersisted;
        volatile boolean closed;

        State(long id, String key, Instant started, long idle, long live, Instant lastAccess) {
            this.id = id;
            this.key = key;
            this.started = started;
            this.idle = idle;
            this.live = live;
            this.lastAccess = new AtomicReference<>(lastAccess);
            this.lastPersisted = lastAccess;
        }

        Instant lastAccess() {
            return lastAccess.get();
        }

        /**
         * Checks the session is still open and not expired, then records the activity, in transactions of its own
         * (for calls that do nothing else).
         *
         * @throws AuthenticationException when it has expired (it is closed then) or was closed
         */
        void use(Sessions sessions, String userName) {
            ensureOpen(userName);
            verify(sessions, sessions.reload(id), userName);
            recordAccess(sessions);
        }

        /** The first step of every call: refuses a session this instance knows to be closed. */
        void ensureOpen(String userName) {
            if (closed) {
                throw new AuthenticationException("the session of \"" + userName + "\" is closed; log in again");
            }
        }

        /**
         * The second step, on the session's row as the call's own transaction reads it (so that a session closed
         * or kept alive by another instance is seen at once, at the cost of one primary-key read).
         *
         * @throws AuthenticationException when the session was closed or has expired (it is closed then)
         */
        void verify(Sessions sessions, Optional<org.omerosdk.model.meta.Session> row, String userName) {
            Instant now = sessions.now();
            if (row.isEmpty() || row.get().closed().isPresent()) {
                closed = true;
                throw new AuthenticationException("the session of \"" + userName + "\" is closed; log in again");
            }
            lastAccess.accumulateAndGet(row.get().lastAccess(), (a, b) -> a.isAfter(b) ? a : b);
            idle = row.get().timeToIdle();
            live = row.get().timeToLive();
            if (expired(started, lastAccess.get(), idle, live, now)) {
                closed = true;
                sessions.close(id, now);
                throw new AuthenticationException("the session of \"" + userName + "\" has expired; log in again");
            }
            lastAccess.accumulateAndGet(now, (a, b) -> a.isAfter(b) ? a : b);
        }

        /** The last step after a verified call: writes the activity when due (see {@link #due}). */
        void recordAccess(Sessions sessions) {
            Instant now = lastAccess.get();
            if (due(now)) {
                lastPersisted = now;
                sessions.persistAccess(id, now);
            }
        }

        /** Whether the last activity should be written now: every tenth of the idle time, at least every 10 s. */
        private boolean due(Instant now) {
            long interval = Math.min(MAX_PERSIST_INTERVAL_MS, idle > 0 ? Math.max(1, idle / 10)
                    : MAX_PERSIST_INTERVAL_MS);
            return now.toEpochMilli() - lastPersisted.toEpochMilli() >= interval;
        }

        void touch(Sessions sessions, Instant now) {
            lastAccess.accumulateAndGet(now, (a, b) -> a.isAfter(b) ? a : b);
            lastPersisted = now;
            sessions.persistAccess(id, now);
        }
    }
}
