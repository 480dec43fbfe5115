package org.pscdesk.ui.fx;

/** A unit of background work that reports progress and may fail. */
@FunctionalInterface
public interface Work<T> {
    T run(TaskProgress progress) throws Exception;
}
