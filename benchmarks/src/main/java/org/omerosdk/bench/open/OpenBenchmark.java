package org.omerosdk.bench.open;

import java.nio.file.Path;
import java.util.Locale;
import javax.sql.DataSource;
import org.omerosdk.sdk.EmbeddedPostgres;
import org.omerosdk.sdk.OmeroSdk;

/**
 * Times {@code OmeroSdk.builder()...open()} through the public API. Modes, each meant for a fresh JVM (what a user
 * starting an application sees, class loading included):
 * <ul>
 *   <li>{@code new-h2 DIR}: the first open of a new data directory (schema created, root bootstrapped);</li>
 *   <li>{@code existing-h2 DIR}: the open of a data directory created before;</li>
 *   <li>{@code existing-h2-warm DIR}: an open and close of that directory, then the timed open again in the same JVM
 *       (an application that reopens, a plugin host reconnecting);</li>
 *   <li>{@code pg}: PostgreSQL (embedded binaries): one open that creates the schema, then the timed open of that
 *       existing database.</li>
 * </ul>
 * Prints {@code seconds=S}.
 */
public final class OpenBenchmark {
    private OpenBenchmark() {
    }

    public static void main(String[] args) {
        double s;
        switch (args[0]) {
            case "new-h2":
            case "existing-h2":
                s = time(OmeroSdk.builder().dataDirectory(Path.of(args[1])).rootPassword("bench".toCharArray()));
                break;
            case "existing-h2-warm":
                time(OmeroSdk.builder().dataDirectory(Path.of(args[1])));
                s = time(OmeroSdk.builder().dataDirectory(Path.of(args[1])));
                break;
            case "pg":
                EmbeddedPostgres pg = EmbeddedPostgres.shared();
                pg.createDatabase("openbench");
                DataSource ds = pg.dataSource("openbench");
                time(OmeroSdk.builder().dataSource(ds).rootPassword("bench".toCharArray()));
                s = time(OmeroSdk.builder().dataSource(ds));
                break;
            default:
                throw new IllegalArgumentException("mode: new-h2 DIR, existing-h2 DIR, existing-h2-warm DIR or pg");
        }
        System.out.printf(Locale.ROOT, "seconds=%.3f%n", s);
    }

    private static double time(OmeroSdk.Builder builder) {
        long t0 = System.nanoTime();
        try (OmeroSdk sdk = builder.open()) {
            double s = (System.nanoTime() - t0) / 1e9;
            sdk.rootSession().close();
            return s;
        }
    }
}
