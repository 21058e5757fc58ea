package org.omerosdk.sdk;

import java.util.Optional;
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
 *
 * <p>What the session may do is fixed when it is opened and stored with it (its user, sudoer, group-sudo group,
 * public flag, group context and privilege ceiling: see {@link SessionLimits}); every call derives its
 * {@link SecurityContext} from those limits and the memberships and privileges stored at that moment, in the call's
 * own transaction. A session reached again by {@link OmeroSdk#joinSession} (on any instance) has exactly the rights
 * it had, and a change of membership or privileges reaches it on its next call.
 */
public final class Session implements AutoCloseable {
    private final OmeroSdk sdk;
    private final Store store;
    private final Experimenter user;
    /** This object's group context, or {@link SessionLimits#NONE} for the one stored with the session. */
    private final long group;
    private final Sessions sessions;
    private final Sessions.State state;
    private final PasswordHasher hasher;

    Session(OmeroSdk sdk, Store store, Experimenter user, long group, Sessions sessions, Sessions.State state,
            PasswordHasher hasher) {
        this.sdk = sdk;
        this.store = store;
        this.user = user;
        this.group = group;
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
        sessions.checkRequest(timeToIdleMillis, timeToLiveMillis, context().admin());
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

    /** The context a call of this session runs in now (derived from the stored rows, like every call's). */
    public SecurityContext context() {
        return read(QueryPath::context);
    }

    /** Users, groups, memberships and passwords (administrators; group owners for their groups later). */
    public Admin admin() {
        return new Admin(this, hasher);
    }

    /**
     * The {@code type} object with this id as the caller sees it: {@code session.get(Dataset.class, 51)}.
     *
     * @throws org.omerosdk.model.NotFoundException when it does not exist or is not visible (the same answer)
     */
    public <T extends org.omerosdk.model.meta.IObject> T get(Class<T> type, long id) {
        return read(q -> q.byId(type, id).orElseThrow(() -> new org.omerosdk.model.NotFoundException(
                type.getSimpleName() + ":" + id + " does not exist or is not visible")));
    }

    /**
     * {@code object} as stored now (an id-only reference included).
     *
     * @throws org.omerosdk.model.NotFoundException when it is gone or not visible
     */
    public <T extends org.omerosdk.model.meta.IObject> T reload(T object) {
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) org.hibernate.Hibernate.getClass(object);
        return get(type, object.id());
    }

    /**
     * Renames a project, dataset, screen, plate or image and returns the updated copy; only the name changes, on
     * the stored row.
     *
     * @throws org.omerosdk.model.ConcurrentUpdateException when {@code object} is stale
     * @throws SecurityViolation                          when the caller may not edit it
     */
    public <T extends org.omerosdk.model.meta.NamedObject> T rename(T object, String newName) {
        return write((q, w) -> w.edit(object, o -> o.setName(newName)));
    }

    /** Projects, datasets, screens, plates, their links and listings. */
    public Containers containers() {
        return new Containers(this);
    }

    /**
     * The data manager's tree: projects, datasets, screens, plates and orphaned images with child counts, plates
     * as grids of wells, search by name and description.
     */
    public Browse browse() {
        return new Browse(this);
    }

    /** Tags and comments and the links that attach them. */
    public Annotations annotations() {
        return new Annotations(this);
    }

    /** Saved rendering settings, one per user and image. */
    public Renderings renderings() {
        return new Renderings(this);
    }

    /**
     * Rendering images by id: planes and regions at any resolution level, projections, thumbnails, JPEG and PNG,
     * with the caller's saved settings, else the image owner's, else the imported defaults.
     */
    public Rendering rendering() {
        return new Rendering(this);
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

    /** The system rows' ids (for decisions about system and user groups by id, never by name). */
    WellKnownIds ids() {
        return sessions.ids();
    }

    /** The database id of this session. */
    long sessionId() {
        return state.id;
    }

    /** The event history: who wrote what, when. */
    public Events events() {
        return new Events(this);
    }

    /**
     * The same session with a fixed group context: reads see that group only, new objects go to it. As in OMERO,
     * administrators may use any group, others their own groups and world-readable ones, and a group-sudo session
     * its one group only; the choice is checked again on every call.
     *
     * @throws SecurityViolation when this session may not use {@code group}
     */
    public Session withGroup(ExperimenterGroup group) {
        Session s = new Session(sdk, store, user, group.id(), sessions, state, hasher);
        s.context();
        return s;
    }

    /**
     * This session in the context of group {@code groupId} (for writes that belong in an object's own group, as
     * OMERO.web switches to the group of the image it saves settings for), checked like {@link #withGroup}.
     */
    Session inGroup(long groupId) {
        if (groupId == group) {
            return this;
        }
        Session s = new Session(sdk, store, user, groupId, sessions, state, hasher);
        s.context();
        return s;
    }

    /**
     * A session acting as another user (OMERO's sudo), for administrators holding the Sudo privilege; its events
     * name that user, and its session names the user who logged in as the sudoer ({@link Events#sudoer}). It holds
     * that user's privileges, never more than this session's.
     *
     * @throws SecurityViolation when this session does not hold the Sudo privilege, or is the public user's
     */
    public Session sudo(String userName) {
        SecurityContext ctx = context();
        if (ctx.publicUser() || !ctx.has(org.omerosdk.permissions.AdminPrivilege.SUDO)) {
            throw new SecurityViolation("user \"" + user.omeName() + "\" may not act as \"" + userName
                    + "\": only administrators holding the Sudo privilege may sudo to any user; group owners use "
                    + "sudo(user, group)");
        }
        return sdk.sudo(userName, id -> SessionLimits.sudo(id, ctx, SecurityContext.ALL_GROUPS), "sudo");
    }

    /**
     * OMERO's "group sudo": a group's owner acts as one of its members, in that group only. The new session's
     * memberships are the member's intersected with the groups the owner owns, it holds no privileges, it cannot
     * leave {@code group}, and it acts only while the owner owns the group and the member belongs to it. Nobody
     * group-sudos into a user holding privileges (a member of {@code system}). Administrators holding Sudo get an
     * ordinary sudo session in {@code group}.
     *
     * @throws SecurityViolation when the caller owns neither the group nor holds Sudo, the user is not a member of
     *                           it, or the user holds privileges
     */
    public Session sudo(String userName, ExperimenterGroup group) {
        SecurityContext ctx = context();
        boolean sudoer = ctx.has(org.omerosdk.permissions.AdminPrivilege.SUDO);
        if (ctx.publicUser() || !sudoer && !ctx.ownerOf().contains(group.id())) {
            throw new SecurityViolation("user \"" + user.omeName() + "\" may not act as \"" + userName
                    + "\" in group \"" + group.name() + "\": group sudo is permitted to the group's owners only");
        }
        if (sudoer) {
            return sdk.sudo(userName, id -> SessionLimits.sudo(id, ctx, group.id()), "sudo");
        }
        return sdk.sudo(userName, id -> SessionLimits.groupSudo(id, ctx, group.id()), "group-sudo");
    }

    /** The context of a call now: the session's row, checked open and alive, and the limits stored with it. */
    private SecurityContext derive(QueryPath q) {
        Optional<org.omerosdk.model.meta.Session> row = q.byId(org.omerosdk.model.meta.Session.class, state.id);
        state.verify(sessions, row, user.omeName());
        return SessionLimits.of(row.get()).derive(q, sessions.ids(), group);
    }

    <T> T read(Function<QueryPath, T> work) {
        state.ensureOpen(user.omeName());
        T result = store.read(this::derive, work);
        state.recordAccess(sessions);
        return result;
    }

    <T> T write(BiFunction<QueryPath, WritePath, T> work) {
        state.ensureOpen(user.omeName());
        T result = store.write(q -> {
            SecurityContext ctx = derive(q);
            if (ctx.publicUser() && sdk.config().getBoolean(
                    org.omerosdk.model.config.ConfigKeys.WEB_PUBLIC_GET_ONLY)) {
                throw new org.omerosdk.model.ReadOnlyException("the public user \"" + user.omeName() + "\" may "
                        + "only read (omero.web.public.get_only is true); nothing was written");
            }
            return ctx;
        }, EventType.USER, state.id, work);
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
