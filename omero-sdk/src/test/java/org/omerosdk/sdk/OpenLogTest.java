package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.StorageException;
import org.omerosdk.model.config.ConfigKeys;

/**
 * At INFO, an open and close logs one line, which says where the repository is; no library below talks. A database
 * that cannot be reached still fails the open with the driver's reason.
 */
class OpenLogTest {
    @TempDir
    Path dir;

    @Test
    void openAndCloseLogOneInfoLineNamingTheRepository() {
        // the first open creates the repository; the second is the normal case
        OmeroSdk.builder().dataDirectory(dir).rootPassword("secret".toCharArray()).open().close();

        List<String> lines = stderrOf(() -> OmeroSdk.builder().dataDirectory(dir).open().close());
        List<String> info = lines.stream().filter(l -> l.contains(" INFO ")).toList();
        assertEquals(1, info.size(), "one INFO line per open:\n" + String.join("\n", lines));
        assertTrue(info.get(0).contains("omero-sdk opened") && info.get(0).contains(dir.toAbsolutePath().toString()),
                info.get(0));
    }

    @Test
    void databaseThatRefusesConnectionsFailsTheOpenWithTheDriversReason() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        StorageException refused = assertThrows(StorageException.class, () -> OmeroSdk.builder().dataDirectory(dir)
                .set(ConfigKeys.DB_URL, "jdbc:postgresql://127.0.0.1:" + closedPort + "/omero").open().close());
        assertTrue(refused.getMessage().startsWith("cannot connect to the database at jdbc:postgresql://127.0.0.1:"
                + closedPort + "/omero: ") && refused.getMessage().contains("refused"), refused.getMessage());
    }

    /** slf4j-simple, the tests' backend, writes to whatever System.err is at the time of the call. */
    private static List<String> stderrOf(Runnable body) {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setErr(err);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        err.print(text);
        return text.lines().toList();
    }
}
