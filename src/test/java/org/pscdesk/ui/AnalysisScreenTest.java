package org.pscdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

import org.junit.jupiter.api.AfterEach;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.pscdesk.analysis.FactorSpec;
import org.pscdesk.demo.DemoCity;
import org.pscdesk.rtm.influence.Increment;
import org.pscdesk.store.LayerRole;
import org.pscdesk.store.RunRepository;
import org.pscdesk.store.Workspace;
import org.pscdesk.ui.analysis.AnalysisPanel;
import org.pscdesk.ui.analysis.AnalysisService;
import org.pscdesk.ui.map.MapPane;
import org.pscdesk.ui.projector.ProjectorWindow;
import org.pscdesk.work.CancelledException;
import org.pscdesk.work.Cancellation;

import org.testfx.util.WaitForAsyncUtils;

/**
 * The analysis screen in the real app (headless): run the model on the demo from the panel, see the model
 * table and the risk cells on the map, send the view to the projector, whose scene holds no incident layer and
 * no count below 11. Cancelling saves nothing.
 */
class AnalysisScreenTest extends DemoAppTests {

    private PscDeskApp app;

    @BeforeEach
    void startApp() throws Exception {
        app = AppTests.start(demo);
    }

    @AfterEach
    void stopApp() throws Exception {
        AppTests.stop(app);
    }

    @Test
    void aRunFromThePanelShowsTheModelTableTheRiskCellsAndGoesToTheProjectorWithoutIncidents() throws Exception {
        fx(() -> {
            app.view().toggleAnalysis();
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#analysis-name").tryQuery()
                .isPresent()));
        AnalysisPanel panel = fx(() -> app.view().analysisPanel().orElseThrow());
        fx(() -> {
            ((TextField) robot.lookup("#analysis-name").query()).setText("from-screen");
            return null;
        });
        robot.clickOn("#analysis-run");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> panel.shownRun() != null));
        WaitForAsyncUtils.waitForFxEvents();

        TableView<?> terms = fx(() -> (TableView<?>) robot.lookup(".analysis-terms").query());
        assertTrue(fx(() -> terms.getItems().size()) >= 2, "the model table lists the selected factors");
        MapPane map = fx(() -> app.view().mapPane().orElseThrow());
        assertTrue(fx(() -> map.surface().isPresent()), "the risk cells are on the console map");
        assertTrue(fx(() -> robot.lookup("#run-legend").tryQuery().isPresent()), "with their legend");
        try (Workspace ws = Workspace.open(demo)) {
            assertTrue(new RunRepository(ws).find("from-screen").isPresent(), "the run is saved in the workspace");
        }

        // clicking a cell tells its score, class, incidents in words and its place
        String info = fx(() -> {
            AnalysisService.OpenRun open = panel.shownRun();
            org.pscdesk.report.PublicRun.Place first = open.shown().places().get(0);
            int cell = open.run().cells()[first.cells()[0]];
            var grid = open.run().grid();
            double[] xy = {grid.centreX(grid.col(cell)), grid.centreY(grid.row(cell))};
            new org.pscdesk.geo.CoordinateTransform(app.model().current().crs(), org.pscdesk.geo.Crs.WGS84).apply(xy);
            panel.describe(new javafx.geometry.Point2D(xy[0], xy[1]));
            return panel.cellInfo().getText();
        });
        assertTrue(info.startsWith("RRS ") && info.contains("priority place 1") && info.contains("incidents: "),
                info);
        assertFalse(Pattern.compile("incidents: ([0-9]|10)\\b").matcher(info).find(), "no small count: " + info);

        // the buttons sit below the fold of the panel's scroll pane; fire them as a keyboard user would
        fx(() -> {
            ((javafx.scene.control.ToggleButton) robot.lookup("#view-places").query()).fire();
            ((javafx.scene.control.Button) robot.lookup("#analysis-project").query()).fire();
            return null;
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> app.view().projectorWindow()
                .map(ProjectorWindow::isShowing).orElse(false)));
        ProjectorWindow wall = fx(() -> app.view().projectorWindow().orElseThrow());
        MapPane wallMap = fx(() -> wall.view().mapPane().orElseThrow());
        assertFalse(fx(() -> wallMap.data().layers().stream().anyMatch(l -> l.role() == LayerRole.OUTCOME)),
                "no incident layer behind the projector's map");
        List<String> texts = fx(() -> {
            return SceneTexts.of(wall.stage().getScene().getRoot());
        });
        Pattern small = Pattern.compile("(^|\\D)([0-9]|10) incidents");
        assertTrue(texts.stream().anyMatch(t -> t.contains("Places to discuss")), texts.toString());
        for (String t : texts) {
            assertFalse(small.matcher(t).find(), "a count below 11 on the wall: " + t);
        }
        // B blanks the wall
        fx(() -> {
            wall.toggleBlackout();
            return null;
        });
        assertTrue(fx(() -> wall.view().isBlackout()));
        Files.createDirectories(dir.resolve("shots"));
    }

    @Test
    void aCancelledRunSavesNothingAndLeavesTheWorkspaceUnchanged() throws Exception {
        Path copy = dir.resolve("cancel.gpkg");
        DemoCity.write(copy);
        try (Workspace ws = Workspace.open(copy)) {
            ws.layers(); // a first open settles the file (checkpoint); from then on only writes change it
        }
        byte[] before = Files.readAllBytes(copy);
        try (Workspace ws = Workspace.open(copy)) {
            Cancellation token = new Cancellation();
            List<String> stages = new ArrayList<>();
            AnalysisService service = new AnalysisService(ws);
            assertThrows(CancelledException.class, () -> service.run(new AnalysisService.Request("never", "incidents",
                    List.of(FactorSpec.parse("bars"), FactorSpec.parse("bus_stops")), "200m", null, 3, Increment.WHOLE,
                    null), (s, f) -> {
                        stages.add(s);
                        if (s.startsWith("Screening")) {
                            token.cancel();
                        }
                    }, token));
            assertTrue(stages.stream().anyMatch(s -> s.startsWith("Screening")), stages.toString());
            assertTrue(new RunRepository(ws).find("never").isEmpty(), "the cancelled run was not saved");
        }
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(copy)), "the workspace is byte-identical");
    }
}
