package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.omerosdk.model.OmeroException;
import org.omerosdk.model.ReadOnlyException;
import org.omerosdk.model.containers.Project;
import org.omerosdk.permissions.AdminPrivilege;

/**
 * The session-derivation test (issue 10): every way of obtaining a session — login, the public session, the root
 * session, sudo, group sudo, {@code withGroup}, and joining on this and on another instance, each after the others —
 * gives a session whose rights (its context: user, sudoer, memberships, ownerships, privileges, group context; what
 * it sees, may edit and may create; which further steps it may take) are those of a session derived afresh for the
 * same principal and limits. The principal and limits each chain should give come from a model of the rules in
 * docs/permissions.md, kept apart from the SDK's code: sessions whose chains the model maps to the same limits must
 * agree in everything, and each session's context must be what the model says.
 */
class SessionDerivationTest {
    @TempDir
    Path dir;

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("H2", DatabaseTarget.H2), Arguments.of("PostgreSQL", DatabaseTarget.POSTGRES));
    }

    /** The principal and limits a chain should give, by the model. */
    record Key(long user, long realUser, long sudoGroup, long groupOwner, boolean publicUser, long context,
               Set<AdminPrivilege> privileges) {
    }

    /** What a session may do, as seen through the public API (and the write check's answer for edits). */
    record Rights(SecurityContext context, Set<String> visible, Set<String> editable, String creates) {
    }

    /** A session reached by a chain of steps, its model key, and the key it was stored with (what a join gives). */
    record Reached(String path, Session session, Key key, Key stored) {
    }

    /** One way to get a session from another; refusals are part of the rights (a step may throw). */
    record Step(String name, Function<Reached, Reached> apply) {
    }

    private Lab lab;
    private OmeroSdk other;
    private final Map<Long, Set<AdminPrivilege>> privileges = new LinkedHashMap<>();

    private Set<AdminPrivilege> privilegesOf(long userId) {
        return privileges.computeIfAbsent(userId, id -> lab.root.admin().adminPrivileges(userById(id)));
    }

    private org.omerosdk.model.meta.Experimenter userById(long id) {
        return lab.root.read(q -> q.byId(org.omerosdk.model.meta.Experimenter.class, id)).orElseThrow();
    }

    private static Set<AdminPrivilege> intersect(Set<AdminPrivilege> a, Set<AdminPrivilege> b) {
        Set<AdminPrivilege> r = EnumSet.noneOf(AdminPrivilege.class);
        r.addAll(a);
        r.retainAll(b);
        return r;
    }

    private Reached start(String name, Session s, boolean publicUser) {
        long id = s.user().id();
        Key k = new Key(id, id, -1, -1, publicUser, SecurityContext.ALL_GROUPS,
                publicUser ? Set.of() : privilegesOf(id));
        return new Reached(name, s, k, k);
    }

    private Step sudo(String target) {
        return new Step("sudo(" + target + ")", r -> {
            long t = lab.user(target).id();
            Key k = new Key(t, r.key.realUser, -1, -1, false, SecurityContext.ALL_GROUPS,
                    intersect(privilegesOf(t), r.key.privileges));
            return new Reached(r.path + ".sudo(" + target + ")", r.session.sudo(target), k, k);
        });
    }

    private Step groupSudo(String target, String group) {
        return new Step("sudo(" + target + "," + group + ")", r -> {
            long t = lab.user(target).id();
            long g = lab.group(group).id();
            Key k = r.key.privileges.contains(AdminPrivilege.SUDO)
                    ? new Key(t, r.key.realUser, -1, -1, false, g, intersect(privilegesOf(t), r.key.privileges))
                    : new Key(t, r.key.realUser, g, r.key.user, false, g, Set.of());
            return new Reached(r.path + ".sudo(" + target + "," + group + ")",
                    r.session.sudo(target, lab.group(group)), k, k);
        });
    }

    private Step withGroup(String group) {
        return new Step("withGroup(" + group + ")", r -> {
            Key k = r.key;
            Key moved = new Key(k.user, k.realUser, k.sudoGroup, k.groupOwner, k.publicUser, lab.group(group).id(),
                    k.privileges);
            return new Reached(r.path + ".withGroup(" + group + ")", r.session.withGroup(lab.group(group)), moved,
                    r.stored);
        });
    }

    private Step join(String where, OmeroSdk sdk) {
        return new Step("join@" + where, r -> new Reached(r.path + ".join@" + where, sdk.joinSession(r.session.key()),
                r.stored, r.stored));
    }

    private List<Step> allSteps() {
        List<Step> steps = new ArrayList<>();
        for (String u : List.of("pi", "ada", "bob", "boss", "curator", "root")) {
            steps.add(sudo(u));
        }
        for (String u : List.of("ada", "bob", "boss", "root")) {
            for (String g : List.of("readOnly", "annotate", "private")) {
                steps.add(groupSudo(u, g));
            }
        }
        for (String g : List.of("private", "readOnly", "annotate", "readWrite", "published", "system")) {
            steps.add(withGroup(g));
        }
        steps.add(join("same", lab.sdk));
        steps.add(join("other", other));
        return steps;
    }

    /** The steps tried after the first one: enough for every kind of step to follow every other. */
    private List<Step> secondSteps() {
        return List.of(sudo("ada"), sudo("boss"), groupSudo("ada", "readOnly"), groupSudo("root", "readOnly"),
                withGroup("readOnly"), withGroup("private"), join("other", other));
    }

    /** A write that is rolled back: whether the session may create a project in its context, and if not, why. */
    static final class Probe extends OmeroException {
        Probe() {
            super("probe write, rolled back");
        }
    }

    private Rights rights(Session s) {
        SecurityContext ctx = s.context();
        Set<String> visible = new TreeSet<>();
        Set<String> editable = new TreeSet<>();
        for (Project p : s.containers().projects(Listing.all())) {
            visible.add(p.name());
            if (lab.sdk.store().mayEdit(ctx, p)) {
                editable.add(p.name());
            }
        }
        String creates;
        try {
            s.write((q, w) -> {
                w.create(new Project("probe"));
                throw new Probe();
            });
            creates = "committed?!";
        } catch (Probe p) {
            creates = "yes";
        } catch (OmeroException e) {
            creates = e.getClass().getSimpleName();
        }
        return new Rights(ctx, visible, editable, creates);
    }

    /** The model's expectations of one session's context. */
    private void checkAgainstModel(Reached r, Rights rights) {
        SecurityContext ctx = rights.context;
        String at = r.path;
        assertEquals(r.key.user, ctx.userId(), at);
        assertEquals(r.key.realUser, ctx.realUserId(), at);
        assertEquals(r.key.publicUser, ctx.publicUser(), at);
        assertEquals(r.key.context, ctx.groupId(), at);
        assertEquals(r.key.privileges, ctx.privileges(), at);
        if (r.key.sudoGroup != -1 || r.key.publicUser) {
            assertFalse(ctx.admin(), at + " is never an administrator's");
        }
        if (r.key.publicUser) {
            assertEquals(ReadOnlyException.class.getSimpleName(), rights.creates, at + " writes nothing");
        }
        // nothing a chain does gives more privileges than the user who logged in holds
        assertTrue(privilegesOf(r.key.realUser).containsAll(ctx.privileges()), at);
    }

    /** Applies each step, recording what it gives (or that it is refused). */
    private Map<String, Reached> expand(Reached from, List<Step> steps, Map<String, Set<String>> outcomes) {
        Map<String, Reached> out = new LinkedHashMap<>();
        Set<String> succeeded = new TreeSet<>();
        for (Step step : steps) {
            try {
                Reached r = step.apply.apply(from);
                out.put(r.path, r);
                succeeded.add(step.name);
            } catch (OmeroException e) {
                succeeded.add(step.name + " refused: " + e.getClass().getSimpleName());
            }
        }
        outcomes.put(from.path, succeeded);
        return out;
    }

    private void checkAll(List<Reached> all, Map<String, Set<String>> outcomes, Map<String, Set<String>> reduced) {
        Map<Key, Rights> rightsByKey = new LinkedHashMap<>();
        Map<Key, String> firstPath = new LinkedHashMap<>();
        Map<Key, Set<String>> stepsByKey = new LinkedHashMap<>();
        for (Reached r : all) {
            Rights rights = rights(r.session);
            checkAgainstModel(r, rights);
            Rights fresh = rightsByKey.putIfAbsent(r.key, rights);
            firstPath.putIfAbsent(r.key, r.path);
            if (fresh != null) {
                assertEquals(fresh, rights, r.path + " differs from " + firstPath.get(r.key)
                        + ", which the model gives the same principal and limits");
            }
            Set<String> steps = reduced.get(r.path);
            if (steps != null) {
                Set<String> seen = stepsByKey.putIfAbsent(r.key, steps);
                if (seen != null) {
                    assertEquals(seen, steps, "the steps open to " + r.path + " differ from those of an equal session");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void everyWayOfObtainingASessionGivesTheRightsOfAFreshOneWithTheSameLimits(String name, DatabaseTarget db) {
        try (Lab opened = Lab.open(db, dir)) {
            lab = opened;
            other = lab.anotherInstance();
            List<Reached> starts = new ArrayList<>();
            for (String u : List.of("pi", "ada", "bob", "boss", "curator")) {
                starts.add(start("login(" + u + ")", lab.login(u), false));
            }
            starts.add(start("publicSession", lab.sdk.publicSession(), true));
            starts.add(start("rootSession", lab.sdk.rootSession(), false));
            Map<String, Set<String>> full = new LinkedHashMap<>();
            Map<String, Set<String>> reduced = new LinkedHashMap<>();
            List<Reached> all = new ArrayList<>(starts);
            for (Reached s : starts) {
                for (Reached first : expand(s, allSteps(), full).values()) {
                    all.add(first);
                    all.addAll(expand(first, secondSteps(), reduced).values());
                }
                expand(s, secondSteps(), reduced);
            }
            assertTrue(all.size() > 300, "sessions reached: " + all.size());
            checkAll(all, full, reduced);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRestrictedAdministratorsSessionsHoldOnlyTheirPrivilegesHoweverReached(String name, DatabaseTarget db) {
        try (Lab opened = Lab.open(db, dir)) {
            lab = opened;
            other = lab.anotherInstance();
            List<Step> steps = List.of(sudo("boss"), sudo("ada"), groupSudo("ada", "readOnly"),
                    withGroup("readOnly"), join("same", lab.sdk), join("other", other));
            for (AdminPrivilege p : AdminPrivilege.values()) {
                lab.root.admin().setAdminPrivileges(lab.user("curator"), EnumSet.of(AdminPrivilege.SUDO, p));
                privileges.clear();
                Map<String, Set<String>> outcomes = new LinkedHashMap<>();
                Reached start = start("login(curator:" + p + ")", lab.login("curator"), false);
                List<Reached> all = new ArrayList<>(List.of(start));
                for (Reached first : expand(start, steps, outcomes).values()) {
                    all.add(first);
                    all.addAll(expand(first, List.of(join("other", other), withGroup("private")), outcomes)
                            .values());
                }
                checkAll(all, outcomes, Map.of());
                for (Reached r : all) {
                    assertTrue(EnumSet.of(AdminPrivilege.SUDO, p).containsAll(r.session.context().privileges()),
                            r.path);
                }
            }
        }
    }
}
