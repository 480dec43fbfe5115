package org.pscdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pscdesk.store.LayerInfo;
import org.pscdesk.store.Workspace;
import org.pscdesk.ui.fx.TaskProgress;
import org.pscdesk.ui.map.CountGrid;
import org.pscdesk.ui.map.LayerShapes;
import org.pscdesk.ui.map.MapData;
import org.pscdesk.ui.map.MapDataLoader;
import org.pscdesk.ui.map.TestGrids;
import org.pscdesk.ui.map.WebMercator;

/** What reaches the map from a workspace; above all, that incidents arrive only as suppressed counts. */
class CountGridTest {

    private static final TaskProgress QUIET = (message, fraction) -> { };

    @TempDir
    Path dir;

    private MapData load() throws Exception {
        Path town = TestWorkspaces.town(dir.resolve("town.gpkg"));
        try (Workspace ws = Workspace.open(town)) {
            List<LayerInfo> layers = ws.layers();
            return MapDataLoader.load(ws, layers, QUIET);
        }
    }

    @Test
    void incidentsReachTheMapOnlyAsSquaresOfThreeOrMore() throws Exception {
        LayerShapes incidents = load().layer("incidents").orElseThrow();
        assertTrue(incidents.points().isEmpty() && incidents.lines().isEmpty() && incidents.rings().isEmpty(),
                "no incident geometry besides the count squares");
        CountGrid grid = incidents.grid();
        assertNotNull(grid);
        // fixture: squares holding 3, 2 and 1 incidents; only the first may show
        assertEquals(1, grid.squares().size());
        assertEquals(CountGrid.MIN_SHOWN, grid.count(0));
        assertEquals(2, grid.hiddenSquares());
        assertEquals(4, grid.squares().end(0) - grid.squares().start(0), "a square has four corners");
    }

    @Test
    void aSquareIs250MetresOnTheGround() throws Exception {
        CountGrid grid = load().layer("incidents").orElseThrow().grid();
        int s = grid.squares().start(0);
        double lat = WebMercator.lat(grid.squares().y(s));
        double widthMetres = Math.hypot(grid.squares().x(s + 1) - grid.squares().x(s),
                grid.squares().y(s + 1) - grid.squares().y(s)) * WebMercator.metresPerUnit(lat);
        assertEquals(CountGrid.CELL_METRES, widthMetres, 1.0);
    }

    @Test
    void classesAreContiguousAndAtMostFive() {
        int[] counts = {3, 3, 4, 5, 5, 6, 8, 9, 13, 21, 40, 57};
        CountGrid grid = TestGrids.of(counts);
        assertTrue(grid.classCount() <= CountGrid.MAX_CLASSES && grid.classCount() >= 2);
        assertTrue(grid.classLabel(0).startsWith("3"), grid.classLabel(0));
        assertTrue(grid.classLabel(grid.classCount() - 1).endsWith("57"), grid.classLabel(grid.classCount() - 1));
        for (int cls = 1; cls < grid.classCount(); cls++) {
            int previousHigh = Integer.parseInt(grid.classLabel(cls - 1).replaceAll(".*–", ""));
            int low = Integer.parseInt(grid.classLabel(cls).replaceAll("–.*", ""));
            assertEquals(previousHigh + 1, low, "class " + cls + " starts where the previous ends");
        }
        for (int i = 0; i < counts.length; i++) {
            assertTrue(grid.squareClass(i) >= 0 && grid.squareClass(i) < grid.classCount());
        }
        assertEquals(0, grid.rampIndex(0), "fewest: lightest colour");
        assertEquals(CountGrid.MAX_CLASSES - 1, grid.rampIndex(grid.classCount() - 1), "most: darkest colour");
    }

    @Test
    void extentIsTheStudyAreaAndNamesAreLabelled() throws Exception {
        MapData data = load();
        LayerShapes area = data.layer("study_area").orElseThrow();
        double[] e = data.extent();
        assertEquals(area.rings().minX(0), e[0], 1e-12);
        assertEquals(area.rings().maxY(0), e[3], 1e-12);
        List<String> names = data.layer("neighbourhoods").orElseThrow().labels().stream()
                .map(LayerShapes.Label::text).toList();
        assertEquals(List.of("North End", "Riverside"), names);
        LayerShapes streets = data.layer("streets").orElseThrow();
        assertEquals(1, streets.majorLines().size(), "the arterial is drawn wider");
        assertEquals(1, streets.lines().size());
    }
}
