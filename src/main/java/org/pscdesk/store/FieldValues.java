package org.pscdesk.store;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** Reading attribute values as the app needs them, whatever type a layer stored them with. */
public final class FieldValues {
    private FieldValues() {
    }

    /** The calendar date of a DATE, DATETIME or ISO-text value; null when there is none. */
    public static LocalDate dateOf(Object v) {
        if (v instanceof LocalDateTime t) {
            return t.toLocalDate();
        }
        if (v instanceof LocalDate d) {
            return d;
        }
        if (v instanceof String s && s.length() >= 10) {
            try {
                return LocalDate.parse(s.substring(0, 10));
            } catch (RuntimeException e) {
                return null;
            }
        }
        return null;
    }
}
