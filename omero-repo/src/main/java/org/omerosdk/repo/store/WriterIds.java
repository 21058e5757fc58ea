package org.omerosdk.repo.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Who is writing: an id of this JVM ({@code machine.pid.startMillis}) put in the names of unfinished writes and
 * import journals, so that the next open can tell the leftovers of a killed JVM (on this machine: its process is
 * gone or is another one now) from the work of a live one. Leftovers of another machine are only taken for
 * abandoned after {@link #FOREIGN_GRACE}, since no process check reaches there.
 */
public final class WriterIds {
    /** How long the unfinished work of another machine is presumed alive. */
    public static final Duration FOREIGN_GRACE = Duration.ofHours(24);

    private static final String MACHINE = machine();
    private static final String CURRENT = MACHINE + "." + ProcessHandle.current().pid() + "."
            + ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli).orElse(0L);

    private WriterIds() {
    }

    /** This JVM's id: letters, digits and dots only (safe in file names and store keys). */
    public static String current() {
        return CURRENT;
    }

    /**
     * Whether the writer {@code id} may still be at work: this JVM, a live process of this machine started at the
     * recorded time, or another machine's writer whose work was touched less than {@link #FOREIGN_GRACE} ago.
     * An id that does not parse (not written by this class) counts as alive: nothing is removed on a guess.
     */
    public static boolean mayBeAlive(String id, Instant lastTouched) {
        String[] parts = id.split("\\.");
        if (parts.length != 3) {
            return true;
        }
        if (!parts[0].equals(MACHINE) || MACHINE.equals("unknown")) {
            return lastTouched.isAfter(Instant.now().minus(FOREIGN_GRACE));
        }
        long pid;
        long started;
        try {
            pid = Long.parseLong(parts[1]);
            started = Long.parseLong(parts[2]);
        } catch (NumberFormatException e) {
            return true;
        }
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        return p.isPresent() && p.get().isAlive() && p.get().info().startInstant()
                .map(i -> i.toEpochMilli() == started).orElse(true);
    }

    /** The writer id at the start of a name written as {@code id + "_" + rest}, or empty. */
    public static Optional<String> of(String name) {
        int cut = name.indexOf('_');
        return cut <= 0 ? Optional.empty() : Optional.of(name.substring(0, cut));
    }

    private static String machine() {
        for (String file : new String[] {"/etc/machine-id", "/var/lib/dbus/machine-id"}) {
            try {
                String id = Files.readString(Path.of(file)).trim();
                if (id.matches("[0-9a-fA-F]{8,64}")) {
                    return id;
                }
            } catch (IOException | RuntimeException ignored) {
                // not Linux, or not readable: try the next
            }
        }
        String host = System.getenv("HOSTNAME") != null ? System.getenv("HOSTNAME") : System.getenv("COMPUTERNAME");
        String safe = host == null ? "" : host.replaceAll("[^A-Za-z0-9]", "");
        return safe.isEmpty() ? "unknown" : safe;
    }
}
