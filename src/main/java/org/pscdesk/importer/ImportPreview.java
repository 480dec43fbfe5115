package org.pscdesk.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.locationtech.jts.geom.Geometry;
import org.pscdesk.geo.CoordinateTransform;
import org.pscdesk.geo.Crs;
import org.pscdesk.store.FieldDef;
import org.pscdesk.store.GeometryType;

/**
 * The first rows of a source as the import wizard shows them before anything is written: the columns,
 * which of them would be dropped as personal data, the values, and the geometries in longitude/latitude for
 * the preview map (empty when the source CRS is unknown).
 *
 * @param fields the source's columns
 * @param personal for each column, true when it would be dropped as personal data
 * @param rows up to the requested number of records' values (as read)
 * @param lonLat the same records' geometries in WGS 84, null for a record without one or when the CRS is
 *               unknown
 * @param geometryType the layer's geometry type
 * @param sourceCrs the CRS the file declares or the user gave, if known
 * @param notes remarks about the whole file (encoding, columns, CRS)
 * @param problems problems of the previewed rows
 */
public record ImportPreview(List<FieldDef> fields, List<Boolean> personal, List<Object[]> rows, List<Geometry> lonLat,
                            GeometryType geometryType, Optional<Crs> sourceCrs, List<Problem> notes,
                            List<Problem> problems) {

    /**
     * Reads the first {@code maxRows} records of the request's source without touching any workspace.
     *
     * @throws ImportException the source cannot be read at all
     */
    public static ImportPreview of(ImportRequest request, int maxRows) throws ImportException {
        try (FeatureReader reader = Readers.open(request)) {
            Optional<Crs> crs = request.read().crs() != null ? Optional.of(request.read().crs()) : reader.sourceCrs();
            CoordinateTransform toLonLat = crs.map(c -> new CoordinateTransform(c, Crs.WGS84)).orElse(null);
            List<Object[]> rows = new ArrayList<>();
            List<Geometry> geometries = new ArrayList<>();
            List<Problem> problems = new ArrayList<>();
            for (int i = 0; i < maxRows; i++) {
                SourceRecord r = reader.next();
                if (r == null) {
                    break;
                }
                rows.add(r.values());
                Geometry g = null;
                if (r.usable() && toLonLat != null) {
                    try {
                        g = toLonLat.apply(r.geometry());
                    } catch (RuntimeException e) {
                        g = null;
                    }
                }
                geometries.add(g);
                if (r.problem() != null) {
                    problems.add(r.problem());
                }
            }
            List<Boolean> personal = new ArrayList<>();
            for (FieldDef f : reader.fields()) {
                personal.add(PersonColumns.isPersonal(f.name()));
            }
            return new ImportPreview(reader.fields(), personal, rows, geometries, reader.geometryType(), crs,
                    reader.notes(), problems);
        }
    }
}
