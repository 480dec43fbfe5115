package org.pscdesk.work;

/**
 * Where long work reports how far it got. Called from the worker thread; implementations hand it to the
 * UI thread themselves. Calls should be coarse (per stage, per few thousand rows), never per inner step.
 */
@FunctionalInterface
public interface Progress {

    /** Ignores every report. */
    Progress NONE = (stage, fraction) -> { };

    /**
     * @param stage a short plain-language description of the current step ("Reading incidents.csv")
     * @param fraction 0..1, or a negative number when unknown
     */
    void update(String stage, double fraction);
}
