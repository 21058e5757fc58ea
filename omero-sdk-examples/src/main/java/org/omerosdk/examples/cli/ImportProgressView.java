package org.omerosdk.examples.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.util.Locale;
import org.omerosdk.model.ValidationException;
import org.omerosdk.sdk.ImportListener;
import org.omerosdk.sdk.ImportProgress;
import org.omerosdk.sdk.ImportReport;

/**
 * What {@code omero import} shows while it works: on a terminal, one bar redrawn in place (bytes of the batch,
 * filesets done, the current step); otherwise one plain line per fileset as it ends, so that logs stay readable.
 */
abstract class ImportProgressView implements ImportListener {
    protected final PrintWriter err;

    ImportProgressView(PrintWriter err) {
        this.err = err;
    }

    /** {@code auto} picks the bar when stderr is a terminal. */
    static ImportProgressView of(String mode, PrintWriter err) {
        return switch (mode.toLowerCase(Locale.ROOT)) {
            case "bar" -> new Bar(err);
            case "lines" -> new Lines(err);
            case "auto" -> isTerminal() ? new Bar(err) : new Lines(err);
            default -> throw new ValidationException("--progress " + mode + ": use auto, bar or lines");
        };
    }

    private static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22+ returns a console even when redirected; it then says whether it is a terminal
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** Ends the view (the bar's line). */
    void done() {
        err.flush();
    }

    static String describe(ImportReport r) {
        if (r.ok()) {
            return String.format(Locale.ROOT, "imported %s (%s): %d images, %d files, %.1f MB in %.1f s", r.source(),
                    r.format(), r.images().size(), r.files().size(), r.bytes() / 1e6, r.time().toMillis() / 1e3);
        }
        return "failed %s: %s".formatted(r.source(), r.error().map(Throwable::getMessage).orElse("?"));
    }

    /** One line per fileset. */
    static final class Lines extends ImportProgressView {
        Lines(PrintWriter err) {
            super(err);
        }

        @Override
        public void started(int filesets, long files, long bytes) {
            err.printf(Locale.ROOT, "importing %d filesets, %d files, %.1f MB%n", filesets, files, bytes / 1e6);
            err.flush();
        }

        @Override
        public synchronized void finished(ImportReport report) {
            err.println(describe(report));
            err.flush();
        }
    }

    /** One line redrawn with a carriage return; a fileset's end is printed above it. */
    static final class Bar extends ImportProgressView {
        private static final int WIDTH = 30;
        private long lastDrawn;
        private String line = "";

        Bar(PrintWriter err) {
            super(err);
        }

        @Override
        public synchronized void progress(ImportProgress p) {
            long now = System.nanoTime();
            // redrawing costs more than a step of a small file: at most 20 times a second
            if (now - lastDrawn < 50_000_000L && p.batchBytesDone() < p.batchBytesTotal()) {
                return;
            }
            lastDrawn = now;
            draw(p);
        }

        private void draw(ImportProgress p) {
            long total = Math.max(1, p.batchBytesTotal());
            int percent = (int) Math.min(100, 100 * p.batchBytesDone() / total);
            int filled = percent * WIDTH / 100;
            String text = String.format(Locale.ROOT, "[%s%s] %3d%% %.1f/%.1f MB  %d/%d filesets  %s", "#".repeat(filled),
                    ".".repeat(WIDTH - filled), percent, p.batchBytesDone() / 1e6, p.batchBytesTotal() / 1e6,
                    p.filesetsDone(), p.filesetsTotal(), p.step());
            err.print("\r" + text + " ".repeat(Math.max(0, line.length() - text.length())));
            err.flush();
            line = text;
        }

        @Override
        public synchronized void finished(ImportReport report) {
            String text = describe(report);
            err.print("\r" + text + " ".repeat(Math.max(0, line.length() - text.length())) + "\n");
            if (!line.isEmpty()) {
                err.print(line);
            }
            err.flush();
        }

        @Override
        synchronized void done() {
            if (!line.isEmpty()) {
                err.print("\r" + " ".repeat(line.length()) + "\r");
            }
            err.flush();
        }
    }
}
