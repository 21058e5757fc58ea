package org.omerosdk.bench.permissions;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.omerosdk.model.Permissions;
import org.omerosdk.permissions.Action;
import org.omerosdk.permissions.Actor;
import org.omerosdk.permissions.AdminPrivilege;
import org.omerosdk.permissions.GroupContext;
import org.omerosdk.permissions.ObjectDetails;
import org.omerosdk.permissions.PermissionEvaluator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/** Decisions per second of the pure evaluator on one thread, over a mix of roles, levels and actions. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EvaluatorBenchmark {
    static final int MIX = 64;
    Actor[] actors = new Actor[MIX];
    ObjectDetails[] objects = new ObjectDetails[MIX];
    GroupContext[] contexts = new GroupContext[MIX];
    Action[] actions = new Action[MIX];

    @Setup
    public void setUp() {
        Permissions[] levels = {Permissions.PRIVATE, Permissions.READ_ONLY, Permissions.READ_ANNOTATE,
            Permissions.READ_WRITE};
        Actor[] roles = {Actor.member(10, List.of(5L, 7L, 9L), List.of()), Actor.member(11, List.of(5L), List.of(5L)),
            Actor.member(0, List.of(0L), List.of()), Actor.restrictedAdmin(20, Set.of(AdminPrivilege.WRITE_OWNED),
                List.of(), List.of())};
        Action[] acts = {Action.VIEW, Action.ANNOTATE, Action.EDIT, Action.DELETE, Action.LINK, Action.CHOWN};
        for (int i = 0; i < MIX; i++) {
            Permissions p = levels[i % 4];
            actors[i] = roles[(i / 4) % 4];
            objects[i] = ObjectDetails.data(i % 3 == 0 ? 10 : 12, 5, p);
            contexts[i] = i % 5 == 0 ? GroupContext.ALL_GROUPS : GroupContext.of(5, p);
            actions[i] = acts[i % acts.length];
        }
    }

    @Benchmark
    @OperationsPerInvocation(MIX)
    public void decisions(Blackhole bh) {
        for (int i = 0; i < MIX; i++) {
            bh.consume(PermissionEvaluator.allowed(actors[i], contexts[i], objects[i], actions[i]));
        }
    }
}
