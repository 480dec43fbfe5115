package org.pscdesk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pscdesk.analysis.JsonTree;
import org.pscdesk.analysis.LoadedRun;
import org.pscdesk.cli.PscDeskCommand;
import org.pscdesk.demo.DemoCity;
import org.pscdesk.store.FieldDef;
import org.pscdesk.store.LayerInfo;
import org.pscdesk.store.Workspace;

/** Exports read back feature by feature, the privacy rules of public exports, and CSV injection cases. */
class ExportsTest {

    @TempDir
    static Path dir;
    static Path demo;

    private static int cli(String... args) {
        return PscDeskCommand.execute((w, s, p) -> 1, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), args);
    }

    @BeforeAll
    static void demoWithARun() throws Exception {
        demo = dir.resolve("demo.gpkg");
        DemoCity.write(demo);
        assertEquals(0, cli("rtm", demo.toString(), "--outcome", "incidents", "--factors",
                "liquor_stores,vacant_lots,bus_stops", "--save", "may"));
    }

    @Test
    void csvCellsAreDefusedAndNumbersStayNumbers() {
        assertEquals("'=SUM(A1:A9)", Exports.cell("=SUM(A1:A9)"));
        assertEquals("'+1 555", Exports.cell("+1 555"));
        assertEquals("'-2+3", Exports.cell("-2+3"));
        assertEquals("'@cmd", Exports.cell("@cmd"));
        assertEquals("'\tx", Exports.cell("\tx"));
        assertEquals("\"'\rx\"", Exports.cell("\rx"));
        assertEquals("-5", Exports.cell(-5L));
        assertEquals("1.5", Exports.cell(1.5));
        assertEquals("\"a, \"\"b\"\"\"", Exports.cell("a, \"b\""));
        assertEquals("Zoë Núñez", Exports.cell("Zoë Núñez"));
    }

    @Test
    void aPublicRunAsGeoJsonIsWgs84WithSuppressedCountsFeatureByFeature() throws Exception {
        Path out = dir.resolve("may.geojson");
        assertEquals(0, cli("export", demo.toString(), "--run", "may", "--format", "geojson", "--out", out.toString(),
                "--public"));
        Map<String, Object> fc = JsonTree.object(Files.readString(out));
        List<Object> features = JsonTree.list(fc, "features");
        try (Workspace ws = Workspace.open(demo)) {
            LoadedRun run = LoadedRun.load(ws, "may").orElseThrow();
            PublicRun pub = new PrivacyFilter().publicRun(ws, run);
            assertEquals(pub.cells().length, features.size());
            for (int k = 0; k < features.size(); k++) {
                @SuppressWarnings("unchecked")
                Map<String, Object> f = (Map<String, Object>) features.get(k);
                Map<String, Object> props = JsonTree.child(f, "properties");
                assertEquals((long) pub.cells()[k], props.get("cell_id"));
                assertEquals((long) pub.classes()[k], props.get("class"));
                assertFalse(props.containsKey("count"), "no raw count in a public export");
                Object events = props.get("events");
                assertTrue(events == null || ((Number) events).longValue() >= 11, "events " + events);
                assertEquals(pub.countText(k), props.get("events_text"));
                @SuppressWarnings("unchecked")
                List<Object> ring = (List<Object>) JsonTree.list(JsonTree.child(f, "geometry"), "coordinates").get(0);
                double area2 = 0;
                for (int i = 0; i + 1 < ring.size(); i++) {
                    @SuppressWarnings("unchecked")
                    List<Number> a = (List<Number>) ring.get(i);
                    @SuppressWarnings("unchecked")
                    List<Number> b = (List<Number>) ring.get(i + 1);
                    assertTrue(a.get(0).doubleValue() > -91 && a.get(0).doubleValue() < -89, "longitude first");
                    assertTrue(a.get(1).doubleValue() > 38 && a.get(1).doubleValue() < 39, "then latitude");
                    area2 += a.get(0).doubleValue() * b.get(1).doubleValue() - b.get(0).doubleValue() * a.get(1).doubleValue();
                }
                assertTrue(area2 > 0, "exterior ring counterclockwise (RFC 7946)");
            }
        }
    }

    @Test
    void aRunAsGeoPackageOpensWithTheSameCellsAndAnIncidentLayerIsNeverPublic() throws Exception {
        Path out = dir.resolve("may.gpkg");
        assertEquals(0, cli("export", demo.toString(), "--run", "may", "--format", "gpkg", "--out", out.toString()));
        try (Workspace ws = Workspace.open(out)) {
            LayerInfo layer = ws.layer("run_may_cells").orElseThrow();
            assertEquals(3015, layer.count());
            List<String> fields = layer.fields().stream().map(FieldDef::name).toList();
            assertTrue(fields.containsAll(List.of("cell_id", "class", "quadrant", "rrs", "count")), fields.toString());
        }
        assertEquals(3, cli("export", demo.toString(), "--layer", "incidents", "--format", "csv", "--out",
                dir.resolve("incidents.csv").toString(), "--public"));
        assertFalse(Files.exists(dir.resolve("incidents.csv")), "nothing written");
        assertEquals(3, cli("export", demo.toString(), "--run", "may", "--format", "gpkg", "--out", out.toString()),
                "an existing file needs --force");
    }

    @Test
    void actionItemsAndTheMatrixAreSpreadsheetReadyCsv() throws Exception {
        Path actions = dir.resolve("actions.csv");
        Path matrix = dir.resolve("matrix.csv");
        assertEquals(0, cli("export", demo.toString(), "--actions", "--format", "csv", "--out", actions.toString()));
        assertEquals(0, cli("export", demo.toString(), "--matrix", "--format", "csv", "--out", matrix.toString()));
        byte[] bytes = Files.readAllBytes(actions);
        assertEquals((byte) 0xEF, bytes[0], "UTF-8 BOM");
        List<String> lines = Files.readAllLines(actions, StandardCharsets.UTF_8);
        assertEquals(4, lines.size(), "header and three action items");
        assertTrue(lines.get(0).endsWith("due,status,carried_from"), lines.get(0));
        List<String> m = Files.readAllLines(matrix, StandardCharsets.UTF_8);
        try (Workspace ws = Workspace.open(demo)) {
            CoordinationMatrix all = CoordinationMatrix.forAll(ws);
            List<String> header = new java.util.ArrayList<>(List.of("\uFEFFplace"));
            all.programs().forEach(header::add);
            header.add("gap");
            assertEquals(String.join(",", header), m.get(0), "place, one column per program, then gap");
            assertEquals(1 + all.rows().size() + all.factorsWithoutProgram().size(), m.size());
        }
        assertTrue(m.stream().anyMatch(l -> l.startsWith("Old Mill: Westgate Boulevard & Union Avenue,"
                + "Riverbend Building Division: weekly inspections for 12 weeks (from 2025-12-01),")), m.toString());
        assertTrue(m.stream().anyMatch(l -> l.startsWith("Kessler Flats") && l.endsWith(",no program yet")),
                m.toString());
        assertEquals(2, cli("export", demo.toString(), "--matrix", "--format", "gpkg", "--out",
                dir.resolve("m.gpkg").toString()));
    }
}
