package org.pscdesk.importer;

import java.util.List;
import java.util.Optional;

import org.pscdesk.geo.Crs;
import org.pscdesk.store.FieldDef;
import org.pscdesk.store.GeometryType;

/**
 * A stream of features read from one source (a file, a folder of files, a zip member). Readers stream:
 * they never hold the whole input in memory. One reader per format; all produce this same model.
 *
 * <p>Not thread-safe. Close it to release files.
 */
public interface FeatureReader extends AutoCloseable {

    /** The attribute columns, in the order of {@link SourceRecord#values()}. */
    List<FieldDef> fields();

    /** The geometry type the layer will declare (GEOMETRY when mixed). */
    GeometryType geometryType();

    /**
     * The CRS the geometries are in, when the source says so (a .prj, GeoJSON's CRS84, KML's lon/lat, a
     * preset); empty when the user must give it.
     */
    Optional<Crs> sourceCrs();

    /**
     * The next record, or null at the end.
     *
     * @throws ImportException when the input is broken beyond the current row (unterminated quote, truncated
     *                         file): the import stops and nothing is written
     */
    SourceRecord next() throws ImportException;

    /** Problems about the whole input found so far (e.g. a dropped column, an assumed encoding). */
    default List<Problem> notes() {
        return List.of();
    }

    /**
     * The size and SHA-256 of the reader's one input file once it was read to its end, when the reader hashed
     * it on the way (so the import does not read the file again for its provenance); empty otherwise.
     */
    default Optional<InputDigest.Result> wholeInputDigest() {
        return Optional.empty();
    }

    /** Bytes consumed so far and total (for progress); -1 when unknown. */
    default long[] progress() {
        return new long[] {-1, -1};
    }

    @Override
    void close();
}
