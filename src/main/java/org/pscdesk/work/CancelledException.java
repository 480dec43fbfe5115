package org.pscdesk.work;

/** Work was cancelled by the user; whatever it was writing has been rolled back. */
public final class CancelledException extends Exception {
    public CancelledException() {
        super("Cancelled; nothing was changed.");
    }
}
