package org.pscdesk.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.MultiPolygon;
import org.pscdesk.store.FieldDef;
import org.pscdesk.store.FieldType;
import org.pscdesk.store.GeometryType;

class GeoPackageReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsAGdalGeoPackageAsGdalDoes() throws Exception {
        GeoTestSupport.assumeGdal();
        Path gpkg = dir.resolve("schools.gpkg");
        GeoTestSupport.ogr2ogr("-f", "GPKG", gpkg.toString(),
                GeoTestSupport.stl("risk_factors/derived_geojson_2025/schools_2025.geojson").toString());
        try (GeoPackageReader r = GeoPackageReader.open(gpkg, ReadOptions.DEFAULTS)) {
            List<SourceRecord> records = GeoTestSupport.readAll(r);
            assertEquals(133, records.size());
            assertEquals(GeoTestSupport.ogrFields(gpkg), fieldMap(r));
            assertEquals(0.0, GeoTestSupport.compareWithGdal(records, GeoTestSupport.ogrGeometries(gpkg)), 1e-12);
            assertEquals("EPSG:4326", r.sourceCrs().orElseThrow().id());
            assertEquals(GeometryType.POINT, r.geometryType());
        }
    }

    @Test
    void narrowsAGenericGeometryColumnToTheTypesPresent() throws Exception {
        GeoTestSupport.assumeGdal();
        Path gpkg = dir.resolve("lra.gpkg");
        GeoTestSupport.ogr2ogr("-f", "GPKG", gpkg.toString(),
                GeoTestSupport.stl("risk_factors/derived_geojson_2025/lra_parcels_2025.geojson").toString());
        try (GeoPackageReader r = GeoPackageReader.open(gpkg, ReadOptions.DEFAULTS)) {
            assertEquals(GeometryType.MULTIPOLYGON, r.geometryType());
            List<SourceRecord> records = GeoTestSupport.readAll(r);
            assertEquals(9467, records.size());
            assertTrue(records.stream().allMatch(s -> s.geometry() instanceof MultiPolygon));
            assertEquals(0.0, GeoTestSupport.compareWithGdal(records, GeoTestSupport.ogrGeometries(gpkg)), 1e-12);
        }
    }

    @Test
    void listsTheTablesAndReadsTheMemberNamed() throws Exception {
        GeoTestSupport.assumeGdal();
        Path gpkg = dir.resolve("two.gpkg");
        GeoTestSupport.ogr2ogr("-f", "GPKG", gpkg.toString(),
                GeoTestSupport.stl("risk_factors/derived_geojson_2025/parks_2025.geojson").toString(), "-nln", "parks");
        GeoTestSupport.ogr2ogr("-f", "GPKG", "-update", gpkg.toString(),
                GeoTestSupport.stl("risk_factors/derived_geojson_2025/schools_2025.geojson").toString(), "-nln", "schools");
        ImportException e = assertThrows(ImportException.class, () -> GeoPackageReader.open(gpkg, ReadOptions.DEFAULTS));
        assertTrue(e.problem().message().contains("parks, schools") && e.problem().message().contains("--member"),
                e.problem().message());
        try (GeoPackageReader r = GeoPackageReader.open(gpkg, ReadOptions.DEFAULTS.withMember("PARKS"))) {
            assertEquals(117, GeoTestSupport.readAll(r).size());
        }
    }

    @Test
    void findsTheCrsFromTheWktWhenTheOrganizationIsUnknown() throws Exception {
        GeoTestSupport.assumeGdal();
        // GDAL stores the "D_unknown" UTM .prj of the neighbourhoods without an EPSG code
        Path gpkg = dir.resolve("nhoods.gpkg");
        GeoTestSupport.ogr2ogr("-f", "GPKG", gpkg.toString(),
                GeoTestSupport.stl("boundaries/neighborhoods_79_shp/STL_DEMOS_Nhoods.shp").toString());
        try (GeoPackageReader r = GeoPackageReader.open(gpkg, ReadOptions.DEFAULTS)) {
            assertEquals("EPSG:26915", r.sourceCrs().orElseThrow().id());
            assertEquals(79, GeoTestSupport.readAll(r).size());
        }
        Path police = dir.resolve("police.gpkg");
        GeoTestSupport.ogr2ogr("-f", "GPKG", police.toString(),
                GeoTestSupport.stl("boundaries/police_districts_2014/GIS.STL.POLICE_DISTRICTS_2014.shp").toString());
        try (GeoPackageReader r = GeoPackageReader.open(police, ReadOptions.DEFAULTS)) {
            assertEquals("ESRI:102696", r.sourceCrs().orElseThrow().id());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"XYZ", "XYM", "XYZM"})
    void keepsXAndYOfZAndMGeometries(String dimension) throws Exception {
        GeoTestSupport.assumeGdal();
        Path json = dir.resolve("z.geojson");
        Files.writeString(json, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
                + "{\"n\":1},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[-90.3,38.5,1],[-90.1,38.5,1],"
                + "[-90.1,38.7,1],[-90.3,38.5,1]]]}}]}");
        Path gpkg = dir.resolve("z" + dimension + ".gpkg");
        GeoTestSupport.ogr2ogr("-f", "GPKG", "-dim", dimension, gpkg.toString(), json.toString());
        try (GeoPackageReader r = GeoPackageReader.open(gpkg, ReadOptions.DEFAULTS)) {
            List<SourceRecord> records = GeoTestSupport.readAll(r);
            assertEquals(0.0, GeoTestSupport.compareWithGdal(records, GeoTestSupport.ogrGeometries(gpkg)), 1e-12);
        }
    }

    /** Envelope indicator 0-4 with both byte orders, written by hand (GeoPackage 1.3 §2.1.3.1.1). */
    @Test
    void decodesHeadersOfEveryEnvelopeSizeInBothByteOrders() throws Exception {
        Path gpkg = dir.resolve("hand.gpkg");
        try (HandMade g = new HandMade(gpkg, "POINT", 4326, "EPSG", 4326)) {
            for (int envelope = 0; envelope <= 4; envelope++) {
                g.insert(point(ByteOrder.LITTLE_ENDIAN, envelope, 1 + envelope, 2), "le" + envelope);
                g.insert(point(ByteOrder.BIG_ENDIAN, envelope, 10 + envelope, 20), "be" + envelope);
            }
        }
        try (GeoPackageReader r = GeoPackageReader.open(gpkg, ReadOptions.DEFAULTS)) {
            List<SourceRecord> records = GeoTestSupport.readAll(r);
            assertEquals(10, records.size());
            for (int envelope = 0; envelope <= 4; envelope++) {
                assertEquals(new Coordinate(1 + envelope, 2), records.get(2 * envelope).geometry().getCoordinate());
                assertEquals(new Coordinate(10 + envelope, 20), records.get(2 * envelope + 1).geometry().getCoordinate());
            }
        }
    }

    @Test
    void skipsEmptyMissingAndUnreadableGeometriesWithReasons() throws Exception {
        Path gpkg = dir.resolve("bad.gpkg");
        byte[] empty = point(ByteOrder.LITTLE_ENDIAN, 0, Double.NaN, Double.NaN);
        empty[3] |= 0x10;
        byte[] extended = point(ByteOrder.LITTLE_ENDIAN, 0, 1, 1);
        extended[3] |= 0x20;
        byte[] curve = point(ByteOrder.LITTLE_ENDIAN, 0, 1, 1);
        curve[8 + 1] = 8;
        try (HandMade g = new HandMade(gpkg, "GEOMETRY", 4326, "EPSG", 4326)) {
            g.insert(empty, "empty");
            g.insert(null, "null");
            g.insert(extended, "extended");
            g.insert(new byte[] {'G', 'P', 0}, "short");
            g.insert(curve, "curve");
            g.insert(point(ByteOrder.LITTLE_ENDIAN, 0, 3, 4), "fine");
        }
        try (GeoPackageReader r = GeoPackageReader.open(gpkg, ReadOptions.DEFAULTS)) {
            List<SourceRecord> records = GeoTestSupport.readAll(r);
            assertEquals(List.of("no_geometry", "no_geometry", "bad_geometry", "bad_geometry", "bad_geometry"),
                    records.subList(0, 5).stream().map(SourceRecord::skipReason).toList());
            assertTrue(records.get(5).usable());
            assertEquals("fine", records.get(5).values()[0]);
        }
    }

    @Test
    void convertsValuesToTheDeclaredTypesAndReportsMisfits() throws Exception {
        Path gpkg = dir.resolve("types.gpkg");
        try (HandMade g = new HandMade(gpkg, "POINT", 4326, "EPSG", 4326,
                "n INTEGER, r DOUBLE, b BOOLEAN, d DATE, t DATETIME, s TEXT(20), raw BLOB")) {
            g.insertRow(point(ByteOrder.LITTLE_ENDIAN, 0, 1, 1), 42, 2.5, 1, "2019-07-04", "2019-07-04T21:30:00.000Z",
                    "Bar", new byte[] {1});
            g.insertRow(point(ByteOrder.LITTLE_ENDIAN, 0, 2, 2), "abc", "3", 0, "July", null, 7, null);
        }
        try (GeoPackageReader r = GeoPackageReader.open(gpkg, ReadOptions.DEFAULTS)) {
            assertEquals(List.of(FieldType.INTEGER, FieldType.REAL, FieldType.BOOLEAN, FieldType.DATE,
                    FieldType.DATETIME, FieldType.TEXT), r.fields().stream().map(FieldDef::type).toList());
            List<SourceRecord> records = GeoTestSupport.readAll(r);
            assertArrayEquals(new Object[] {42L, 2.5, true, LocalDate.of(2019, 7, 4),
                LocalDateTime.of(2019, 7, 4, 21, 30), "Bar"}, records.get(0).values());
            assertArrayEquals(new Object[] {null, 3.0, false, null, null, "7"}, records.get(1).values());
            List<Problem> notes = r.notes();
            assertTrue(notes.stream().anyMatch(p -> p.message().contains("raw")), notes.toString());
            assertTrue(notes.stream().anyMatch(p -> "n".equals(p.field()) && p.row() == 2), notes.toString());
            assertTrue(notes.stream().anyMatch(p -> "d".equals(p.field()) && p.row() == 2), notes.toString());
        }
    }

    @Test
    void neverWritesBesideTheSourceFile() throws Exception {
        Path gpkg = dir.resolve("untouched.gpkg");
        try (HandMade g = new HandMade(gpkg, "POINT", 4326, "EPSG", 4326)) {
            g.insert(point(ByteOrder.LITTLE_ENDIAN, 0, 1, 2), "a");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg);
             Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
        }
        List<String> before = listing();
        String sha = sha256(gpkg);
        long modified = Files.getLastModifiedTime(gpkg).toMillis();
        try (GeoPackageReader r = GeoPackageReader.open(gpkg, ReadOptions.DEFAULTS)) {
            r.next();
            assertEquals(before, listing());
            GeoTestSupport.readAll(r);
        }
        assertEquals(before, listing());
        assertEquals(sha, sha256(gpkg));
        assertEquals(modified, Files.getLastModifiedTime(gpkg).toMillis());
    }

    @Test
    void warnsThatUnsavedChangesInAWalFileAreNotRead() throws Exception {
        Path gpkg = dir.resolve("open.gpkg");
        try (HandMade g = new HandMade(gpkg, "POINT", 4326, "EPSG", 4326)) {
            g.insert(point(ByteOrder.LITTLE_ENDIAN, 0, 1, 2), "a");
        }
        Files.write(dir.resolve("open.gpkg-wal"), new byte[] {1, 2, 3});
        try (GeoPackageReader r = GeoPackageReader.open(gpkg, ReadOptions.DEFAULTS)) {
            assertTrue(r.notes().stream().anyMatch(p -> p.message().contains("-wal")));
        }
    }

    @Test
    void leavesAnUnknownCrsEmptyAndAsksForIt() throws Exception {
        Path gpkg = dir.resolve("nocrs.gpkg");
        try (HandMade g = new HandMade(gpkg, "POINT", 0, "NONE", 0)) {
            g.insert(point(ByteOrder.LITTLE_ENDIAN, 0, 1, 2), "a");
        }
        try (GeoPackageReader r = GeoPackageReader.open(gpkg, ReadOptions.DEFAULTS)) {
            assertTrue(r.sourceCrs().isEmpty());
            assertTrue(r.notes().stream().anyMatch(p -> p.message().contains("--crs")));
        }
    }

    @Test
    void refusesFilesThatAreNotGeoPackages() throws Exception {
        Path text = dir.resolve("text.gpkg");
        Files.writeString(text, "not a database at all");
        assertTrue(assertThrows(ImportException.class, () -> GeoPackageReader.open(text, ReadOptions.DEFAULTS))
                .problem().message().contains("not a GeoPackage"));
        Path plain = dir.resolve("plain.gpkg");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + plain); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t(a)");
        }
        assertTrue(assertThrows(ImportException.class, () -> GeoPackageReader.open(plain, ReadOptions.DEFAULTS))
                .problem().message().contains("not a GeoPackage"));
    }

    @Test
    void opensFilesWithSpacesAndHashesInTheirName() throws Exception {
        Path gpkg = dir.resolve("my data #2 (100%).gpkg");
        try (HandMade g = new HandMade(gpkg, "POINT", 4326, "EPSG", 4326)) {
            g.insert(point(ByteOrder.LITTLE_ENDIAN, 0, 1, 2), "a");
        }
        try (GeoPackageReader r = GeoPackageReader.open(gpkg, ReadOptions.DEFAULTS)) {
            assertEquals("a", r.next().values()[0]);
        }
        assertEquals(List.of("my data #2 (100%).gpkg"), listing());
    }

    /** A point blob: GP header, envelope of the size the indicator asks for, then WKB, all in one byte order. */
    private static byte[] point(ByteOrder order, int envelopeIndicator, double x, double y) {
        int envelopeDoubles = switch (envelopeIndicator) {
            case 0 -> 0;
            case 1 -> 4;
            case 2, 3 -> 6;
            default -> 8;
        };
        ByteBuffer b = ByteBuffer.allocate(8 + 8 * envelopeDoubles + 21).order(order);
        b.put((byte) 'G').put((byte) 'P').put((byte) 0);
        b.put((byte) ((envelopeIndicator << 1) | (order == ByteOrder.LITTLE_ENDIAN ? 1 : 0)));
        b.putInt(4326);
        for (int i = 0; i < envelopeDoubles; i++) {
            b.putDouble(i < 2 ? x : i < 4 ? y : 0);
        }
        b.put((byte) (order == ByteOrder.LITTLE_ENDIAN ? 1 : 0)).putInt(1).putDouble(x).putDouble(y);
        return b.array();
    }

    private List<String> listing() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String sha256(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

    private static Map<String, FieldType> fieldMap(FeatureReader r) {
        return r.fields().stream().collect(Collectors.toMap(FieldDef::name, FieldDef::type, (a, b) -> a,
                LinkedHashMap::new));
    }

    /** A minimal GeoPackage written with plain SQL (the three required tables and one feature table). */
    private static final class HandMade implements AutoCloseable {
        private final Connection c;
        private final int columns;

        HandMade(Path path, String geometryType, int srsId, String organization, int code) throws Exception {
            this(path, geometryType, srsId, organization, code, "name TEXT");
        }

        HandMade(Path path, String geometryType, int srsId, String organization, int code, String attributes)
                throws Exception {
            c = DriverManager.getConnection("jdbc:sqlite:" + path);
            columns = attributes.split(",").length;
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA application_id = 1196444487");
                s.execute("CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,"
                        + " organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL,"
                        + " definition TEXT NOT NULL, description TEXT)");
                s.execute("CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT NOT NULL,"
                        + " identifier TEXT, description TEXT DEFAULT '', last_change DATETIME, min_x DOUBLE,"
                        + " min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER)");
                s.execute("CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,"
                        + " geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL,"
                        + " m TINYINT NOT NULL)");
                s.execute("INSERT INTO gpkg_spatial_ref_sys VALUES ('x', " + srsId + ", '" + organization + "', " + code
                        + ", 'undefined', NULL)");
                s.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES"
                        + " ('things', 'features', 'things', " + srsId + ")");
                s.execute("INSERT INTO gpkg_geometry_columns VALUES ('things', 'geom', '" + geometryType + "', " + srsId
                        + ", 0, 0)");
                s.execute("CREATE TABLE things (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom BLOB, " + attributes + ")");
            }
        }

        void insert(byte[] blob, String name) throws Exception {
            insertRow(blob, name);
        }

        void insertRow(byte[] blob, Object... values) throws Exception {
            StringBuilder marks = new StringBuilder("?");
            for (int i = 0; i < columns; i++) {
                marks.append(", ?");
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO things (geom, "
                    + (columns == 1 ? "name" : "n, r, b, d, t, s, raw") + ") VALUES (" + marks + ")")) {
                p.setBytes(1, blob);
                for (int i = 0; i < values.length; i++) {
                    p.setObject(i + 2, values[i]);
                }
                p.executeUpdate();
            }
        }

        @Override
        public void close() throws Exception {
            c.close();
        }
    }
}
