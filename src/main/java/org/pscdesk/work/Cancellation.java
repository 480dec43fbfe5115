package org.pscdesk.work;

import java.util.concurrent.atomic.AtomicBoolean;

/** A flag that long work checks between coarse steps; cancelling makes the work stop with {@link CancelledException}. */
public final class Cancellation {

    private final AtomicBoolean cancelled = new AtomicBoolean();

    /** A token that is never cancelled. */
    public static Cancellation none() {
        return new Cancellation();
    }

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get() || Thread.currentThread().isInterrupted();
    }

    /** Throws if cancelled; call between coarse steps. */
    public void check() throws CancelledException {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }
}
