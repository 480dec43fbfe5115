package org.pscdesk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.pscdesk.analysis.JsonTree;
import org.pscdesk.analysis.LoadedRun;
import org.pscdesk.demo.DemoCity;
import org.pscdesk.store.Feature;
import org.pscdesk.store.Workspace;

class PlaceDraftsTest {

    @TempDir
    static Path dir;
    static Path demo;

    @BeforeAll
    static void demo() throws Exception {
        demo = dir.resolve("demo.gpkg");
        DemoCity.write(demo);
    }

    @Test
    void aSuggestedPlaceCarriesTheModelsFactsAndAPlainNarrative() throws Exception {
        try (Workspace ws = Workspace.open(demo)) {
            LoadedRun run = LoadedRun.load(ws, "nov-2025").orElseThrow();
            PlaceDrafts drafts = PlaceDrafts.of(ws, "nov-2025").orElseThrow();
            PlaceDrafts.Draft d = drafts.ofSuggested(1).orElseThrow();
            assertEquals("cells", d.origin());
            // the factors named are exactly the model's terms present in one of its cells
            List<String> present = new ArrayList<>();
            for (LoadedRun.Term t : run.summary().terms()) {
                int[] v = run.termValues().get(t.name());
                if (Arrays.stream(d.tableIndices()).anyMatch(k -> v[k] != 0)) {
                    present.add(t.factor().replace('_', ' '));
                }
            }
            @SuppressWarnings("unchecked")
            List<String> factors = (List<String>) d.facts().get("factors");
            assertEquals(present.size(), factors.size(), factors.toString());
            for (int i = 0; i < present.size(); i++) {
                assertTrue(factors.get(i).contains(present.get(i)), factors + " vs " + present);
            }
            assertFalse(factors.isEmpty(), "a suggested place has risk factors");
            int top = Arrays.stream(d.tableIndices()).map(k -> run.classes()[k]).max().orElseThrow();
            assertEquals(RiskLegend.label(top), d.facts().get("risk_class") + " risk");
            double ha = d.tableIndices().length * run.grid().cellSize() * run.grid().cellSize() / 10_000;
            assertEquals(ha, ((Number) d.facts().get("area_ha")).doubleValue(), 0.05);
            assertEquals(ha * 10_000, d.shape().getArea(), 1e-6, "the outline is the union of its cells");
            assertTrue(d.narrative().startsWith(d.label() + " is in the "), d.narrative());
            assertTrue(d.narrative().contains(factors.get(0)), d.narrative());
            Map<String, Object> json = JsonTree.object(d.factsJson());
            assertEquals(d.facts().get("risk_class"), json.get("risk_class"));
            assertEquals("nov-2025", json.get("run"));
        }
    }

    @Test
    void oneQuietCellSaysFewerThanTheThresholdAndANeighbourhoodTakesItsCells() throws Exception {
        try (Workspace ws = Workspace.open(demo)) {
            LoadedRun run = LoadedRun.load(ws, "nov-2025").orElseThrow();
            PlaceDrafts drafts = PlaceDrafts.of(ws, "nov-2025").orElseThrow();
            int quiet = -1;
            for (int k = 0; k < run.counts().length && quiet < 0; k++) {
                quiet = run.counts()[k] > 0 && run.counts()[k] < 11 ? k : -1;
            }
            PlaceDrafts.Draft one = drafts.ofCells(new int[] {quiet}).orElseThrow();
            assertTrue(one.facts().get("incidents").toString().startsWith("fewer than 11"), one.facts().toString());
            assertTrue(one.narrative().contains("fewer than 11"), one.narrative());
            assertEquals(String.valueOf(run.cells()[quiet]), one.cellIds());
            assertTrue(drafts.ofCells(new int[] {-1}).isEmpty(), "a click outside the study area makes no place");

            List<Feature> hoods = new ArrayList<>();
            ws.forEachFeature("neighbourhoods", hoods::add);
            Geometry hood = hoods.get(0).geometry();
            PlaceDrafts.Draft area = drafts.ofArea(hood, "Old Mill").orElseThrow();
            assertEquals("area", area.origin());
            assertEquals("Old Mill", area.label());
            assertEquals(hood, area.shape());
            for (int k : area.tableIndices()) {
                int cell = run.cells()[k];
                assertTrue(hood.contains(new org.locationtech.jts.geom.GeometryFactory().createPoint(
                        new org.locationtech.jts.geom.Coordinate(run.grid().centreX(run.grid().col(cell)),
                                run.grid().centreY(run.grid().row(cell))))));
            }
            long expected = Arrays.stream(run.cells()).filter(cell -> hood.contains(
                    new org.locationtech.jts.geom.GeometryFactory().createPoint(new org.locationtech.jts.geom.Coordinate(
                            run.grid().centreX(run.grid().col(cell)), run.grid().centreY(run.grid().row(cell))))))
                    .count();
            assertEquals(expected, area.tableIndices().length);
        }
    }
}
