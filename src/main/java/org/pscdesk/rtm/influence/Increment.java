package org.pscdesk.rtm.influence;

import java.util.Locale;

/**
 * The analysis increment of the bands (rtm-method.md §1.3): {@code WHOLE} gives d = 1, 2, …, N blocks;
 * {@code HALF} gives d = 0.5, 1, …, N blocks (2N bands).
 */
public enum Increment {
    WHOLE,
    HALF;

    /** {@code whole} or {@code half}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The increment named by a label, case-insensitively.
     *
     * @throws IllegalArgumentException naming the accepted words
     */
    public static Increment parse(String label) {
        for (Increment i : values()) {
            if (i.label().equalsIgnoreCase(label.trim())) {
                return i;
            }
        }
        throw new IllegalArgumentException("'" + label + "' is not an increment; use whole or half");
    }
}
