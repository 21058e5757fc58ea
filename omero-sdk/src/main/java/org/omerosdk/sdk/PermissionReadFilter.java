package org.omerosdk.sdk;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.LongFunction;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.Permissions.Right;
import org.omerosdk.model.Permissions.Role;
import org.omerosdk.model.meta.IObject;

/**
 * OMERO's read filters as one HQL condition over every query's alias {@code o}, so that no lookup, listing or
 * count returns what the caller may not see, and an invisible object answers exactly like a missing one. The
 * condition is the query form of {@code PermissionEvaluator.canView}:
 * <ul>
 * <li>administrators in the all-groups context: everything;</li>
 * <li>one group's context: that group's objects when its members may read each other's data (or the caller owns
 *     the group, is an administrator, or owns the object); nothing of other groups;</li>
 * <li>all-groups context: the groups the caller owns, the groups they belong to that let members read, and their own
 *     objects anywhere;</li>
 * <li>always: objects of the {@code system} and {@code user} groups, and OMERO's global types (users, groups,
 *     memberships), which belong to no group.</li>
 * </ul>
 * Group levels are looked up through a cache that forgets them after a few seconds, so a level change reaches
 * open sessions within that time.
 */
final class PermissionReadFilter implements ReadFilter {

    private final LoadingCache<Long, Permissions> levels;
    private final boolean publicAnnotations;
    private final java.util.function.Supplier<WellKnownIds> ids;

    /**
     * @param publicAnnotations whether the public user sees annotations ({@code omero.sdk.public.annotations})
     * @param ids               the database ids of the system and user groups, read on first use (after bootstrap)
     */
    PermissionReadFilter(LongFunction<Permissions> groupPermissions, boolean publicAnnotations,
                         java.util.function.Supplier<WellKnownIds> ids) {
        this.publicAnnotations = publicAnnotations;
        this.ids = ids;
        this.levels = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(5))
                .build(groupPermissions::apply);
    }

    @Override
    public Optional<String> condition(SecurityContext ctx, Class<?> type) {
        if (ctx.admin() && ctx.isAllGroups()) {
            return Optional.empty();
        }
        if (type == org.omerosdk.model.meta.Session.class) {
            // a session's row names its user and agent: one's own, or an administrator's business
            return ctx.admin() ? Optional.empty() : Optional.of("o.ownerId = " + ctx.userId());
        }
        if (type == org.omerosdk.model.meta.Password.class) {
            return ctx.admin() ? Optional.empty() : Optional.of("o.experimenterId = " + ctx.userId());
        }
        if (type == org.omerosdk.model.meta.Event.class) {
            return Optional.of("(o.experimenter = " + ctx.userId() + " or exists (select 1 from "
                    + org.omerosdk.model.meta.EventLog.class.getName() + " h where h.event = o and "
                    + history(ctx, "h") + "))");
        }
        if (type == org.omerosdk.model.meta.EventLog.class) {
            return Optional.of(history(ctx, "o"));
        }
        if (!IObject.class.isAssignableFrom(type)) {
            return Optional.empty();
        }
        if (ctx.publicUser() && !publicAnnotations && isAnnotation(type)) {
            return Optional.of("1 = 0");
        }
        StringJoiner visible = new StringJoiner(" or ", "(", ")");
        visible.add("o.details.groupId is null");
        visible.add("o.details.groupId in (" + ids.get().systemGroup + ", " + ids.get().userGroup + ")");
        if (ctx.isAllGroups()) {
            String groups = readableGroups(ctx);
            if (!groups.isEmpty()) {
                visible.add("o.details.groupId in (" + groups + ")");
            }
            visible.add("o.details.ownerId = " + ctx.userId());
        } else {
            long g = ctx.groupId();
            visible.add(everyoneVisible(ctx, g) ? "o.details.groupId = " + g
                    : "(o.details.groupId = " + g + " and o.details.ownerId = " + ctx.userId() + ")");
        }
        return Optional.of(visible.toString());
    }

    @Override
    public Optional<String> logCondition(SecurityContext ctx, String alias) {
        return ctx.admin() && ctx.isAllGroups() ? Optional.empty() : Optional.of(history(ctx, alias));
    }

    /**
     * Event log rows name what happened to which object: visible like that object's group — rows of the groups
     * whose data one may read (in one group's context, that group only), one's own rows in one's groups, and rows
     * of the global types (users, groups, memberships) and of the system and user groups. The public user sees
     * no annotation rows unless it sees annotations. An event is visible to its author and to those who see one of
     * its rows.
     */
    private String history(SecurityContext ctx, String alias) {
        String group = alias + ".entityGroup";
        String mine = alias + ".event.experimenter = " + ctx.userId();
        StringJoiner visible = new StringJoiner(" or ", "(", ")");
        visible.add(group + " is null");
        visible.add(group + " in (" + ids.get().systemGroup + ", " + ids.get().userGroup + ")");
        if (ctx.isAllGroups()) {
            String groups = readableGroups(ctx);
            if (!groups.isEmpty()) {
                visible.add(group + " in (" + groups + ")");
            }
            if (!ctx.memberOf().isEmpty()) {
                StringJoiner member = new StringJoiner(", ");
                ctx.memberOf().forEach(g -> member.add(Long.toString(g)));
                visible.add("(" + mine + " and " + group + " in (" + member + "))");
            }
        } else {
            long g = ctx.groupId();
            visible.add(everyoneVisible(ctx, g) ? group + " = " + g : "(" + group + " = " + g + " and " + mine + ")");
        }
        if (ctx.publicUser() && !publicAnnotations) {
            return "(" + visible + " and " + alias + ".entityType not like '%Annotation' and " + alias
                    + ".entityType not like '%AnnotationLink')";
        }
        return visible.toString();
    }

    /** The groups in which the caller sees everyone's data, as a comma list (may be empty). */
    private String readableGroups(SecurityContext ctx) {
        StringJoiner groups = new StringJoiner(", ");
        for (long g : ctx.ownerOf()) {
            groups.add(Long.toString(g));
        }
        for (long g : ctx.memberOf()) {
            if (!ctx.ownerOf().contains(g) && membersRead(levels.get(g))) {
                groups.add(Long.toString(g));
            }
        }
        return groups.toString();
    }

    /** Annotations and the links that attach them. */
    private static boolean isAnnotation(Class<?> type) {
        return org.omerosdk.model.annotations.Annotation.class.isAssignableFrom(type)
                || EntityClasses.isAnnotationLink(type);
    }

    private boolean everyoneVisible(SecurityContext ctx, long g) {
        Permissions p = levels.get(g);
        return ctx.admin() || ctx.ownerOf().contains(g) || (ctx.memberOf().contains(g) && membersRead(p))
                || p.isGranted(Role.WORLD, Right.READ);
    }

    private static boolean membersRead(Permissions p) {
        return p.isGranted(Role.GROUP, Right.READ) || p.isGranted(Role.WORLD, Right.READ);
    }

    @Override
    public void groupChanged(long groupId) {
        levels.invalidate(groupId);
    }
}
