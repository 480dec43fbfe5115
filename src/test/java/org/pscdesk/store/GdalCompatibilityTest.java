package org.pscdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.pscdesk.geo.Crs;

/**
 * GDAL's {@code ogrinfo} reads our workspaces: every layer with its feature count, geometry type and CRS.
 * Runs where GDAL is installed; CI installs it (.ci/run) and then a missing ogrinfo is a failure.
 */
class GdalCompatibilityTest {

    private static final GeometryFactory GF = new GeometryFactory();

    @TempDir
    Path dir;

    @Test
    void ogrinfoListsEveryLayerWithCountTypeAndCrs() throws Exception {
        assumeGdal();
        Path file = dir.resolve("ws.gpkg");
        List<Feature> points = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            points.add(new Feature(GF.createPoint(new Coordinate(906000 + i, 1016000 + i)), List.of("stop " + i)));
        }
        try (Workspace ws = Workspace.create(file, Crs.of("ESRI:102696"))) {
            ws.createLayer(new NewLayer("bus_stops", "Bus stops", LayerRole.FACTOR, GeometryType.POINT,
                    List.of(new FieldDef("name", FieldType.TEXT)), Provenance.generated("t", null, null)), points);
            ws.createLayer(new NewLayer("streets", "Streets", LayerRole.REFERENCE, GeometryType.LINESTRING, List.of(),
                    Provenance.generated("t", null, null)), List.of(new Feature(GF.createLineString(new Coordinate[] {
                            new Coordinate(906000, 1016000), new Coordinate(907000, 1017000)}), List.of())));
            ws.createLayer(new NewLayer("study_area", "Study area", LayerRole.AREA, GeometryType.POLYGON, List.of(),
                    Provenance.generated("t", null, null)), List.of(new Feature(
                            GF.toGeometry(new Envelope(905000, 908000, 1015000, 1018000)), List.of())));
        }
        String out = run("ogrinfo", "-so", "-al", file.toString());
        assertTrue(out.contains("Layer name: bus_stops"), out);
        assertTrue(out.contains("Feature Count: 17"), out);
        assertTrue(out.contains("Geometry: Point"), out);
        assertTrue(out.contains("Geometry: Line String"), out);
        assertTrue(out.contains("Geometry: Polygon"), out);
        assertTrue(out.contains("ID[\"ESRI\",102696]"), out);
        assertTrue(out.contains("us survey foot") || out.contains("US survey foot"), out);
        String list = run("ogrinfo", "-q", file.toString());
        assertFalse(list.contains("psc_schema_history"), "app internals hidden from GIS tools: " + list);
        assertFalse(Files.exists(Path.of(file + "-wal")), "GDAL left no -wal beside the workspace");
        assertFalse(Files.exists(Path.of(file + "-shm")), "GDAL left no -shm beside the workspace");
        try (Workspace ws = Workspace.open(file)) {
            assertEquals(3, ws.layers().size(), "still our workspace after GDAL read it");
        }
    }

    @Test
    void aSavedRunsCellLayerOpensInGdalWithItsFieldsAndTheRunTableStaysHidden() throws Exception {
        assumeGdal();
        Path file = dir.resolve("runs.gpkg");
        try (Workspace ws = Workspace.create(file, Crs.of("EPSG:26915"))) {
            List<Feature> cells = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                cells.add(new Feature(GF.toGeometry(new Envelope(i * 100, i * 100 + 100, 0, 100)),
                        List.of((long) i, 1.0 + i / 4.0, (long) (1 + i % 4))));
            }
            NewLayer layer = new NewLayer(RunRepository.cellsLayerFor("may"), "RTM run may: cells", LayerRole.RESULT,
                    GeometryType.POLYGON, List.of(new FieldDef("count", FieldType.INTEGER),
                            new FieldDef("rrs", FieldType.REAL), new FieldDef("class", FieldType.INTEGER)),
                    Provenance.generated("t", null, null));
            new RunRepository(ws).save(new SavedRun("may", "2026-11-29T00:00:00Z", "t", "{}", "{}", "{}",
                    "run_may_cells"), layer, cells);
        }
        String out = run("ogrinfo", "-so", file.toString(), "run_may_cells");
        assertTrue(out.contains("Feature Count: 12"), out);
        assertTrue(out.contains("Geometry: Polygon"), out);
        assertTrue(out.contains("rrs: Real"), out);
        assertTrue(out.contains("class: Integer"), out);
        String list = run("ogrinfo", "-q", file.toString());
        assertFalse(list.contains("psc_runs"), "the run table is app-internal: " + list);
    }

    static void assumeGdal() {
        boolean present = Files.isExecutable(Path.of("/usr/bin/ogrinfo"));
        if (System.getenv("CI") != null) {
            assertTrue(present, "CI installs gdal-bin (.ci/run); ogrinfo is missing");
        }
        assumeTrue(present, "GDAL's ogrinfo is not installed");
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "ogrinfo finished");
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
