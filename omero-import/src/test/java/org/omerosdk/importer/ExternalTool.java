package org.omerosdk.importer;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a program the tests compare against (libvips, node). When it is missing the test is skipped with a clear
 * message on a developer's machine and fails on CI (CI=true), where {@code .ci/install-test-tools} installs it.
 */
public final class ExternalTool {
    private ExternalTool() {
    }

    public static boolean onCi() {
        return "true".equals(System.getenv("CI"));
    }

    /** Skips (or fails on CI) unless {@code available}. */
    public static void require(boolean available, String what) {
        if (!available) {
            if (onCi()) {
                fail(what + " is missing on CI; .ci/install-test-tools should have installed it");
            }
            Assumptions.assumeTrue(false, what + " is not installed here (run .ci/install-test-tools); skipping");
        }
    }

    public static boolean onPath(String program) {
        try {
            Process p = new ProcessBuilder("sh", "-c", "command -v " + program).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Runs the command; returns its standard output, failing the test on a non-zero exit. */
    public static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(command + " did not finish in 120 s");
        }
        if (p.exitValue() != 0) {
            fail(command + " exited " + p.exitValue() + ": " + out);
        }
        return out.trim();
    }
}
