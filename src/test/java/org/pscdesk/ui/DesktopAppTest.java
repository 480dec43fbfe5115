package org.pscdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pscdesk.demo.DemoCity;
import org.pscdesk.store.AppFolders;
import org.pscdesk.store.LayerInfo;
import org.pscdesk.store.LayerRole;
import org.pscdesk.store.Workspace;
import org.pscdesk.ui.fx.Styles;
import org.pscdesk.ui.fx.Theme;
import org.pscdesk.ui.map.MapPane;
import org.pscdesk.ui.map.TileSources;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real app, headless (Monocle), on a freshly generated demo city: the layer list shows the demo's
 * layers with their stored counts, the map draws them, and unticking a layer takes it off the map.
 */
class DesktopAppTest {

    @TempDir
    static Path dir;

    private static Path demo;
    private static List<LayerInfo> layers;
    private static String workspaceName;
    private static String crsId;
    private static String homeBefore;

    private final FxRobot robot = new FxRobot();
    private PscDeskApp app;

    @BeforeAll
    static void writeDemo() throws Exception {
        homeBefore = System.getProperty(AppFolders.HOME_PROPERTY);
        System.setProperty(AppFolders.HOME_PROPERTY, dir.resolve("home").toString());
        demo = dir.resolve("demo.gpkg");
        DemoCity.write(demo);
        try (Workspace ws = Workspace.open(demo)) {
            // saved runs' cell layers belong to the analysis panel, not to the layer list
            layers = ws.layers().stream().filter(l -> l.role() != LayerRole.RESULT).toList();
            workspaceName = ws.meta("name").orElse("demo");
            crsId = ws.crs().orElseThrow().id();
        }
        FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void restoreHome() {
        if (homeBefore == null) {
            System.clearProperty(AppFolders.HOME_PROPERTY);
        } else {
            System.setProperty(AppFolders.HOME_PROPERTY, homeBefore);
        }
    }

    @BeforeEach
    void startApp() throws Exception {
        app = (PscDeskApp) FxToolkit.setupApplication(() -> new PscDeskApp(new PscDeskApp.Options(demo, false, null)));
        waitUntilMapSettled();
    }

    @AfterEach
    void stopApp() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void windowShowsTheWorkspaceNameFileAndCrs() throws Exception {
        Stage stage = FxToolkit.toolkitContext().getRegisteredStage();
        assertEquals("PSC Desk — " + workspaceName, fx(stage::getTitle));
        assertEquals(demo.toString(), fx(() -> robot.lookup("#status-file").queryAs(Label.class).getText()));
        assertTrue(fx(() -> robot.lookup("#status-crs").queryAs(Label.class).getText()).startsWith(crsId));
    }

    @Test
    void layerListShowsEveryDemoLayerWithItsStoredCount() throws Exception {
        Map<String, String> expected = new TreeMap<>();
        for (LayerInfo l : layers) {
            expected.put(l.title(), String.format(Locale.ROOT, "%,d", l.count()));
        }
        Map<String, String> shown = fx(() -> {
            Map<String, String> rows = new TreeMap<>();
            for (Node cell : robot.lookup("." + Styles.LAYER_ROW).queryAll()) {
                if (((ListCell<?>) cell).isEmpty()) {
                    continue;
                }
                String title = ((Label) cell.lookup("." + Styles.LAYER_TITLE)).getText();
                String count = ((Label) cell.lookup("." + Styles.LAYER_COUNT)).getText();
                rows.put(title, count);
            }
            return rows;
        });
        assertEquals(expected, shown);
    }

    @Test
    void mapDrawsEveryLayerOverTheBasemap() throws Exception {
        MapPane map = mapPane();
        for (LayerInfo l : layers) {
            if (l.count() > 0) {
                assertTrue(fx(() -> map.overlay().drawnCount(l.name())) > 0, l.name() + " is drawn");
            }
        }
        Image shot = fx(() -> map.snapshot(null, null));
        Color background = Theme.base().color("-psc-basemap-bg");
        Color land = Theme.base().color("-psc-basemap-land");
        long total = (long) shot.getWidth() * (long) shot.getHeight();
        long drawn = countPixels(shot, c -> !near(c, background) && !near(c, land));
        assertTrue(drawn > total / 5, "layers cover the city: " + drawn + " of " + total + " pixels");
    }

    @Test
    void untickingALayerTakesItOffTheMapAndTickingBringsItBack() throws Exception {
        MapPane map = mapPane();
        LayerInfo incidents = layers.stream().filter(l -> l.role() == LayerRole.OUTCOME).findFirst().orElseThrow();
        LayerInfo factor = layers.stream().filter(l -> l.role() == LayerRole.FACTOR).findFirst().orElseThrow();
        Image before = fx(() -> map.snapshot(null, null));
        int squaresBefore = fx(() -> map.overlay().drawnCount(incidents.name()));
        assertTrue(squaresBefore > 0);

        robot.clickOn(checkBoxOf(incidents.title()));
        waitUntilMapSettled();
        Image hidden = fx(() -> map.snapshot(null, null));
        assertFalse(fx(() -> map.overlay().isLayerVisible(incidents.name())));
        assertEquals(0, fx(() -> map.overlay().drawnCount(incidents.name())));
        long changed = difference(before, hidden);
        assertTrue(changed > 1000, "hiding the incident squares changed " + changed + " pixels");

        robot.clickOn(checkBoxOf(factor.title()));
        waitUntilMapSettled();
        assertEquals(0, fx(() -> map.overlay().drawnCount(factor.name())));
        assertTrue(difference(hidden, fx(() -> map.snapshot(null, null))) > 0, "hiding " + factor.title());

        robot.clickOn(checkBoxOf(incidents.title()));
        robot.clickOn(checkBoxOf(factor.title()));
        waitUntilMapSettled();
        assertEquals(squaresBefore, fx(() -> map.overlay().drawnCount(incidents.name())));
        assertEquals(0, difference(before, fx(() -> map.snapshot(null, null))), "both layers back as before");
    }

    private CheckBox checkBoxOf(String title) throws Exception {
        return fx(() -> {
            for (Node cell : robot.lookup("." + Styles.LAYER_ROW).queryAll()) {
                Node label = cell.lookup("." + Styles.LAYER_TITLE);
                if (label instanceof Label l && title.equals(l.getText()) && !((ListCell<?>) cell).isEmpty()) {
                    return (CheckBox) cell.lookup(".check-box");
                }
            }
            throw new AssertionError("no layer row titled " + title);
        });
    }

    private MapPane mapPane() throws Exception {
        return fx(() -> app.view().mapPane().orElseThrow());
    }

    /** Layers drawn, no tile pending, and nothing changing for a few pulses (deps doc 2.10). */
    private void waitUntilMapSettled() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> app.view().mapPane().map(MapPane::isDrawn)
                .orElse(false) && TileSources.pending() == 0 && !app.model().runner().busy().get()));
        String last = "";
        int stable = 0;
        for (int i = 0; i < 200 && stable < 3; i++) {
            WaitForAsyncUtils.sleep(30, TimeUnit.MILLISECONDS);
            String now = fx(() -> TileSources.pending() + "/" + TileSources.completed() + "/"
                    + app.view().mapPane().orElseThrow().overlay().paintCount());
            stable = now.equals(last) && now.startsWith("0/") ? stable + 1 : 0;
            last = now;
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }

    private static boolean near(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 0.03 && Math.abs(a.getGreen() - b.getGreen()) < 0.03
                && Math.abs(a.getBlue() - b.getBlue()) < 0.03;
    }

    private static long countPixels(Image image, java.util.function.Predicate<Color> test) {
        PixelReader r = image.getPixelReader();
        long n = 0;
        for (int y = 0; y < (int) image.getHeight(); y++) {
            for (int x = 0; x < (int) image.getWidth(); x++) {
                if (test.test(r.getColor(x, y))) {
                    n++;
                }
            }
        }
        return n;
    }

    private static long difference(Image a, Image b) {
        assertEquals(a.getWidth(), b.getWidth());
        assertEquals(a.getHeight(), b.getHeight());
        PixelReader ra = a.getPixelReader();
        PixelReader rb = b.getPixelReader();
        long n = 0;
        for (int y = 0; y < (int) a.getHeight(); y++) {
            for (int x = 0; x < (int) a.getWidth(); x++) {
                if (ra.getArgb(x, y) != rb.getArgb(x, y)) {
                    n++;
                }
            }
        }
        return n;
    }
}
