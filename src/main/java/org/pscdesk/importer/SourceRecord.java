package org.pscdesk.importer;

import org.locationtech.jts.geom.Geometry;

/**
 * One row or feature as a format reader delivers it: its location in the source, its geometry in the
 * source CRS (null when the row has none or it could not be read, then {@code problem} says why), and its
 * attribute values aligned with {@link FeatureReader#fields()}.
 *
 * <p>Values are {@code String}, {@code Long}, {@code Double}, {@code Boolean}, {@code java.time.LocalDate},
 * {@code java.time.LocalDateTime} or null, matching the declared field type (readers convert; text that
 * does not convert becomes null and, if it matters, a problem).
 *
 * @param file file name the record came from
 * @param row 1-based data row or feature number in that file
 * @param geometry geometry in the reader's source CRS, or null
 * @param values attribute values, same order as the reader's fields
 * @param problem why the record cannot be imported (it is then skipped and reported), or null
 * @param skipReason short key for the report's {@code skipped} map when {@code problem} is set
 *                   (e.g. {@code unmappable}, {@code bad_coordinates}, {@code bad_geometry})
 */
public record SourceRecord(String file, long row, Geometry geometry, Object[] values, Problem problem,
                           String skipReason) {

    public static SourceRecord ok(String file, long row, Geometry geometry, Object[] values) {
        return new SourceRecord(file, row, geometry, values, null, null);
    }

    public static SourceRecord skipped(String file, long row, Object[] values, String skipReason, Problem problem) {
        return new SourceRecord(file, row, null, values, problem, skipReason);
    }

    public boolean usable() {
        return problem == null && geometry != null;
    }
}
