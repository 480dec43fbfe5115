package org.pscdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes feature tables inside the caller's transaction: DDL, batched multi-row inserts, the registrations
 * in {@code gpkg_contents}, {@code gpkg_geometry_columns} and {@code psc_layers}, and the spatial index.
 */
final class LayerWriter {

    private static final String GEOMETRY_COLUMN = "geom";
    /** Rows per multi-row INSERT: SQLite allows 32,766 bound variables per statement. */
    private static final int MAX_VARIABLES = 30000;
    private static final int MAX_ROWS_PER_INSERT = 500;

    private final Connection connection;
    private final Workspace workspace;

    LayerWriter(Connection connection, Clock clock, Workspace workspace) {
        this.connection = connection;
        this.workspace = workspace;
    }

    void create(String table, NewLayer spec, int srsId, Iterable<Feature> features, LayerWrite.Index index)
            throws SQLException {
        StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(Workspace.quote(table))
                .append(" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, ")
                .append(GEOMETRY_COLUMN).append(' ').append(spec.geometryType().gpkgName());
        Set<String> seen = new HashSet<>(Set.of("fid", GEOMETRY_COLUMN));
        for (FieldDef f : spec.fields()) {
            if (!seen.add(f.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("field name '" + f.name() + "' is used twice");
            }
            ddl.append(", ").append(Workspace.quote(f.name())).append(' ').append(f.type().sqlType());
        }
        ddl.append(')');
        try (Statement st = connection.createStatement()) {
            st.execute(ddl.toString());
        }
        RtreeIndex.Entries entries = new RtreeIndex.Entries();
        Written written = insert(table, spec.fields(), spec.geometryType(), srsId, features, 1, entries);
        GeometryType declared = declaredType(spec.geometryType(), written.types);
        if (declared != spec.geometryType() && isMulti(declared)) {
            promoteToMulti(table, srsId);
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO gpkg_contents (table_name, data_type,"
                + " identifier, description, last_change, min_x, min_y, max_x, max_y, srs_id)"
                + " VALUES (?, 'features', ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, table);
            ps.setString(2, workspace.identifierFor(spec.title()));
            ps.setString(3, spec.role().key() + " layer");
            ps.setString(4, workspace.timestamp());
            setExtent(ps, 5, written.extent);
            ps.setInt(9, srsId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)")) {
            ps.setString(1, table);
            ps.setString(2, GEOMETRY_COLUMN);
            ps.setString(3, declared.gpkgName());
            ps.setInt(4, srsId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO psc_layers (table_name, role, title,"
                + " source, source_format, source_crs, imported_at, notes, date_field, category_field, source_size,"
                + " source_sha256, options, report, sensitive_field) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Provenance p = spec.provenance();
            ps.setString(1, table);
            ps.setString(2, spec.role().key());
            ps.setString(3, spec.title());
            ps.setString(4, p.source());
            ps.setString(5, p.format());
            ps.setString(6, p.sourceCrs());
            ps.setString(7, p.importedAt());
            ps.setString(8, p.notes());
            ps.setString(9, spec.dateField());
            ps.setString(10, spec.categoryField());
            if (p.sourceSize() >= 0) {
                ps.setLong(11, p.sourceSize());
            } else {
                ps.setNull(11, java.sql.Types.INTEGER);
            }
            ps.setString(12, p.sha256());
            ps.setString(13, p.optionsJson());
            ps.setString(14, p.reportJson());
            ps.setString(15, spec.sensitiveField());
            ps.executeUpdate();
        }
        switch (index) {
            case PACKED -> RtreeIndex.createPacked(connection, table, GEOMETRY_COLUMN, entries);
            case ROW_BY_ROW -> RtreeIndex.createRowByRow(connection, table, GEOMETRY_COLUMN, "fid");
            case NONE -> { }
            default -> throw new IllegalStateException(index.toString());
        }
    }

    AppendResult append(LayerInfo info, int srsId, Iterable<Feature> features, List<String> keyFields,
                        List<String> cancellationFields, List<List<Object>> cancellations) throws SQLException {
        String table = info.name();
        int[] keyIdx = indexes(info.fields(), keyFields);
        Set<String> keys = new HashSet<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT "
                + columns(keyFields) + " FROM " + Workspace.quote(table))) {
            while (rs.next()) {
                keys.add(keyOf(rs, keyFields.size()));
            }
        }
        long[] duplicates = {0};
        Iterable<Feature> fresh = () -> new FilteringIterator(features.iterator(), f -> {
            String key = keyOf(f.values(), keyIdx, info.fields());
            if (!keys.add(key)) {
                duplicates[0]++;
                return false;
            }
            return true;
        });
        Written written = insert(table, info.fields(), info.geometryType(), srsId, fresh, 1, null);
        long cancelled = 0;
        long unmatched = 0;
        if (!cancellations.isEmpty()) {
            int[] cancelIdx = indexes(info.fields(), cancellationFields);
            StringBuilder where = new StringBuilder();
            for (String f : cancellationFields) {
                where.append(where.length() == 0 ? "" : " AND ").append("CAST(").append(Workspace.quote(f))
                        .append(" AS TEXT) = ?");
            }
            try (PreparedStatement find = connection.prepareStatement("SELECT fid FROM " + Workspace.quote(table)
                    + " WHERE " + where + " ORDER BY fid DESC LIMIT 1");
                 PreparedStatement delete = connection.prepareStatement("DELETE FROM " + Workspace.quote(table)
                         + " WHERE fid = ?")) {
                for (List<Object> key : cancellations) {
                    for (int i = 0; i < key.size(); i++) {
                        find.setString(i + 1, text(key.get(i), info.fields().get(cancelIdx[i]).type()));
                    }
                    try (ResultSet rs = find.executeQuery()) {
                        if (rs.next()) {
                            delete.setLong(1, rs.getLong(1));
                            delete.executeUpdate();
                            cancelled++;
                        } else {
                            unmatched++;
                        }
                    }
                }
            }
        }
        updateContents(table, info.geometryType(), written);
        return new AppendResult(written.rows, duplicates[0], cancelled, unmatched);
    }

    private void updateContents(String table, GeometryType declared, Written written) throws SQLException {
        if (written.types.stream().anyMatch(t -> t != declared && !(declared == GeometryType.GEOMETRY))) {
            GeometryType now = declaredType(declared, written.types);
            if (now != declared) {
                throw new IllegalArgumentException("the new features are " + written.types + " but the layer holds "
                        + declared.ogcName());
            }
        }
        try (PreparedStatement ps = connection.prepareStatement("UPDATE gpkg_contents SET last_change = ?,"
                + " min_x = MIN(COALESCE(min_x, ?), ?), min_y = MIN(COALESCE(min_y, ?), ?),"
                + " max_x = MAX(COALESCE(max_x, ?), ?), max_y = MAX(COALESCE(max_y, ?), ?) WHERE table_name = ?")) {
            ps.setString(1, workspace.timestamp());
            Envelope e = written.extent;
            if (e.isNull()) {
                return;
            }
            ps.setDouble(2, e.getMinX());
            ps.setDouble(3, e.getMinX());
            ps.setDouble(4, e.getMinY());
            ps.setDouble(5, e.getMinY());
            ps.setDouble(6, e.getMaxX());
            ps.setDouble(7, e.getMaxX());
            ps.setDouble(8, e.getMaxY());
            ps.setDouble(9, e.getMaxY());
            ps.setString(10, table);
            ps.executeUpdate();
        }
    }

    /** What an insert wrote. */
    private static final class Written {
        long rows;
        final Envelope extent = new Envelope();
        final Set<GeometryType> types = EnumSet.noneOf(GeometryType.class);
    }

    private Written insert(String table, List<FieldDef> fields, GeometryType declared, int srsId,
                           Iterable<Feature> features, long firstRow, RtreeIndex.Entries entries) throws SQLException {
        int columns = 1 + fields.size();
        int rowsPerInsert = Math.max(1, Math.min(MAX_ROWS_PER_INSERT, MAX_VARIABLES / columns));
        StringBuilder head = new StringBuilder("INSERT INTO ").append(Workspace.quote(table)).append(" (")
                .append(GEOMETRY_COLUMN);
        for (FieldDef f : fields) {
            head.append(", ").append(Workspace.quote(f.name()));
        }
        head.append(") VALUES ");
        String tuple = "(?" + ", ?".repeat(fields.size()) + ")";
        Map<Integer, PreparedStatement> statements = new HashMap<>();
        Written written = new Written();
        List<Feature> pending = new ArrayList<>(rowsPerInsert);
        long row = firstRow - 1;
        long nextFid = nextFid(table);
        // JTS returns one constant string per geometry class: look the type up only when it changes.
        String lastName = null;
        GeometryType type = null;
        try {
            for (Feature feature : features) {
                row++;
                Geometry g = feature.geometry();
                String name = g.getGeometryType();
                if (name != lastName) {
                    type = GeometryType.ofGpkgName(name);
                    lastName = name;
                }
                if (!fits(declared, type)) {
                    throw new IllegalArgumentException("feature " + row + " is a " + g.getGeometryType()
                            + " but the layer holds " + declared.ogcName());
                }
                if (feature.values().size() != fields.size()) {
                    throw new IllegalArgumentException("feature " + row + " has " + feature.values().size()
                            + " values for " + fields.size() + " fields");
                }
                written.types.add(type);
                pending.add(feature);
                if (!g.isEmpty()) {
                    Envelope e = g.getEnvelopeInternal();
                    written.extent.expandToInclude(e);
                    if (entries != null) {
                        entries.add(nextFid + pending.size() - 1, e.getMinX(), e.getMaxX(), e.getMinY(), e.getMaxY());
                    }
                }
                if (pending.size() == rowsPerInsert) {
                    flush(statements, head, tuple, fields, srsId, pending, row - pending.size() + 1);
                    nextFid += pending.size();
                    written.rows += pending.size();
                    pending.clear();
                }
            }
            if (!pending.isEmpty()) {
                flush(statements, head, tuple, fields, srsId, pending, row - pending.size() + 1);
                written.rows += pending.size();
            }
        } finally {
            for (PreparedStatement ps : statements.values()) {
                ps.close();
            }
        }
        return written;
    }

    /** The fid the next inserted row gets (AUTOINCREMENT: one more than any fid ever used in the table). */
    private long nextFid(String table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT seq FROM sqlite_sequence WHERE name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) + 1 : 1;
            }
        }
    }

    private void flush(Map<Integer, PreparedStatement> statements, StringBuilder head, String tuple,
                       List<FieldDef> fields, int srsId, List<Feature> rows, long firstRow) throws SQLException {
        PreparedStatement ps = statements.get(rows.size());
        if (ps == null) {
            StringBuilder sql = new StringBuilder(head);
            for (int i = 0; i < rows.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(tuple);
            }
            ps = connection.prepareStatement(sql.toString());
            statements.put(rows.size(), ps);
        }
        int p = 1;
        for (int r = 0; r < rows.size(); r++) {
            Feature f = rows.get(r);
            ps.setBytes(p++, GpkgGeometry.encode(f.geometry(), srsId));
            for (int i = 0; i < fields.size(); i++) {
                Workspace.bind(ps, p++, fields.get(i), f.values().get(i), firstRow + r);
            }
        }
        ps.executeUpdate();
    }

    private static boolean fits(GeometryType declared, GeometryType actual) {
        return declared == GeometryType.GEOMETRY || declared == actual || multiOf(actual) == declared
                || multiOf(declared) == actual;
    }

    /** The declared type once the written types are known: single + multi of one kind becomes the multi type. */
    private static GeometryType declaredType(GeometryType declared, Set<GeometryType> written) {
        if (declared == GeometryType.GEOMETRY || written.isEmpty()) {
            return declared;
        }
        Set<GeometryType> kinds = EnumSet.noneOf(GeometryType.class);
        for (GeometryType t : written) {
            kinds.add(multiOf(t));
        }
        if (kinds.size() > 1) {
            return GeometryType.GEOMETRY;
        }
        GeometryType multi = kinds.iterator().next();
        boolean allSingle = written.stream().allMatch(t -> multiOf(t) != t);
        boolean allMulti = written.stream().allMatch(t -> multiOf(t) == t);
        if (allSingle) {
            return declared == multi ? multi : singleOf(multi);
        }
        if (allMulti) {
            return multi;
        }
        return multi;
    }

    private static boolean isMulti(GeometryType t) {
        return t == GeometryType.MULTIPOINT || t == GeometryType.MULTILINESTRING || t == GeometryType.MULTIPOLYGON;
    }

    private static GeometryType multiOf(GeometryType t) {
        return switch (t) {
            case POINT, MULTIPOINT -> GeometryType.MULTIPOINT;
            case LINESTRING, MULTILINESTRING -> GeometryType.MULTILINESTRING;
            case POLYGON, MULTIPOLYGON -> GeometryType.MULTIPOLYGON;
            default -> t;
        };
    }

    private static GeometryType singleOf(GeometryType t) {
        return switch (t) {
            case MULTIPOINT -> GeometryType.POINT;
            case MULTILINESTRING -> GeometryType.LINESTRING;
            case MULTIPOLYGON -> GeometryType.POLYGON;
            default -> t;
        };
    }

    /** Rewrites single geometries of a table as one-part multi geometries, so they match the declared type. */
    private void promoteToMulti(String table, int srsId) throws SQLException {
        GeometryFactory gf = new GeometryFactory();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT fid, " + GEOMETRY_COLUMN + " FROM " + Workspace.quote(table));
             PreparedStatement update = connection.prepareStatement("UPDATE " + Workspace.quote(table) + " SET "
                     + GEOMETRY_COLUMN + " = ? WHERE fid = ?")) {
            int batch = 0;
            while (rs.next()) {
                Geometry g = GpkgGeometry.decode(rs.getBytes(2), gf);
                Geometry multi;
                if (g instanceof Polygon p) {
                    multi = gf.createMultiPolygon(new Polygon[] {p});
                } else if (g instanceof LineString l) {
                    multi = gf.createMultiLineString(new LineString[] {l});
                } else if (g instanceof Point pt) {
                    multi = gf.createMultiPoint(new Point[] {pt});
                } else {
                    continue;
                }
                update.setBytes(1, GpkgGeometry.encode(multi, srsId));
                update.setLong(2, rs.getLong(1));
                update.addBatch();
                if (++batch % 1000 == 0) {
                    update.executeBatch();
                }
            }
            update.executeBatch();
        }
    }

    private static void setExtent(PreparedStatement ps, int first, Envelope extent) throws SQLException {
        if (extent.isNull()) {
            for (int i = first; i < first + 4; i++) {
                ps.setNull(i, java.sql.Types.DOUBLE);
            }
        } else {
            ps.setDouble(first, extent.getMinX());
            ps.setDouble(first + 1, extent.getMinY());
            ps.setDouble(first + 2, extent.getMaxX());
            ps.setDouble(first + 3, extent.getMaxY());
        }
    }

    private static int[] indexes(List<FieldDef> fields, List<String> names) {
        int[] idx = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            idx[i] = -1;
            for (int j = 0; j < fields.size(); j++) {
                if (fields.get(j).name().equals(names.get(i))) {
                    idx[i] = j;
                }
            }
            if (idx[i] < 0) {
                throw new IllegalArgumentException("the layer has no field '" + names.get(i) + "' for the key");
            }
        }
        return idx;
    }

    private static String columns(List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            sb.append(sb.length() == 0 ? "" : ", ").append("CAST(").append(Workspace.quote(n)).append(" AS TEXT)");
        }
        return sb.toString();
    }

    private static String keyOf(ResultSet rs, int n) throws SQLException {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            sb.append(rs.getString(i)).append('\u0001');
        }
        return sb.toString();
    }

    private static String keyOf(List<Object> values, int[] idx, List<FieldDef> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i : idx) {
            sb.append(text(values.get(i), fields.get(i).type())).append('\u0001');
        }
        return sb.toString();
    }

    /** A value as SQLite's CAST(... AS TEXT) shows the stored value. */
    private static String text(Object v, FieldType type) {
        if (v == null) {
            return null;
        }
        return switch (type) {
            case DATETIME -> Workspace.isoDateTime((java.time.LocalDateTime) v);
            case BOOLEAN -> ((Boolean) v) ? "1" : "0";
            case REAL -> String.valueOf(((Number) v).doubleValue());
            default -> v.toString();
        };
    }

    /** Passes on the features a predicate accepts. */
    private static final class FilteringIterator implements java.util.Iterator<Feature> {
        private final java.util.Iterator<Feature> source;
        private final java.util.function.Predicate<Feature> accept;
        private Feature next;

        FilteringIterator(java.util.Iterator<Feature> source, java.util.function.Predicate<Feature> accept) {
            this.source = source;
            this.accept = accept;
        }

        @Override
        public boolean hasNext() {
            while (next == null && source.hasNext()) {
                Feature f = source.next();
                if (accept.test(f)) {
                    next = f;
                }
            }
            return next != null;
        }

        @Override
        public Feature next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            Feature f = next;
            next = null;
            return f;
        }
    }
}
