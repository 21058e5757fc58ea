package org.omerosdk.sdk;

import java.nio.file.Path;
import java.util.Arrays;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.core.Image;
import org.omerosdk.sdk.graph.GraphRequest;

/**
 * A child JVM for the crash test: opens an existing repository, deletes images as root and dies (halt, no
 * shutdown hooks, nothing closed) the moment the delete has committed and before it removes any file.
 *
 * <p>Arguments: {@code h2 DATA_DIR MANAGED_DIR ID...} or {@code pg HOST PORT DB MANAGED_DIR ID...}.
 */
public final class GraphCrashChild {
    /** The exit status of a JVM that died where it should. */
    static final int DIED_AFTER_COMMIT = 3;

    private GraphCrashChild() {
    }

    public static void main(String[] args) {
        OmeroSdk.Builder b = OmeroSdk.builder();
        int at;
        if (args[0].equals("h2")) {
            b.dataDirectory(Path.of(args[1])).set(ConfigKeys.MANAGED_DIR, args[2]);
            at = 3;
        } else {
            b.set(ConfigKeys.DB_HOST, args[1]).set(ConfigKeys.DB_PORT, args[2]).set(ConfigKeys.DB_NAME, args[3])
                    .set(ConfigKeys.DB_USER, "postgres").set(ConfigKeys.DB_PASS, "")
                    .set(ConfigKeys.MANAGED_DIR, args[4]);
            at = 5;
        }
        long[] ids = Arrays.stream(args, at, args.length).mapToLong(Long::parseLong).toArray();
        OmeroSdk sdk = b.open();
        sdk.rootSession().graphs().submit(GraphRequest.delete(Image.class, ids), p -> {
            if (p.phase().equals("files")) {
                Runtime.getRuntime().halt(DIED_AFTER_COMMIT);
            }
        }).await();
        System.exit(0);
    }
}
