package org.pscdesk.importer;

import java.util.Objects;

/**
 * One thing wrong with the input, located as precisely as known, with a plain message that says what to
 * do.
 *
 * @param file the file's name (not its full path, so reports can be shared), never null
 * @param row 1-based data row (header excluded) or feature number; 0 when the problem is about the whole file
 * @param field the column or property concerned, or null
 * @param message one or two plain sentences: what is wrong and what to do
 */
public record Problem(String file, long row, String field, String message) {
    public Problem {
        Objects.requireNonNull(file);
        Objects.requireNonNull(message);
    }

    /** A problem with a whole file. */
    public static Problem ofFile(String file, String message) {
        return new Problem(file, 0, null, message);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (row > 0) {
            sb.append(", row ").append(row);
        }
        if (field != null) {
            sb.append(", field ").append(field);
        }
        return sb.append(": ").append(message).toString();
    }
}
