package org.omerosdk.examples.demo;

import java.io.PrintWriter;
import org.omerosdk.model.ProgressListener;

/** A one-line text progress bar for long work on the command line (redrawn in place with a carriage return). */
final class ProgressBar implements ProgressListener {
    private static final int WIDTH = 30;
    private final PrintWriter out;
    private final String label;
    private int shown = -1;

    ProgressBar(PrintWriter out, String label) {
        this.out = out;
        this.label = label;
    }

    @Override
    public synchronized void progress(String step, long done, long total) {
        if (total <= 0) {
            return;
        }
        int percent = (int) (100 * done / total);
        // parallel workers report out of order: the bar only moves forward
        if (percent <= shown) {
            return;
        }
        shown = percent;
        int filled = percent * WIDTH / 100;
        out.printf("\r%s [%s%s] %3d%% %d/%d", label, "#".repeat(filled), ".".repeat(WIDTH - filled), percent, done,
                total);
        out.flush();
    }

    synchronized void done() {
        out.println();
    }
}
