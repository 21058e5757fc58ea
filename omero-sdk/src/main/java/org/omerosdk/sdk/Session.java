package org.omerosdk.sdk;

import java.util.function.BiFunction;
import java.util.function.Function;
import org.omerosdk.model.SecurityViolation;
import org.omerosdk.model.meta.EventType;
import org.omerosdk.model.meta.Experimenter;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.permissions.auth.PasswordHasher;

/**
 * A logged-in user: every call made through it runs in its {@link SecurityContext}, with no context argument.
 * Objects returned are detached snapshots; pass them back to update, link or delete them. Thread-safe.
 *
 * <p>A session has a secret {@link #key()} with which this or another SDK instance on the same database can
 * {@linkplain OmeroSdk#joinSession join} it, and expires after {@code omero.sessions.timeout} ms without calls (or
 * the timeouts set with {@link #setTimeouts}); every call keeps it alive, {@link #keepAlive()} does so without
 * work. Close it to end it for every instance (recorded in the database). {@link #withGroup} gives the same
 * session in another group context: switching context needs no new session.
 */
public final class Session implements AutoCloseable {
    private final OmeroSdk sdk;
    private final Store store;
    private final Experimenter user;
    private final SecurityContext ctx;
    private final Sessions sessions;
    private final Sessions.State state;
    private final PasswordHasher hasher;

    Session(OmeroSdk sdk, Store store, Experimenter user, SecurityContext ctx, Sessions sessions,
            Sessions.State state, PasswordHasher hasher) {
        this.sdk = sdk;
        this.store = store;
        this.user = user;
        this.ctx = ctx;
        this.sessions = sessions;
        this.state = state;
        this.hasher = hasher;
    }

    /**
     * The secret that joins this session ({@link OmeroSdk#joinSession}): 256 random bits, base64url. Treat it like
     * a password; the database keeps only its hash.
     */
    public String key() {
        return state.key;
    }

    /** Records activity without doing anything else, so the session does not expire while a user is idle. */
    public void keepAlive() {
        state.use(sessions, user.omeName());
    }

    /** Milliseconds without calls after which the session expires (0 = never). */
    public long timeToIdleMillis() {
        return state.idle;
    }

    /** Milliseconds after its start at which the session expires (0 = never). */
    public long timeToLiveMillis() {
        return state.live;
    }

    /**
     * Changes this session's timeouts (milliseconds, 0 = never), for every instance that has joined it.
     *
     * @throws org.omerosdk.model.ValidationException when a non-administrator asks for more than
     *                                                {@code omero.sessions.max_user_time_to_idle} /
     *                                                {@code max_user_time_to_live} allow
     */
    public void setTimeouts(long timeToIdleMillis, long timeToLiveMillis) {
        state.use(sessions, user.omeName());
        sessions.checkRequest(timeToIdleMillis, timeToLiveMillis, ctx.admin());
        sessions.persistTimeouts(state.id, timeToIdleMillis, timeToLiveMillis);
        state.idle = timeToIdleMillis;
        state.live = timeToLiveMillis;
    }

    OmeroSdk sdk() {
        return sdk;
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

    /** Tags and comments and the links that attach them. */
    public Annotations annotations() {
        return new Annotations(this);
    }

    /** Saved rendering settings, one per user and image. */
    public Renderings renderings() {
        return new Renderings(this);
    }

    /** Regions of interest drawn on images. */
    public Rois rois() {
        return new Rois(this);
    }

    /** Graph operations: delete, move to another group, give to another user, with dry-run reports. */
    public Graphs graphs() {
        return new Graphs(this);
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
        return state.id;
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
        return new Session(sdk, store, user, ctx.withGroup(group.id()), sessions, state, hasher);
    }

    /**
     * A session acting as another user (OMERO's sudo), for administrators; its events name that user, and its
     * session names this one's user as the sudoer ({@link Events#sudoer}).
     *
     * @throws SecurityViolation when this session's user is not an administrator
     */
    public Session sudo(String userName) {
        if (!ctx.has(org.omerosdk.permissions.AdminPrivilege.SUDO)) {
            throw new SecurityViolation("user \"" + user.omeName() + "\" may not act as \"" + userName
                    + "\": only administrators holding the Sudo privilege may sudo to any user; group owners use "
                    + "sudo(user, group)");
        }
        return sdk.sudo(ctx.realUserId(), userName, null);
    }

    /**
     * OMERO's "group sudo": a group's owner acts as one of its members, in that group only. The new session's
     * memberships are the member's intersected with the groups the owner owns, it is never an administrator's, and
     * its context is {@code group}. Administrators may use it too.
     *
     * @throws SecurityViolation when the caller owns neither the group nor is an administrator, or the user is not
     *                           a member of it
     */
    public Session sudo(String userName, ExperimenterGroup group) {
        boolean sudoer = ctx.has(org.omerosdk.permissions.AdminPrivilege.SUDO);
        if (!sudoer && !ctx.ownerOf().contains(group.id())) {
            throw new SecurityViolation("user \"" + user.omeName() + "\" may not act as \"" + userName
                    + "\" in group \"" + group.name() + "\": group sudo is permitted to the group's owners only");
        }
        if (sudoer) {
            return sdk.sudo(ctx.realUserId(), userName, null).withGroup(group);
        }
        return sdk.sudo(ctx.realUserId(), userName, new GroupSudo(group.id(), ctx.ownerOf()));
    }

    /** The limits of a group-sudo session: its one group, and the groups its sudoer owns. */
    record GroupSudo(long groupId, java.util.Set<Long> sudoerOwns) {
    }

    <T> T read(Function<QueryPath, T> work) {
        state.ensureOpen(user.omeName());
        T result = store.read(ctx, q -> {
            state.verify(sessions, q.byId(org.omerosdk.model.meta.Session.class, state.id), user.omeName());
            return work.apply(q);
        });
        state.recordAccess(sessions);
        return result;
    }

    <T> T write(BiFunction<QueryPath, WritePath, T> work) {
        state.ensureOpen(user.omeName());
        if (ctx.publicUser() && sdk.config().getBoolean(org.omerosdk.model.config.ConfigKeys.WEB_PUBLIC_GET_ONLY)) {
            throw new org.omerosdk.model.ReadOnlyException("the public user \"" + user.omeName() + "\" may only "
                    + "read (omero.web.public.get_only is true); nothing was written");
        }
        T result = store.write(ctx, EventType.USER, state.id, (q, w) -> {
            state.verify(sessions, q.byId(org.omerosdk.model.meta.Session.class, state.id), user.omeName());
            return work.apply(q, w);
        });
        state.recordAccess(sessions);
        return result;
    }

    /** Ends the session for every instance that joined it; later calls fail with an AuthenticationException. */
    @Override
    public void close() {
        if (!state.closed) {
            state.closed = true;
            sessions.close(state.id, sessions.now());
        }
    }
}
