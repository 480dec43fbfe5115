package org.pscdesk.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.pscdesk.geo.CoordinateTransform;
import org.pscdesk.geo.Crs;
import org.pscdesk.store.Feature;
import org.pscdesk.store.FieldDef;
import org.pscdesk.store.FieldType;
import org.pscdesk.store.GeometryType;
import org.pscdesk.store.LayerInfo;
import org.pscdesk.store.LayerRole;
import org.pscdesk.store.NewLayer;
import org.pscdesk.store.Provenance;
import org.pscdesk.store.TestFaults;
import org.pscdesk.store.Workspace;
import org.pscdesk.store.WorkspaceException;
import org.pscdesk.work.CancelledException;
import org.pscdesk.work.Cancellation;
import org.pscdesk.work.Progress;

/** The import pipeline end to end on real files and real workspaces. */
class ImportServiceTest {

    private static final GeometryFactory GF = new GeometryFactory();

    @TempDir
    Path dir;

    private Path write(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static ImportRequest request(Path file, LayerRole role, String name, Map<String, Set<String>> filters,
                                         boolean insideOnly, Set<String> keep, ImportRequest.Mode mode) {
        return new ImportRequest(List.of(file), role, name, ReadOptions.DEFAULTS, null, filters, null, null, null,
                null, insideOnly, keep, mode, null);
    }

    /** Rows of {@link #lateMisfitCsv}. */
    private static final int LATE_ROWS = CsvReader.SAMPLE_ROWS + 500;

    /** late.csv: whole numbers in 'code' for more than the sample, then 'A17' in its last row. */
    private Path lateMisfitCsv() throws Exception {
        StringBuilder sb = new StringBuilder("code,x,y\n");
        for (int i = 1; i < LATE_ROWS; i++) {
            sb.append(i).append(",735000,4272000\n");
        }
        sb.append("A17,735000,4272000\n");
        return write("late.csv", sb.toString());
    }

    private ImportReport run(Workspace ws, ImportRequest r) throws Exception {
        return new ImportService(ws).run(r, Progress.NONE, Cancellation.none());
    }

    /** St. Louis points in lon/lat, with a person column and a category. */
    private Path lonLatCsv(int rows) throws Exception {
        StringBuilder sb = new StringBuilder("id,lat,lon,category,owner_email,when\n");
        for (int i = 0; i < rows; i++) {
            sb.append(i).append(',').append(38.60 + i * 0.0005).append(',').append(-90.25 + i * 0.0004).append(',')
                    .append(i % 3 == 0 ? "Rape" : "Larceny").append(",x").append(i).append("@example.org,")
                    .append("2018-0").append(1 + i % 9).append("-15T10:00:00\n");
        }
        return write("points.csv", sb.toString());
    }

    /**
     * The provenance hash is that of the file's bytes however the file was read: hashed as it was read (a BOM
     * and CR line ends included), read twice because its types changed after the sample, or by another reader.
     */
    @Test
    void provenanceHashIsTheFilesBytesOnEveryReadPath() throws Exception {
        Path bom = dir.resolve("bom.csv");
        Files.write(bom, ("\uFEFFid,x,y\r1,700000,4270000\r2,700100,4270100\r").getBytes(StandardCharsets.UTF_8));
        Path json = write("points.geojson", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{\"id\":1},\"geometry\":{\"type\":\"Point\",\"coordinates\":[700000,4270000]}}]}");
        Map<Path, Long> rows = Map.of(bom, 2L, lateMisfitCsv(), (long) LATE_ROWS, json, 1L);
        try (Workspace w = Workspace.create(dir.resolve("hashes.gpkg"), Crs.of("EPSG:26915"))) {
            for (var e : rows.entrySet()) {
                Path file = e.getKey();
                String name = file.getFileName().toString().replace('.', '_');
                ImportRequest r = new ImportRequest(List.of(file), LayerRole.FACTOR, name,
                        ReadOptions.DEFAULTS.withCrs(Crs.of("EPSG:26915")), null, Map.of(), null, null, null, null,
                        false, Set.of(), ImportRequest.Mode.CREATE, null);
                assertEquals(e.getValue(), run(w, r).imported(), file.toString());
                Provenance p = w.layer(name).orElseThrow().provenance();
                assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                        Files.readAllBytes(file))), p.sha256(), file.toString());
                assertEquals(Files.size(file), p.sourceSize(), file.toString());
            }
            assertEquals(FieldType.TEXT, w.layer("late_csv").orElseThrow().fields().get(0).type(),
                    "the late letter made the column text, so the file was read again");
        }
    }

    @Test
    void firstLonLatImportSetsUtmWorkingCrsAndKeepsProvenance() throws Exception {
        Path ws = dir.resolve("ws.gpkg");
        Path csv = lonLatCsv(40);
        try (Workspace w = Workspace.create(ws, null)) {
            ImportReport report = run(w, request(csv, LayerRole.OUTCOME, "incidents", Map.of(), false, Set.of(),
                    ImportRequest.Mode.CREATE));
            assertEquals(40, report.read());
            assertEquals(40, report.imported());
            assertEquals("EPSG:4326", report.sourceCrs());
            assertEquals("EPSG:26915", w.crs().orElseThrow().id(), "St. Louis lies in UTM zone 15N");
            LayerInfo layer = w.layer("incidents").orElseThrow();
            assertEquals(40, layer.count());
            assertEquals("EPSG:26915", layer.srs());
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(csv))),
                    layer.provenance().sha256());
            assertEquals(Files.size(csv), layer.provenance().sourceSize());
            assertTrue(layer.provenance().reportJson().contains("\"imported\" : 40"), layer.provenance().reportJson());
            // geometry was transformed, not copied
            double[] expected = {-90.25, 38.60};
            new CoordinateTransform(Crs.WGS84, Crs.of("EPSG:26915")).apply(expected);
            var first = w.features("incidents").get(0).geometry().getCoordinate();
            assertEquals(expected[0], first.x, 1e-6);
            assertEquals(expected[1], first.y, 1e-6);
        }
    }

    @Test
    void personColumnsAreDroppedUnlessKeptAndSensitiveRecordsFlagged() throws Exception {
        Path csv = lonLatCsv(9);
        try (Workspace w = Workspace.create(dir.resolve("ws.gpkg"), Crs.of("EPSG:26915"))) {
            ImportReport report = run(w, request(csv, LayerRole.OUTCOME, "incidents", Map.of(), false, Set.of(),
                    ImportRequest.Mode.CREATE));
            assertEquals(List.of("owner_email"), report.droppedColumns());
            LayerInfo layer = w.layer("incidents").orElseThrow();
            assertTrue(layer.fields().stream().noneMatch(f -> f.name().equals("owner_email")));
            int sensitive = layer.fields().indexOf(layer.fields().stream()
                    .filter(f -> f.name().equals(ImportService.SENSITIVE_FIELD)).findFirst().orElseThrow());
            int category = layer.fields().indexOf(layer.fields().stream()
                    .filter(f -> f.name().equals("category")).findFirst().orElseThrow());
            for (Feature f : w.features("incidents")) {
                assertEquals("Rape".equals(f.values().get(category)), f.values().get(sensitive));
            }
            ImportReport kept = run(w, request(csv, LayerRole.FACTOR, "kept", Map.of(), false, Set.of("OWNER_EMAIL"),
                    ImportRequest.Mode.CREATE));
            assertEquals(List.of(), kept.droppedColumns());
            assertTrue(w.layer("kept").orElseThrow().fields().stream().anyMatch(f -> f.name().equals("owner_email")));
        }
    }

    @Test
    void filtersCompareAsTextAndDateRangeApplies() throws Exception {
        Path geojson = write("shops.geojson", """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{"use":5820,"opened":"2018-02-01"},"geometry":{"type":"Point","coordinates":[-90.2,38.6]}},
                {"type":"Feature","properties":{"use":5920,"opened":"2018-03-01"},"geometry":{"type":"Point","coordinates":[-90.21,38.61]}},
                {"type":"Feature","properties":{"use":7215,"opened":"2019-03-01"},"geometry":{"type":"Point","coordinates":[-90.22,38.62]}},
                {"type":"Feature","properties":{"use":1000,"opened":"2018-03-01"},"geometry":{"type":"Point","coordinates":[-90.23,38.63]}}]}
                """);
        try (Workspace w = Workspace.create(dir.resolve("ws.gpkg"), Crs.of("EPSG:26915"))) {
            ImportReport bars = run(w, request(geojson, LayerRole.FACTOR, "bars",
                    Map.of("USE", Set.of("5820", "7215")), false, Set.of(), ImportRequest.Mode.CREATE));
            assertEquals(2, bars.imported());
            assertEquals(2L, bars.skipped().get("filtered"));
            ImportRequest dated = new ImportRequest(List.of(geojson), LayerRole.FACTOR, "in2018", ReadOptions.DEFAULTS,
                    null, Map.of(), LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31), "opened", null, false,
                    Set.of(), ImportRequest.Mode.CREATE, null);
            ImportReport in2018 = run(w, dated);
            assertEquals(3, in2018.imported());
            assertEquals(1L, in2018.skipped().get("outside_dates"));
        }
    }

    @Test
    void outsideTheStudyAreaIsCountedAndLeftOutOnlyWhenAsked() throws Exception {
        Path csv = lonLatCsv(40);
        try (Workspace w = Workspace.create(dir.resolve("ws.gpkg"), Crs.of("EPSG:26915"))) {
            double[] sw = {-90.2501, 38.5999};
            double[] ne = {-90.2441, 38.6076};
            CoordinateTransform t = new CoordinateTransform(Crs.WGS84, Crs.of("EPSG:26915"));
            t.apply(sw);
            t.apply(ne);
            w.createLayer(new NewLayer("area", "Area", LayerRole.AREA, GeometryType.POLYGON, List.of(),
                    Provenance.generated("test", null, null)), List.of(new Feature(
                    GF.toGeometry(new Envelope(sw[0], ne[0], sw[1], ne[1])), List.of())));
            long inside = 0;
            for (int i = 0; i < 40; i++) {
                double[] p = {-90.25 + i * 0.0004, 38.60 + i * 0.0005};
                t.apply(p);
                if (p[0] >= sw[0] && p[0] <= ne[0] && p[1] >= sw[1] && p[1] <= ne[1]) {
                    inside++;
                }
            }
            assertTrue(inside > 5 && inside < 35, "the fixture straddles the area edge: " + inside);
            ImportReport all = run(w, request(csv, LayerRole.OUTCOME, "all", Map.of(), false, Set.of(),
                    ImportRequest.Mode.CREATE));
            assertEquals(40, all.imported());
            assertEquals(40 - inside, all.outsideArea());
            ImportReport clipped = run(w, request(csv, LayerRole.OUTCOME, "clipped", Map.of(), true, Set.of(),
                    ImportRequest.Mode.CREATE));
            assertEquals(inside, clipped.imported());
            assertEquals(40 - inside, clipped.skipped().get("outside_area"));
        }
    }

    @Test
    void selfIntersectingPolygonIsRepairedAndReported() throws Exception {
        Path geojson = write("lots.geojson", """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{"n":1},"geometry":{"type":"Polygon","coordinates":[[[-90.2,38.6],[-90.19,38.61],[-90.19,38.6],[-90.2,38.61],[-90.2,38.6]]]}},
                {"type":"Feature","properties":{"n":2},"geometry":{"type":"Polygon","coordinates":[[[-90.2,38.6],[-90.19,38.6],[-90.19,38.61],[-90.2,38.61],[-90.2,38.6]]]}}]}
                """);
        try (Workspace w = Workspace.create(dir.resolve("ws.gpkg"), Crs.of("EPSG:26915"))) {
            ImportReport r = run(w, request(geojson, LayerRole.FACTOR, "lots", Map.of(), false, Set.of(),
                    ImportRequest.Mode.CREATE));
            assertEquals(2, r.imported());
            assertEquals(1, r.repaired());
            assertTrue(r.problems().stream().anyMatch(p -> p.row() == 1 && p.message().contains("repaired")));
            for (Feature f : w.features("lots")) {
                assertTrue(f.geometry().isValid());
                assertTrue(f.geometry().getArea() > 0);
            }
        }
    }

    @Test
    void brokenFileLateInTheInputLeavesTheWorkspaceByteIdentical() throws Exception {
        Path ws = dir.resolve("ws.gpkg");
        Workspace.create(ws, Crs.of("EPSG:26915")).close();
        StringBuilder sb = new StringBuilder("id,lat,lon\n");
        for (int i = 0; i < 20_000; i++) {
            sb.append(i).append(',').append(38.6).append(',').append(-90.2).append('\n');
        }
        sb.append("20000,\"38.6,-90.2\n");
        Path csv = write("broken.csv", sb.toString());
        byte[] before = Files.readAllBytes(ws);
        try (Workspace w = Workspace.open(ws)) {
            ImportException e = assertThrows(ImportException.class, () -> run(w, request(csv, LayerRole.FACTOR, "x",
                    Map.of(), false, Set.of(), ImportRequest.Mode.CREATE)));
            assertTrue(e.problem().message().toLowerCase().contains("quote"), e.getMessage());
        }
        assertArrayEquals(before, Files.readAllBytes(ws));
    }

    @Test
    void nothingImportableIsRefusedWithAReportAndNoLayer() throws Exception {
        Path ws = dir.resolve("ws.gpkg");
        Workspace.create(ws, Crs.of("EPSG:26915")).close();
        Path csv = write("na.csv", "id,lat,lon\n1,NA,NA\n2,abc,-90.2\n3,,\n");
        byte[] before = Files.readAllBytes(ws);
        try (Workspace w = Workspace.open(ws)) {
            ImportException e = assertThrows(ImportException.class, () -> run(w, request(csv, LayerRole.FACTOR, "x",
                    Map.of(), false, Set.of(), ImportRequest.Mode.CREATE)));
            assertNotNull(e.report());
            assertEquals(3, e.report().read());
            assertEquals(0, e.report().imported());
            assertEquals(3L, e.report().skipped().get("bad_coordinates"));
            assertTrue(e.report().problems().stream().anyMatch(p -> p.row() == 2 && "lat".equals(p.field())),
                    e.report().problems().toString());
            assertTrue(w.layers().isEmpty());
        }
        assertArrayEquals(before, Files.readAllBytes(ws));
    }

    @Test
    void diskFullDuringTheWriteLeavesTheWorkspaceByteIdentical() throws Exception {
        Path ws = dir.resolve("ws.gpkg");
        Workspace.create(ws, Crs.of("EPSG:26915")).close();
        Path csv = lonLatCsv(5000);
        byte[] before = Files.readAllBytes(ws);
        try (Workspace w = Workspace.open(ws)) {
            TestFaults.diskFullAfter(w, 20);
            WorkspaceException e = assertThrows(WorkspaceException.class, () -> run(w, request(csv,
                    LayerRole.OUTCOME, "incidents", Map.of(), false, Set.of(), ImportRequest.Mode.CREATE)));
            assertEquals(WorkspaceException.Reason.IO, e.reason());
            assertTrue(e.getMessage().contains("unchanged"), e.getMessage());
        }
        assertArrayEquals(before, Files.readAllBytes(ws));
    }

    @Test
    void cancellingMidImportLeavesTheWorkspaceByteIdentical() throws Exception {
        Path ws = dir.resolve("ws.gpkg");
        Workspace.create(ws, Crs.of("EPSG:26915")).close();
        Path csv = lonLatCsv(60_000);
        byte[] before = Files.readAllBytes(ws);
        Cancellation cancel = new Cancellation();
        Progress cancelAfterStart = (stage, fraction) -> {
            if (stage.contains("10,000 rows")) {
                cancel.cancel();
            }
        };
        try (Workspace w = Workspace.open(ws)) {
            assertThrows(CancelledException.class, () -> new ImportService(w).run(request(csv, LayerRole.OUTCOME,
                    "incidents", Map.of(), false, Set.of(), ImportRequest.Mode.CREATE), cancelAfterStart, cancel));
            assertTrue(w.layers().isEmpty());
        }
        assertArrayEquals(before, Files.readAllBytes(ws));
    }

    @Test
    void existingNameNeedsReplaceAndReplaceSwapsTheLayer() throws Exception {
        try (Workspace w = Workspace.create(dir.resolve("ws.gpkg"), Crs.of("EPSG:26915"))) {
            run(w, request(lonLatCsv(10), LayerRole.FACTOR, "stops", Map.of(), false, Set.of(), ImportRequest.Mode.CREATE));
            WorkspaceException e = assertThrows(WorkspaceException.class, () -> run(w, request(lonLatCsv(4),
                    LayerRole.FACTOR, "stops", Map.of(), false, Set.of(), ImportRequest.Mode.CREATE)));
            assertEquals(WorkspaceException.Reason.EXISTS, e.reason());
            assertEquals(10, w.layer("stops").orElseThrow().count());
            run(w, request(lonLatCsv(4), LayerRole.FACTOR, "stops", Map.of(), false, Set.of(), ImportRequest.Mode.REPLACE));
            assertEquals(4, w.layer("stops").orElseThrow().count());
            assertEquals(1, w.layers().size());
        }
    }

    private static final String SLMPD_HEADER = "Complaint,CodedMonth,DateOccur,FlagCrime,FlagUnfounded,"
            + "FlagAdministrative,Count,FlagCleanup,Crime,District,Description,ILEADSAddress,ILEADSStreet,"
            + "Neighborhood,LocationName,LocationComment,CADAddress,CADStreet,XCoord,YCoord\n";

    private static String slmpdRow(String complaint, String month, String date, int count, String crime, double x) {
        return complaint + "," + month + "," + date + ", , , ," + count + ", ," + crime + ",3,\"LARCENY-FROM"
                + " BUILDING $500 - $24,999\",100,MAIN ST,20, , , , ," + x + ",1016999.3\n";
    }

    @Test
    void appendAddsNewMonthSkipsRowsAlreadyThereAndAppliesLateCancellations() throws Exception {
        Path month1 = write("january2018.csv", SLMPD_HEADER
                + slmpdRow("18-000001", "2018-01", "01/02/2018 10:00", 1, "63111", 906700)
                + slmpdRow("18-000002", "2018-01", "01/03/2018 11:00", 1, "63111", 906710)
                + slmpdRow("18-000003", "2018-01", "01/04/2018 12:00", 1, "31111", 906720));
        Path month2 = write("february2018.csv", SLMPD_HEADER
                + slmpdRow("18-000003", "2018-01", "01/04/2018 12:00", 1, "31111", 906720)   // already present
                + slmpdRow("18-000002", "2018-02", "01/03/2018 11:00", -1, "63111", 906710)  // cancels January's row
                + slmpdRow("18-000004", "2018-02", "02/05/2018 09:30", 1, "63111", 906730)); // new
        ImportRequest first = new ImportRequest(List.of(month1), LayerRole.OUTCOME, "crimes", ReadOptions.DEFAULTS,
                "slmpd", Map.of(), null, null, null, null, false, Set.of(), ImportRequest.Mode.CREATE, null);
        ImportRequest next = new ImportRequest(List.of(month2), LayerRole.OUTCOME, "crimes", ReadOptions.DEFAULTS,
                "slmpd", Map.of(), null, null, null, null, false, Set.of(), ImportRequest.Mode.APPEND, null);
        try (Workspace w = Workspace.create(dir.resolve("ws.gpkg"), Crs.of("ESRI:102696"))) {
            assertEquals(3, run(w, first).imported());
            ImportReport appended = run(w, next);
            assertEquals(1, appended.imported(), appended.toJson());
            assertEquals(1L, appended.skipped().get("duplicate"));
            assertTrue(appended.cancelled() >= 1, appended.toJson());
            LayerInfo layer = w.layer("crimes").orElseThrow();
            assertEquals(3, layer.count(), "3 + 1 new - 1 cancelled");
            int complaint = indexOf(layer.fields(), "complaint");
            List<Object> complaints = w.features("crimes").stream().map(f -> f.values().get(complaint)).toList();
            assertEquals(List.of("18-000001", "18-000003", "18-000004"), complaints);
        }
    }

    @Test
    void aLateValueThatBreaksTheSampleTypesIsImportedWithTheFilesExactTypes() throws Exception {
        // the write starts typed from the first rows; the late text value makes it start again, typed exactly
        int rows = LATE_ROWS;
        Path csv = lateMisfitCsv();
        try (Workspace ws = Workspace.create(dir.resolve("ws.gpkg"), Crs.of("EPSG:26915"))) {
            ImportReport report = run(ws, new ImportRequest(List.of(csv), LayerRole.FACTOR, "late",
                    ReadOptions.DEFAULTS.withCrs(Crs.of("EPSG:26915")), null, Map.of(), null, null, null, null, false,
                    Set.of(), ImportRequest.Mode.CREATE, null));
            assertEquals(rows, report.read());
            assertEquals(rows, report.imported());
            LayerInfo layer = ws.layer("late").orElseThrow();
            assertEquals(FieldType.TEXT, layer.fields().get(0).type());
            List<Feature> features = ws.features("late");
            assertEquals("1", features.get(0).values().get(0));
            assertEquals("A17", features.get(rows - 1).values().get(0));
        }
    }

    @Test
    void fileWithoutCrsAsksForIt() throws Exception {
        Path csv = write("xy.csv", "id,x,y\n1,906753.8,1016999.3\n");
        try (Workspace w = Workspace.create(dir.resolve("ws.gpkg"), Crs.of("EPSG:26915"))) {
            ImportException e = assertThrows(ImportException.class, () -> run(w, request(csv, LayerRole.FACTOR, "p",
                    Map.of(), false, Set.of(), ImportRequest.Mode.CREATE)));
            assertTrue(e.getMessage().contains("--crs"), e.getMessage());
            ImportRequest withCrs = new ImportRequest(List.of(csv), LayerRole.FACTOR, "p",
                    ReadOptions.DEFAULTS.withCrs(Crs.of("ESRI:102696")), null, Map.of(), null, null, null, null, false,
                    Set.of(), ImportRequest.Mode.CREATE, null);
            run(w, withCrs);
            // GDAL: (906753.8, 1016999.3) ftUS in Missouri East = lon -90.1970516671, lat 38.6262105195 (deps doc)
            double[] expected = {-90.1970516671, 38.6262105195};
            new CoordinateTransform(Crs.WGS84, Crs.of("EPSG:26915")).apply(expected);
            Coordinate got = w.features("p").get(0).geometry().getCoordinate();
            assertEquals(expected[0], got.x, 0.01);
            assertEquals(expected[1], got.y, 0.01);
        }
    }

    @Test
    void unknownFilterColumnIsAUsageErrorNamingTheColumns() throws Exception {
        Path csv = lonLatCsv(3);
        try (Workspace w = Workspace.create(dir.resolve("ws.gpkg"), Crs.of("EPSG:26915"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run(w, request(csv,
                    LayerRole.FACTOR, "p", Map.of("colour", Set.of("red")), false, Set.of(), ImportRequest.Mode.CREATE)));
            assertTrue(e.getMessage().contains("colour") && e.getMessage().contains("category"), e.getMessage());
            assertFalse(w.layer("p").isPresent());
        }
    }

    private static int indexOf(List<FieldDef> fields, String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new AssertionError(name);
    }
}
