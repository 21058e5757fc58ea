package org.omerosdk.sdk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.omerosdk.model.CancelledException;
import org.omerosdk.model.ConcurrentUpdateException;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.SecurityViolation;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.annotations.Annotation;
import org.omerosdk.model.display.Thumbnail;
import org.omerosdk.model.fs.OriginalFile;
import org.omerosdk.model.meta.EventLog;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.model.meta.IObject;
import org.omerosdk.model.meta.Link;
import org.omerosdk.permissions.Action;
import org.omerosdk.sdk.graph.Fate;
import org.omerosdk.sdk.graph.GraphOperation;
import org.omerosdk.sdk.graph.GraphPolicy;
import org.omerosdk.sdk.graph.GraphProgress;
import org.omerosdk.sdk.graph.GraphReport;
import org.omerosdk.sdk.graph.GraphRequest;
import org.omerosdk.sdk.graph.Relation;
import org.omerosdk.sdk.graph.Rule;
import org.omerosdk.sdk.graph.TypeRole;

/**
 * The one traversal behind every graph operation: from the targets, it follows the {@link GraphPolicy}'s relations
 * set-wise (one query per relation and batch of ids, never per object), decides every object it reaches with the
 * policy's rule and the evaluator, finds orphans, removes links between included and staying objects, checks
 * OMERO's invariants (filesets atomic, nothing left pointing at what goes, shared metadata not split) and builds
 * the {@link GraphReport}. {@link #apply} then changes the rows in bulk, in an order the foreign keys allow, and
 * logs each object once under the transaction's event. All of it runs inside the caller's transaction.
 */
final class GraphTraversal {
    /** Ids per query: large enough to be few queries, small enough for every database's parameter limit. */
    static final int BATCH = 1000;

    /** One stored object: id (unique across types), owner, group and concrete class. */
    record Row(long id, long owner, long group, Class<?> type) {
    }

    /** One link object with its ends. */
    record LinkRow(Row link, long parent, long child) {
    }

    /** Whether an included object gets the operation itself or is removed as a side effect. */
    private enum Disposition { APPLY, REMOVE }

    private record Candidate(Row row, Rule rule, Row near, Disposition disposition) {
    }

    /** Cancellation and progress of one run. */
    interface Control {
        boolean cancelled();

        void progress(GraphProgress p);
    }

    private final org.hibernate.Session h;
    private final WritePath w;
    private final GraphPolicy policy;
    private final GraphRequest request;
    private final GraphOperation op;
    private final Control control;
    private final Map<Long, Permissions> groupLevels = new HashMap<>();
    private final Permissions targetGroupPerms;

    private final Map<Long, Row> seen = new HashMap<>();
    private final Map<Long, Disposition> included = new LinkedHashMap<>();
    private final Set<Long> direct = new HashSet<>();
    private final Map<Long, LinkRow> links = new LinkedHashMap<>();
    private final Set<Long> targetLinks = new HashSet<>();
    private final Map<Long, Candidate> candidates = new LinkedHashMap<>();
    /** Far ends of Contains relations that stayed while their container was included: child id -> container. */
    private final Map<Long, Row> leftInside = new LinkedHashMap<>();
    private final Set<String> problems = new LinkedHashSet<>();
    private long visited;

    GraphTraversal(WritePath w, GraphPolicy policy, GraphRequest request, Control control) {
        this.w = w;
        this.h = w.hibernate();
        this.policy = policy;
        this.request = request;
        this.op = request.operation();
        this.control = control;
        this.targetGroupPerms = op == GraphOperation.MOVE ? levelOf(request.groupId()) : null;
    }

    // ---------------------------------------------------------------- traversal

    /** Walks the graph from the targets and returns the report (nothing changed yet). */
    GraphReport traverse(Map<Class<? extends IObject>, Set<Long>> targets) {
        List<Row> frontier = new ArrayList<>();
        for (Map.Entry<Class<? extends IObject>, Set<Long>> e : targets.entrySet()) {
            frontier.addAll(loadTargets(e.getKey(), e.getValue()));
        }
        do {
            while (!frontier.isEmpty()) {
                frontier = expand(frontier);
            }
            frontier = orphans();
        } while (!frontier.isEmpty());
        checkInvariants();
        decideLinks();
        progress("check");
        return report();
    }

    private List<Row> loadTargets(Class<? extends IObject> type, Set<Long> ids) {
        TypeRole role = policy.role(type).orElseThrow(() -> new ValidationException(type.getSimpleName()
                + " is not a type graph operations know"));
        if (role == TypeRole.SYSTEM) {
            throw new ValidationException(type.getSimpleName() + " objects are users, groups or records, not group "
                    + "data: they cannot be the target of a " + op.verb());
        }
        if (role == TypeRole.PART) {
            throw new ValidationException(type.getSimpleName() + " objects go only with what holds them; name that "
                    + "object instead");
        }
        if (role == TypeRole.LINK && op != GraphOperation.DELETE) {
            throw new ValidationException(type.getSimpleName() + " links move and change owner only with their "
                    + "ends; name the linked objects instead");
        }
        List<Row> out = new ArrayList<>();
        Map<Long, Object[]> found = new HashMap<>();
        boolean link = role == TypeRole.LINK;
        for (List<Long> batch : batches(ids)) {
            String hql = link ? "select o.id, o.details.ownerId, o.details.groupId, type(o), o.parent.id, o.child.id"
                    + " from " + type.getName() + " o where o.id in :ids"
                    : "select o.id, o.details.ownerId, o.details.groupId, type(o) from " + type.getName()
                    + " o where o.id in :ids";
            for (Object[] r : query(batch, hql, Object[].class).getResultList()) {
                found.put((Long) r[0], r);
            }
        }
        for (long id : ids) {
            Object[] r = found.get(id);
            Row row = r == null ? null : row(r, 0);
            WriteCheck.Verdict v = row == null ? WriteCheck.Verdict.INVISIBLE
                    : w.decide(op.action(), row.owner(), row.group());
            if (v == WriteCheck.Verdict.INVISIBLE) {
                throw new NotFoundException(type.getSimpleName() + ":" + id + " does not exist or is not visible");
            }
            if (v == WriteCheck.Verdict.DENIED) {
                throw new SecurityViolation("user " + w.contextUserId() + " may not " + op.verb() + " "
                        + type.getSimpleName() + ":" + id + ": " + denial(row));
            }
            direct.add(id);
            if (link) {
                LinkRow l = new LinkRow(row, (Long) r[4], (Long) r[5]);
                links.put(id, l);
                targetLinks.add(id);
                // unlinking: the child annotation goes by its kind's unlink rule
                List<Long> child = List.of(l.child());
                Class<?> childType = EntityClasses.isAnnotationLink(type) ? Annotation.class : null;
                for (Object[] c : childType == null ? List.<Object[]>of() : query(child, "select o.id, "
                        + "o.details.ownerId, o.details.groupId, type(o) from " + childType.getName()
                        + " o where o.id in :ids", Object[].class).getResultList()) {
                    Row cr = row(c, 0);
                    if (Annotation.class.isAssignableFrom(cr.type())) {
                        consider(null, row, cr, policy.unlinkRule(cr.type()), Disposition.APPLY, new ArrayList<>());
                    }
                }
            } else {
                include(row, Disposition.APPLY);
                out.add(row);
            }
        }
        return out;
    }

    /** Follows every relation out of {@code frontier}; returns the objects newly included. */
    private List<Row> expand(List<Row> frontier) {
        List<Row> next = new ArrayList<>();
        for (Relation rel : policy.relations()) {
            List<Row> near = new ArrayList<>();
            List<Row> nearAsChild = new ArrayList<>();
            for (Row r : frontier) {
                if (rel.from().isAssignableFrom(r.type())) {
                    near.add(r);
                }
                if (rel.path() instanceof Relation.Linked && rel.to().isAssignableFrom(r.type())) {
                    nearAsChild.add(r);
                }
            }
            if (!near.isEmpty()) {
                follow(rel, near, next);
            }
            if (!nearAsChild.isEmpty()) {
                linksToParents((Relation.Linked) rel.path(), nearAsChild);
            }
        }
        return next;
    }

    private void follow(Relation rel, List<Row> near, List<Row> next) {
        Map<Long, Row> byId = new HashMap<>();
        near.forEach(r -> byId.put(r.id(), r));
        String hql = farQuery(rel);
        int nearColumn = 4;
        for (List<Long> batch : batches(byId.keySet())) {
            checkCancelled();
            for (Object[] r : query(batch, hql, Object[].class).getResultList()) {
                Row far = row(r, 0);
                Row nearRow = byId.get((Long) r[nearColumn]);
                if (rel.path() instanceof Relation.Linked) {
                    Row link = new Row((Long) r[5], owner(r[6]), owner(r[7]), (Class<?>) r[8]);
                    seen.put(link.id(), link);
                    links.put(link.id(), new LinkRow(link, nearRow.id(), far.id()));
                }
                Rule rule = rel.to() == Annotation.class && Annotation.class.isAssignableFrom(far.type())
                        ? policy.annotationRule(far.type(), op) : rel.rule(op);
                Disposition d = included.get(nearRow.id());
                boolean before = included.containsKey(far.id());
                consider(rel, nearRow, far, rule, d, next);
                if (rel.path() instanceof Relation.Contains && !before && !included.containsKey(far.id())
                        && !candidates.containsKey(far.id())) {
                    leftInside.put(far.id(), nearRow);
                }
            }
        }
        visited += near.size();
        progress("traverse");
    }

    /**
     * The query from near ends (parameter {@code ids}) to far ends: far id, owner, group, class, near id, and for
     * links the link's id, owner, group, class.
     */
    private static String farQuery(Relation rel) {
        String to = rel.to().getName();
        String from = rel.from().getName();
        if (rel.path() instanceof Relation.Contains c) {
            return "select t.id, t.details.ownerId, t.details.groupId, type(t), t." + c.property() + ".id from " + to
                    + " t where t." + c.property() + ".id in :ids";
        }
        if (rel.path() instanceof Relation.Uses u) {
            return "select t.id, t.details.ownerId, t.details.groupId, type(t), f.id from " + from + " f join f."
                    + u.property() + " t where f.id in :ids";
        }
        Relation.Linked l = (Relation.Linked) rel.path();
        return "select c.id, c.details.ownerId, c.details.groupId, type(c), l.parent.id, l.id, l.details.ownerId,"
                + " l.details.groupId, type(l) from " + l.type().getName() + " l join l.child c"
                + " where l.parent.id in :ids";
    }

    /**
     * Skip-head: the objects of {@code type} the targets hold (through containers, plates, wells, filesets), which
     * the operation then targets instead.
     *
     * @throws ValidationException when the targets hold none
     */
    Map<Class<? extends IObject>, Set<Long>> descendants(Map<Class<? extends IObject>, Set<Long>> targets,
                                                         Class<? extends IObject> type) {
        List<Row> frontier = new ArrayList<>();
        for (Map.Entry<Class<? extends IObject>, Set<Long>> e : targets.entrySet()) {
            for (List<Long> batch : batches(e.getValue())) {
                for (Object[] r : query(batch, "select o.id, o.details.ownerId, o.details.groupId, type(o) from "
                        + e.getKey().getName() + " o where o.id in :ids", Object[].class)
                        .getResultList()) {
                    frontier.add(row(r, 0));
                }
            }
            for (long id : e.getValue()) {
                Row r = seen.get(id);
                if (r == null || !visible(r)) {
                    throw new NotFoundException(e.getKey().getSimpleName() + ":" + id
                            + " does not exist or is not visible");
                }
            }
        }
        Set<Long> found = new LinkedHashSet<>();
        Set<Long> reached = new HashSet<>();
        while (!frontier.isEmpty()) {
            List<Row> next = new ArrayList<>();
            for (Relation rel : policy.relations()) {
                if (rel.to() == Annotation.class || rel.path() instanceof Relation.Uses && rel.to() != type) {
                    continue;
                }
                List<Long> near = frontier.stream().filter(r -> rel.from().isAssignableFrom(r.type()))
                        .map(Row::id).toList();
                for (List<Long> batch : batches(near)) {
                    for (Object[] r : query(batch, farQuery(rel), Object[].class)
                            .getResultList()) {
                        Row far = row(r, 0);
                        if (type.isAssignableFrom(far.type())) {
                            found.add(far.id());
                        } else if (reached.add(far.id())) {
                            next.add(far);
                        }
                    }
                }
            }
            frontier = next;
        }
        if (found.isEmpty()) {
            throw new ValidationException("the targets hold no " + type.getSimpleName() + " objects to start from");
        }
        seen.clear();
        return Map.of(type, found);
    }

    /** The links whose child is in {@code near}: removed with it, their parents stay (unless included too). */
    private void linksToParents(Relation.Linked l, List<Row> near) {
        List<Long> ids = near.stream().map(Row::id).toList();
        for (List<Long> batch : batches(ids)) {
            checkCancelled();
            for (Object[] r : query(batch, "select l.id, l.details.ownerId, l.details.groupId, type(l), l.parent.id,"
                    + " l.child.id from " + l.type().getName() + " l where l.child.id in :ids", Object[].class)
                    .getResultList()) {
                Row link = row(r, 0);
                links.putIfAbsent(link.id(), new LinkRow(link, (Long) r[4], (Long) r[5]));
            }
        }
    }

    /** Applies one rule to one far end reached from {@code near} (null for an unlinked annotation). */
    private void consider(Relation rel, Row near, Row far, Rule rule, Disposition nearDisposition, List<Row> next) {
        seen.put(far.id(), far);
        if (included.containsKey(far.id())) {
            return;
        }
        if (request.options().excludes(far.type())) {
            return;
        }
        if (request.options().includes(far.type())) {
            include(far, nearDisposition);
            direct.add(far.id());
            next.add(far);
            return;
        }
        Fate fate = rule.fate();
        if (!rule.levels().contains(levelOf(far.group()).level().orElse(Permissions.Level.PRIVATE))) {
            fate = Fate.STAY;
        }
        long nearOwner = near == null ? far.owner() : near.owner();
        if (rule.sameOwnerOnly() && far.owner() != nearOwner) {
            fate = Fate.STAY;
        }
        if (op == GraphOperation.MOVE && intoPrivate() && far.owner() != nearOwner && fate != Fate.STAY) {
            fate = rule.othersIntoPrivate();
        }
        switch (fate) {
            case INCLUDE -> {
                include(far, nearDisposition);
                direct.add(far.id());
                next.add(far);
            }
            case INCLUDE_CHECKED -> {
                if (nearDisposition == Disposition.APPLY) {
                    requireAllowed(far, near);
                }
                include(far, nearDisposition);
                direct.add(far.id());
                next.add(far);
            }
            case INCLUDE_IF_ALLOWED -> {
                if (nearDisposition == Disposition.REMOVE || allowed(far)) {
                    include(far, nearDisposition);
                    direct.add(far.id());
                    next.add(far);
                }
            }
            case ORPHAN, ORPHAN_IF_ALLOWED -> candidates.putIfAbsent(far.id(),
                    new Candidate(far, rule, near, nearDisposition));
            case REMOVE -> {
                include(far, Disposition.REMOVE);
                next.add(far);
            }
            case STAY -> {
            }
        }
    }

    /**
     * Includes the candidates nothing staying holds any more (and whose fileset goes whole); returns them. A
     * candidate still held stays a candidate: a later round may include its holders.
     */
    private List<Row> orphans() {
        Map<Long, Candidate> open = new LinkedHashMap<>();
        candidates.forEach((id, c) -> {
            if (!included.containsKey(id)) {
                open.put(id, c);
            }
        });
        if (open.isEmpty()) {
            return List.of();
        }
        // candidate -> its holders, each {holder id, link id or -1}
        Map<Long, List<long[]>> holders = new HashMap<>();
        for (Relation rel : policy.relations()) {
            List<Long> ids = new ArrayList<>();
            for (Candidate c : open.values()) {
                if (rel.to().isAssignableFrom(c.row().type()) && !(rel.path() instanceof Relation.Contains)) {
                    ids.add(c.row().id());
                }
            }
            if (ids.isEmpty()) {
                continue;
            }
            String hql = rel.path() instanceof Relation.Uses u
                    ? "select f.id, f." + u.property() + ".id, -1L from " + rel.from().getName() + " f where f."
                    + u.property() + ".id in :ids"
                    : "select l.parent.id, l.child.id, l.id from " + ((Relation.Linked) rel.path()).type().getName()
                    + " l where l.child.id in :ids";
            for (List<Long> batch : batches(ids)) {
                checkCancelled();
                for (Object[] r : query(batch, hql, Object[].class).getResultList()) {
                    holders.computeIfAbsent((Long) r[1], k -> new ArrayList<>()).add(new long[] {(Long) r[0],
                            ((Number) r[2]).longValue()});
                }
            }
        }
        Set<Long> orphaned = new LinkedHashSet<>();
        for (Candidate c : open.values()) {
            boolean held = false;
            for (long[] holder : holders.getOrDefault(c.row().id(), List.of())) {
                if (!included.containsKey(holder[0]) && !targetLinks.contains(holder[1])) {
                    held = true;
                    break;
                }
            }
            if (!held) {
                orphaned.add(c.row().id());
            }
        }
        keepAtomicGroupsWhole(orphaned, open);
        List<Row> next = new ArrayList<>();
        for (long id : orphaned) {
            Candidate c = open.get(id);
            if (c.rule().fate() == Fate.ORPHAN_IF_ALLOWED && c.disposition() == Disposition.APPLY && !allowed(c.row())) {
                candidates.remove(id);
                continue;
            }
            include(c.row(), c.disposition());
            next.add(c.row());
        }
        return next;
    }

    /**
     * OMERO's "if a fileset is not to be deleted then nor are its images": an orphaned image goes only when every
     * image of its fileset goes too; otherwise all of them stay.
     */
    private void keepAtomicGroupsWhole(Set<Long> orphaned, Map<Long, Candidate> open) {
        for (Relation rel : policy.relations()) {
            if (!rel.atomic()) {
                continue;
            }
            String property = ((Relation.Contains) rel.path()).property();
            List<Long> ids = orphaned.stream().filter(id -> rel.to().isAssignableFrom(open.get(id).row().type()))
                    .toList();
            if (ids.isEmpty()) {
                continue;
            }
            Map<Long, List<Long>> members = groupMembers(rel, property, ids);
            for (List<Long> group : members.values()) {
                boolean whole = group.stream().allMatch(m -> included.containsKey(m) || orphaned.contains(m));
                if (!whole) {
                    group.forEach(orphaned::remove);
                }
            }
        }
    }

    /** For the objects {@code ids} of an atomic relation: group id -> every member of that group. */
    private Map<Long, List<Long>> groupMembers(Relation rel, String property, List<Long> ids) {
        Set<Long> groups = new HashSet<>();
        String to = rel.to().getName();
        for (List<Long> batch : batches(ids)) {
            groups.addAll(query(batch, "select t." + property + ".id from " + to + " t where t.id in :ids and t."
                    + property + " is not null", Long.class).getResultList());
        }
        Map<Long, List<Long>> members = new HashMap<>();
        for (List<Long> batch : batches(groups)) {
            for (Object[] r : query(batch, "select t.id, t.details.ownerId, t.details.groupId, type(t), t."
                    + property + ".id from " + to + " t where t." + property + ".id in :ids", Object[].class)
                    .getResultList()) {
                members.computeIfAbsent((Long) r[4], k -> new ArrayList<>()).add(row(r, 0).id());
            }
        }
        return members;
    }

    // ---------------------------------------------------------------- invariants

    private void checkInvariants() {
        // filesets are atomic: no included image of a fileset with an image that stays
        for (Relation rel : policy.relations()) {
            if (!rel.atomic()) {
                continue;
            }
            String property = ((Relation.Contains) rel.path()).property();
            List<Long> ids = includedOf(rel.to());
            Map<Long, List<Long>> members = groupMembers(rel, property, ids);
            for (Map.Entry<Long, List<Long>> g : members.entrySet()) {
                List<Long> in = g.getValue().stream().filter(included::containsKey).toList();
                List<Long> out = g.getValue().stream().filter(m -> !included.containsKey(m)).toList();
                if (!in.isEmpty() && !out.isEmpty()) {
                    problems.add("within " + rel.from().getSimpleName() + ":" + g.getKey() + " may not "
                            + op.verb() + " " + name(rel.to(), in) + " while " + name(rel.to(), out)
                            + " remains: include the whole " + rel.from().getSimpleName().toLowerCase() );
                }
            }
        }
        if (op != GraphOperation.DELETE) {
            // a part moves or is given only with what contains it (a ROI with its image, a well with its plate)
            for (Relation rel : policy.relations()) {
                if (!(rel.path() instanceof Relation.Contains c) || rel.atomic()) {
                    continue;
                }
                List<Long> ids = includedOf(rel.to());
                for (List<Long> batch : batches(ids)) {
                    for (Object[] r : query(batch, "select p.id, p.details.ownerId, p.details.groupId, type(p), t.id"
                            + " from " + rel.to().getName() + " t join t." + c.property() + " p where t.id in :ids",
                            Object[].class).getResultList()) {
                        Row parent = row(r, 0);
                        long child = (Long) r[4];
                        if (!included.containsKey(parent.id()) && included.get(child) == Disposition.APPLY) {
                            problems.add("may not " + op.verb() + " " + describe(seen.get(child)) + " without "
                                    + describe(parent) + ": it goes only with it");
                        }
                    }
                }
            }
        }
        if (op == GraphOperation.GIVE) {
            checkRecipientMembership();
            return;
        }
        // nothing may be left pointing at what goes (delete) or across groups (move)
        leftInside.forEach((child, parent) -> {
            if (!included.containsKey(child)) {
                Row c = seen.get(child);
                problems.add("may not " + op.verb() + " " + describe(parent) + " while " + describe(c)
                        + " remains" + (op == GraphOperation.MOVE ? " in its group" : ""));
            }
        });
        for (Relation rel : policy.relations()) {
            if (!(rel.path() instanceof Relation.Uses u)) {
                continue;
            }
            List<Long> ids = includedOf(rel.to());
            if (ids.isEmpty()) {
                continue;
            }
            for (List<Long> batch : batches(ids)) {
                for (Object[] r : query(batch, "select f.id, f.details.ownerId, f.details.groupId, type(f), f."
                        + u.property() + ".id from " + rel.from().getName() + " f where f." + u.property()
                        + ".id in :ids", Object[].class).getResultList()) {
                    Row user = row(r, 0);
                    if (!included.containsKey(user.id())) {
                        seen.putIfAbsent(user.id(), user);
                        problems.add("may not " + op.verb() + " " + describe(seen.get((Long) r[4])) + " while "
                                + describe(user) + " remains");
                    }
                }
            }
        }
        if (op == GraphOperation.MOVE) {
            // shared metadata may not be split between groups: a moving user of something that stays (filesets
            // are reported above, annotations simply stay and lose the link)
            Set<Class<?>> atomicGroups = new HashSet<>();
            policy.relations().stream().filter(Relation::atomic).forEach(r -> atomicGroups.add(r.from()));
            for (Candidate c : candidates.values()) {
                if (!included.containsKey(c.row().id()) && c.near() != null
                        && included.get(c.near().id()) == Disposition.APPLY && c.rule().fate() == Fate.ORPHAN
                        && !Annotation.class.isAssignableFrom(c.row().type())
                        && atomicGroups.stream().noneMatch(t -> t.isAssignableFrom(c.row().type()))) {
                    problems.add("may not move " + describe(c.near()) + " while objects that stay share "
                            + describe(c.row()) + " with it");
                }
            }
        }
    }

    private void checkRecipientMembership() {
        Set<Long> groups = new TreeSet<>();
        included.forEach((id, d) -> {
            if (d == Disposition.APPLY) {
                groups.add(seen.get(id).group());
            }
        });
        for (long g : groups) {
            Long n = h.createQuery("select count(m) from " + org.omerosdk.model.meta.GroupExperimenterMap.class.getName()
                    + " m where m.parent.id = :g and m.child.id = :u", Long.class).setParameter("g", g)
                    .setParameter("u", request.userId()).getSingleResult();
            if (n == 0) {
                problems.add("user " + request.userId() + " is not a member of group " + g
                        + ": data can only be given to a member of its group");
            }
        }
    }

    /** Every link touching an included object: kept, moved/given with both ends, or removed. */
    private void decideLinks() {
        for (LinkRow l : links.values()) {
            long id = l.link().id();
            if (included.containsKey(id)) {
                continue;
            }
            boolean p = included.containsKey(l.parent());
            boolean c = included.containsKey(l.child());
            boolean bothApply = p && c && included.get(l.parent()) == Disposition.APPLY
                    && included.get(l.child()) == Disposition.APPLY;
            switch (op) {
                case DELETE -> {
                    if (p || c || targetLinks.contains(id)) {
                        included.put(id, Disposition.REMOVE);
                    }
                }
                case MOVE -> {
                    if (bothApply) {
                        included.put(id, Disposition.APPLY);
                    } else if (p || c) {
                        included.put(id, Disposition.REMOVE);
                    }
                }
                case GIVE -> {
                    Row parent = seen.get(l.parent());
                    if (bothApply && parent != null && l.link().owner() == parent.owner()) {
                        included.put(id, Disposition.APPLY);
                    } else if (p || c) {
                        Permissions.Level level = levelOf(l.link().group()).level().orElse(Permissions.Level.PRIVATE);
                        boolean strict = level == Permissions.Level.PRIVATE || level == Permissions.Level.READ_ONLY;
                        if (strict && !bothApply) {
                            included.put(id, Disposition.REMOVE);
                        }
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- report

    private GraphReport report() {
        Map<String, Set<Long>> in = new TreeMap<>();
        Map<String, Set<Long>> linksRemoved = new TreeMap<>();
        Map<String, Set<Long>> removed = new TreeMap<>();
        Map<String, Set<Long>> unlinked = new TreeMap<>();
        Map<String, Set<Long>> notIncluded = new TreeMap<>();
        included.forEach((id, d) -> {
            Row r = seen.get(id);
            if (!visible(r)) {
                return;
            }
            boolean link = Link.class.isAssignableFrom(r.type());
            String type = r.type().getSimpleName();
            if (op == GraphOperation.DELETE) {
                (link ? linksRemoved : in).computeIfAbsent(type, k -> new TreeSet<>()).add(id);
            } else if (d == Disposition.APPLY) {
                in.computeIfAbsent(type, k -> new TreeSet<>()).add(id);
            } else {
                (link ? linksRemoved : removed).computeIfAbsent(type, k -> new TreeSet<>()).add(id);
            }
        });
        for (LinkRow l : links.values()) {
            if (included.get(l.link().id()) != Disposition.REMOVE && !(op == GraphOperation.DELETE
                    && included.containsKey(l.link().id()))) {
                continue;
            }
            for (long end : new long[] {l.parent(), l.child()}) {
                Row r = seen.get(end);
                if (r == null || included.containsKey(end) || !visible(r)) {
                    continue;
                }
                boolean annotation = Annotation.class.isAssignableFrom(r.type());
                (annotation ? unlinked : notIncluded).computeIfAbsent(r.type().getSimpleName(),
                        k -> new TreeSet<>()).add(end);
            }
        }
        return GraphReport.of(op, request.dryRun(), in, linksRemoved, removed, unlinked, notIncluded,
                new ArrayList<>(problems));
    }

    private boolean visible(Row r) {
        return r != null && w.decide(Action.VIEW, r.owner(), r.group()) != WriteCheck.Verdict.INVISIBLE;
    }

    // ---------------------------------------------------------------- apply

    /**
     * Changes the rows: moves/gives what is included, deletes what goes, children before what they point at;
     * logs each object once. Returns the binary-store keys of deleted files and thumbnails (to remove after commit).
     *
     * @throws ConcurrentUpdateException when another operation changed the same rows first
     */
    List<String> apply() {
        List<String> keys = new ArrayList<>();
        Map<Class<?>, List<Long>> apply = new LinkedHashMap<>();
        Map<Class<?>, List<Long>> delete = new LinkedHashMap<>();
        included.forEach((id, d) -> {
            Row r = seen.get(id);
            boolean gone = op == GraphOperation.DELETE || d == Disposition.REMOVE;
            (gone ? delete : apply).computeIfAbsent(r.type(), k -> new ArrayList<>()).add(id);
        });
        for (List<Long> ids : byRoot(delete, OriginalFile.class)) {
            for (List<Long> batch : batches(ids)) {
                for (Object[] r : query(batch, "select o.path, o.name from " + OriginalFile.class.getName()
                        + " o where o.id in :ids", Object[].class).getResultList()) {
                    keys.add(r[0] + "" + r[1]);
                }
            }
        }
        for (List<Long> ids : byRoot(delete, org.omerosdk.model.fs.Fileset.class)) {
            for (List<Long> batch : batches(ids)) {
                // what the import derived from the fileset (pyramids, thumbnails, the companion file): a prefix
                for (String prefix : query(batch, "select f.templatePrefix from "
                        + org.omerosdk.model.fs.Fileset.class.getName() + " f where f.id in :ids", String.class)
                        .getResultList()) {
                    keys.add(BinaryCleanup.derivedPrefix(prefix));
                }
            }
        }
        for (List<Long> ids : byRoot(delete, Thumbnail.class)) {
            for (List<Long> batch : batches(ids)) {
                keys.addAll(query(batch, "select t.ref from " + Thumbnail.class.getName() + " t where t.id in :ids"
                        + " and t.ref is not null", String.class).getResultList());
            }
        }
        long done = 0;
        if (!apply.isEmpty()) {
            Map<Class<?>, List<Long>> roots = rootsOf(apply);
            for (Map.Entry<Class<?>, List<Long>> e : roots.entrySet()) {
                for (List<Long> batch : batches(e.getValue())) {
                    checkCancelled();
                    String set = op == GraphOperation.MOVE ? "o.details.groupId = :g, o.details.permissions = :p"
                            : "o.details.ownerId = :u";
                    var q = mutation(batch, "update versioned " + e.getKey().getName() + " o set " + set
                            + " where o.id in :ids");
                    if (op == GraphOperation.MOVE) {
                        q.setParameter("g", request.groupId()).setParameter("p", targetGroupPerms);
                    } else {
                        q.setParameter("u", request.userId());
                    }
                    expectRows(q.executeUpdate(), batch.size(), e.getKey());
                    done += batch.size();
                    control.progress(new GraphProgress("apply", visited, done));
                }
            }
        }
        List<Class<?>> order = deleteOrder();
        Map<Class<?>, List<Long>> roots = rootsOf(delete);
        for (Class<?> root : order) {
            List<Long> ids = roots.get(root);
            if (ids == null) {
                continue;
            }
            for (List<Long> batch : batches(ids)) {
                checkCancelled();
                if (root == Annotation.class) {
                    // map annotations keep their pairs in a collection table
                    nativeMutation(batch, "delete from annotation_mapvalue where annotation_id in (:ids)")
                            .executeUpdate();
                }
                expectRows(mutation(batch, "delete from " + root.getName() + " o where o.id in :ids")
                        .executeUpdate(), batch.size(), root);
                done += batch.size();
                control.progress(new GraphProgress("apply", visited, done));
            }
        }
        if (op == GraphOperation.MOVE) {
            // the history follows the object: its earlier rows are filtered by the group it is in now
            Map<String, List<Long>> moved = new LinkedHashMap<>();
            included.forEach((id, d) -> {
                if (d == Disposition.APPLY) {
                    moved.computeIfAbsent(seen.get(id).type().getSimpleName(), k -> new ArrayList<>()).add(id);
                }
            });
            moved.forEach((type, ids) -> {
                for (List<Long> batch : batches(ids)) {
                    mutation(batch, "update " + EventLog.class.getName() + " l set l.entityGroup = :g where "
                            + "l.entityType = :t and l.entityId in :ids").setParameter("g", request.groupId())
                            .setParameter("t", type).executeUpdate();
                }
            });
        }
        List<WritePath.BulkChange> log = new ArrayList<>(included.size());
        included.forEach((id, d) -> {
            Row r = seen.get(id);
            boolean gone = op == GraphOperation.DELETE || d == Disposition.REMOVE;
            // a moved object's row is filed where it is now; a removed one's where it was
            log.add(new WritePath.BulkChange(gone ? EventLog.Action.DELETE : EventLog.Action.UPDATE,
                    r.type().getSimpleName(), id, op == GraphOperation.MOVE && !gone ? request.groupId() : r.group()));
        });
        w.logged(log);
        return keys;
    }

    private void expectRows(int changed, int expected, Class<?> type) {
        if (changed != expected) {
            throw new ConcurrentUpdateException(type.getSimpleName() + " objects were changed by another operation "
                    + "while this one ran (" + changed + " of " + expected + " found); nothing was changed: try again");
        }
    }

    private static List<List<Long>> byRoot(Map<Class<?>, List<Long>> m, Class<?> root) {
        List<List<Long>> out = new ArrayList<>();
        m.forEach((t, ids) -> {
            if (root.isAssignableFrom(t)) {
                out.add(ids);
            }
        });
        return out;
    }

    /** The ids per mapped root class (annotations of every kind in one table, shapes in one...). */
    private static Map<Class<?>, List<Long>> rootsOf(Map<Class<?>, List<Long>> byType) {
        Map<Class<?>, List<Long>> out = new LinkedHashMap<>();
        byType.forEach((t, ids) -> out.computeIfAbsent(root(t), k -> new ArrayList<>()).addAll(ids));
        return out;
    }

    static Class<?> root(Class<?> t) {
        Class<?> r = t;
        while (r.getSuperclass() != null && EntityClasses.ENTITIES.contains(r.getSuperclass())) {
            r = r.getSuperclass();
        }
        return r;
    }

    /**
     * The root classes in an order the foreign keys allow for deleting: whatever points at a type comes before it
     * (links before their ends, parts before their container, users of shared objects before them).
     */
    static List<Class<?>> deleteOrder() {
        Map<Class<?>, Set<Class<?>>> before = new LinkedHashMap<>();
        for (Class<?> c : EntityClasses.ENTITIES) {
            before.computeIfAbsent(root(c), k -> new LinkedHashSet<>());
        }
        for (Relation rel : GraphPolicy.omero().relations()) {
            Class<?> from = root(rel.from());
            Class<?> to = root(rel.to());
            if (rel.path() instanceof Relation.Contains) {
                before.get(from).add(to);
            } else if (rel.path() instanceof Relation.Uses) {
                before.get(to).add(from);
            } else {
                Class<?> link = root(((Relation.Linked) rel.path()).type());
                before.get(from).add(link);
                before.get(to).add(link);
            }
        }
        List<Class<?>> order = new ArrayList<>();
        Set<Class<?>> done = new HashSet<>();
        for (Class<?> c : before.keySet()) {
            visit(c, before, done, new HashSet<>(), order);
        }
        return order;
    }

    private static void visit(Class<?> c, Map<Class<?>, Set<Class<?>>> before, Set<Class<?>> done,
                              Set<Class<?>> onPath, List<Class<?>> order) {
        if (done.contains(c)) {
            return;
        }
        if (!onPath.add(c)) {
            throw new IllegalStateException("the graph policy's references form a cycle through " + c.getSimpleName());
        }
        for (Class<?> b : before.getOrDefault(c, Set.of())) {
            if (b != c) {
                visit(b, before, done, onPath, order);
            }
        }
        onPath.remove(c);
        done.add(c);
        order.add(c);
    }

    // ---------------------------------------------------------------- helpers

    private void include(Row r, Disposition d) {
        seen.put(r.id(), r);
        included.put(r.id(), d);
        candidates.remove(r.id());
    }

    private List<Long> includedOf(Class<?> type) {
        List<Long> ids = new ArrayList<>();
        included.forEach((id, d) -> {
            if (type.isAssignableFrom(seen.get(id).type())) {
                ids.add(id);
            }
        });
        return ids;
    }

    private boolean allowed(Row r) {
        return w.decide(op.action(), r.owner(), r.group()) == WriteCheck.Verdict.ALLOWED;
    }

    private void requireAllowed(Row far, Row near) {
        if (!allowed(far)) {
            problems.add("may not " + op.verb() + " " + describe(near) + " with " + describe(far) + ": "
                    + denial(far));
        }
    }

    private String denial(Row r) {
        return switch (op) {
            case DELETE -> "the group's permissions do not let this user delete it";
            case MOVE -> "only its owner, or an administrator holding the Chgrp privilege, may move it";
            case GIVE -> "only the group's owners, or an administrator holding the Chown privilege, may give it";
        };
    }

    /** An object as messages name it: {@code Type:id}, or an anonymous phrase when the caller may not see it. */
    private String describe(Row r) {
        if (r == null) {
            return "an object";
        }
        return visible(r) ? r.type().getSimpleName() + ":" + r.id() : "an object you may not see";
    }

    private String name(Class<?> type, List<Long> ids) {
        List<String> names = new ArrayList<>();
        for (long id : ids) {
            names.add(describe(seen.getOrDefault(id, new Row(id, -1, -1, type))));
        }
        return String.join(", ", names);
    }

    private boolean intoPrivate() {
        return targetGroupPerms != null
                && targetGroupPerms.level().orElse(Permissions.Level.PRIVATE) == Permissions.Level.PRIVATE;
    }

    private Permissions levelOf(long group) {
        return groupLevels.computeIfAbsent(group, g -> {
            ExperimenterGroup eg = h.find(ExperimenterGroup.class, g);
            if (eg == null) {
                throw new NotFoundException("ExperimenterGroup:" + g + " does not exist");
            }
            return eg.permissions();
        });
    }

    private void checkCancelled() {
        if (control.cancelled()) {
            throw new CancelledException("graph operation cancelled before commit; nothing was changed");
        }
    }

    private void progress(String phase) {
        control.progress(new GraphProgress(phase, visited, 0));
    }

    private Row row(Object[] r, int at) {
        Row row = new Row((Long) r[at], owner(r[at + 1]), owner(r[at + 2]), (Class<?>) r[at + 3]);
        seen.putIfAbsent(row.id(), row);
        return row;
    }

    private static long owner(Object o) {
        return o == null ? -1 : (Long) o;
    }

    /**
     * A query over a batch of ids. On H2 the ids are written into it as literals ({@code :ids} becomes
     * {@code (1, 2, ...)}): H2 matches a constant list by hash, but compares each row with every bound parameter of
     * a parameter list (most of a large operation's time, JFR). The ids are longs from the database, never a
     * caller's text. PostgreSQL is faster with the bound list (its plans are reused; with literals each batch is
     * parsed and planned anew: 2,000 images dry run / chgrp / delete 2.2 / 8.0 / 5.3 s bound, 5.2 / 11.6 / 9.8 s
     * literal).
     */
    private <T> org.hibernate.query.SelectionQuery<T> query(java.util.Collection<Long> ids, String hql, Class<T> type) {
        if (bound()) {
            return h.createSelectionQuery(hql, type).setParameter("ids", ids);
        }
        return h.createSelectionQuery(withIds(hql, ids), type).setQueryPlanCacheable(false);
    }

    private org.hibernate.query.MutationQuery mutation(java.util.Collection<Long> ids, String hql) {
        if (bound()) {
            return h.createMutationQuery(hql).setParameter("ids", ids);
        }
        return h.createMutationQuery(withIds(hql, ids));
    }

    private org.hibernate.query.MutationQuery nativeMutation(java.util.Collection<Long> ids, String sql) {
        if (bound()) {
            return h.createNativeMutationQuery(sql).setParameter("ids", ids);
        }
        return h.createNativeMutationQuery(withIds(sql, ids));
    }

    private Boolean bound;

    private boolean bound() {
        if (bound == null) {
            bound = ((org.hibernate.engine.spi.SessionFactoryImplementor) h.getSessionFactory()).getJdbcServices()
                    .getDialect() instanceof org.hibernate.dialect.PostgreSQLDialect;
        }
        return bound;
    }

    static String withIds(String query, java.util.Collection<Long> ids) {
        StringBuilder list = new StringBuilder(ids.size() * 8 + 2).append('(');
        for (long id : ids) {
            if (list.length() > 1) {
                list.append(',');
            }
            list.append(id);
        }
        if (ids.isEmpty()) {
            list.append("null"); // matches nothing, as an empty list would
        }
        String in = list.append(')').toString();
        return query.replace("(:ids)", in).replace(":ids", in);
    }

    static <T> List<List<T>> batches(java.util.Collection<T> ids) {
        List<List<T>> out = new ArrayList<>();
        List<T> cur = new ArrayList<>(Math.min(BATCH, ids.size()));
        for (T id : ids) {
            cur.add(id);
            if (cur.size() == BATCH) {
                out.add(cur);
                cur = new ArrayList<>(BATCH);
            }
        }
        if (!cur.isEmpty()) {
            out.add(cur);
        }
        return out;
    }

}
