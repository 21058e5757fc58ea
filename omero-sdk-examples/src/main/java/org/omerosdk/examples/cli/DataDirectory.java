package org.omerosdk.examples.cli;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code --data DIR} option of every command that touches a repository. */
final class DataDirectory {
    static final String ENVIRONMENT_VARIABLE = "OMERO_DATA";
    static final String FALLBACK = "omero-data";

    @Option(names = "--data", paramLabel = "DIR",
            description = "The data directory (default: $OMERO_DATA, else ./omero-data).")
    Path data;

    /** The option, else {@code $OMERO_DATA} (when set and not empty), else {@code ./omero-data}. */
    Path resolve(Map<String, String> environment) {
        if (data != null) {
            return data;
        }
        String fromEnv = environment.get(ENVIRONMENT_VARIABLE);
        return Path.of(fromEnv != null && !fromEnv.isEmpty() ? fromEnv : FALLBACK);
    }
}
