package org.omerosdk.sdk;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.function.LongFunction;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.SecurityViolation;
import org.omerosdk.model.meta.EventLog;
import org.omerosdk.model.meta.Experimenter;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.model.meta.GroupExperimenterMap;
import org.omerosdk.model.meta.IObject;
import org.omerosdk.model.meta.Link;
import org.omerosdk.permissions.Action;
import org.omerosdk.permissions.Actor;
import org.omerosdk.permissions.AdminPrivilege;
import org.omerosdk.permissions.GroupContext;
import org.omerosdk.permissions.ObjectDetails;
import org.omerosdk.permissions.ObjectKind;
import org.omerosdk.permissions.PermissionEvaluator;

/**
 * Every create, update and delete is decided by {@link PermissionEvaluator} before it runs, against the stored
 * details of the object (never the caller's copy). An object the caller may not see is refused exactly as a
 * missing one ({@link NotFoundException}, same message); a visible one the caller may not change is refused with a
 * {@link SecurityViolation} naming the action, the object and the rule. New objects need membership of the group
 * they go to; users, groups and memberships need an administrator; links need the right to link to their parent,
 * and parent and child in one group.
 */
final class PermissionWriteCheck implements WriteCheck {
    private final LoadingCache<Long, Permissions> levels;
    private final java.util.function.Supplier<WellKnownIds> ids;

    /** @param ids OMERO's ids of the system rows against ours, read on first use (after bootstrap) */
    PermissionWriteCheck(LongFunction<Permissions> groupPermissions, java.util.function.Supplier<WellKnownIds> ids) {
        this.levels = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(5))
                .build(groupPermissions::apply);
        this.ids = ids;
    }

    @Override
    public void check(SecurityContext ctx, EventLog.Action action, IObject object) {
        if (ctx.userId() < 0) {
            return; // the SDK's own system work (bootstrap, migrations of rows)
        }
        if (ownsGroupOf(ctx, object, action)) {
            return;
        }
        Actor actor = actor(ctx);
        ObjectKind kind = kind(object);
        if (action == EventLog.Action.INSERT) {
            checkCreate(ctx, actor, object, kind);
            return;
        }
        Action a = action == EventLog.Action.DELETE ? Action.DELETE : Action.EDIT;
        require(ctx, actor, object, a, a.name().toLowerCase(java.util.Locale.ROOT) + " ");
    }

    @Override
    public Verdict decide(SecurityContext ctx, Action action, long ownerId, long groupId) {
        if (ctx.userId() < 0) {
            return Verdict.ALLOWED;
        }
        Actor actor = actor(ctx);
        ObjectDetails d = new ObjectDetails(userId(ownerId), groupId(groupId), levels.get(groupId), ObjectKind.DATA,
                true, true);
        GroupContext context = context(ctx);
        if (!PermissionEvaluator.canView(actor, context, d)) {
            return Verdict.INVISIBLE;
        }
        return action == Action.VIEW || PermissionEvaluator.allowed(actor, context, d, action) ? Verdict.ALLOWED
                : Verdict.DENIED;
    }

    /** The caller as the evaluator sees it, in OMERO's ids for the system rows (root 0, guest 1; system 0, user 1). */
    private Actor actor(SecurityContext ctx) {
        long me = userId(ctx.userId());
        Set<Long> memberOf = groupIds(ctx.memberOf());
        Set<Long> ownerOf = groupIds(ctx.ownerOf());
        return !ctx.admin() ? Actor.member(me, memberOf, ownerOf)
                : ctx.fullAdmin() ? Actor.member(me, union(memberOf, Actor.SYSTEM_GROUP), ownerOf)
                : Actor.restrictedAdmin(me, ctx.privileges(), memberOf, ownerOf);
    }

    /**
     * The one evaluator check every write makes of the objects it touches: invisible answers like missing;
     * visible but not allowed names the action ({@code verb}, e.g. "link to "), the object and the rule. VIEW asks
     * for visibility only.
     */
    private void require(SecurityContext ctx, Actor actor, IObject object, Action needed, String verb) {
        ObjectDetails d = details(object, kind(object));
        GroupContext context = context(ctx);
        if (!PermissionEvaluator.canView(actor, context, d)) {
            throw new NotFoundException(object + " does not exist (deleted by someone else?)");
        }
        if (needed != Action.VIEW && !PermissionEvaluator.allowed(actor, context, d, needed)) {
            throw new SecurityViolation("user " + ctx.userId() + " may not " + verb + object + ": "
                    + rule(d, actor, needed));
        }
    }

    private void checkCreate(SecurityContext ctx, Actor actor, IObject object, ObjectKind kind) {
        if (kind != ObjectKind.DATA) {
            AdminPrivilege needed = kind == ObjectKind.EXPERIMENTER ? AdminPrivilege.MODIFY_USER
                    : kind == ObjectKind.EXPERIMENTER_GROUP ? AdminPrivilege.MODIFY_GROUP
                    : AdminPrivilege.MODIFY_GROUP_MEMBERSHIP;
            if (!ctx.has(needed)) {
                throw new SecurityViolation("user " + ctx.userId() + " may not create " + object
                        + (ctx.admin() ? ": this restricted administrator lacks the " + needed + " privilege"
                        : ": only administrators create users, groups and memberships"));
            }
            return;
        }
        long group = groupOfNew(ctx, object);
        if (actor.userId() == Actor.GUEST_ID) {
            throw new SecurityViolation("the guest user may not create " + object.getClass().getSimpleName()
                    + ": guest creates nothing");
        }
        // OMERO's linkage check, on every object the new one refers to (links, a ROI's image, a channel's logical
        // channel, ...), decided on the stored rows the write path put in place of the caller's copies
        for (IObject end : Fields.of(object).savedReferences(object)) {
            if (kind(end) != ObjectKind.DATA) {
                continue; // anyone may refer to users, groups and memberships
            }
            Optional<Long> endGroup = end.details().groupId();
            if (endGroup.isEmpty() || isSpecialGroup(endGroup.get())) {
                continue; // objects of system and user may be linked by anyone
            }
            require(ctx, actor, end, Action.VIEW, ""); // an invisible end answers like a missing one, first
            if (endGroup.get() != group) {
                throw new SecurityViolation("user " + ctx.userId() + " may not " + verb(object, end) + end
                        + " (group " + endGroup.get() + ") from group " + group + (ctx.isAllGroups()
                        ? ", the group of the first object it refers to" : "") + ": links across groups are refused");
            }
            Action needed = needed(object, end);
            require(ctx, actor, end, needed, verb(object, end));
        }
        if (!ctx.has(AdminPrivilege.WRITE_OWNED) && !ctx.memberOf().contains(group)) {
            throw new SecurityViolation("user " + ctx.userId() + " may not create " + object.getClass().getSimpleName()
                    + " in group " + group + ": not a member of it");
        }
    }

    /**
     * OMERO's group for a new object (its interceptor, ticket:3529): in one group's context, that group (a link: its
     * parent's, which the read filter lets the caller see only there); in the all-groups context, the group of the
     * first data object it refers to outside {@code system} and {@code user} — a link's parent, a ROI's image, a
     * shape's ROI, rendering settings' pixels — so that an administrator drawing on an image of any group draws in
     * that group, and every other object it refers to must be in the same one (else the linkage check refuses it as
     * a link across groups); with no such reference, the session's default group. OMERO's server refuses every save
     * in the all-groups context where the object names no group; the SDK uses the default group there.
     */
    @Override
    public long groupOfNew(SecurityContext ctx, IObject object) {
        if (ctx.isAllGroups() && kind(object) == ObjectKind.DATA) {
            IObject first = object instanceof Link<?, ?> l && l.parent().isSaved() ? l.parent() : null;
            for (IObject end : first != null ? List.of(first) : Fields.of(object).savedReferences(object)) {
                Optional<Long> g = end.details().groupId();
                if (kind(end) == ObjectKind.DATA && g.isPresent() && !isSpecialGroup(g.get())) {
                    return g.get();
                }
            }
        }
        return WritePath.groupOfNew(ctx, object);
    }

    /**
     * The right a new object {@code x} needs on an object {@code y} it refers to (OMERO's linkage check): read
     * access for rendering settings and thumbnails, ANNOTATE for annotation links and a ROI on its image, else
     * WRITE (the evaluator's LINK).
     */
    private static Action needed(IObject x, IObject y) {
        if (EntityClasses.isAnnotationLink(x.getClass()) || x instanceof org.omerosdk.model.roi.Roi
                && y instanceof org.omerosdk.model.core.Image) {
            return Action.ANNOTATE;
        }
        if (x instanceof org.omerosdk.model.display.RenderingDef || y instanceof org.omerosdk.model.display.RenderingDef
                || x instanceof org.omerosdk.model.display.Thumbnail && y instanceof org.omerosdk.model.core.Pixels) {
            return Action.VIEW;
        }
        return Action.LINK;
    }

    private static String verb(IObject x, IObject y) {
        if (x instanceof Link<?, ?>) {
            return EntityClasses.isAnnotationLink(x.getClass()) ? "annotate with or on " : "link to ";
        }
        return x instanceof org.omerosdk.model.roi.Roi ? "draw a ROI on "
                : "make a " + org.hibernate.Hibernate.getClass(x).getSimpleName() + " refer to ";
    }

    private boolean isSpecialGroup(long dbGroupId) {
        long g = groupId(dbGroupId);
        return g == Actor.SYSTEM_GROUP || g == Actor.USER_GROUP;
    }

    /**
     * OMERO's "admin or PI of the group" rules of its Admin service: a group's owners manage its memberships
     * (add, remove, owner flags) and update the group itself (name, description, level); they may not delete it.
     */
    private static boolean ownsGroupOf(SecurityContext ctx, IObject object, EventLog.Action action) {
        if (object instanceof GroupExperimenterMap m) {
            return ctx.ownerOf().contains(m.parent().id());
        }
        if (object instanceof ExperimenterGroup g && action == EventLog.Action.UPDATE) {
            return ctx.ownerOf().contains(g.id());
        }
        return false;
    }

    private ObjectDetails details(IObject o, ObjectKind kind) {
        Optional<Long> group = o.details().groupId();
        // objects without a group (users, groups, memberships) are OMERO's global types, counted in "user"
        long evaluatorGroup = group.map(this::groupId).orElse(Actor.USER_GROUP);
        Permissions perms = group.map(levels::get).orElse(Permissions.parse("rwr-r-"));
        return new ObjectDetails(o.details().ownerId().map(this::userId).orElse(-1L), evaluatorGroup, perms, kind,
                true, true);
    }

    private GroupContext context(SecurityContext ctx) {
        return ctx.isAllGroups() ? GroupContext.ALL_GROUPS
                : GroupContext.of(groupId(ctx.groupId()), levels.get(ctx.groupId()));
    }

    private long userId(long dbId) {
        return ids.get().user(dbId);
    }

    private long groupId(long dbId) {
        return ids.get().group(dbId);
    }

    private Set<Long> groupIds(Set<Long> dbIds) {
        return ids.get().groups(dbIds);
    }

    private static ObjectKind kind(IObject o) {
        if (o instanceof Experimenter) {
            return ObjectKind.EXPERIMENTER;
        }
        if (o instanceof ExperimenterGroup) {
            return ObjectKind.EXPERIMENTER_GROUP;
        }
        if (o instanceof GroupExperimenterMap) {
            return ObjectKind.GROUP_MEMBERSHIP;
        }
        return ObjectKind.DATA;
    }

    /** Why the evaluator said no, in words, without revealing anything the caller may not see. */
    private static String rule(ObjectDetails d, Actor actor, Action a) {
        String level = d.groupPermissions().level().map(Permissions.Level::displayName).orElse(
                d.groupPermissions().toString());
        if (d.ownerId() != actor.userId() && d.groupPermissions().equals(Permissions.PRIVATE)) {
            return "in a Private group only the owner, the group's owners and administrators may change data, "
                    + "and nobody may link to or annotate others' data";
        }
        return "in a " + level + " group members may not " + a.name().toLowerCase(java.util.Locale.ROOT)
                + " data they do not own";
    }

    private static java.util.Set<Long> union(java.util.Set<Long> s, long extra) {
        java.util.Set<Long> u = new java.util.HashSet<>(s);
        u.add(extra);
        return u;
    }

    @Override
    public void groupChanged(long groupId) {
        levels.invalidate(groupId);
    }
}
