package org.pscdesk.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.pscdesk.geo.Crs;

class WorkspaceTest {

    private static final GeometryFactory GF = new GeometryFactory();

    @TempDir
    Path dir;

    private static List<FieldDef> incidentFields() {
        return List.of(new FieldDef("occurred", FieldType.DATETIME), new FieldDef("category", FieldType.TEXT),
                new FieldDef("weight", FieldType.REAL), new FieldDef("day", FieldType.DATE),
                new FieldDef("n", FieldType.INTEGER), new FieldDef("flag", FieldType.BOOLEAN));
    }

    private static List<Feature> incidents(int n) {
        List<Feature> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Feature(GF.createPoint(new Coordinate(738000 + i * 10.5, 4280000 - i * 3.25)),
                    Arrays.asList(LocalDateTime.of(2024, 1, 1 + i % 28, i % 24, 30), i % 2 == 0 ? "Robbery" : "Zoë's café",
                            i * 0.5, LocalDate.of(2025, 3, 1 + i % 28), (long) i, i % 3 == 0)));
        }
        return out;
    }

    private static NewLayer incidentLayer() {
        return new NewLayer("incidents", "Incidents", LayerRole.OUTCOME, GeometryType.POINT, incidentFields(),
                new Provenance("test", "generated", "EPSG:26915", "2026-01-01", null), "occurred", "category");
    }

    @Test
    void createdWorkspaceIsAGeoPackageWithApplicationIdAndWal() throws Exception {
        Path file = dir.resolve("ws.gpkg");
        try (Workspace ws = Workspace.create(file, Crs.of("EPSG:26915"))) {
            assertEquals("EPSG:26915", ws.crs().orElseThrow().id());
            assertEquals(2, Files.readAllBytes(file)[18], "WAL journal");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            assertEquals(0x47504B47, scalarInt(st, "PRAGMA application_id"));
            assertEquals(10300, scalarInt(st, "PRAGMA user_version"));
            try (ResultSet rs = st.executeQuery("SELECT data_type FROM gpkg_contents WHERE table_name = 'psc_meta'")) {
                assertTrue(rs.next(), "psc_meta registered so GDAL lists only registered tables");
                assertEquals("attributes", rs.getString(1));
            }
            assertEquals(3, scalarInt(st, "SELECT COUNT(*) FROM gpkg_spatial_ref_sys WHERE srs_id IN (-1, 0, 4326)"));
        }
        assertFalse(Files.exists(Path.of(file + "-wal")), "closing leaves one file");
    }

    @Test
    void layerRoundTripsGeometryAttributesRoleAndSrs() throws Exception {
        Path file = dir.resolve("ws.gpkg");
        List<Feature> written = incidents(25);
        try (Workspace ws = Workspace.create(file, Crs.of("EPSG:26915"))) {
            LayerInfo info = ws.createLayer(incidentLayer(), written);
            assertEquals(25, info.count());
        }
        try (Workspace ws = Workspace.open(file)) {
            LayerInfo info = ws.layer("incidents").orElseThrow();
            assertEquals(LayerRole.OUTCOME, info.role());
            assertEquals(GeometryType.POINT, info.geometryType());
            assertEquals("EPSG:26915", info.srs());
            assertEquals("occurred", info.dateField());
            assertEquals(incidentFields(), info.fields());
            List<Feature> read = ws.features("incidents");
            assertEquals(written.size(), read.size());
            for (int i = 0; i < read.size(); i++) {
                assertTrue(written.get(i).geometry().equalsExact(read.get(i).geometry()), "geometry " + i);
                assertEquals(written.get(i).values(), read.get(i).values(), "values " + i);
            }
        }
    }

    @Test
    void polygonWithHoleKeepsItsHoleAndEnvelope() throws Exception {
        Path file = dir.resolve("ws.gpkg");
        Polygon withHole = GF.createPolygon(GF.createLinearRing(new Coordinate[] {new Coordinate(0, 0),
                new Coordinate(100, 0), new Coordinate(100, 100), new Coordinate(0, 100), new Coordinate(0, 0)}),
                new org.locationtech.jts.geom.LinearRing[] {GF.createLinearRing(new Coordinate[] {new Coordinate(10, 10),
                        new Coordinate(10, 20), new Coordinate(20, 20), new Coordinate(20, 10), new Coordinate(10, 10)})});
        try (Workspace ws = Workspace.create(file, Crs.of("ESRI:102696"))) {
            LayerInfo info = ws.createLayer(new NewLayer("Vacant lots!", "Vacant lots", LayerRole.FACTOR,
                    GeometryType.POLYGON, List.of(), Provenance.generated("test", null, null)), List.of(
                    new Feature(withHole, List.of())));
            assertEquals("vacant_lots", info.name());
            assertEquals("ESRI:102696", info.srs());
            assertEquals(100.0, info.extent().getMaxX());
            Polygon back = (Polygon) ws.features(info.name()).get(0).geometry();
            assertEquals(1, back.getNumInteriorRing());
            assertEquals(withHole.getArea(), back.getArea(), 1e-9);
        }
    }

    @Test
    void failedLayerLeavesWorkspaceUnchanged() throws Exception {
        Path file = dir.resolve("ws.gpkg");
        try (Workspace ws = Workspace.create(file, Crs.of("EPSG:26915"))) {
            List<Feature> bad = new ArrayList<>(incidents(3));
            bad.add(new Feature(GF.createPoint(new Coordinate(1, 2)), List.of("too few values")));
            WorkspaceException e = assertThrows(WorkspaceException.class, () -> ws.createLayer(incidentLayer(), bad));
            assertTrue(e.getMessage().contains("feature 4"), e.getMessage());
            assertTrue(ws.layers().isEmpty());
            try (Statement st = connectionOf(file).createStatement()) {
                assertEquals(0, scalarInt(st, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'incidents'"));
            }
        }
    }

    @Test
    void reopeningKeepsSchemaVersionAndLayers() throws Exception {
        Path file = dir.resolve("ws.gpkg");
        try (Workspace ws = Workspace.create(file, Crs.of("EPSG:26915"))) {
            ws.createLayer(incidentLayer(), incidents(4));
        }
        assertEquals(Workspace.SCHEMA_VERSION, Inspection.of(file).schemaVersion());
        for (int i = 0; i < 2; i++) {
            try (Workspace ws = Workspace.open(file)) {
                assertEquals(1, ws.layers().size());
            }
        }
        assertEquals(Workspace.SCHEMA_VERSION, Inspection.of(file).schemaVersion());
    }

    @Test
    void olderWorkspaceIsMigratedOnOpen() throws Exception {
        Path file = dir.resolve("old.gpkg");
        Workspace.createAtVersion(file, 1);
        assertEquals(1, Inspection.of(file).schemaVersion());
        try (Workspace ws = Workspace.open(file)) {
            ws.setWorkingCrs(Crs.of("EPSG:26915"));
            ws.createLayer(incidentLayer(), incidents(2));
        }
        assertEquals(Workspace.SCHEMA_VERSION, Inspection.of(file).schemaVersion());
        try (Statement st = connectionOf(file).createStatement()) {
            assertEquals(1, scalarInt(st, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'psc_meetings'"));
            assertEquals(1, scalarInt(st, "SELECT COUNT(*) FROM pragma_table_info('psc_layers') WHERE name = 'report'"));
        }
    }

    @Test
    void upgradingAnOlderWorkspaceKeepsABackupCopyBesideIt() throws Exception {
        Path file = dir.resolve("stl.gpkg");
        Workspace.createAtVersion(file, 2);
        byte[] before = Files.readAllBytes(file);
        try (Workspace ws = Workspace.open(file)) {
            assertTrue(ws.layers().isEmpty());
        }
        Path backup = dir.resolve("stl.v2-backup.gpkg");
        assertTrue(Files.exists(backup), "backup beside the workspace");
        assertArrayEquals(before, Files.readAllBytes(backup), "the backup is the file as it was");
        assertEquals(2, Inspection.of(backup).schemaVersion());
        assertEquals(Workspace.SCHEMA_VERSION, Inspection.of(file).schemaVersion());
        try (Workspace ws = Workspace.open(file)) {
            assertTrue(ws.layers().isEmpty());
        }
        try (var files = Files.list(dir)) {
            assertEquals(1, files.filter(p -> p.getFileName().toString().contains("backup")).count(),
                    "an up-to-date workspace is not copied again");
        }
    }

    @Test
    void openingAWorkspaceThatIsOpenElsewhereMakesNoBackup() throws Exception {
        Path file = dir.resolve("busy.gpkg");
        Workspace.create(file, Crs.of("EPSG:26915")).close();
        try (Workspace first = Workspace.open(file)) {
            first.putMeta("name", "busy");
            assertTrue(Files.exists(Path.of(file + "-wal")), "the open workspace has its write-ahead log");
            try (Workspace second = Workspace.open(file)) {
                assertEquals("busy", second.meta("name").orElseThrow());
            }
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.map(p -> p.getFileName().toString()).filter(n -> n.contains("backup"))
                    .toList(), "an up-to-date workspace is never copied, open elsewhere or not");
        }
    }

    @Test
    void schemaVersionIsTheHighestMigration() throws Exception {
        int highest = 0;
        try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path p : (Iterable<Path>) files::iterator) {
                var m = java.util.regex.Pattern.compile("^V(\\d+)__.*\\.sql$").matcher(p.getFileName().toString());
                if (m.matches()) {
                    highest = Math.max(highest, Integer.parseInt(m.group(1)));
                }
            }
        }
        assertEquals(highest, Workspace.SCHEMA_VERSION);
    }

    @Test
    void openingAndAFailedWriteLeaveTheFileByteIdentical() throws Exception {
        Path file = dir.resolve("ws.gpkg");
        try (Workspace ws = Workspace.create(file, Crs.of("EPSG:26915"))) {
            ws.createLayer(incidentLayer(), incidents(50));
        }
        byte[] before = Files.readAllBytes(file);
        try (Workspace ws = Workspace.open(file)) {
            ws.layers();
        }
        assertArrayEquals(before, Files.readAllBytes(file), "open and close");
        try (Workspace ws = Workspace.open(file)) {
            List<Feature> bad = new ArrayList<>(incidents(3000));
            bad.add(new Feature(GF.createPoint(new Coordinate(1, 2)), List.of("too few values")));
            assertThrows(WorkspaceException.class, () -> ws.createLayer(incidentLayer(), bad));
        }
        assertArrayEquals(before, Files.readAllBytes(file), "failed write");
    }

    @Test
    void fastDateTimeTextEqualsTheIsoFormatter() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(2);
        for (int i = 0; i < 20_000; i++) {
            LocalDateTime t = LocalDateTime.of(r.nextInt(0, 12000), 1 + r.nextInt(12), 1 + r.nextInt(28),
                    r.nextInt(24), r.nextInt(60), r.nextInt(60), i % 3 == 0 ? r.nextInt(1_000_000_000) : 0);
            assertEquals(t.format(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME), Workspace.isoDateTime(t));
        }
    }

    @Test
    void refusesToOverwriteAnExistingFile() throws Exception {
        Path file = dir.resolve("ws.gpkg");
        Files.writeString(file, "keep me");
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> Workspace.create(file, null));
        assertEquals(WorkspaceException.Reason.EXISTS, e.reason());
        assertEquals("keep me", Files.readString(file));
    }

    @Test
    void refusesGeographicWorkingCrs() {
        WorkspaceException e = assertThrows(WorkspaceException.class,
                () -> Workspace.create(dir.resolve("ws.gpkg"), Crs.of("EPSG:4326")));
        assertEquals(WorkspaceException.Reason.BAD_INPUT, e.reason());
        assertFalse(Files.exists(dir.resolve("ws.gpkg")));
    }

    @Test
    void refusesPngEmptyAndTruncatedFilesWithoutTouchingThem() throws Exception {
        Path png = dir.resolve("picture.gpkg");
        byte[] pngBytes = new byte[300];
        byte[] sig = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(sig, 0, pngBytes, 0, sig.length);
        Files.write(png, pngBytes);
        Path empty = Files.createFile(dir.resolve("empty.gpkg"));
        Path good = dir.resolve("good.gpkg");
        try (Workspace ws = Workspace.create(good, Crs.of("EPSG:26915"))) {
            ws.createLayer(incidentLayer(), incidents(2000));
        }
        byte[] goodBytes = Files.readAllBytes(good);
        Path truncated = dir.resolve("truncated.gpkg");
        Files.write(truncated, Arrays.copyOf(goodBytes, goodBytes.length / 2 + 123));

        assertRefused(png, WorkspaceException.Reason.NOT_GEOPACKAGE);
        assertRefused(empty, WorkspaceException.Reason.NOT_GEOPACKAGE);
        assertRefused(truncated, WorkspaceException.Reason.CORRUPT);
        assertRefused(dir.resolve("missing.gpkg"), WorkspaceException.Reason.NOT_FOUND);
    }

    @Test
    void pageAlignedTruncationIsCaughtByQuickCheck() throws Exception {
        Path good = dir.resolve("good.gpkg");
        try (Workspace ws = Workspace.create(good, Crs.of("EPSG:26915"))) {
            ws.createLayer(incidentLayer(), incidents(3000));
        }
        byte[] bytes = Files.readAllBytes(good);
        int pageSize = ((bytes[16] & 0xff) << 8) | (bytes[17] & 0xff);
        Path cut = dir.resolve("cut.gpkg");
        Files.write(cut, Arrays.copyOf(bytes, (bytes.length / pageSize / 2) * pageSize));
        assertRefused(cut, WorkspaceException.Reason.CORRUPT);
    }

    @Test
    void foreignGeoPackageNeedsAdoptionThenGetsOurTables() throws Exception {
        Path file = dir.resolve("gdal.gpkg");
        makeForeignGeoPackage(file);
        assertRefused(file, WorkspaceException.Reason.FOREIGN_GEOPACKAGE);
        try (Workspace ws = Workspace.open(file, true)) {
            LayerInfo layer = ws.layers().get(0);
            assertEquals("parks", layer.name());
            assertEquals(LayerRole.REFERENCE, layer.role());
            assertEquals(2, layer.count());
            assertEquals("EPSG:4326", layer.srs());
        }
        assertEquals(Inspection.Kind.WORKSPACE, Inspection.of(file).kind());
    }

    @Test
    void newerSchemaIsRefusedAndNotDowngraded() throws Exception {
        Path file = dir.resolve("future.gpkg");
        Workspace.create(file, Crs.of("EPSG:26915")).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("INSERT INTO psc_schema_history (installed_rank, version, description, type, script, checksum,"
                    + " installed_by, installed_on, execution_time, success) VALUES (99, '"
                    + (Workspace.SCHEMA_VERSION + 1) + "', 'future', 'SQL', 'V99__future.sql', 0, 'x', '2030-01-01', 1, 1)");
        }
        assertRefused(file, WorkspaceException.Reason.NEWER_SCHEMA);
    }

    private void assertRefused(Path file, WorkspaceException.Reason reason) throws IOException {
        byte[] before = Files.exists(file) ? Files.readAllBytes(file) : null;
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> Workspace.open(file));
        assertEquals(reason, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains(file.getFileName().toString()), "message names the file: " + e.getMessage());
        if (before != null) {
            assertArrayEquals(before, Files.readAllBytes(file), "file unchanged");
        }
        assertFalse(Files.exists(Path.of(file + "-wal")), "no -wal left");
        assertFalse(Files.exists(Path.of(file + "-shm")), "no -shm left");
        assertFalse(Files.exists(Path.of(file + "-journal")), "no -journal left");
    }

    /** A minimal GeoPackage as another tool writes it: core tables and one feature table, no psc_ tables. */
    private static void makeForeignGeoPackage(Path file) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("PRAGMA application_id = 1196444487");
            st.execute("CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,"
                    + " organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL,"
                    + " description TEXT)");
            st.execute("INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84', 4326, 'EPSG', 4326, 'GEOGCS[\"WGS 84\"]', NULL)");
            st.execute("CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT NOT NULL,"
                    + " identifier TEXT UNIQUE, description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT"
                    + " (strftime('%Y-%m-%dT%H:%M:%fZ','now')), min_x DOUBLE, min_y DOUBLE, max_x DOUBLE,"
                    + " max_y DOUBLE, srs_id INTEGER)");
            st.execute("CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,"
                    + " geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,"
                    + " PRIMARY KEY (table_name, column_name))");
            st.execute("CREATE TABLE parks (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom POINT, name TEXT)");
            for (int i = 0; i < 2; i++) {
                byte[] blob = GpkgGeometry.encode(GF.createPoint(new Coordinate(-90.2 + i, 38.6)), 4326);
                try (var ps = c.prepareStatement("INSERT INTO parks (geom, name) VALUES (?, ?)")) {
                    ps.setBytes(1, blob);
                    ps.setString(2, "Park " + i);
                    ps.executeUpdate();
                }
            }
            st.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ('parks', 'features', 'parks', 4326)");
            st.execute("INSERT INTO gpkg_geometry_columns VALUES ('parks', 'geom', 'POINT', 4326, 0, 0)");
        }
    }

    private static Connection connectionOf(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    private static int scalarInt(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
