package io.tidings.app.cli;

import java.io.PrintStream;

/** A one-line text progress bar, redrawn in place: {@code synced [########............]  40% 400/1000}. */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private String label;

    ProgressBar(PrintStream out) {
        this.out = out;
    }

    void show(String step, long done, long total) {
        if (label != null && !label.equals(step)) {
            out.println();
        }
        label = step;
        int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
        long percent = total == 0 ? 100 : 100 * done / total;
        out.printf("\r%-6s [%s%s] %3d%% %d/%d", step, "#".repeat(filled), ".".repeat(WIDTH - filled), percent, done, total);
        out.flush();
    }

    void end() {
        out.println();
    }
}
