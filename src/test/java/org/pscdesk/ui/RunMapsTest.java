package org.pscdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pscdesk.cli.PscDeskCommand;
import org.pscdesk.demo.DemoCity;
import org.pscdesk.geo.CoordinateTransform;
import org.pscdesk.geo.Crs;
import org.pscdesk.geo.Grid;
import org.pscdesk.report.PrivacyFilter;
import org.pscdesk.report.PublicRun;
import org.pscdesk.store.LayerRole;
import org.pscdesk.store.Settings;
import org.pscdesk.store.Workspace;
import org.pscdesk.ui.analysis.RunStyles;
import org.pscdesk.ui.analysis.RunView;
import org.pscdesk.ui.fx.Theme;
import org.pscdesk.ui.map.CellSurface;
import org.pscdesk.ui.map.MapPane;
import org.pscdesk.ui.map.SurfaceImage;
import org.pscdesk.ui.map.WebMercator;
import org.pscdesk.ui.projector.ProjectorView;
import org.pscdesk.ui.render.PngRender;
import org.pscdesk.ui.workspace.LoadedWorkspace;
import org.pscdesk.ui.workspace.WorkspaceLoader;
import org.testfx.api.FxToolkit;

/**
 * A saved run on the map: the risk image has the right colour at known cells, {@code pscdesk render} writes
 * the map headless, and the projector scene holds no incident and no small count.
 */
class RunMapsTest {

    @TempDir
    static Path dir;
    static Path demo;

    @BeforeAll
    static void demoWithARun() throws Exception {
        FxToolkit.registerPrimaryStage();
        demo = dir.resolve("demo.gpkg");
        DemoCity.write(demo);
        StringWriter err = new StringWriter();
        int code = PscDeskCommand.execute((w, s, p) -> 1, new PrintWriter(new StringWriter()), new PrintWriter(err),
                "rtm", demo.toString(), "--outcome", "incidents", "--factors", "liquor_stores,vacant_lots,bus_stops",
                "--increment", "half", "--save", "may");
        assertEquals(0, code, err.toString());
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        return task.get(60, TimeUnit.SECONDS);
    }

    @Test
    void theRiskImageHasEachCellsClassColourAtItsPlace() throws Exception {
        PublicRun run;
        Crs crs = Crs.of("EPSG:26915");
        try (Workspace ws = Workspace.open(demo)) {
            run = new PrivacyFilter().publicRun(ws, "may").orElseThrow();
        }
        CellSurface surface = RunStyles.surface(run, crs, RunView.RISK, Theme.base());
        SurfaceImage overlay = fx(() -> new SurfaceImage(surface));
        WritableImage image = overlay.image();
        Grid grid = run.grid();
        CoordinateTransform toWgs = new CoordinateTransform(crs, Crs.WGS84);
        // the image spans the grid's Mercator box: corners from the same edge sampling the overlay uses
        double[] box = mercatorBox(grid, toWgs);
        int checked = 0;
        int[] wanted = {1, 4};
        for (int code : wanted) {
            int found = 0;
            for (int k = 0; k < run.cells().length && found < 25; k++) {
                if (run.classes()[k] != code) {
                    continue;
                }
                int cell = run.cells()[k];
                double[] p = {grid.centreX(grid.col(cell)), grid.centreY(grid.row(cell))};
                toWgs.apply(p);
                int px = (int) ((WebMercator.x(p[0]) - box[0]) / (box[2] - box[0]) * image.getWidth());
                int py = (int) ((WebMercator.y(p[1]) - box[1]) / (box[3] - box[1]) * image.getHeight());
                assertColour(surface.argb()[k], image.getPixelReader().getArgb(px, py),
                        "cell " + cell + " (class " + code + ") at pixel " + px + "," + py);
                found++;
                checked++;
            }
            assertTrue(found > 0, "the demo run has cells of class " + code);
        }
        assertTrue(checked >= 30, "checked " + checked + " cells");
    }

    /** Same colour, give or take the rounding of a translucent colour stored premultiplied (±2 per channel). */
    private static void assertColour(int expected, int actual, String what) {
        for (int shift = 0; shift < 32; shift += 8) {
            int e = expected >>> shift & 0xff;
            int a = actual >>> shift & 0xff;
            assertTrue(Math.abs(e - a) <= 2, what + ": expected " + Integer.toHexString(expected) + " but was "
                    + Integer.toHexString(actual));
        }
    }

    private static double[] mercatorBox(Grid g, CoordinateTransform toWgs) {
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        double x1 = g.x0() + g.nx() * g.cellSize();
        double y1 = g.y0() + g.ny() * g.cellSize();
        for (int i = 0; i <= 32; i++) {
            double t = i / 32.0;
            for (double[] p : new double[][] {{g.x0() + t * (x1 - g.x0()), g.y0()}, {g.x0() + t * (x1 - g.x0()), y1},
                    {g.x0(), g.y0() + t * (y1 - g.y0())}, {x1, g.y0() + t * (y1 - g.y0())}}) {
                toWgs.apply(p);
                box[0] = Math.min(box[0], WebMercator.x(p[0]));
                box[1] = Math.min(box[1], WebMercator.y(p[1]));
                box[2] = Math.max(box[2], WebMercator.x(p[0]));
                box[3] = Math.max(box[3], WebMercator.y(p[1]));
            }
        }
        return box;
    }

    @Test
    void renderWritesTheProjectorSceneHeadlessWithTheRiskRamp() throws Exception {
        Path png = dir.resolve("risk.png");
        String done = PngRender.render(demo, "may", "risk", true, 1600, 900, png);
        assertTrue(done.contains("risk"), done);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1600, image.getWidth());
        assertEquals(900, image.getHeight());
        // the highest class is the ramp's darkest step (cividis navy #00204D), drawn at 92 % over the basemap
        int dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = rgb >> 16 & 0xff;
                int g = rgb >> 8 & 0xff;
                int b = rgb & 0xff;
                if (r < 40 && g < 60 && b > 60 && b < 110) {
                    dark++;
                }
            }
        }
        assertTrue(dark > 2000, "highest-risk cells drawn in the ramp's darkest colour: " + dark + " pixels");
    }

    @Test
    void theProjectorSceneHoldsNoIncidentLayerAndNoSmallCount() throws Exception {
        LoadedWorkspace loaded = WorkspaceLoader.load(demo, false, Settings.load(), dir.resolve("tiles"),
                (m, f) -> { });
        try {
            PublicRun run = new PrivacyFilter().publicRun(loaded.workspace(), "may").orElseThrow();
            List<String> texts = new ArrayList<>();
            MapPane map = fx(() -> {
                ProjectorView view = new ProjectorView(Theme.base(), loaded.map(), loaded.styles(), loaded.crs());
                view.showRun(run, RunView.PLACES);
                Stage stage = new Stage();
                stage.setScene(new Scene(view.root(), 1920, 1080));
                stage.getScene().getStylesheets().add(ProjectorView.class.getResource(ProjectorView.CSS).toExternalForm());
                stage.show();
                texts.addAll(SceneTexts.of(view.root()));
                stage.close();
                return view.mapPane().orElseThrow();
            });
            assertTrue(loaded.map().layers().stream().anyMatch(l -> l.role() == LayerRole.OUTCOME),
                    "the workspace map has the incidents");
            assertFalse(map.data().layers().stream().anyMatch(l -> l.role() == LayerRole.OUTCOME),
                    "the projector's map data has no incident layer at all");
            assertFalse(texts.isEmpty());
            Pattern small = Pattern.compile("(^|\\D)([0-9]|10) incidents");
            for (String t : texts) {
                assertFalse(small.matcher(t).find(), "a count below 11 on the wall: " + t);
            }
            assertTrue(texts.stream().anyMatch(t -> t.contains("fewer than 11")), "the data note states the rule");
        } finally {
            loaded.workspace().close();
        }
    }
}
