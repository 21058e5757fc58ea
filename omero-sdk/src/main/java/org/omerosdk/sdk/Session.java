package org.omerosdk.sdk;

import java.time.Instant;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.omerosdk.model.ReadOnlyException;
import org.omerosdk.model.SecurityViolation;
import org.omerosdk.model.meta.EventType;
import org.omerosdk.model.meta.Experimenter;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.permissions.auth.PasswordHasher;

/**
 * A logged-in user: every call made through it runs in its {@link SecurityContext}, with no context argument.
 * Objects returned are detached snapshots; pass them back to update, link or delete them. Thread-safe.
 * Close it to end the session (recorded in the database).
 */
public final class Session implements AutoCloseable {
    private final OmeroSdk sdk;
    private final Store store;
    private final Experimenter user;
    private final SecurityContext ctx;
    private final long sessionId;
    private final PasswordHasher hasher;
    private volatile boolean closed;

    Session(OmeroSdk sdk, Store store, Experimenter user, SecurityContext ctx, long sessionId, PasswordHasher hasher) {
        this.sdk = sdk;
        this.store = store;
        this.user = user;
        this.ctx = ctx;
        this.sessionId = sessionId;
        this.hasher = hasher;
    }

    /** The user this session acts as. */
    public Experimenter user() {
        return user;
    }

    public SecurityContext context() {
        return ctx;
    }

    /** Users, groups, memberships and passwords (administrators; group owners for their groups later). */
    public Admin admin() {
        return new Admin(this, hasher);
    }

    /** Projects, datasets, screens, plates, their links and listings. */
    public Containers containers() {
        return new Containers(this);
    }

    /** Images with their pixels and channels, saved in batches. */
    public Images images() {
        return new Images(this);
    }

    /** Importing files into the managed repository as this user. */
    public Imports imports() {
        return new Imports(this, sdk.repository());
    }

    /** The database id of this session. */
    long sessionId() {
        return sessionId;
    }

    /** The event history: who wrote what, when. */
    public Events events() {
        return new Events(this);
    }

    /** The same user with a fixed group context: reads see that group only, new objects go to it. */
    public Session withGroup(ExperimenterGroup group) {
        // as in OMERO: administrators may use any group; others their own groups and world-readable ones
        boolean worldReadable = group.permissions().isGranted(org.omerosdk.model.Permissions.Role.WORLD,
                org.omerosdk.model.Permissions.Right.READ);
        if (!ctx.admin() && !ctx.memberOf().contains(group.id()) && !worldReadable) {
            throw new SecurityViolation("user " + user.omeName() + " is not a member of group \"" + group.name()
                    + "\" and cannot use it as context");
        }
        return new Session(sdk, store, user, ctx.withGroup(group.id()), sessionId, hasher);
    }

    /**
     * A session acting as another user (OMERO's sudo), for administrators; its events name the acting user.
     *
     * @throws SecurityViolation when this session's user is not an administrator
     */
    public Session sudo(String userName) {
        if (!ctx.admin()) {
            throw new SecurityViolation("user \"" + user.omeName() + "\" may not act as \"" + userName
                    + "\": only administrators (members of system) may sudo");
        }
        return sdk.sudo(ctx.realUserId(), userName);
    }

    <T> T read(Function<QueryPath, T> work) {
        ensureOpen();
        return store.read(ctx, work);
    }

    <T> T write(BiFunction<QueryPath, WritePath, T> work) {
        ensureOpen();
        return store.write(ctx, EventType.USER, sessionId, work);
    }

    private void ensureOpen() {
        if (closed) {
            throw new ReadOnlyException("session of \"" + user.omeName() + "\" is closed; log in again");
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            store.write(ctx, EventType.SESSIONS, sessionId, (q, w) -> {
                org.omerosdk.model.meta.Session row = w.hibernate().find(org.omerosdk.model.meta.Session.class,
                        sessionId);
                if (row != null) {
                    row.close(Instant.now());
                }
                return null;
            });
        }
    }
}
