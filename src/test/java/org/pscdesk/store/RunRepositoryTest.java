package org.pscdesk.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.pscdesk.geo.Crs;

/** Saved runs: one transaction for the run and its cell layer, replace by name, fingerprints, migration. */
class RunRepositoryTest {

    private static final GeometryFactory GF = new GeometryFactory();

    @TempDir
    Path dir;

    private static NewLayer cellsLayer(String name) {
        return new NewLayer(RunRepository.cellsLayerFor(name), "Run " + name, LayerRole.RESULT, GeometryType.POLYGON,
                List.of(new FieldDef("count", FieldType.INTEGER), new FieldDef("rrs", FieldType.REAL)),
                Provenance.generated("test", "EPSG:26915", null));
    }

    private static List<Feature> cells(int n) {
        List<Feature> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Feature(GF.toGeometry(new Envelope(i * 100, i * 100 + 100, 0, 100)),
                    List.of((long) (i % 3), 1.0 + i)));
        }
        return out;
    }

    private static SavedRun run(String name, String result) {
        return new SavedRun(name, "2026-11-29T10:00:00Z", "test", "{\"outcome\":\"incidents\"}", "{\"layers\":[]}",
                result, RunRepository.cellsLayerFor(name));
    }

    private Workspace workspace() throws WorkspaceException {
        return Workspace.create(dir.resolve("ws.gpkg"), Crs.of("EPSG:26915"));
    }

    @Test
    void aSavedRunAndItsCellLayerAreListedFoundReplacedAndDeleted() throws Exception {
        try (Workspace ws = workspace()) {
            RunRepository runs = new RunRepository(ws);
            assertFalse(runs.save(run("may", "{\"bic\":1}"), cellsLayer("may"), cells(5)));
            LayerInfo layer = ws.layer("run_may_cells").orElseThrow();
            assertEquals(LayerRole.RESULT, layer.role());
            assertEquals(5, layer.count());
            assertEquals("{\"bic\":1}", runs.find("may").orElseThrow().resultJson());

            assertTrue(runs.save(run("may", "{\"bic\":2}"), cellsLayer("may"), cells(7)), "replaced");
            assertEquals(1, runs.list().size());
            assertEquals("{\"bic\":2}", runs.find("may").orElseThrow().resultJson());
            assertEquals(7, ws.layer("run_may_cells").orElseThrow().count());

            runs.save(run("june-2", "{}"), cellsLayer("june-2"), cells(2));
            assertEquals(List.of("june-2", "may"), runs.list().stream().map(SavedRun::name).sorted().toList());
            assertTrue(ws.layer("run_june_2_cells").isPresent(), "'-' becomes '_' in the table name");

            assertTrue(runs.delete("may"));
            assertTrue(ws.layer("run_may_cells").isEmpty());
            assertFalse(runs.delete("may"));
        }
    }

    @Test
    void aFailedSaveLeavesTheWorkspaceByteIdentical() throws Exception {
        Path file = dir.resolve("ws.gpkg");
        try (Workspace ws = workspace()) {
            new RunRepository(ws).save(run("may", "{}"), cellsLayer("may"), cells(3));
        }
        byte[] before = Files.readAllBytes(file);
        try (Workspace ws = Workspace.open(file)) {
            RunRepository runs = new RunRepository(ws);
            Iterable<Feature> failing = () -> new Iterator<>() {
                int i;

                @Override
                public boolean hasNext() {
                    return true;
                }

                @Override
                public Feature next() {
                    if (i++ == 1000) {
                        throw new IllegalStateException("cancelled mid-write");
                    }
                    return cells(1).get(0);
                }
            };
            assertThrows(WorkspaceException.class, () -> runs.save(run("may", "{\"new\":1}"), cellsLayer("may"), failing));
            assertEquals("{}", runs.find("may").orElseThrow().resultJson(), "the earlier run is kept");
            assertEquals(3, ws.layer("run_may_cells").orElseThrow().count());
        }
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void aLayerThatIsNotARunIsNeverReplacedAndNamesAreChecked() throws Exception {
        try (Workspace ws = workspace()) {
            ws.createLayer(cellsLayer("x"), cells(1));
            RunRepository runs = new RunRepository(ws);
            WorkspaceException e = assertThrows(WorkspaceException.class,
                    () -> runs.save(run("x", "{}"), cellsLayer("x"), cells(2)));
            assertEquals(WorkspaceException.Reason.EXISTS, e.reason());
            assertEquals(1, ws.layer("run_x_cells").orElseThrow().count());
        }
        assertThrows(IllegalArgumentException.class, () -> RunRepository.checkName("two words"));
        assertThrows(IllegalArgumentException.class, () -> RunRepository.checkName("-lead"));
        assertThrows(IllegalArgumentException.class, () -> RunRepository.checkName(""));
        assertEquals("Run_2018", RunRepository.checkName("Run_2018"));
    }

    @Test
    void theFingerprintFollowsTheContentNotTheName() throws Exception {
        try (Workspace ws = workspace()) {
            NewLayer a = new NewLayer("a", "A", LayerRole.FACTOR, GeometryType.POINT,
                    List.of(new FieldDef("name", FieldType.TEXT)), Provenance.generated("t", null, null));
            List<Feature> points = List.of(new Feature(GF.createPoint(new Coordinate(1, 2)), List.of("x")),
                    new Feature(GF.createPoint(new Coordinate(3, 4)), java.util.Arrays.asList((Object) null)));
            ws.createLayer(a, points);
            ws.createLayer(new NewLayer("b", "B", LayerRole.FACTOR, GeometryType.POINT, a.fields(), a.provenance()),
                    points);
            RunRepository runs = new RunRepository(ws);
            String fa = runs.fingerprint("a");
            assertEquals(64, fa.length());
            assertEquals(fa, runs.fingerprint("b"), "same features, same fingerprint");
            assertEquals(fa, runs.fingerprint("a"), "stable");
            ws.writeLayer(a, List.of(points.get(0), new Feature(GF.createPoint(new Coordinate(3, 4)), List.of(""))),
                    new LayerWrite(LayerWrite.Mode.REPLACE, null, LayerWrite.Index.PACKED));
            assertNotEquals(fa, runs.fingerprint("a"), "an empty text is not a null");
        }
    }

    @Test
    void aVersion3WorkspaceKeepsItsLayerRowsAndAcceptsResultLayers() throws Exception {
        Path file = dir.resolve("v3.gpkg");
        Workspace.createAtVersion(file, 3);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id)"
                    + " VALUES ('notes', 'attributes', 'notes', 0)");
            st.execute("INSERT INTO psc_layers (table_name, role, title, source_format, source_sha256, sensitive_field)"
                    + " VALUES ('notes', 'reference', 'Notes', 'csv', 'abc123', 'flag')");
        }
        try (Workspace ws = Workspace.open(file)) {
            assertTrue(ws.layers().isEmpty(), "an attributes table is not a layer");
        }
        assertEquals(Workspace.SCHEMA_VERSION, Inspection.of(file).schemaVersion());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT role, title, source_sha256, sensitive_field FROM psc_layers")) {
            assertTrue(rs.next());
            assertEquals("reference", rs.getString(1));
            assertEquals("abc123", rs.getString(3));
            assertEquals("flag", rs.getString(4));
            assertFalse(rs.next());
        }
        try (Workspace ws = Workspace.open(file)) {
            ws.setWorkingCrs(Crs.of("EPSG:26915"));
            new RunRepository(ws).save(run("r", "{}"), cellsLayer("r"), cells(1));
            assertEquals(LayerRole.RESULT, ws.layer("run_r_cells").orElseThrow().role());
        }
    }
}
