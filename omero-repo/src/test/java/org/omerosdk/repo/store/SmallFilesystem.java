package org.omerosdk.repo.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A tmpfs of a few megabytes mounted for one test, to fill up on purpose. Mounting needs root (as on CI); where
 * it cannot be mounted the calling test is skipped with a message saying why.
 */
public final class SmallFilesystem implements AutoCloseable {
    private final Path dir;
    private final Path filler;

    private SmallFilesystem(Path dir) {
        this.dir = dir;
        this.filler = dir.resolve("filler");
    }

    /** Mounts a tmpfs of {@code megabytes} on a new directory below {@code parent}, or skips the test. */
    public static SmallFilesystem mount(Path parent, int megabytes) {
        try {
            Path dir = Files.createTempDirectory(parent, "small-fs");
            String why = run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", dir.toString());
            Assumptions.assumeTrue(why == null, () -> "skipped: cannot mount a " + megabytes + " MB tmpfs on " + dir
                    + " to fill up (needs root, as on CI): " + why);
            return new SmallFilesystem(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The root of the filesystem. */
    public Path root() {
        return dir;
    }

    /** Fills the filesystem with one file until at most {@code leaveBytes} remain free. */
    public void fill(long leaveBytes) {
        try {
            long usable = Files.getFileStore(dir).getUsableSpace();
            long size = Math.max(0, usable - leaveBytes);
            byte[] block = new byte[1 << 16];
            try (var out = Files.newOutputStream(filler, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND)) {
                for (long written = 0; written < size; written += block.length) {
                    out.write(block, 0, (int) Math.min(block.length, size - written));
                }
            }
        } catch (IOException e) {
            // full already: that was the point
        }
    }

    /** Removes what {@link #fill} wrote. */
    public void free() {
        try {
            Files.deleteIfExists(filler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes still free. */
    public long usableSpace() {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        String why = run("umount", "-l", dir.toString());
        if (why != null) {
            throw new IllegalStateException("cannot unmount " + dir + ": " + why);
        }
        try {
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // the empty mount point stays in the temporary directory
        }
    }

    /** Runs a command; null when it succeeded, else what went wrong. */
    private static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return String.join(" ", command) + " did not finish";
            }
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.exitValue() == 0 ? null : String.join(" ", command) + " exited " + p.exitValue() + ": " + out;
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
