package org.pscdesk.ui.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pscdesk.demo.DemoCity;
import org.pscdesk.importer.ImportException;
import org.pscdesk.importer.ImportPreview;
import org.pscdesk.importer.ImportRequest;
import org.pscdesk.store.AppFolders;
import org.pscdesk.store.LayerInfo;
import org.pscdesk.store.LayerRole;
import org.pscdesk.ui.PscDeskApp;
import org.pscdesk.ui.fx.Styles;
import org.pscdesk.ui.importer.ImportWizardViewModel.Phase;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The import wizard in the real app, headless (Monocle), on a copy of the demo city: real files are
 * previewed, imported, rejected and cancelled, and every outcome is read back from the workspace.
 */
class ImportWizardTest {

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static Path demo;
    private static String homeBefore;

    private final FxRobot robot = new FxRobot();
    private Path workspace;
    private PscDeskApp app;

    @BeforeAll
    static void writeDemo() throws Exception {
        homeBefore = System.getProperty(AppFolders.HOME_PROPERTY);
        System.setProperty(AppFolders.HOME_PROPERTY, shared.resolve("home").toString());
        demo = shared.resolve("demo.gpkg");
        DemoCity.write(demo);
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
    void copyWorkspace() throws Exception {
        workspace = Files.copy(demo, dir.resolve("city.gpkg"), StandardCopyOption.REPLACE_EXISTING);
    }

    @AfterEach
    void stopApp() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            app = null;
        }
        FxToolkit.cleanupStages();
    }

    private void startApp() throws Exception {
        app = (PscDeskApp) FxToolkit.setupApplication(() -> new PscDeskApp(new PscDeskApp.Options(workspace, false, null)));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> app.model().current() != null
                && !app.model().runner().busy().get()));
    }

    /** Closes the app (which closes the workspace, checkpointing it into one file). */
    private void closeApp() throws Exception {
        FxToolkit.cleanupApplication(app);
        app = null;
        FxToolkit.cleanupStages();
    }

    /** Opens File ▸ Import data… (Ctrl+I) and picks the file through the view model, as the file chooser would. */
    private ImportWizardViewModel openWizardOn(Path file) throws Exception {
        robot.push(KeyCode.SHORTCUT, KeyCode.I);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> app.view().imports().wizard() != null));
        ImportWizardViewModel vm = fx(() -> app.view().imports().wizard());
        fx(() -> {
            vm.setFiles(List.of(file));
            return null;
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> !vm.previewingProperty().get()
                && (vm.previewProperty().get() != null || vm.previewErrorProperty().get() != null)));
        WaitForAsyncUtils.waitForFxEvents();
        return vm;
    }

    @Test
    void previewTableShowsTheFilesColumnsAndRowsAndMarksThePersonalColumn() throws Exception {
        Path csv = ImportTestSupport.places(dir.resolve("bars.csv"), 150);
        startApp();
        ImportWizardViewModel vm = openWizardOn(csv);

        PreviewTable table = robot.lookup("#preview-table").queryAs(PreviewTable.class);
        List<String> header = List.of(ImportTestSupport.PLACES_HEADER.split(","));
        assertEquals(header, fx(() -> table.getColumns().stream().map(TableColumn::getUserData)
                .filter(Objects::nonNull).map(Object::toString).toList()));
        List<String> lines = Files.readAllLines(csv);
        assertEquals(Math.min(ImportWizardViewModel.PREVIEW_ROWS, lines.size() - 1), fx(() -> table.getItems().size()));
        String firstName = lines.get(1).split(",")[1].replace("\"", "");
        assertEquals(firstName, fx(() -> table.columnOf("name").getCellData(0)));

        TableColumn<PreviewTable.Row, ?> owner = fx(() -> table.columnOf("owner_email"));
        assertTrue(fx(() -> owner.getStyleClass().contains(ImportStyles.PERSONAL_HEADER)));
        assertFalse(fx(() -> table.columnOf("name").getStyleClass().contains(ImportStyles.PERSONAL_HEADER)));
        assertFalse(robot.lookup("." + ImportStyles.PERSONAL_CELL).queryAll().isEmpty(), "its cells are greyed");
        assertTrue(fx(() -> robot.lookup("#import-personal").queryAs(Label.class).getText()).contains("owner_email"));

        robot.clickOn("#keep-owner_email");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> vm.keepColumns().contains("owner_email")));
        assertTrue(fx(() -> owner.getStyleClass().contains(ImportStyles.KEPT_HEADER)));
        assertTrue(fx(() -> app.view().imports().wizardView().map().drawnCount()) > 0, "the rows are on the map");
        org.pscdesk.ui.AppTests.screenshot(fx(() -> app.view().imports().wizardStage().orElseThrow().getScene()),
                "wizard-preview");
    }

    @Test
    void importAddsTheLayerToTheListWithItsCountFromTheWorkspace() throws Exception {
        Path geojson = ImportTestSupport.geoJson(dir.resolve("charter_schools.geojson"), 30);
        startApp();
        Set<String> before = layerTitles();
        String hidden = fx(() -> {
            app.model().layers().get(0).setVisible(false);
            return app.model().layers().get(0).name();
        });
        ImportWizardViewModel vm = openWizardOn(geojson);
        assertEquals(LayerRole.FACTOR, fx(() -> vm.roleProperty().get()));

        robot.clickOn("#import-run");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> vm.phaseProperty().get() == Phase.FINISHED
                && !app.model().runner().busy().get() && app.model().layers().size() == before.size() + 1));
        WaitForAsyncUtils.waitForFxEvents();
        String name = fx(() -> vm.reportProperty().get().layer());
        LayerInfo stored = fx(() -> app.model().current().workspace().layer(name).orElseThrow());
        assertEquals(String.format(Locale.ROOT, "%,d", stored.count()), countShownFor(stored.title()));
        assertTrue(fx(() -> robot.lookup("#report-headline").queryAs(Label.class).getText()).contains(name));
        org.pscdesk.ui.AppTests.screenshot(fx(() -> app.view().imports().wizardStage().orElseThrow().getScene()),
                "wizard-report");
        assertFalse(fx(() -> app.model().layers().stream().filter(r -> r.name().equals(hidden)).findFirst()
                .orElseThrow().isVisible()), "a layer hidden before the import stays hidden");

        // The same report opens from the layer list: Layer details…
        robot.clickOn("#import-close");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> app.view().imports().wizardStage().isEmpty()));
        // Monocle's robot does not raise context-menu events, so the layer list's menu item is fired directly.
        robot.clickOn(rowOf(stored.title()).lookup("." + Styles.LAYER_TITLE));
        fx(() -> {
            app.view().layerList().getContextMenu().getItems().stream()
                    .filter(i -> "menu-layer-details".equals(i.getId())).findFirst().orElseThrow().fire();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Node details = robot.lookup("#layer-details").query();
        Set<String> figures = new HashSet<>();
        fx(() -> {
            for (Node n : details.lookupAll("." + ImportStyles.FIGURE_VALUE)) {
                figures.add(((Label) n).getText());
            }
            return null;
        });
        assertTrue(figures.contains(String.format(Locale.ROOT, "%,d", stored.count())), figures.toString());
        List<String> facts = new ArrayList<>();
        fx(() -> {
            for (Node n : details.lookupAll("." + ImportStyles.FACT_VALUE)) {
                facts.add(((Label) n).getText().replace(" ", ""));
            }
            return null;
        });
        assertTrue(facts.contains(ImportTestSupport.sha256(geojson)), facts.toString());
    }

    @Test
    void aNameClashAsksBeforeReplacingTheLayer() throws Exception {
        Path geojson = ImportTestSupport.geoJson(dir.resolve("schools.geojson"), 30);
        startApp();
        String table = SourceGuess.safeName("schools");
        long countBefore = fx(() -> app.model().current().workspace().layer(table).orElseThrow().count());
        ImportWizardViewModel vm = openWizardOn(geojson);
        assertTrue(fx(() -> vm.nameHintProperty().get()).contains("exists"));

        robot.clickOn("#import-run");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !robot.lookup("Replace").queryAll().isEmpty());
        robot.clickOn("Replace");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> vm.phaseProperty().get() == Phase.FINISHED
                && !app.model().runner().busy().get()));
        WaitForAsyncUtils.waitForFxEvents();
        LayerInfo stored = fx(() -> app.model().current().workspace().layer(table).orElseThrow());
        assertEquals(fx(() -> vm.reportProperty().get().imported()), stored.count());
        assertTrue(stored.count() != countBefore, "the layer now holds the imported features");
        assertEquals(String.format(Locale.ROOT, "%,d", stored.count()), countShownFor(stored.title()));
    }

    @Test
    void binaryJunkShowsTheReadersMessageAndLeavesTheWorkspaceByteIdentical() throws Exception {
        Path junk = ImportTestSupport.junk(dir.resolve("crimes.csv"));
        String readerSays;
        try {
            ImportPreview.of(ImportRequest.of(junk, LayerRole.OUTCOME, "x"), 10);
            throw new AssertionError("junk was read");
        } catch (ImportException e) {
            readerSays = AppWording.forApp(e.problem().message());
        }
        String before = ImportTestSupport.sha256(workspace);
        startApp();
        Set<String> layers = layerTitles();
        ImportWizardViewModel vm = openWizardOn(junk);

        Label shown = robot.lookup("#import-preview-error").queryAs(Label.class);
        assertTrue(fx(shown::isVisible));
        assertTrue(fx(shown::getText).contains(readerSays), fx(shown::getText));
        assertTrue(fx(() -> robot.lookup("#import-run").queryAs(Button.class).isDisabled()));
        // Even forced, the import refuses the file and says why.
        fx(() -> {
            vm.startImport();
            return null;
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> vm.importErrorProperty().get() != null
                && !app.model().runner().busy().get()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> robot.lookup("#import-error").queryAs(Label.class).getText()).contains(readerSays));
        assertEquals(layers, layerTitles());

        closeApp();
        assertEquals(before, ImportTestSupport.sha256(workspace), "the workspace file is byte-identical");
    }

    @Test
    void cancellingALargeImportKeepsTheUiResponsiveAndTheWorkspaceByteIdentical() throws Exception {
        Path big = ImportTestSupport.places(dir.resolve("big.csv"), 300_000);
        String before = ImportTestSupport.sha256(workspace);
        startApp();
        Set<String> layers = layerTitles();
        ImportWizardViewModel vm = openWizardOn(big);
        assertTrue(fx(() -> vm.canImportProperty().get()));

        robot.clickOn("#import-run");
        Label stage = robot.lookup("#import-stage").queryAs(Label.class);
        ProgressBar bar = robot.lookup("#import-progress").queryAs(ProgressBar.class);
        // Polling through the UI thread while rows are written is itself the proof that it is not blocked.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(stage::getText).contains("rows"));
        assertEquals(Phase.IMPORTING, fx(() -> vm.phaseProperty().get()), "still importing when cancelled");
        double progress = fx(bar::getProgress);
        assertTrue(fx(bar::isVisible) && progress != 0, "progress is shown: " + progress);
        robot.clickOn("#import-cancel");

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> vm.phaseProperty().get() == Phase.EDITING
                && !app.model().runner().busy().get()));
        WaitForAsyncUtils.waitForFxEvents();
        String outcome = fx(() -> robot.lookup("#import-outcome").queryAs(Label.class).getText());
        assertTrue(outcome.toLowerCase(Locale.ROOT).contains("cancelled"), outcome);
        assertEquals(layers, layerTitles());
        assertFalse(fx(() -> robot.lookup("#import-run").queryAs(Button.class).isDisabled()), "ready to try again");

        closeApp();
        assertEquals(before, ImportTestSupport.sha256(workspace), "the workspace file is byte-identical");
    }

    private Set<String> layerTitles() throws Exception {
        return fx(() -> {
            Set<String> titles = new HashSet<>();
            app.model().layers().forEach(r -> titles.add(r.title()));
            return titles;
        });
    }

    private ListCell<?> rowOf(String title) throws Exception {
        return fx(() -> {
            for (Node cell : robot.lookup("." + Styles.LAYER_ROW).queryAll()) {
                Node label = cell.lookup("." + Styles.LAYER_TITLE);
                if (label instanceof Label l && title.equals(l.getText()) && !((ListCell<?>) cell).isEmpty()) {
                    return (ListCell<?>) cell;
                }
            }
            throw new AssertionError("no layer row titled " + title);
        });
    }

    private String countShownFor(String title) throws Exception {
        ListCell<?> cell = rowOf(title);
        return fx(() -> ((Label) cell.lookup("." + Styles.LAYER_COUNT)).getText());
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }
}
