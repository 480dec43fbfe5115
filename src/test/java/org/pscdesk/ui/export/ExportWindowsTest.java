package org.pscdesk.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioButton;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelReader;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.pscdesk.analysis.JsonTree;
import org.pscdesk.demo.DemoCity;
import org.pscdesk.store.MeetingRecords;
import org.pscdesk.store.TemporaryHome;
import org.pscdesk.store.Workspace;
import org.pscdesk.ui.PscDeskApp;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Export menu in the running app: the minutes window previews the first page (maps drawn by the app's
 * renderer), cancels, saves the public version where the chooser says and logs it; the data window refuses
 * incidents for the public in the exporter's words and writes a public run as GeoJSON.
 */
class ExportWindowsTest {

    @RegisterExtension
    static final TemporaryHome HOME = new TemporaryHome();
    @TempDir
    static Path dir;
    private static Path demo;
    private final FxRobot robot = new FxRobot();
    private final List<String> offered = new ArrayList<>();
    private Path workspace;
    private Path out;
    private PscDeskApp app;

    @BeforeAll
    static void writeDemo() throws Exception {
        demo = dir.resolve("demo.gpkg");
        DemoCity.write(demo);
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void startApp() throws Exception {
        workspace = Files.copy(demo, dir.resolve("city.gpkg"), StandardCopyOption.REPLACE_EXISTING);
        out = Files.createDirectories(dir.resolve("exports"));
        // the chooser's answer: the name offered, in the exports folder
        ExportWindow.chooser = (owner, title, folder, fileName, description, extension) -> {
            offered.add(fileName);
            return Optional.of(out.resolve(fileName));
        };
        app = (PscDeskApp) FxToolkit.setupApplication(() -> new PscDeskApp(new PscDeskApp.Options(workspace, false,
                null)));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> app.model().current() != null
                && !app.model().runner().busy().get()));
    }

    @AfterEach
    void stopApp() throws Exception {
        ExportWindow.chooser = SaveChooser.NATIVE;
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }

    /** Export ▸ {@code id}, fired from the window's menu bar (Monocle's robot does not open menus). */
    private void chooseFromExportMenu(String id) throws Exception {
        fx(() -> {
            MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
            MenuItem item = bar.getMenus().stream().filter(m -> m.getText().equals("Export")).findFirst().orElseThrow()
                    .getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
            assertFalse(item.isDisable(), "a workspace is open");
            item.fire();
            return null;
        });
    }

    private String text(String id) throws Exception {
        return fx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    private List<Workspace.AuditEntry> exportsLogged() throws Exception {
        return app.model().current().workspace().auditLog().stream().filter(e -> e.action().equals("export")).toList();
    }

    @Test
    void minutesPreviewTheFirstPageCancelAndSaveThePublicVersion() throws Exception {
        chooseFromExportMenu("menu-export-minutes");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#export-minutes").tryQuery()
                .isPresent()));
        // the partners' version of the newest meeting is being made at once: cancel it while its maps are drawn
        assertTrue(fx(() -> robot.lookup("#export-progress").query().isVisible()), "progress while making");
        robot.clickOn("#export-cancel");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> text("#export-outcome").startsWith("Cancelled"));
        assertTrue(fx(() -> robot.lookup("#export-save").queryAs(Button.class).isDisabled()), "nothing to save");

        MeetingRecords.Summary finalized = fx(() -> {
            @SuppressWarnings("unchecked")
            ListView<MeetingRecords.Summary> list = robot.lookup("#export-meeting").queryAs(ListView.class);
            MeetingRecords.Summary s = list.getItems().stream().filter(m -> m.status().equals("finalized"))
                    .findFirst().orElseThrow();
            list.getSelectionModel().select(s);
            return s;
        });
        robot.clickOn("#export-public");
        assertTrue(fx(() -> robot.lookup("#export-public").queryAs(RadioButton.class).isSelected()));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> text("#export-preview-info").contains("public version"));
        Image page = fx(() -> robot.lookup("#export-preview-image").queryAs(ImageView.class).getImage());
        assertTrue(page.getWidth() > 500 && page.getHeight() > 700, page.getWidth() + " × " + page.getHeight());
        assertTrue(inkOn(page) > 0.01, "the page has text on it: " + inkOn(page));
        assertTrue(text("#export-preview-info").matches("Page 1 of \\d+ · .*"), text("#export-preview-info"));

        robot.clickOn("#export-save");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text("#export-outcome").startsWith("Saved"));
        assertEquals(List.of("minutes-" + finalized.date() + "-public.pdf"), offered);
        Path pdf = out.resolve(offered.get(0));
        assertTrue(text("#export-outcome").contains(out.toString()), "names the folder: " + text("#export-outcome"));
        Button open = fx(() -> robot.lookup("#export-open-folder").queryAs(Button.class));
        assertTrue(fx(open::isVisible) && fx(open::isDisabled), "Open folder is there, off without a desktop");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertTrue(doc.getNumberOfPages() > 0);
            String words = new PDFTextStripper().getText(doc);
            assertTrue(words.contains(finalized.title()), "the meeting's title");
            assertTrue(words.contains("public version (organizations only)"));
            assertFalse(words.contains("convened by"), "no facilitator in the public version");
            int images = 0;
            for (PDPage p : doc.getPages()) {
                for (var name : p.getResources().getXObjectNames()) {
                    images += p.getResources().isImageXObject(name) ? 1 : 0;
                }
            }
            assertEquals(2, images, "both maps shown in the meeting, drawn by the app");
        }
        assertEquals(List.of("minutes of meeting " + finalized.id() + ", public version, to " + pdf.getFileName()),
                exportsLogged().stream().map(Workspace.AuditEntry::detail).toList());
    }

    /** The share of pixels darker than light grey. */
    private static double inkOn(Image image) {
        PixelReader r = image.getPixelReader();
        int dark = 0;
        int total = 0;
        for (int y = 0; y < (int) image.getHeight(); y += 3) {
            for (int x = 0; x < (int) image.getWidth(); x += 3) {
                int argb = r.getArgb(x, y);
                int grey = ((argb >> 16 & 0xff) + (argb >> 8 & 0xff) + (argb & 0xff)) / 3;
                dark += grey < 160 ? 1 : 0;
                total++;
            }
        }
        return dark / (double) total;
    }

    @Test
    void dataRefusesIncidentsForThePublicAndWritesAPublicRunAsGeoJson() throws Exception {
        chooseFromExportMenu("menu-export-data");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#export-data").tryQuery()
                .isPresent()));
        robot.clickOn("#export-what-actions");
        assertTrue(fx(() -> robot.lookup("#export-format-geojson").queryAs(RadioButton.class).isDisabled()),
                "the action items are a table");
        assertTrue(fx(() -> robot.lookup("#export-format-csv").queryAs(RadioButton.class).isSelected()));

        robot.clickOn("#export-what-layer");
        fx(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<org.pscdesk.store.LayerInfo> layers = robot.lookup("#export-layer").queryAs(ComboBox.class);
            layers.setValue(layers.getItems().stream().filter(l -> l.name().equals("incidents")).findFirst()
                    .orElseThrow());
            return null;
        });
        robot.clickOn("#export-data-public");
        robot.clickOn("#export-data-go");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#export-outcome")
                .queryAs(Label.class).isVisible()));
        assertEquals("'incidents' holds incidents, which are never exported for the public; export a run (cells)"
                + " instead.", text("#export-outcome"));
        assertFalse(Files.exists(out.resolve(offered.get(0))), "nothing written");

        robot.clickOn("#export-what-run");
        robot.clickOn("#export-format-geojson");
        assertTrue(fx(() -> robot.lookup("#export-data-public").queryAs(javafx.scene.control.CheckBox.class)
                .isSelected()), "still for the public");
        robot.clickOn("#export-data-go");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> text("#export-outcome").startsWith("Saved"));
        String name = offered.get(1);
        assertEquals("run-nov-2025-cells-public.geojson", name);
        Map<String, Object> geojson = JsonTree.object(Files.readString(out.resolve(name), StandardCharsets.UTF_8));
        List<Object> features = JsonTree.list(geojson, "features");
        assertTrue(features.size() > 1000, features.size() + " cells");
        @SuppressWarnings("unchecked")
        Map<String, Object> first = JsonTree.child((Map<String, Object>) features.get(0), "properties");
        assertTrue(first.containsKey("class") && !first.containsKey("count"), "public cells: " + first.keySet());
        assertEquals(List.of("run nov-2025 (cells) as GeoJSON, public version, to " + name),
                exportsLogged().stream().map(Workspace.AuditEntry::detail).toList(), "the refusal is not logged");
    }
}
