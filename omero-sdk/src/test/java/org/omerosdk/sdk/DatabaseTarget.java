package org.omerosdk.sdk;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.omerosdk.model.config.ConfigKeys;

/** Where a test's SDK stores its metadata: a fresh H2 data directory or a fresh database in the shared PostgreSQL. */
public interface DatabaseTarget {
    AtomicInteger COUNTER = new AtomicInteger();

    OmeroSdk.Builder configure(OmeroSdk.Builder builder, Path scratch);

    DatabaseTarget H2 = (b, scratch) -> b.dataDirectory(scratch.resolve("data" + COUNTER.incrementAndGet()));

    DatabaseTarget POSTGRES = (b, scratch) -> {
        EmbeddedPostgres pg = EmbeddedPostgres.shared();
        int n = COUNTER.incrementAndGet();
        String name = "omero" + ProcessHandle.current().pid() + "_" + n;
        pg.createDatabase(name);
        return b.set(ConfigKeys.DB_HOST, "127.0.0.1").set(ConfigKeys.DB_PORT, Integer.toString(pg.port()))
                .set(ConfigKeys.DB_NAME, name).set(ConfigKeys.DB_USER, "postgres").set(ConfigKeys.DB_PASS, "")
                .set(ConfigKeys.DB_POOLSIZE, "4")
                // the files go to the test's scratch directory, never to OMERO's shared default /OMERO/ManagedRepository
                .set(ConfigKeys.MANAGED_DIR, scratch.resolve("managed" + n).toString());
    };
}
