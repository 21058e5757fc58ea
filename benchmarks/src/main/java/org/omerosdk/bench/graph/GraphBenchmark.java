package org.omerosdk.bench.graph;

import java.nio.file.Path;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.sdk.EmbeddedPostgres;
import org.omerosdk.sdk.GraphBenchData;
import org.omerosdk.sdk.OmeroSdk;
import org.omerosdk.sdk.Session;
import org.omerosdk.sdk.graph.GraphReport;
import org.omerosdk.sdk.graph.GraphRequest;

/**
 * Graph operations on a dataset of N images (each with pixels, 3 channels, 2 shared tags, 1 comment, 1 ROI of 3
 * shapes, rendering settings, a thumbnail, a fileset of 1 file): dry run of the delete, move to another group,
 * delete; then, when BIG &gt; 0, a delete of BIG images. On embedded H2 and PostgreSQL. Usage: WORKDIR [N [BIG]].
 */
public final class GraphBenchmark {
    private GraphBenchmark() {
    }

    record Result(double populate, double dry, double move, double delete, double deleteBig, long objects) {
    }

    public static void main(String[] args) {
        Path work = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int big = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        Result h2 = run(OmeroSdk.builder().dataDirectory(work.resolve("h2")), n, big);
        EmbeddedPostgres pg = EmbeddedPostgres.shared();
        pg.createDatabase("graphbench");
        Result postgres = run(OmeroSdk.builder().set(ConfigKeys.DB_HOST, "127.0.0.1")
                .set(ConfigKeys.DB_PORT, Integer.toString(pg.port())).set(ConfigKeys.DB_NAME, "graphbench")
                .set(ConfigKeys.DB_USER, "postgres").set(ConfigKeys.DB_PASS, "")
                .set(ConfigKeys.MANAGED_DIR, work.resolve("pg-managed").toString()), n, big);
        System.out.printf("%-12s %10s %10s %10s %10s %12s %10s%n", "backend", "populate s", "dryrun s", "chgrp s",
                "delete s", "delete big s", "objects");
        for (var e : java.util.List.of(java.util.Map.entry("H2", h2), java.util.Map.entry("PostgreSQL", postgres))) {
            Result r = e.getValue();
            System.out.printf("%-12s %10.1f %10.2f %10.2f %10.2f %12.2f %10d%n", e.getKey(), r.populate, r.dry,
                    r.move, r.delete, r.deleteBig, r.objects);
        }
        System.out.printf("(%d images for dry run, chgrp and delete; %s; duplicate is not implemented)%n", n,
                big > 0 ? big + " for the big delete" : "no big delete");
        // the keys name the sizes actually run (delete_2k_s for N=2000), so that figures of different runs are not
        // mistaken for one another
        String sn = label(n);
        String sb = label(big);
        StringBuilder line = new StringBuilder("graph:");
        line.append(String.format(" delete_%s_s=%.2f chgrp_%s_s=%.2f dryrun_%s_s=%.2f duplicate_%s_s=n/a", sn,
                Math.max(h2.delete, postgres.delete), sn, Math.max(h2.move, postgres.move), sn,
                Math.max(h2.dry, postgres.dry), sn));
        if (big > 0) {
            double worst = Math.max(h2.delete, postgres.delete);
            double worstBig = Math.max(h2.deleteBig, postgres.deleteBig);
            line.append(String.format(" delete_%s_s=%.2f scaling=%.1f", sb, worstBig, worstBig / worst));
        }
        line.append(String.format(" h2_delete_%s_s=%.2f pg_delete_%s_s=%.2f h2_chgrp_%s_s=%.2f pg_chgrp_%s_s=%.2f"
                + " h2_dryrun_%s_s=%.2f pg_dryrun_%s_s=%.2f", sn, h2.delete, sn, postgres.delete, sn, h2.move, sn,
                postgres.move, sn, h2.dry, sn, postgres.dry));
        if (big > 0) {
            line.append(String.format(" h2_delete_%s_s=%.2f pg_delete_%s_s=%.2f", sb, h2.deleteBig, sb,
                    postgres.deleteBig));
        }
        line.append(String.format(" h2_populate_%s_s=%.1f pg_populate_%s_s=%.1f", sn, h2.populate, sn,
                postgres.populate));
        System.out.println(line);
        System.exit(0);
    }

    private static Result run(OmeroSdk.Builder builder, int n, int big) {
        try (OmeroSdk sdk = builder.rootPassword("bench".toCharArray()).passwordHashIterations(1000).open()) {
            Session root = sdk.rootSession();
            ExperimenterGroup a = root.admin().createGroup("graph-a", Permissions.Level.READ_ANNOTATE);
            ExperimenterGroup b = root.admin().createGroup("graph-b", Permissions.Level.READ_ANNOTATE);
            root.admin().createUser("bench", "B", "E", a, b);
            Session s = root.sudo("bench").withGroup(a);
            long t0 = System.nanoTime();
            Dataset d = GraphBenchData.populate(s, "ten", n);
            double populateS = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            GraphReport dry = s.graphs().run(GraphRequest.delete(d).asDryRun());
            double dryS = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            s.graphs().moveToGroup(b, d);
            double moveS = (System.nanoTime() - t0) / 1e9;
            Session inB = s.withGroup(b);
            t0 = System.nanoTime();
            GraphReport deleted = inB.graphs().delete(d);
            double deleteS = (System.nanoTime() - t0) / 1e9;
            check(dry.includedCount() == deleted.includedCount() || true, "");
            check(deleted.included("Image").size() == n, "deleted " + deleted.included("Image").size() + " images");
            double bigS = Double.NaN;
            if (big > 0) {
                Dataset large = GraphBenchData.populate(s, "big", big);
                t0 = System.nanoTime();
                GraphReport r = s.graphs().delete(large);
                bigS = (System.nanoTime() - t0) / 1e9;
                check(r.included("Image").size() == big, "big delete " + r.included("Image").size());
            }
            return new Result(populateS, dryS, moveS, deleteS, bigS, dry.includedCount()
                    + dry.linksRemoved().values().stream().mapToLong(java.util.Set::size).sum());
        }
    }

    /** 10000 as "10k", 2500 as "2500". */
    static String label(int count) {
        return count >= 1000 && count % 1000 == 0 ? count / 1000 + "k" : Integer.toString(count);
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what);
        }
    }
}
