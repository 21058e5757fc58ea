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
 * delete; then a delete of BIG images. On embedded H2 and PostgreSQL. Usage: WORKDIR [N [BIG]].
 */
public final class GraphBenchmark {
    private GraphBenchmark() {
    }

    record Result(double dry, double move, double delete, double deleteBig, long objects) {
    }

    public static void main(String[] args) {
        Path work = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int big = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        Result h2 = run(OmeroSdk.builder().dataDirectory(work.resolve("h2")), n, big);
        EmbeddedPostgres pg = EmbeddedPostgres.shared();
        pg.createDatabase("graphbench");
        Result postgres = run(OmeroSdk.builder().set(ConfigKeys.DB_HOST, "127.0.0.1")
                .set(ConfigKeys.DB_PORT, Integer.toString(pg.port())).set(ConfigKeys.DB_NAME, "graphbench")
                .set(ConfigKeys.DB_USER, "postgres").set(ConfigKeys.DB_PASS, "")
                .set(ConfigKeys.MANAGED_DIR, work.resolve("pg-managed").toString()), n, big);
        System.out.printf("%-12s %10s %10s %10s %12s %10s%n", "backend", "dryrun s", "chgrp s", "delete s",
                "delete big s", "objects");
        for (var e : java.util.Map.of("H2", h2, "PostgreSQL", postgres).entrySet()) {
            Result r = e.getValue();
            System.out.printf("%-12s %10.2f %10.2f %10.2f %12.2f %10d%n", e.getKey(), r.dry, r.move, r.delete,
                    r.deleteBig, r.objects);
        }
        System.out.printf("(%d images for dry run, chgrp and delete; %d for the big delete; duplicate is not "
                + "implemented)%n", n, big);
        double worst10k = Math.max(h2.delete, postgres.delete);
        double worstBig = Math.max(h2.deleteBig, postgres.deleteBig);
        System.out.printf("graph: delete_10k_s=%.2f chgrp_10k_s=%.2f dryrun_10k_s=%.2f duplicate_10k_s=n/a "
                + "delete_100k_s=%.2f scaling=%.1f h2_delete_10k_s=%.2f pg_delete_10k_s=%.2f h2_chgrp_10k_s=%.2f "
                + "pg_chgrp_10k_s=%.2f h2_dryrun_10k_s=%.2f pg_dryrun_10k_s=%.2f h2_delete_100k_s=%.2f "
                + "pg_delete_100k_s=%.2f%n", worst10k, Math.max(h2.move, postgres.move), Math.max(h2.dry, postgres.dry),
                worstBig, worstBig / worst10k, h2.delete, postgres.delete, h2.move, postgres.move, h2.dry, postgres.dry,
                h2.deleteBig, postgres.deleteBig);
        System.exit(0);
    }

    private static Result run(OmeroSdk.Builder builder, int n, int big) {
        try (OmeroSdk sdk = builder.rootPassword("bench".toCharArray()).passwordHashIterations(1000).open()) {
            Session root = sdk.rootSession();
            ExperimenterGroup a = root.admin().createGroup("graph-a", Permissions.Level.READ_ANNOTATE);
            ExperimenterGroup b = root.admin().createGroup("graph-b", Permissions.Level.READ_ANNOTATE);
            root.admin().createUser("bench", "B", "E", a, b);
            Session s = root.sudo("bench").withGroup(a);
            Dataset d = GraphBenchData.populate(s, "ten", n);
            long t0 = System.nanoTime();
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
            return new Result(dryS, moveS, deleteS, bigS, dry.includedCount()
                    + dry.linksRemoved().values().stream().mapToLong(java.util.Set::size).sum());
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what);
        }
    }
}
