package org.pscdesk.ui.fx;

import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Runs work off the UI thread and hands the result back on it. View models depend on this class, not on
 * {@code javafx.concurrent}, so their tests can run the work on the calling thread.
 *
 * <p>{@link #message()}, {@link #progress()} and {@link #busy()} describe the running work for the status
 * bar; progress is 0 when idle (the status bar then hides its bar) and -1 when unknown.
 */
public abstract class TaskRunner {

    private static final Logger LOG = Logger.getLogger(TaskRunner.class.getName());

    protected final StringProperty message = new SimpleStringProperty(this, "message", "");
    protected final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    protected final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);

    /**
     * Runs {@code work} in the background; exactly one of the callbacks is then called on the UI thread.
     *
     * @param title first status message
     */
    public abstract <T> void run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Background work whose failure is only logged (closing a file, saving settings). */
    public void runQuietly(String title, Work<?> work) {
        run(title, work, result -> { }, error -> LOG.log(Level.WARNING, title + " failed", error));
    }

    public ReadOnlyStringProperty message() {
        return message;
    }

    public ReadOnlyDoubleProperty progress() {
        return progress;
    }

    public ReadOnlyBooleanProperty busy() {
        return busy;
    }

    /** Stops accepting work; running work finishes. */
    public void shutdown() {
    }
}
