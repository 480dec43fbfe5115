package org.pscdesk.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.pscdesk.geo.Crs;
import org.pscdesk.store.FieldDef;
import org.pscdesk.store.FieldType;
import org.pscdesk.store.GeometryType;

/**
 * Reads one feature table of another GeoPackage (OGC 12-128r18). The file is opened through SQLite's URI
 * form with {@code mode=ro&immutable=1}: nothing is written, locked, or created beside it (no
 * {@code -wal}/{@code -shm}). Because of {@code immutable}, changes still waiting in a {@code -wal} file
 * beside the source (a GeoPackage open in QGIS) are not seen; a note says so when such a file exists.
 *
 * <p>Tables: the {@code features} rows of {@code gpkg_contents}; with one it is read, with several
 * {@link ReadOptions#member} must name one (table name or identifier, any case).
 *
 * <p>Fields: every column except the geometry and the integer primary key, typed from its declared type
 * (INTEGER/INT/…, DOUBLE/REAL/FLOAT, TEXT/VARCHAR, BOOLEAN, DATE, DATETIME; BLOB columns are left out
 * with a note). SQLite does not enforce declared types, so each value is converted; one that does not
 * convert becomes null and is counted in a note per column.
 *
 * <p>Geometry: the blob header ("GP", version, flags with byte order, envelope indicator and empty bit,
 * srs_id, envelope) is decoded here and the WKB after it with JTS; only X and Y are kept. A first pass
 * reads the first 80 bytes of every blob to find the geometry types actually present, and the declared
 * type follows {@link GeoJsonReader#declaredType}. Curves and extended geometries are skipped as
 * {@code bad_geometry}.
 *
 * <p>CRS: {@link ReadOptions#crs}; else {@code gpkg_spatial_ref_sys} organization + code when EPSG or
 * ESRI; else its WKT through {@link PrjCrs}; else empty with a note.
 *
 * <p>{@link #progress} counts rows, not bytes. Not thread-safe.
 */
public final class GeoPackageReader implements FeatureReader {

    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    /** Header (8) + largest envelope (64) + WKB byte order (1) + type (4), rounded up. */
    private static final int HEADER_PROBE_BYTES = 80;

    private final String fileName;
    private final Connection connection;
    private final String table;
    private final List<FieldDef> fields;
    private final List<FieldType> columnTypes;
    private final GeometryType geometryType;
    private final Optional<Crs> sourceCrs;
    private final long rowCount;
    private final List<Problem> notes = new ArrayList<>();
    private final Map<String, long[]> badValues = new LinkedHashMap<>();
    private final GeometryFactory factory = new GeometryFactory();
    private final WKBReader wkb = new WKBReader(factory);
    private final String query;
    private Statement statement;
    private ResultSet rows;
    private long row;
    private boolean done;

    /** A feature table as registered in gpkg_contents and gpkg_geometry_columns. */
    private record Layer(String table, String identifier, String geometryColumn, String declaredType, long srsId) {
    }

    private GeoPackageReader(Path path, ReadOptions options) throws ImportException {
        this.fileName = path.getFileName().toString();
        checkMagic(path);
        try {
            // URI form: mode=ro opens read-only, immutable=1 takes no locks and creates no -wal/-shm
            String uri = "file:" + path.toAbsolutePath().toUri().getRawPath() + "?mode=ro&immutable=1";
            this.connection = DriverManager.getConnection("jdbc:sqlite:" + uri);
        } catch (SQLException e) {
            throw new ImportException(Problem.ofFile(fileName, "Cannot open " + fileName + ": " + e.getMessage()), e);
        }
        try {
            Layer layer = chooseLayer(layers(), options);
            this.table = layer.table;
            List<FieldDef> defs = new ArrayList<>();
            List<FieldType> types = new ArrayList<>();
            List<String> select = new ArrayList<>();
            String primaryKey = columns(layer, defs, types, select);
            this.fields = List.copyOf(defs);
            this.columnTypes = List.copyOf(types);
            select.add(quote(layer.geometryColumn));
            this.query = "SELECT " + String.join(", ", select) + " FROM " + quote(table)
                    + (primaryKey == null ? "" : " ORDER BY " + quote(primaryKey));
            this.geometryType = scanGeometryTypes(layer);
            this.rowCount = count();
            this.sourceCrs = crs(layer, options);
        } catch (SQLException e) {
            closeConnection();
            throw new ImportException(Problem.ofFile(fileName, fileName + " is not a readable GeoPackage ("
                    + e.getMessage() + "). Check that it is a .gpkg written by QGIS, GDAL or ArcGIS."), e);
        } catch (ImportException | RuntimeException e) {
            closeConnection();
            throw e;
        }
        Path wal = path.resolveSibling(fileName + "-wal");
        try {
            if (Files.exists(wal) && Files.size(wal) > 0) {
                notes.add(Problem.ofFile(fileName, fileName + "-wal lies beside the file: changes not yet saved into"
                        + " the GeoPackage were not read. Close the program that has it open (QGIS, ArcGIS) and"
                        + " import again."));
            }
        } catch (IOException e) {
            // the -wal vanished between the two calls: nothing to report
        }
    }

    /**
     * Opens a GeoPackage read-only and chooses its feature table.
     *
     * @throws ImportException when the file is not a GeoPackage, has no feature table, or has several
     *                         and {@link ReadOptions#member} names none of them
     */
    public static GeoPackageReader open(Path gpkg, ReadOptions options) throws ImportException {
        return new GeoPackageReader(gpkg, options == null ? ReadOptions.DEFAULTS : options);
    }

    private void checkMagic(Path path) throws ImportException {
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(SQLITE_MAGIC.length);
        } catch (IOException e) {
            throw new ImportException(Problem.ofFile(fileName, "Cannot read " + fileName + ": " + e.getMessage()), e);
        }
        if (!java.util.Arrays.equals(head, SQLITE_MAGIC)) {
            throw new ImportException(Problem.ofFile(fileName, fileName + " is not a GeoPackage (it is not an SQLite"
                    + " database). Check that it is the .gpkg file."));
        }
    }

    private List<Layer> layers() throws SQLException, ImportException {
        List<Layer> layers = new ArrayList<>();
        String sql = "SELECT c.table_name, c.identifier, g.column_name, g.geometry_type_name, g.srs_id"
                + " FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name"
                + " WHERE lower(c.data_type) = 'features' ORDER BY c.table_name";
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                layers.add(new Layer(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getLong(5)));
            }
        } catch (SQLException e) {
            if (String.valueOf(e.getMessage()).contains("no such table")) {
                throw new ImportException(Problem.ofFile(fileName, fileName + " is an SQLite database but not a"
                        + " GeoPackage (it has no gpkg_contents or gpkg_geometry_columns table)."), e);
            }
            throw e;
        }
        if (layers.isEmpty()) {
            throw new ImportException(Problem.ofFile(fileName, fileName + " has no feature table (only tiles or"
                    + " attributes, or nothing). Choose a GeoPackage that holds points, lines or polygons."));
        }
        return layers;
    }

    private Layer chooseLayer(List<Layer> layers, ReadOptions options) throws ImportException {
        List<String> names = layers.stream().map(Layer::table).toList();
        if (options.member() != null) {
            String m = options.member().strip();
            for (Layer l : layers) {
                if (l.table.equalsIgnoreCase(m) || m.equalsIgnoreCase(l.identifier)) {
                    return l;
                }
            }
            throw new ImportException(Problem.ofFile(fileName, fileName + " has no feature table named \"" + m
                    + "\". It holds: " + String.join(", ", names) + "."));
        }
        if (layers.size() > 1) {
            throw new ImportException(Problem.ofFile(fileName, fileName + " holds " + layers.size()
                    + " feature tables: " + String.join(", ", names) + ". Choose one with --member NAME (for"
                    + " example --member " + names.get(0) + ")."));
        }
        return layers.get(0);
    }

    /** Fills the fields and the SELECT list; returns the integer primary key column, or null. */
    private String columns(Layer layer, List<FieldDef> defs, List<FieldType> types, List<String> select)
            throws SQLException {
        String primaryKey = null;
        List<String> blobs = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("PRAGMA table_info(" + quote(layer.table) + ")")) {
            while (r.next()) {
                String name = r.getString("name");
                String declared = r.getString("type");
                boolean pk = r.getInt("pk") > 0;
                String t = declared == null ? "" : declared.strip().toUpperCase(Locale.ROOT);
                if (name.equalsIgnoreCase(layer.geometryColumn)) {
                    continue;
                }
                if (pk && t.equals("INTEGER") && primaryKey == null) {
                    primaryKey = name;
                    continue;
                }
                FieldType type = fieldType(t);
                if (type == null) {
                    blobs.add(name);
                    continue;
                }
                defs.add(new FieldDef(name, type));
                types.add(type);
                select.add(quote(name));
            }
        }
        if (!blobs.isEmpty()) {
            notes.add(Problem.ofFile(fileName, "Column(s) " + blobs + " hold binary data (BLOB), which a layer cannot"
                    + " keep; they were left out."));
        }
        return primaryKey;
    }

    private static FieldType fieldType(String t) {
        if (t.equals("BLOB")) {
            return null;
        }
        if (t.startsWith("TEXT") || t.startsWith("VARCHAR") || t.startsWith("CHAR") || t.isEmpty()) {
            return FieldType.TEXT;
        }
        return switch (t) {
            case "INTEGER", "INT", "MEDIUMINT", "SMALLINT", "TINYINT", "BIGINT", "INT64" -> FieldType.INTEGER;
            case "DOUBLE", "REAL", "FLOAT", "NUMERIC" -> FieldType.REAL;
            case "BOOLEAN" -> FieldType.BOOLEAN;
            case "DATE" -> FieldType.DATE;
            case "DATETIME" -> FieldType.DATETIME;
            default -> FieldType.TEXT;
        };
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private GeometryType scanGeometryTypes(Layer layer) throws SQLException {
        Set<GeometryType> kinds = EnumSet.noneOf(GeometryType.class);
        String sql = "SELECT substr(" + quote(layer.geometryColumn) + ", 1, " + HEADER_PROBE_BYTES + ") FROM "
                + quote(layer.table);
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                GeometryType kind = kindOf(r.getBytes(1));
                if (kind != null) {
                    kinds.add(kind);
                }
            }
        }
        return GeoJsonReader.declaredType(kinds);
    }

    /** The geometry type a blob's WKB announces; null for empty or unreadable blobs. */
    static GeometryType kindOf(byte[] blob) {
        int offset = wkbOffset(blob);
        if (offset < 0 || blob.length < offset + 5) {
            return null;
        }
        ByteOrder order = blob[offset] == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        int type = ByteBuffer.wrap(blob, offset + 1, 4).order(order).getInt();
        return switch ((type & 0xFFFF) % 1000) {
            case 1 -> GeometryType.POINT;
            case 2 -> GeometryType.LINESTRING;
            case 3 -> GeometryType.POLYGON;
            case 4 -> GeometryType.MULTIPOINT;
            case 5 -> GeometryType.MULTILINESTRING;
            case 6 -> GeometryType.MULTIPOLYGON;
            default -> GeometryType.GEOMETRY;
        };
    }

    /**
     * Where the WKB starts in a GeoPackage blob: -1 when it is not one, -2 when the empty flag is set,
     * -3 for the extended (non-standard) geometry types.
     */
    static int wkbOffset(byte[] blob) {
        if (blob == null || blob.length < 8 || blob[0] != 'G' || blob[1] != 'P') {
            return -1;
        }
        int flags = blob[3] & 0xFF;
        if ((flags & 0x20) != 0) {
            return -3;
        }
        if ((flags & 0x10) != 0) {
            return -2;
        }
        int envelope = switch ((flags >> 1) & 0x07) {
            case 0 -> 0;
            case 1 -> 32;
            case 2, 3 -> 48;
            case 4 -> 64;
            default -> -1;
        };
        return envelope < 0 ? -1 : 8 + envelope;
    }

    private long count() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM " + quote(table))) {
            return r.next() ? r.getLong(1) : -1;
        }
    }

    private Optional<Crs> crs(Layer layer, ReadOptions options) throws SQLException {
        Optional<Crs> declared = Optional.empty();
        String described = "srs_id " + layer.srsId;
        try (PreparedStatement s = connection.prepareStatement("SELECT organization, organization_coordsys_id,"
                + " definition, srs_name FROM gpkg_spatial_ref_sys WHERE srs_id = ?")) {
            s.setLong(1, layer.srsId);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    String org = r.getString(1) == null ? "" : r.getString(1).strip().toUpperCase(Locale.ROOT);
                    long code = r.getLong(2);
                    described = r.getString(4) + " (" + org + ":" + code + ")";
                    if ((org.equals("EPSG") || org.equals("ESRI")) && code > 0) {
                        try {
                            declared = Optional.of(Crs.of(org + ":" + code));
                        } catch (IllegalArgumentException e) {
                            declared = Optional.empty();
                        }
                    }
                    if (declared.isEmpty() && r.getString(3) != null) {
                        declared = PrjCrs.match(r.getString(3));
                    }
                }
            }
        }
        if (options.crs() != null) {
            if (declared.isPresent() && !declared.get().id().equals(options.crs().id())) {
                notes.add(Problem.ofFile(fileName, "The table says " + declared.get() + "; the coordinate system you"
                        + " gave, " + options.crs() + ", was used instead."));
            }
            return Optional.of(options.crs());
        }
        if (declared.isEmpty()) {
            notes.add(Problem.ofFile(fileName, "The table's coordinate system, " + described + ", is not one PSC Desk"
                    + " knows (or is undefined). Give it with --crs."));
        }
        return declared;
    }

    @Override
    public List<FieldDef> fields() {
        return fields;
    }

    @Override
    public GeometryType geometryType() {
        return geometryType;
    }

    @Override
    public Optional<Crs> sourceCrs() {
        return sourceCrs;
    }

    @Override
    public SourceRecord next() throws ImportException {
        if (done) {
            return null;
        }
        try {
            if (rows == null) {
                statement = connection.createStatement();
                rows = statement.executeQuery(query);
            }
            if (!rows.next()) {
                done = true;
                return null;
            }
            row++;
            Object[] values = new Object[fields.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = value(rows.getObject(i + 1), i);
            }
            byte[] blob = rows.getBytes(values.length + 1);
            return record(blob, values);
        } catch (SQLException e) {
            done = true;
            throw new ImportException(new Problem(fileName, row, null, "Cannot read row " + row + " of table " + table
                    + " in " + fileName + " (" + e.getMessage() + "). The GeoPackage may be damaged; open it in QGIS"
                    + " to check."), e);
        }
    }

    private SourceRecord record(byte[] blob, Object[] values) {
        if (blob == null) {
            return SourceRecord.skipped(fileName, row, values, "no_geometry", new Problem(fileName, row, null,
                    "The row has no geometry, so it has no place on the map; it was not imported."));
        }
        int offset = wkbOffset(blob);
        if (offset == -2) {
            return SourceRecord.skipped(fileName, row, values, "no_geometry", new Problem(fileName, row, null,
                    "The row's geometry is empty; it was not imported."));
        }
        if (offset < 0) {
            return SourceRecord.skipped(fileName, row, values, "bad_geometry", new Problem(fileName, row, null,
                    "The row's geometry is not a standard GeoPackage geometry" + (offset == -3 ? " (it uses an"
                            + " extension)" : "") + "; convert the layer with QGIS or ogr2ogr."));
        }
        Geometry g;
        try {
            g = wkb.read(java.util.Arrays.copyOfRange(blob, offset, blob.length));
        } catch (ParseException | RuntimeException e) {
            return SourceRecord.skipped(fileName, row, values, "bad_geometry", new Problem(fileName, row, null,
                    "The row's geometry cannot be read (" + e.getMessage() + "); curves are not supported. Convert"
                            + " the layer with QGIS or ogr2ogr (-nlt CONVERT_TO_LINEAR)."));
        }
        if (g.isEmpty()) {
            return SourceRecord.skipped(fileName, row, values, "no_geometry", new Problem(fileName, row, null,
                    "The row's geometry is empty; it was not imported."));
        }
        return SourceRecord.ok(fileName, row, conform(g), values);
    }

    private Geometry conform(Geometry g) {
        return switch (geometryType) {
            case MULTIPOINT -> g instanceof Point p ? factory.createMultiPoint(new Point[] {p}) : g;
            case MULTILINESTRING -> g instanceof LineString l ? factory.createMultiLineString(new LineString[] {l}) : g;
            case MULTIPOLYGON -> g instanceof Polygon p ? factory.createMultiPolygon(new Polygon[] {p}) : g;
            default -> g;
        };
    }

    private Object value(Object raw, int column) {
        if (raw == null) {
            return null;
        }
        FieldType type = columnTypes.get(column);
        Object v = convert(raw, type);
        if (v == null) {
            long[] b = badValues.computeIfAbsent(fields.get(column).name(), k -> new long[] {0, row});
            b[0]++;
        }
        return v;
    }

    private static Object convert(Object raw, FieldType type) {
        switch (type) {
            case TEXT:
                return raw instanceof byte[] ? null : raw.toString();
            case INTEGER:
                if (raw instanceof Integer || raw instanceof Long) {
                    return ((Number) raw).longValue();
                }
                if (raw instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9.0e15) {
                    return d.longValue();
                }
                if (raw instanceof String s) {
                    try {
                        return Long.parseLong(s.strip());
                    } catch (NumberFormatException e) {
                        return null;
                    }
                }
                return null;
            case REAL:
                if (raw instanceof Number n) {
                    return n.doubleValue();
                }
                if (raw instanceof String s) {
                    try {
                        return Double.parseDouble(s.strip());
                    } catch (NumberFormatException e) {
                        return null;
                    }
                }
                return null;
            case BOOLEAN:
                if (raw instanceof Number n) {
                    return n.longValue() != 0;
                }
                if (raw instanceof String s) {
                    String t = s.strip().toLowerCase(Locale.ROOT);
                    return t.equals("true") || t.equals("1") ? Boolean.TRUE
                            : t.equals("false") || t.equals("0") ? Boolean.FALSE : null;
                }
                return null;
            case DATE:
                if (raw instanceof String s) {
                    LocalDate d = GeoJsonReader.parseDate(s.strip());
                    LocalDateTime t = d == null ? GeoJsonReader.parseDateTime(s.strip()) : null;
                    return d != null ? d : t == null ? null : t.toLocalDate();
                }
                return null;
            case DATETIME:
                return raw instanceof String s ? GeoJsonReader.parseDateTime(s.strip()) : null;
            default:
                return null;
        }
    }

    @Override
    public List<Problem> notes() {
        List<Problem> all = new ArrayList<>(notes);
        for (Map.Entry<String, long[]> e : badValues.entrySet()) {
            all.add(new Problem(fileName, e.getValue()[1], e.getKey(), e.getValue()[0] + " value(s) in column "
                    + e.getKey() + " do not match its declared type (the first in row " + e.getValue()[1] + "); they"
                    + " were left empty."));
        }
        return all;
    }

    @Override
    public long[] progress() {
        return new long[] {row, rowCount};
    }

    @Override
    public void close() {
        try {
            if (rows != null) {
                rows.close();
            }
            if (statement != null) {
                statement.close();
            }
        } catch (SQLException e) {
            // read-only connection: nothing to lose
        }
        closeConnection();
    }

    private void closeConnection() {
        try {
            connection.close();
        } catch (SQLException e) {
            // read-only connection: nothing to lose
        }
    }
}
