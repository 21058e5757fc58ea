package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.OmeroException;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.SecurityViolation;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.annotations.Annotation;
import org.omerosdk.model.annotations.TagAnnotation;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.containers.Project;
import org.omerosdk.model.meta.Experimenter;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.model.meta.GroupExperimenterMap;
import org.omerosdk.model.meta.IObject;
import org.omerosdk.model.meta.NamedObject;
import org.omerosdk.permissions.Action;
import org.omerosdk.permissions.Actor;
import org.omerosdk.permissions.GroupContext;
import org.omerosdk.permissions.ObjectDetails;
import org.omerosdk.permissions.PermissionEvaluator;

/**
 * Random sequences of public calls by random roles in random group contexts on one repository (the {@link Lab}), on
 * H2 and on PostgreSQL: after each call, what the SDK did — returned, refused as missing, refused as forbidden —
 * must be what {@link PermissionEvaluator} decides on the stored rows (read back as root) for an actor built from the
 * stored memberships, and a refused call must have changed nothing. Between the calls, memberships change (members
 * added and removed, owner flags set and cleared — by root or the group's owner, through a second SDK instance on
 * the same database) and groups change level: the sessions opened at the start see each change on their next call
 * (every role, every context is held against the evaluator right after it), and a removed member's session in the
 * group's context can neither read nor write there any more. Seeded, so a failure names the seed and the step that
 * reproduce it ({@code -Dfuzz.seed=...}, {@code -Dfuzz.steps=...}).
 */
class PublicApiFuzzTest {
    private static final long SEED = Long.getLong("fuzz.seed", 20261202L);
    private static final int STEPS = Integer.getInteger("fuzz.steps", 300);
    private static final List<String> ROLES = List.of("root", "boss", "curator", "pi", "ada", "bob");
    /** The users whose memberships the run changes (root's and the restricted curator's stay). */
    private static final List<String> CHANGED = List.of("pi", "ada", "bob", "boss");

    @TempDir
    Path dir;

    private Lab lab;
    /** root and pi on the second instance: membership changes are made there, the sessions live on the first. */
    private Session otherRoot;
    private Session otherPi;
    private WellKnownIds ids;
    private final Random random = new Random(SEED);
    private final Map<String, Session> logins = new LinkedHashMap<>();
    private final List<NamedObject> containers = new ArrayList<>();
    private final List<TagAnnotation> tags = new ArrayList<>();
    /** Pairs linked during the run (parent id, child id): what a delete would take with it. */
    private final Set<Long> linked = new HashSet<>();
    private final List<String> trace = new ArrayList<>();
    private final Map<Long, Actor> actors = new java.util.HashMap<>();
    private final Map<Long, Permissions> levels = new java.util.HashMap<>();
    private final Map<Outcome, Integer> outcomes = new java.util.EnumMap<>(Outcome.class);

    private final Map<String, Integer> changes = new java.util.TreeMap<>();

    private enum Outcome { DONE, MISSING, FORBIDDEN, INVALID }

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("H2", DatabaseTarget.H2), Arguments.of("PostgreSQL", DatabaseTarget.POSTGRES));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void noRoleSeesOrChangesWhatTheEvaluatorDenies(String name, DatabaseTarget db) {
        try (Lab l = Lab.open(db, dir)) {
            lab = l;
            ids = WellKnownIds.read(l.sdk.store());
            OmeroSdk other = l.anotherInstance();
            otherRoot = other.rootSession();
            otherPi = other.login("pi", Lab.PASSWORD.toCharArray());
            for (String r : ROLES) {
                logins.put(r, r.equals("root") ? l.root : l.login(r));
            }
            containers.addAll(l.root.containers().projects(Listing.all()));
            for (int step = 0; step < STEPS; step++) {
                String role = ROLES.get(random.nextInt(ROLES.size()));
                Session s = context(role);
                // described before the step: a change in it may take the context away
                String where = s.context().isAllGroups() ? "all groups" : "group " + s.context().groupId();
                String what = step(role, s);
                trace.add(step + ": " + role + " in " + where + ": " + what);
            }
            // the run must have tried what is refused as well as what is allowed
            for (Outcome o : List.of(Outcome.DONE, Outcome.MISSING, Outcome.FORBIDDEN)) {
                org.junit.jupiter.api.Assertions.assertTrue(outcomes.getOrDefault(o, 0) >= 5,
                        () -> "seed " + SEED + " gave too few " + o + " outcomes to mean anything: " + outcomes);
            }
            for (String c : List.of("add", "remove", "owner", "level")) {
                org.junit.jupiter.api.Assertions.assertTrue(changes.getOrDefault(c, 0) >= 2,
                        () -> "seed " + SEED + " made too few changes of kind " + c + ": " + changes);
            }
            // a last sweep: every role, every context, sees exactly what the evaluator lets it
            sweep();
            System.out.println("PublicApiFuzzTest " + name + ", seed " + SEED + ": outcomes " + outcomes
                    + ", changes " + changes);
        }
    }

    // --- roles and contexts

    private Session context(String role) {
        List<Session> options = allContexts(role);
        return options.get(random.nextInt(options.size()));
    }

    private List<Session> allContexts(String role) {
        Session s = logins.get(role);
        List<Session> out = new ArrayList<>(List.of(s));
        boolean admin = s.context().admin();
        for (ExperimenterGroup g : lab.root.admin().groups()) {
            if (Lab.GROUPS.contains(g.name()) && (admin || s.context().memberOf().contains(g.id()))) {
                out.add(s.withGroup(g));
            }
        }
        return out;
    }

    /** The caller as the evaluator sees it, from the stored memberships and privileges (read as root). */
    private Actor actor(Session s) {
        // read once per user from the stored rows, forgotten at every membership change
        return actors.computeIfAbsent(s.user().id(), id -> storedActor(s));
    }

    private Actor storedActor(Session s) {
        Experimenter me = s.user();
        Set<Long> member = new HashSet<>();
        Set<Long> owner = new HashSet<>();
        for (ExperimenterGroup g : lab.root.admin().groupsOf(me)) {
            for (GroupExperimenterMap m : lab.root.admin().members(g)) {
                if (m.child().id() == me.id()) {
                    member.add(ids.group(g.id()));
                    if (m.isOwner()) {
                        owner.add(ids.group(g.id()));
                    }
                }
            }
        }
        long user = ids.user(me.id());
        if (!member.contains(Actor.SYSTEM_GROUP)) {
            return Actor.member(user, member, owner);
        }
        Set<org.omerosdk.permissions.AdminPrivilege> held = lab.root.admin().adminPrivileges(me);
        return held.size() == org.omerosdk.permissions.AdminPrivilege.values().length
                ? Actor.member(user, member, owner) : Actor.restrictedAdmin(user, held, member, owner);
    }

    private GroupContext groupContext(Session s) {
        if (s.context().isAllGroups()) {
            return GroupContext.ALL_GROUPS;
        }
        return GroupContext.of(ids.group(s.context().groupId()), level(s.context().groupId()));
    }

    private Permissions level(long groupId) {
        // read once per group from the stored row, forgotten at every level change
        return levels.computeIfAbsent(groupId, g -> lab.root.admin().groups().stream().filter(x -> x.id() == g)
                .findFirst().orElseThrow().permissions());
    }

    /** The stored row's details, read as root (never the copy the run holds). */
    private ObjectDetails details(IObject o) {
        return storedDetails(lab.root.reload(o));
    }

    private ObjectDetails storedDetails(IObject stored) {
        long group = stored.details().groupId().orElseThrow();
        return ObjectDetails.data(ids.user(stored.details().ownerId().orElseThrow()), ids.group(group),
                level(group));
    }

    private Outcome expected(Session s, IObject o, Action a) {
        Actor actor = actor(s);
        GroupContext ctx = groupContext(s);
        ObjectDetails d = details(o);
        if (!PermissionEvaluator.canView(actor, ctx, d)) {
            return Outcome.MISSING;
        }
        return PermissionEvaluator.allowed(actor, ctx, d, a) ? Outcome.DONE : Outcome.FORBIDDEN;
    }

    private static Outcome run(Supplier<?> call) {
        try {
            call.get();
            return Outcome.DONE;
        } catch (NotFoundException e) {
            return Outcome.MISSING;
        } catch (SecurityViolation e) {
            return Outcome.FORBIDDEN;
        } catch (ValidationException e) {
            return Outcome.INVALID;
        }
    }

    private void check(String what, Outcome expected, Outcome actual) {
        outcomes.merge(actual, 1, Integer::sum);
        assertEquals(expected, actual, () -> "seed " + SEED + ", step " + trace.size() + ": " + what
                + "\nsteps before:\n" + String.join("\n", trace.subList(Math.max(0, trace.size() - 15),
                trace.size())));
    }

    // --- one random call

    private String step(String role, Session s) {
        int op = random.nextInt(100);
        if (op < 18) {
            checkView(role, s);
            return "view";
        }
        if (op < 32) {
            return create(s);
        }
        if (op < 50 && !containers.isEmpty()) {
            return rename(s, pick(containers));
        }
        if (op < 67 && !containers.isEmpty() && !tags.isEmpty()) {
            return annotate(s, pick(containers), pick(tags));
        }
        if (op < 79) {
            return link(s);
        }
        if (op < 88 && !containers.isEmpty()) {
            return delete(s, pick(containers));
        }
        if (op < 96) {
            return changeMembership();
        }
        return changeLevel();
    }

    // --- changes between the calls

    private Optional<GroupExperimenterMap> storedMembership(Experimenter u, ExperimenterGroup g) {
        return lab.root.admin().members(g).stream().filter(m -> m.child().id() == u.id()).findFirst();
    }

    private static Outcome runChange(Runnable call) {
        try {
            call.run();
            return Outcome.DONE;
        } catch (NotFoundException e) {
            return Outcome.MISSING;
        } catch (SecurityViolation e) {
            return Outcome.FORBIDDEN;
        } catch (ValidationException e) {
            return Outcome.INVALID;
        }
    }

    /**
     * Adds, removes or flips the owner flag of a membership of one of {@link #CHANGED} in one of the lab's groups,
     * through the second instance, by root or (half the time, where pi owns the group) by pi; then every session
     * opened at the start is held against the evaluator at once, and a removed member's session in the group's
     * context, open from before, is refused there.
     */
    private String changeMembership() {
        String name = pick(CHANGED);
        Experimenter u = lab.user(name);
        ExperimenterGroup g = lab.group(pick(Lab.GROUPS));
        Optional<GroupExperimenterMap> before = storedMembership(u, g);
        boolean piOwns = storedMembership(lab.user("pi"), g).map(GroupExperimenterMap::isOwner).orElse(false);
        boolean byPi = piOwns && random.nextBoolean();
        Session by = byPi ? otherPi : otherRoot;
        boolean targetIsAdmin = lab.root.admin().groupsOf(u).stream().anyMatch(x -> x.id() == ids.systemGroup);
        long otherGroups = lab.root.admin().groupsOf(u).stream()
                .filter(x -> x.id() != g.id() && x.id() != ids.userGroup).count();
        Session held = before.isPresent() ? logins.get(name).withGroup(g) : null;
        String kind;
        Outcome expected;
        Outcome actual;
        if (before.isEmpty()) {
            kind = "add";
            // an owner may not add a privileged user (they could then group-sudo into them)
            expected = byPi && targetIsAdmin ? Outcome.FORBIDDEN : Outcome.DONE;
            actual = runChange(() -> by.admin().addToGroup(u, g, false));
        } else if (random.nextBoolean()) {
            kind = "remove";
            expected = otherGroups == 0 ? Outcome.INVALID : Outcome.DONE;
            actual = runChange(() -> by.admin().removeFromGroup(u, g));
        } else {
            kind = "owner";
            boolean owner = !before.get().isOwner();
            expected = Outcome.DONE;
            actual = runChange(() -> by.admin().addToGroup(u, g, owner));
        }
        String what = kind + " " + name + " / " + g.name() + " by " + (byPi ? "pi" : "root");
        check(what, expected, actual);
        Optional<GroupExperimenterMap> after = storedMembership(u, g);
        if (actual != Outcome.DONE) {
            assertEquals(before.map(GroupExperimenterMap::isOwner), after.map(GroupExperimenterMap::isOwner),
                    "seed " + SEED + ": a refused " + what + " changed the membership");
        } else {
            changes.merge(kind, 1, Integer::sum);
            assertEquals(!kind.equals("remove"), after.isPresent(), "seed " + SEED + ": " + what);
        }
        actors.clear();
        if (actual == Outcome.DONE && kind.equals("remove") && !targetIsAdmin) {
            // the member's session in the group's context, open from before, works there no more
            Outcome read = run(() -> held.containers().projects(Listing.all()));
            Outcome write = run(() -> held.containers().createProject("after removal " + trace.size()));
            check(name + " reads in " + g.name() + " after removal", Outcome.FORBIDDEN, read);
            check(name + " writes in " + g.name() + " after removal", Outcome.FORBIDDEN, write);
        }
        sweep();
        return what + ": " + actual;
    }

    /** Changes a lab group's level (root, or pi where he owns it), then holds every session against the evaluator. */
    private String changeLevel() {
        ExperimenterGroup g = lab.group(pick(Lab.GROUPS));
        Permissions.Level to = pick(List.of(Permissions.Level.values()));
        boolean piOwns = storedMembership(lab.user("pi"), g).map(GroupExperimenterMap::isOwner).orElse(false);
        boolean byPi = piOwns && random.nextBoolean();
        Session by = byPi ? logins.get("pi") : lab.root;
        Permissions from = storedLevel(g.id());
        boolean blocked = !lab.root.admin().changeLevel(g, to, true).blockers().isEmpty();
        Outcome actual = runChange(() -> by.admin().changeLevel(g, to, false));
        String what = "level of " + g.name() + " " + from + " -> " + to + " by " + (byPi ? "pi" : "root");
        check(what, blocked ? Outcome.INVALID : Outcome.DONE, actual);
        assertEquals(actual == Outcome.DONE ? to.permissions() : from, storedLevel(g.id()),
                "seed " + SEED + ": " + what + " " + actual);
        if (actual == Outcome.DONE) {
            changes.merge("level", 1, Integer::sum);
        }
        levels.clear();
        sweep();
        return what + ": " + actual;
    }

    private Permissions storedLevel(long groupId) {
        return lab.root.admin().groups().stream().filter(x -> x.id() == groupId).findFirst().orElseThrow()
                .permissions();
    }

    /** Every role in every context it may use now sees exactly what the evaluator lets it. */
    private void sweep() {
        for (String role : ROLES) {
            for (Session s : allContexts(role)) {
                checkView(role, s);
            }
        }
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private void checkView(String role, Session s) {
        Actor actor = actor(s);
        GroupContext ctx = groupContext(s);
        Set<Long> expected = new TreeSet<>();
        for (Project p : lab.root.containers().projects(Listing.all())) {
            if (PermissionEvaluator.canView(actor, ctx, storedDetails(p))) {
                expected.add(p.id());
            }
        }
        Set<Long> seen = new TreeSet<>();
        for (Project p : s.containers().projects(Listing.all())) {
            seen.add(p.id());
        }
        assertEquals(expected, seen, () -> "seed " + SEED + ", step " + trace.size() + ": " + role + " in "
                + s.context().groupId() + " sees other projects than the evaluator allows");
    }

    private String create(Session s) {
        boolean tag = random.nextBoolean();
        String name = "fuzz" + trace.size();
        // creating needs a group the caller belongs to (or WriteOwned); the write group is always one here
        Outcome actual = run(() -> tag ? tags.add(s.annotations().createTag(name))
                : containers.add(random.nextBoolean() ? s.containers().createProject(name)
                : s.containers().createDataset(name)));
        boolean may = s.context().has(org.omerosdk.permissions.AdminPrivilege.WRITE_OWNED)
                || s.context().memberOf().contains(s.context().writeGroupId());
        check("create " + (tag ? "tag " : "container ") + name, may ? Outcome.DONE : Outcome.FORBIDDEN, actual);
        return "create " + name + ": " + actual;
    }

    private String rename(Session s, NamedObject o) {
        NamedObject before = lab.root.reload(o);
        Outcome expected = expected(s, o, Action.EDIT);
        Outcome actual = run(() -> s.rename(before, before.name() + "'"));
        check("rename " + o, expected, actual);
        NamedObject after = lab.root.reload(o);
        assertEquals(actual == Outcome.DONE ? before.name() + "'" : before.name(), after.name(),
                "seed " + SEED + ": rename " + o + " " + actual);
        return "rename " + o + ": " + actual;
    }

    private String annotate(Session s, NamedObject target, TagAnnotation tag) {
        Outcome expected = linkOutcome(s, target, tag, Action.ANNOTATE);
        int before = annotations(target);
        Outcome actual = run(() -> s.annotations().attach(target, tag));
        check("attach " + tag + " to " + target, expected, actual);
        assertEquals(before + (actual == Outcome.DONE ? 1 : 0), annotations(target),
                "seed " + SEED + ": attach " + tag + " to " + target + " " + actual);
        if (actual == Outcome.DONE) {
            linked.add(target.id());
            linked.add(tag.id());
        }
        return "attach " + tag + " to " + target + ": " + actual;
    }

    private String link(Session s) {
        List<Project> projects = containers.stream().filter(c -> c instanceof Project).map(c -> (Project) c)
                .toList();
        List<Dataset> datasets = containers.stream().filter(c -> c instanceof Dataset).map(c -> (Dataset) c)
                .toList();
        if (projects.isEmpty() || datasets.isEmpty()) {
            return "nothing to link";
        }
        Project p = pick(projects);
        Dataset d = pick(datasets);
        Outcome expected = linkOutcome(s, p, d, Action.LINK);
        int before = lab.root.containers().datasets(p, Listing.all()).size();
        Outcome actual = run(() -> s.containers().link(p, d));
        check("link " + p + " to " + d, expected, actual);
        assertEquals(before + (actual == Outcome.DONE ? 1 : 0), lab.root.containers().datasets(p, Listing.all()).size(),
                "seed " + SEED + ": link " + p + " to " + d + " " + actual);
        if (actual == Outcome.DONE) {
            linked.add(p.id());
            linked.add(d.id());
        }
        return "link " + p + " to " + d + ": " + actual;
    }

    /**
     * A link's outcome: either end invisible answers missing (the parent first); ends in different groups are
     * refused; then the evaluator's right on both ends; a pair already linked is a validation error.
     */
    private Outcome linkOutcome(Session s, IObject parent, IObject child, Action a) {
        Outcome p = expected(s, parent, a);
        Outcome c = expected(s, child, a);
        if (p == Outcome.MISSING || c == Outcome.MISSING) {
            return Outcome.MISSING;
        }
        long pg = lab.root.reload(parent).details().groupId().orElseThrow();
        long cg = lab.root.reload(child).details().groupId().orElseThrow();
        boolean special = ids.group(cg) == Actor.SYSTEM_GROUP || ids.group(cg) == Actor.USER_GROUP;
        if (pg != cg && !special) {
            return Outcome.FORBIDDEN;
        }
        boolean childChecked = !special;
        if (p == Outcome.FORBIDDEN || childChecked && c == Outcome.FORBIDDEN) {
            return Outcome.FORBIDDEN;
        }
        return alreadyLinked(parent, child) ? Outcome.INVALID : Outcome.DONE;
    }

    private boolean alreadyLinked(IObject parent, IObject child) {
        if (child instanceof Annotation) {
            return lab.root.annotations().on(parent).stream().anyMatch(x -> x.id() == child.id());
        }
        return lab.root.containers().datasets((Project) parent, Listing.all()).stream().anyMatch(x -> x.id() == child.id());
    }

    private int annotations(NamedObject target) {
        return lab.root.annotations().on(target).size();
    }

    private String delete(Session s, NamedObject o) {
        if (linked.contains(o.id())) {
            // the graph engine's rules for links and annotations are GraphDeleteContract's; here, lone objects
            return "skip delete of linked " + o;
        }
        Outcome expected = expected(s, o, Action.DELETE);
        Outcome actual;
        try {
            actual = run(() -> s.containers().delete(o));
        } catch (org.omerosdk.sdk.graph.GraphRefusedException e) {
            actual = Outcome.FORBIDDEN; // the graph's refusal of an object it may not delete
        }
        check("delete " + o, expected, actual);
        boolean gone = lab.root.containers().projects(Listing.all()).stream().noneMatch(x -> x.id() == o.id())
                && lab.root.containers().datasets(Listing.all()).stream().noneMatch(x -> x.id() == o.id());
        assertEquals(actual == Outcome.DONE, gone, "seed " + SEED + ": delete " + o + " " + actual);
        if (gone) {
            containers.removeIf(c -> c.id() == o.id());
        }
        return "delete " + o + ": " + actual;
    }
}
