package org.pscdesk.ui.analysis;

import java.util.Locale;

/** What a run's map shows. The lower-case keys are a contract ({@code pscdesk render --view}). */
public enum RunView {
    /** Risk classes of every cell. */
    RISK("Where risk is highest", "Risk of the places, from the model's risk factors"),
    /** Outcome hot spots (kernel density above mean + 2 SD). */
    HOTSPOTS("Where incidents cluster", "Hot spots of recorded incidents"),
    /** Quadrants of highest risk × hot spot. */
    PRIORITY("Priority places", "High risk crossed with hot spots"),
    /** The ranked priority places with their names. */
    PLACES("Places to discuss", "Priority places, highest risk first");

    private final String title;
    private final String subtitle;

    RunView(String title, String subtitle) {
        this.title = title;
        this.subtitle = subtitle;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String title() {
        return title;
    }

    public String subtitle() {
        return subtitle;
    }

    public static RunView parse(String key) {
        for (RunView v : values()) {
            if (v.key().equalsIgnoreCase(key.trim())) {
                return v;
            }
        }
        throw new IllegalArgumentException("--view is risk, hotspots, priority or places, not '" + key + "'");
    }
}
