package org.omerosdk.bench.store;

import java.nio.file.Path;
import org.omerosdk.sdk.Listing;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.omerosdk.model.DimensionOrder;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.ProgressListener;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.core.Channel;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.core.LogicalChannel;
import org.omerosdk.model.core.Pixels;
import org.omerosdk.model.units.Length;
import org.omerosdk.sdk.EmbeddedPostgres;
import org.omerosdk.importer.NewImage;
import org.omerosdk.sdk.OmeroSdk;
import org.omerosdk.sdk.Session;

/**
 * Inserts N images (each with pixels and 3 channels, linked to one dataset) through the SDK in transactions of
 * 1000, then lists them by dataset in pages of 1000; on embedded H2 and on PostgreSQL. Usage: WORKDIR [N].
 */
public final class StoreBenchmark {
    private static final int CHUNK = 1000;

    private StoreBenchmark() {
    }

    record Result(double insertPerS, double listPerS) {
    }

    public static void main(String[] args) {
        Path work = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Result h2 = run(OmeroSdk.builder().dataDirectory(work.resolve("h2")), n);
        EmbeddedPostgres pg = EmbeddedPostgres.shared();
        pg.createDatabase("bench");
        Result postgres = run(OmeroSdk.builder().set(ConfigKeys.DB_HOST, "127.0.0.1")
                .set(ConfigKeys.DB_PORT, Integer.toString(pg.port())).set(ConfigKeys.DB_NAME, "bench")
                .set(ConfigKeys.DB_USER, "postgres").set(ConfigKeys.DB_PASS, ""), n);
        System.out.printf("%-12s %14s %14s%n", "backend", "insert img/s", "list img/s");
        System.out.printf("%-12s %14.0f %14.0f%n", "H2", h2.insertPerS, h2.listPerS);
        System.out.printf("%-12s %14.0f %14.0f%n", "PostgreSQL", postgres.insertPerS, postgres.listPerS);
        System.out.printf("(%d images; each insert row = image + pixels + 3 logical channels + 3 channels + link, "
                + "with their event-log rows)%n", n);
        System.out.printf("store: h2_insert_rows_s=%.0f pg_insert_rows_s=%.0f h2_list_rows_s=%.0f "
                + "pg_list_rows_s=%.0f ratio_pg_h2_insert=%.2f%n", h2.insertPerS, postgres.insertPerS, h2.listPerS,
                postgres.listPerS, postgres.insertPerS / h2.insertPerS);
        System.exit(0);
    }

    private static Result run(OmeroSdk.Builder builder, int n) {
        try (OmeroSdk sdk = builder.rootPassword("bench".toCharArray()).passwordHashIterations(1000).open()) {
            Session s = sdk.rootSession();
            Dataset d = s.containers().createDataset("bench");
            long t0 = System.nanoTime();
            for (int done = 0; done < n; done += CHUNK) {
                List<NewImage> batch = new ArrayList<>(CHUNK);
                for (int i = done; i < Math.min(n, done + CHUNK); i++) {
                    batch.add(image(i));
                }
                s.images().saveAll(Optional.of(d), batch, ProgressListener.NONE);
            }
            double insert = n / ((System.nanoTime() - t0) / 1e9);
            long t1 = System.nanoTime();
            // every page (omero.web.page_size images each), each read after the last id of the one before
            long listed = Listing.all().stream(l -> s.containers().images(d, l)).count();
            double list = listed / ((System.nanoTime() - t1) / 1e9);
            if (listed != n) {
                throw new IllegalStateException("listed " + listed + " images, inserted " + n);
            }
            return new Result(insert, list);
        }
    }

    private static NewImage image(int i) {
        Pixels px = new Pixels(PixelType.UINT16, DimensionOrder.XYZCT, 1024, 1024, 10, 3, 1);
        px.setPhysicalSizeX(Length.micrometers(0.1));
        px.setPhysicalSizeY(Length.micrometers(0.1));
        List<Channel> cs = List.of(new Channel(new LogicalChannel("DAPI")), new Channel(new LogicalChannel("GFP")),
                new Channel(new LogicalChannel("mCherry")));
        return new NewImage(new Image("image-" + i + ".tif"), px, cs);
    }
}
