package org.omerosdk.bench.permissions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.omerosdk.model.DimensionOrder;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.core.Channel;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.core.LogicalChannel;
import org.omerosdk.model.core.Pixels;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.sdk.EmbeddedPostgres;
import org.omerosdk.sdk.Listing;
import org.omerosdk.importer.NewImage;
import org.omerosdk.sdk.OmeroSdk;
import org.omerosdk.sdk.Session;

/**
 * The cost of the read filter on PostgreSQL: 1,000,000 images in ten groups of every level (rows interleaved, as
 * imports from several labs are), 100,000 of them in a Read-Annotate group and owned by a colleague of the member
 * who lists them. The member's listing (a page of 200 by id, through the SDK, filtered) against the same page asked
 * without the filter: root's listing of that group ({@link Listing#inGroup}), to which the read filter adds no
 * condition (an administrator in the all-groups context), so both go through the same public call, session check
 * and Hibernate query and differ only by the filter's condition; interleaved, p50 of 101 runs each; also a deep
 * page and the count. Usage: {@code ListingBenchmark [IMAGES]}.
 */
public final class ListingBenchmark {
    private static final int GROUPS = 10;
    private static final int PAGE = 200;
    private static final int RUNS = 101;

    private ListingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        EmbeddedPostgres pg = EmbeddedPostgres.shared();
        String name = "listing" + ProcessHandle.current().pid();
        pg.createDatabase(name);
        DataSource ds = pg.dataSource(name);
        // the SDK's own connection pool (HikariCP), as a deployment on PostgreSQL configures it with omero.db.*
        try (OmeroSdk sdk = OmeroSdk.builder().set(ConfigKeys.DB_HOST, "127.0.0.1")
                .set(ConfigKeys.DB_PORT, Integer.toString(pg.port())).set(ConfigKeys.DB_NAME, name)
                .set(ConfigKeys.DB_USER, "postgres").set(ConfigKeys.DB_PASS, "")
                // the files go to the run's scratch directory, never to OMERO's shared /OMERO/ManagedRepository
                .set(ConfigKeys.MANAGED_DIR, java.nio.file.Files.createTempDirectory(java.nio.file.Path.of(
                        System.getenv().getOrDefault("BENCH_WORK", System.getProperty("java.io.tmpdir"))),
                        "managed").toString())
                .rootPassword("bench".toCharArray()).passwordHashIterations(1000).open()) {
            Session root = sdk.rootSession();
            Permissions.Level[] levels = Permissions.Level.values();
            List<ExperimenterGroup> groups = new ArrayList<>();
            for (int g = 0; g < GROUPS; g++) {
                Permissions.Level level = g == 0 ? Permissions.Level.READ_ANNOTATE : levels[g % levels.length];
                ExperimenterGroup group = root.admin().createGroup("lab" + g, level);
                groups.add(group);
                root.admin().createUser("owner" + g, "Owner", "Of lab" + g, group);
            }
            ExperimenterGroup target = groups.get(0);
            root.admin().createUser("member", "Mem", "Ber", target);
            // one image per group through the SDK gives real details (owner, group, creation event) to copy
            for (int g = 0; g < GROUPS; g++) {
                try (Session owner = root.sudo("owner" + g)) {
                    owner.withGroup(groups.get(g)).images().save(new NewImage(new Image("seed " + g),
                            new Pixels(PixelType.UINT16, DimensionOrder.XYZCT, 512, 512, 1, 1, 1),
                            List.of(new Channel(new LogicalChannel("c")))));
                }
            }
            long t0 = System.nanoTime();
            bulkInsert(ds, total - GROUPS);
            System.err.printf(Locale.ROOT, "inserted %,d images in %.1f s%n", total - GROUPS,
                    (System.nanoTime() - t0) / 1e9);

            Session member = root.sudo("member");
            // the baseline: an administrator in the all-groups context reads without the filter's condition
            Listing inTarget = Listing.all().inGroup(target);
            long visible = member.images().count(Listing.all());
            long unfilteredCount = root.images().count(inTarget);
            if (visible != unfilteredCount) {
                throw new IllegalStateException("the member sees " + visible + " images; the group has "
                        + unfilteredCount);
            }
            List<Long> a = ids(member.images().list(Listing.all().page(0, PAGE)));
            List<Long> b = ids(root.images().list(inTarget.page(0, PAGE)));
            if (!a.equals(b)) {
                throw new IllegalStateException("filtered and unfiltered first pages differ");
            }
            if (Boolean.getBoolean("explain")) {
                explain(ds, target.id(), root.admin().user("member").id());
                double[] keepAlive = compare(() -> {
                    member.keepAlive();
                    return null;
                }, () -> null);
                System.err.printf(Locale.ROOT, "session check p50 %.3f ms%n", keepAlive[0]);
            }
            int deep = (int) Math.min(50_000, visible - PAGE);
            double[] first = compare(() -> member.images().list(Listing.all().page(0, PAGE)),
                    () -> root.images().list(inTarget.page(0, PAGE)));
            double[] deepPage = compare(() -> member.images().list(Listing.all().page(deep, PAGE)),
                    () -> root.images().list(inTarget.page(deep, PAGE)));
            double[] count = compare(() -> member.images().count(Listing.all()),
                    () -> root.images().count(inTarget));

            System.out.printf(Locale.ROOT, "%n| PostgreSQL, %,d images, member sees %,d (Read-Annotate group) | "
                    + "filtered p50 ms | unfiltered p50 ms | ratio |%n", total, visible);
            System.out.println("|---|---|---|---|");
            row("first page of 200, by id", first);
            row("page of 200 at offset " + deep, deepPage);
            row("count", count);
            System.out.printf(Locale.ROOT, "listing: ratio_filtered=%.2f filtered_p50_ms=%.2f "
                            + "unfiltered_p50_ms=%.2f deep_ratio=%.2f count_ratio=%.2f%n", first[0] / first[1],
                    first[0], first[1], deepPage[0] / deepPage[1], count[0] / count[1]);
        }
        System.exit(0);
    }

    private static void explain(DataSource ds, long group, long member) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String q : new String[] {
                "select * from image i where (i.group_id is null or i.group_id in (0, 1) or i.group_id in (" + group
                        + ") or i.owner_id = " + member + ") order by i.id offset 0 limit 200",
                "select * from image i where i.group_id = " + group + " order by i.id offset 0 limit 200"}) {
                System.err.println(q);
                try (ResultSet r = s.executeQuery("explain analyze " + q)) {
                    while (r.next()) {
                        System.err.println("  " + r.getString(1));
                    }
                }
            }
        }
    }

    private static void row(String what, double[] r) {
        System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f |%n", what, r[0], r[1], r[0] / r[1]);
    }

    private static List<Long> ids(List<Image> images) {
        return images.stream().map(Image::id).toList();
    }

    /** p50 milliseconds of each, runs interleaved after a warm-up so that drift hits both alike. */
    private static double[] compare(Supplier<?> filtered, Supplier<?> unfiltered) {
        for (int i = 0; i < 30; i++) {
            filtered.get();
            unfiltered.get();
        }
        double[] f = new double[RUNS];
        double[] u = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            filtered.get();
            f[i] = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            unfiltered.get();
            u[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(f);
        Arrays.sort(u);
        return new double[] {f[RUNS / 2], u[RUNS / 2]};
    }

    /**
     * Copies each group's seed image's details onto {@code n} new rows, the groups taking turns by id; the rows of
     * the Read-Annotate group go to its owner, a colleague of the member.
     */
    private static void bulkInsert(DataSource ds, int n) throws Exception {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            List<long[]> seeds = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "select group_id, owner_id, permissions, creation_id, update_id from image order by group_id")) {
                while (r.next()) {
                    seeds.add(new long[] {r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5)});
                }
            }
            StringBuilder values = new StringBuilder();
            for (int k = 0; k < seeds.size(); k++) {
                long[] s = seeds.get(k);
                values.append(k == 0 ? "" : ", ").append('(').append(k);
                for (long v : s) {
                    values.append(", ").append(v);
                }
                values.append(')');
            }
            try (PreparedStatement p = c.prepareStatement("insert into image (series, id, group_id, owner_id, "
                    + "permissions, creation_id, update_id, version, name) select 0, nextval('seq_ids'), "
                    + "g.group_id, g.owner_id, g.permissions, g.creation_id, g.update_id, 0, 'image ' || n "
                    + "from generate_series(1, ?) n join (values " + values + ") "
                    + "as g(k, group_id, owner_id, permissions, creation_id, update_id) on g.k = n % "
                    + seeds.size())) {
                p.setInt(1, n);
                p.executeUpdate();
            }
            c.commit();
            try (Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                s.execute("analyze image");
            }
        }
    }
}
