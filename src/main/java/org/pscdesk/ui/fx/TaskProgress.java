package org.pscdesk.ui.fx;

/** Progress reported by background work; the status bar shows it. */
@FunctionalInterface
public interface TaskProgress {
    /**
     * @param message what is happening, in plain words
     * @param fraction done so far in [0, 1], or a negative value when unknown
     */
    void update(String message, double fraction);
}
