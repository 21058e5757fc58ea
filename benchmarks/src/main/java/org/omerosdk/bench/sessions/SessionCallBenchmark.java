package org.omerosdk.bench.sessions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.sdk.EmbeddedPostgres;
import org.omerosdk.sdk.FixedContextCalls;
import org.omerosdk.sdk.Listing;
import org.omerosdk.sdk.OmeroSdk;
import org.omerosdk.sdk.SecurityContext;
import org.omerosdk.sdk.Session;

/**
 * What deriving a session's context on every call costs: a small call (the first visible project) by a member of
 * ten groups through the session (session row, memberships with the user row, then the query — two membership reads
 * for a sudo session) against the same call with a context computed once (session row, then the query), interleaved,
 * p50 of {@code RUNS} calls each after a warm-up, on H2 and on PostgreSQL. Usage: {@code SessionCallBenchmark [RUNS]}.
 */
public final class SessionCallBenchmark {
    private static final int GROUPS = 10;

    private SessionCallBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 2001;
        StringBuilder summary = new StringBuilder("sessions:");
        for (String db : new String[] {"h2", "postgresql"}) {
            try (OmeroSdk sdk = open(db)) {
                Session root = sdk.rootSession();
                ExperimenterGroup[] groups = new ExperimenterGroup[GROUPS];
                for (int g = 0; g < GROUPS; g++) {
                    groups[g] = root.admin().createGroup("lab" + g, Permissions.Level.READ_ONLY);
                }
                root.admin().setPassword(root.admin().createUser("member", "M", "B", groups), "pw".toCharArray());
                try (Session m = root.sudo("member")) {
                    for (ExperimenterGroup g : groups) {
                        m.withGroup(g).containers().createProject("p" + g.name());
                    }
                }
                Session login = sdk.login("member", "pw".toCharArray());
                double[] r = measure(runs, () -> login.containers().projects(Listing.all().page(0, 1)),
                        fixed(login));
                Session sudo = root.sudo("member");
                double[] s = measure(runs, () -> sudo.containers().projects(Listing.all().page(0, 1)), fixed(sudo));
                System.out.printf(Locale.ROOT, "%-10s per-call derivation p50 %.3f ms, fixed context p50 %.3f ms, "
                        + "ratio %.2f (sudo session: %.3f / %.3f ms, ratio %.2f)%n", db, r[0], r[1], r[0] / r[1],
                        s[0], s[1], s[0] / s[1]);
                summary.append(String.format(Locale.ROOT, " %s_p50_ms=%.3f %s_fixed_p50_ms=%.3f %s_ratio=%.2f",
                        db, r[0], db, r[1], db, r[0] / r[1]));
            }
        }
        System.out.println(summary);
    }

    private static Supplier<Object> fixed(Session s) {
        SecurityContext ctx = s.context();
        return () -> FixedContextCalls.firstProject(s, ctx);
    }

    /** p50 in ms of each of two calls, interleaved, after a warm-up of a tenth of the runs. */
    private static double[] measure(int runs, Supplier<Object> a, Supplier<Object> b) {
        for (int i = 0; i < runs / 10; i++) {
            a.get();
            b.get();
        }
        long[] ta = new long[runs];
        long[] tb = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            a.get();
            long t1 = System.nanoTime();
            b.get();
            long t2 = System.nanoTime();
            ta[i] = t1 - t0;
            tb[i] = t2 - t1;
        }
        Arrays.sort(ta);
        Arrays.sort(tb);
        return new double[] {ta[runs / 2] / 1e6, tb[runs / 2] / 1e6};
    }

    private static OmeroSdk open(String db) throws Exception {
        OmeroSdk.Builder b = OmeroSdk.builder().rootPassword("bench".toCharArray()).passwordHashIterations(1000);
        if (db.equals("h2")) {
            return b.dataDirectory(Files.createTempDirectory(Path.of(System.getenv().getOrDefault("BENCH_WORK",
                    System.getProperty("java.io.tmpdir"))), "h2")).open();
        }
        EmbeddedPostgres pg = EmbeddedPostgres.shared();
        String name = "sessions" + ProcessHandle.current().pid();
        pg.createDatabase(name);
        return b.set(ConfigKeys.DB_HOST, "127.0.0.1").set(ConfigKeys.DB_PORT, Integer.toString(pg.port()))
                .set(ConfigKeys.DB_NAME, name).set(ConfigKeys.DB_USER, "postgres").set(ConfigKeys.DB_PASS, "")
                // the files go to the run's scratch directory, never to OMERO's shared /OMERO/ManagedRepository
                .set(ConfigKeys.MANAGED_DIR, Files.createTempDirectory(Path.of(System.getenv().getOrDefault(
                        "BENCH_WORK", System.getProperty("java.io.tmpdir"))), "managed").toString())
                .open();
    }
}
