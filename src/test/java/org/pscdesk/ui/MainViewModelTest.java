package org.pscdesk.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pscdesk.store.LayerInfo;
import org.pscdesk.store.LayerRole;
import org.pscdesk.store.Settings;
import org.pscdesk.store.Workspace;
import org.pscdesk.store.WorkspaceException;
import org.pscdesk.ui.workspace.LayerRow;
import org.pscdesk.ui.workspace.LoadedWorkspace;
import org.pscdesk.ui.workspace.MainViewModel;
import org.testfx.api.FxToolkit;

/**
 * The main window's view model with real workspace files, no window: background work runs on the test
 * thread and dialogs are recorded. (The toolkit is started because basemap images are JavaFX images.)
 */
class MainViewModelTest {

    @TempDir
    Path dir;

    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final List<Path> demosWritten = new ArrayList<>();
    private Settings settings;
    private MainViewModel model;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void closeWorkspace() {
        if (model != null) {
            model.shutdown();
        }
    }

    private MainViewModel model() {
        settings = Settings.load(dir.resolve("config/settings.properties"));
        model = new MainViewModel(settings, dialogs, new DirectTaskRunner(), out -> {
            demosWritten.add(out);
            TestWorkspaces.town(out);
        }, demoFile(), dir.resolve("cache/tiles"), true);
        return model;
    }

    private Path demoFile() {
        return dir.resolve("data/demo.gpkg");
    }

    @Test
    void firstStartWritesTheDemoIntoTheDataFolderAndOpensIt() throws Exception {
        MainViewModel vm = model();
        vm.start(null);
        assertEquals(1, demosWritten.size());
        assertEquals(demoFile().getParent(), demosWritten.get(0).getParent(), "written in the user's data folder");
        assertEquals(demoFile(), vm.current().file());
        try (java.util.stream.Stream<Path> files = Files.list(demoFile().getParent())) {
            assertEquals(List.of(demoFile()), files.filter(p -> !p.toString().endsWith("-wal")
                    && !p.toString().endsWith("-shm")).toList(), "no half-written demo left beside it");
        }
        assertEquals("PSC Desk — demo", vm.titleProperty().get());
        assertEquals(List.of(), dialogs.errors);
        assertEquals(demoFile(), Settings.load(settings.file()).lastWorkspace().orElseThrow(),
                "the opened workspace is remembered for the next start");
    }

    @Test
    void laterStartsReopenTheLastWorkspace() throws Exception {
        Path town = TestWorkspaces.town(dir.resolve("town.gpkg"));
        Settings earlier = Settings.load(dir.resolve("config/settings.properties"));
        earlier.workspaceOpened(town);
        earlier.save();
        MainViewModel vm = model();
        vm.start(null);
        assertEquals(town, vm.current().file());
        assertEquals(List.of(), demosWritten);
    }

    @Test
    void anExplicitPathWinsOverTheLastWorkspace() throws Exception {
        Path last = TestWorkspaces.town(dir.resolve("last.gpkg"));
        Path wanted = TestWorkspaces.town(dir.resolve("wanted.gpkg"));
        Settings earlier = Settings.load(dir.resolve("config/settings.properties"));
        earlier.workspaceOpened(last);
        earlier.save();
        MainViewModel vm = model();
        vm.start(wanted);
        assertEquals(wanted, vm.current().file());
    }

    @Test
    void aVanishedLastWorkspaceFallsBackToTheDemoAndSaysSo() throws Exception {
        Settings earlier = Settings.load(dir.resolve("config/settings.properties"));
        earlier.workspaceOpened(dir.resolve("gone.gpkg"));
        earlier.save();
        MainViewModel vm = model();
        vm.start(null);
        assertEquals(demoFile(), vm.current().file());
        assertEquals(List.of(), dialogs.errors);
    }

    @Test
    void openingAPngShowsTheErrorKeepsTheWorkspaceAndLeavesTheFileAlone() throws Exception {
        assertRefusedUnchanged(TestWorkspaces.png(dir.resolve("photo.png")), WorkspaceException.Reason.NOT_GEOPACKAGE);
    }

    @Test
    void openingAnEmptyFileShowsTheErrorKeepsTheWorkspaceAndLeavesTheFileAlone() throws Exception {
        assertRefusedUnchanged(Files.createFile(dir.resolve("empty.gpkg")), WorkspaceException.Reason.NOT_GEOPACKAGE);
    }

    @Test
    void openingATruncatedWorkspaceShowsTheErrorAndLeavesTheFileAlone() throws Exception {
        Path whole = TestWorkspaces.town(dir.resolve("whole.gpkg"));
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = Files.write(dir.resolve("truncated.gpkg"), java.util.Arrays.copyOf(bytes, bytes.length / 2 + 100));
        assertRefusedUnchanged(truncated, WorkspaceException.Reason.CORRUPT);
    }

    private void assertRefusedUnchanged(Path bad, WorkspaceException.Reason reason) throws Exception {
        Path good = TestWorkspaces.town(dir.resolve("good.gpkg"));
        MainViewModel vm = model();
        vm.open(good);
        LoadedWorkspace before = vm.current();
        byte[] bytes = Files.readAllBytes(bad);

        vm.open(bad);

        String expected = expectedMessage(bad, reason);
        assertEquals(List.of(new RecordingDialogs.Shown("Could not open " + bad.getFileName(), expected)), dialogs.errors);
        assertSame(before, vm.current(), "the app keeps the workspace it had");
        assertArrayEquals(bytes, Files.readAllBytes(bad), "the file is byte-for-byte unchanged");
        assertFalse(Files.exists(Path.of(bad + "-wal")), "no -wal beside the file");
        assertFalse(Files.exists(Path.of(bad + "-shm")), "no -shm beside the file");
        assertEquals(expected, vm.lastErrorProperty().get());
    }

    private static String expectedMessage(Path bad, WorkspaceException.Reason reason) {
        try {
            Workspace.open(bad).close();
            throw new AssertionError(bad + " opened");
        } catch (WorkspaceException e) {
            assertEquals(reason, e.reason());
            return e.getMessage();
        }
    }

    @Test
    void aForeignGeoPackageIsAdoptedOnlyAfterTheUserAgrees() throws Exception {
        Path foreign = TestWorkspaces.foreignGeoPackage(dir.resolve("from-qgis.gpkg"));
        byte[] bytes = Files.readAllBytes(foreign);
        MainViewModel vm = model();

        dialogs.confirmReplies.push(false);
        vm.open(foreign);
        assertEquals(List.of("Adopt this GeoPackage as a PSC Desk workspace?"), dialogs.questions);
        assertNull(vm.current());
        assertArrayEquals(bytes, Files.readAllBytes(foreign), "declined: the file is unchanged");
        assertFalse(Files.exists(Path.of(foreign + "-wal")));
        assertFalse(Files.exists(Path.of(foreign + "-shm")));

        dialogs.confirmReplies.push(true);
        vm.open(foreign);
        assertEquals(foreign, vm.current().file());
        assertEquals(List.of(), dialogs.errors);
    }

    @Test
    void layerRowsShowEveryLayerWithItsStoredCountIncidentsFirst() throws Exception {
        Path town = TestWorkspaces.town(dir.resolve("town.gpkg"));
        Map<String, Long> stored;
        try (Workspace ws = Workspace.open(town)) {
            stored = ws.layers().stream().collect(Collectors.toMap(LayerInfo::title, LayerInfo::count));
        }
        MainViewModel vm = model();
        vm.open(town);
        Map<String, Long> shown = vm.layers().stream().collect(Collectors.toMap(LayerRow::title, LayerRow::count));
        assertEquals(stored, shown);
        LayerRow first = vm.layers().get(0);
        assertEquals(LayerRole.OUTCOME, first.info().role());
        assertEquals("Incidents (outcome)", first.roleText());
        assertEquals(LayerRow.formatCount(stored.get(first.title())), first.countText());
        assertTrue(first.tooltip().contains("counted per 250 m square"), first.tooltip());
    }

    @Test
    void newWorkspaceIsCreatedWithTheChosenCrsAndOpened() throws Exception {
        MainViewModel vm = model();
        dialogs.newFile = dir.resolve("new/city.gpkg");
        dialogs.crs = "ESRI:102696 — NAD83 / Missouri East (US feet; city GIS data)";
        vm.newWorkspace();
        assertEquals(List.of(), dialogs.errors);
        assertEquals(dialogs.newFile, vm.current().file());
        assertEquals("ESRI:102696", vm.current().crs().id());
        assertEquals(List.of(), vm.layers());
    }

    @Test
    void anUnknownCrsIsRefusedBeforeAnyFileIsWritten() {
        MainViewModel vm = model();
        dialogs.newFile = dir.resolve("city.gpkg");
        dialogs.crs = "EPSG:999999";
        vm.newWorkspace();
        assertEquals(1, dialogs.errors.size());
        assertFalse(Files.exists(dialogs.newFile));
        assertNull(vm.current());
    }

    @Test
    void openingAnotherWorkspaceClosesThePreviousOneSoItIsOneFileAgain() throws Exception {
        Path first = TestWorkspaces.town(dir.resolve("first.gpkg"));
        Path second = TestWorkspaces.town(dir.resolve("second.gpkg"));
        MainViewModel vm = model();
        vm.open(first);
        vm.open(second);
        assertEquals(second, vm.current().file());
        assertFalse(Files.exists(Path.of(first + "-wal")), "the first workspace was closed and checkpointed");
        assertEquals(List.of(second, first), vm.recent());
    }

    @Test
    void cursorTextGivesLatitudeLongitudeAndWorkspaceCoordinates() throws Exception {
        MainViewModel vm = model();
        vm.open(TestWorkspaces.town(dir.resolve("town.gpkg")));
        String text = vm.cursorText(new javafx.geometry.Point2D(-90.2, 38.63));
        assertTrue(text.startsWith("38.63000° N, 90.20000° W"), text);
        assertTrue(text.matches(".*x [0-9,]+ {2}y [0-9,]+ m"), text);
    }
}
