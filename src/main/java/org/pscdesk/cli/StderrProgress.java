package org.pscdesk.cli;

import java.io.PrintWriter;
import java.util.Locale;

import org.pscdesk.work.Progress;

/**
 * Progress of a long command on stderr: a line when the stage changes, and within a stage at most one every
 * two seconds (with the percentage when known), so a log stays readable. Thread-safe.
 */
final class StderrProgress implements Progress {

    private static final long QUIET_NANOS = 2_000_000_000L;

    private final PrintWriter err;
    private String lastStage;
    private long lastTime;

    StderrProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void update(String stage, double fraction) {
        long now = System.nanoTime();
        boolean sameStage = stage.equals(lastStage);
        if (sameStage && now - lastTime < QUIET_NANOS) {
            return;
        }
        lastStage = stage;
        lastTime = now;
        err.println(sameStage && fraction >= 0 ? String.format(Locale.ROOT, "%s (%.0f%%)", stage, fraction * 100) : stage);
        err.flush();
    }
}
