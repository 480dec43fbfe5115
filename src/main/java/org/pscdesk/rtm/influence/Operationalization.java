package org.pscdesk.rtm.influence;

import java.util.Locale;

/**
 * How a risk factor's spatial influence becomes binary cell variables (rtm-method.md §1.3): within distance d
 * of a feature ({@code PROXIMITY}), in a high-density area of the features at bandwidth d ({@code DENSITY}),
 * or both sets of variables ({@code BOTH}, RTMDx's "Both_Proximity_and_Density").
 */
public enum Operationalization {
    PROXIMITY,
    DENSITY,
    BOTH;

    /** The word used in variable names and on the command line: {@code proximity}, {@code density}, {@code both}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this operationalization produces proximity variables. */
    public boolean includesProximity() {
        return this != DENSITY;
    }

    /** True when this operationalization produces density variables. */
    public boolean includesDensity() {
        return this != PROXIMITY;
    }

    /**
     * The operationalization named by a label, case-insensitively.
     *
     * @throws IllegalArgumentException naming the accepted words
     */
    public static Operationalization parse(String label) {
        for (Operationalization o : values()) {
            if (o.label().equalsIgnoreCase(label.trim())) {
                return o;
            }
        }
        throw new IllegalArgumentException("'" + label + "' is not an operationalization; use proximity, density"
                + " or both");
    }
}
