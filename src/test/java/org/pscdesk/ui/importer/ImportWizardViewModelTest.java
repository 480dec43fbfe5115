package org.pscdesk.ui.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pscdesk.geo.Crs;
import org.pscdesk.importer.ImportException;
import org.pscdesk.importer.ImportPreview;
import org.pscdesk.importer.ImportReport;
import org.pscdesk.importer.ImportRequest;
import org.pscdesk.store.FieldDef;
import org.pscdesk.store.LayerInfo;
import org.pscdesk.store.LayerRole;
import org.pscdesk.store.Workspace;
import org.pscdesk.ui.importer.ImportWizardViewModel.Phase;

/**
 * The wizard's view model on real files and a real workspace, without a window: background work runs on
 * the test thread, dialogs are recorded. Counts are checked against the workspace, not against the report.
 */
class ImportWizardViewModelTest {

    @TempDir
    Path dir;

    private Path wsFile;
    private Workspace ws;
    private ImportTestSupport.Host host;
    private ImportTestSupport.Choosers choosers;
    private ImportWizardViewModel vm;

    @BeforeEach
    void openWorkspace() throws Exception {
        wsFile = dir.resolve("city.gpkg");
        Workspace.create(wsFile, Crs.of("EPSG:26915")).close();
        ws = Workspace.open(wsFile);
        host = new ImportTestSupport.Host(ws);
        choosers = new ImportTestSupport.Choosers();
        vm = new ImportWizardViewModel(host, choosers);
    }

    @AfterEach
    void closeWorkspace() {
        ws.close();
    }

    @Test
    void choosingACsvPreviewsItsColumnsRowsAndMarksThePersonalColumn() throws Exception {
        Path csv = ImportTestSupport.places(dir.resolve("bars.csv"), 40);
        choosers.files = List.of(csv);
        vm.chooseFiles();

        List<String> header = List.of(ImportTestSupport.PLACES_HEADER.split(","));
        assertNull(vm.previewErrorProperty().get());
        ImportPreview p = vm.previewProperty().get();
        assertEquals(header, p.fields().stream().map(FieldDef::name).toList());
        assertEquals(header, vm.columns());
        assertEquals(Files.readAllLines(csv).size() - 1, p.rows().size());
        assertTrue(p.personal().get(header.indexOf("owner_email")), "owner_email is personal");
        assertFalse(p.personal().get(header.indexOf("name")), "a place's name is not");
        assertTrue(vm.delimitedTextProperty().get());
        assertEquals(ImportWizardViewModel.CoordinateMode.LON_LAT, vm.coordinateModeProperty().get());
        assertEquals("lon", vm.xColumnProperty().get());
        assertEquals("lat", vm.yColumnProperty().get());
        assertEquals("bars", vm.nameProperty().get());
        assertTrue(vm.canImportProperty().get());
    }

    @Test
    void importWritesTheLayerWithoutThePersonalColumnAndTellsTheHost() throws Exception {
        Path csv = ImportTestSupport.places(dir.resolve("bars.csv"), 40);
        vm.setFiles(List.of(csv));
        vm.startImport();

        assertEquals(Phase.FINISHED, vm.phaseProperty().get());
        ImportReport report = vm.reportProperty().get();
        LayerInfo layer = ws.layer(report.layer()).orElseThrow();
        assertEquals(List.of(layer.name()), host.imported);
        assertEquals(Files.readAllLines(csv).size() - 1, layer.count());
        assertEquals(layer.count(), report.imported());
        assertFalse(layer.fields().stream().anyMatch(f -> f.name().equals("owner_email")));
        assertEquals(List.of("owner_email"), report.droppedColumns());
        assertFalse(vm.nothingImportedProperty().get());
    }

    @Test
    void keepAnywayKeepsThePersonalColumn() throws Exception {
        vm.setFiles(List.of(ImportTestSupport.places(dir.resolve("bars.csv"), 10)));
        vm.keepColumns().add("owner_email");
        vm.startImport();

        LayerInfo layer = ws.layer(vm.reportProperty().get().layer()).orElseThrow();
        assertTrue(layer.fields().stream().anyMatch(f -> f.name().equals("owner_email")));
    }

    @Test
    void filterKeepsOnlyThePickedValues() throws Exception {
        Path csv = ImportTestSupport.places(dir.resolve("bars.csv"), 60);
        vm.setFiles(List.of(csv));
        assertTrue(vm.valuesOf("category").containsAll(List.of(ImportTestSupport.CATEGORIES)));
        FilterRow f = vm.addFilter();
        f.fieldProperty().set("category");
        f.picked().add("bar");
        f.typedProperty().set(" liquor store ");
        vm.startImport();

        long expected;
        try (Stream<String> lines = Files.lines(csv)) {
            expected = lines.skip(1).filter(l -> l.contains(",bar,") || l.contains(",liquor store,")).count();
        }
        assertEquals(expected, ws.layer(vm.reportProperty().get().layer()).orElseThrow().count());
        assertEquals(Files.readAllLines(csv).size() - 1 - expected, vm.reportProperty().get().skipped().get("filtered"));
    }

    @Test
    void xyWithoutACoordinateSystemAsksForOneAndImportsOnceGiven() throws Exception {
        // St. Louis police style X/Y in US feet: the file cannot say which system it uses.
        Path csv = dir.resolve("calls.csv");
        Files.writeString(csv, "call,XCoord,YCoord\n1,894880.7,1006677\n2,902219.7,1021301\n3,899000.0,1010000\n");
        vm.setFiles(List.of(csv));
        assertEquals("XCoord", vm.xColumnProperty().get());
        assertTrue(vm.crsProblemProperty().get(), vm.crsHintProperty().get());
        assertFalse(vm.canImportProperty().get());

        vm.crsTextProperty().set("ESRI:102696");
        assertFalse(vm.crsProblemProperty().get());
        assertEquals(3, vm.previewGeometries().stream().filter(g -> g != null).count());
        assertTrue(vm.canImportProperty().get());
        vm.startImport();
        assertEquals(3, ws.layer(vm.reportProperty().get().layer()).orElseThrow().count());
        assertEquals("ESRI:102696", ws.layer(vm.reportProperty().get().layer()).orElseThrow().provenance().sourceCrs());
    }

    @Test
    void anUnknownCodeIsExplainedAndNotUsed() throws Exception {
        vm.setFiles(List.of(ImportTestSupport.places(dir.resolve("bars.csv"), 5)));
        vm.crsTextProperty().set("EPSG:999999");
        assertTrue(vm.crsProblemProperty().get());
        assertTrue(vm.crsHintProperty().get().contains("EPSG:999999"), vm.crsHintProperty().get());
        assertFalse(vm.canImportProperty().get());
    }

    @Test
    void binaryJunkShowsTheReadersMessageAndLeavesTheWorkspaceByteIdentical() throws Exception {
        Path junk = ImportTestSupport.junk(dir.resolve("crimes.csv"));
        String expected;
        try {
            ImportPreview.of(ImportRequest.of(junk, LayerRole.OUTCOME, "x"), 5);
            throw new AssertionError("junk was read");
        } catch (ImportException e) {
            expected = e.problem().message();
        }
        ws.close();
        String before = ImportTestSupport.sha256(wsFile);
        ws = Workspace.open(wsFile);
        host = new ImportTestSupport.Host(ws);
        vm = new ImportWizardViewModel(host, choosers);

        vm.setFiles(List.of(junk));
        assertNotNull(vm.previewErrorProperty().get());
        assertTrue(vm.previewErrorProperty().get().contains(AppWording.forApp(expected)), vm.previewErrorProperty().get());
        assertFalse(vm.canImportProperty().get());
        vm.startImport();
        assertEquals(Phase.EDITING, vm.phaseProperty().get());
        assertTrue(vm.importErrorProperty().get().contains(AppWording.forApp(expected)), vm.importErrorProperty().get());
        assertEquals(List.of(), host.imported);
        ws.close();
        assertEquals(before, ImportTestSupport.sha256(wsFile), "the workspace file is byte-identical");
        ws = Workspace.open(wsFile);
    }

    @Test
    void cancellingMidImportAddsNothing() throws Exception {
        Path csv = ImportTestSupport.places(dir.resolve("many.csv"), 30_000);
        ws.close();
        String before = ImportTestSupport.sha256(wsFile);
        ws = Workspace.open(wsFile);
        host = new ImportTestSupport.Host(ws);
        vm = new ImportWizardViewModel(host, choosers);
        vm.setFiles(List.of(csv));
        // Cancel as the user would, from a progress report once rows are flowing.
        host.runner.onProgress = (stage, fraction) -> {
            if (stage != null && stage.contains("rows") && !stage.contains(" 0 rows")) {
                vm.cancel();
            }
        };
        vm.startImport();

        assertEquals(Phase.EDITING, vm.phaseProperty().get());
        assertTrue(vm.outcomeProperty().get().toLowerCase().contains("cancelled"), vm.outcomeProperty().get());
        assertEquals(List.of(), ws.layers());
        ws.close();
        assertEquals(before, ImportTestSupport.sha256(wsFile));
        ws = Workspace.open(wsFile);
    }

    @Test
    void aNameClashAsksAndReplacesOnlyWhenConfirmed() throws Exception {
        Path first = ImportTestSupport.places(dir.resolve("bars.csv"), 12);
        vm.setFiles(List.of(first));
        vm.startImport();
        String name = vm.reportProperty().get().layer();

        Path second = dir.resolve("other").resolve("bars.csv");
        Files.createDirectories(second.getParent());
        ImportTestSupport.places(second, 20);
        vm.setFiles(List.of(second));
        assertTrue(vm.nameHintProperty().get().contains("exists"), vm.nameHintProperty().get());
        host.dialogs.replies.add(false);
        vm.startImport();
        assertEquals(1, host.dialogs.questions.size());
        assertTrue(host.dialogs.questions.get(0).contains(name));
        assertEquals(12, ws.layer(name).orElseThrow().count(), "kept when the user says no");
        assertNotNull(vm.outcomeProperty().get());

        host.dialogs.replies.add(true);
        vm.startImport();
        assertEquals(20, ws.layer(name).orElseThrow().count(), "replaced when the user says yes");
        assertEquals(Phase.FINISHED, vm.phaseProperty().get());
    }

    @Test
    void slmpdHeadersPickThePresetTheIncidentRoleAndASafeName() throws Exception {
        Path month = ImportTestSupport.sharedData().resolve("stl/crime/slmpd_monthly/2018/january2018.csv");
        vm.setFiles(List.of(month));
        assertEquals(Preset.SLMPD, vm.presetProperty().get());
        assertEquals(LayerRole.OUTCOME, vm.roleProperty().get());
        assertEquals("january2018", vm.nameProperty().get());
        assertFalse(vm.delimitedTextProperty().get(), "the preset finds the coordinates itself");
        assertTrue(vm.previewProperty().get().sourceCrs().isPresent());
        assertTrue(vm.canImportProperty().get());
    }

    @Test
    void aFolderIsReadAsSlmpdMonthlyFiles() throws Exception {
        Path year = ImportTestSupport.sharedData().resolve("stl/crime/slmpd_monthly/2018");
        choosers.folder = year;
        vm.chooseFolder();
        assertEquals(Preset.SLMPD, vm.presetProperty().get());
        assertEquals("incidents_2018", vm.nameProperty().get());
        assertNull(vm.previewErrorProperty().get());
        assertEquals(ImportWizardViewModel.PREVIEW_ROWS, vm.previewProperty().get().rows().size());
    }

    @Test
    void userChoicesAreNotOverwrittenByLaterGuesses() throws Exception {
        Path csv = ImportTestSupport.places(dir.resolve("bars.csv"), 10);
        vm.setFiles(List.of(csv));
        vm.roleProperty().set(LayerRole.REFERENCE);
        vm.nameProperty().set("Licensed bars");
        vm.crsTextProperty().set("EPSG:4326");
        assertEquals(LayerRole.REFERENCE, vm.roleProperty().get());
        assertEquals("Licensed bars", vm.nameProperty().get());
        assertTrue(vm.nameHintProperty().get().contains("licensed_bars"), vm.nameHintProperty().get());
        vm.startImport();
        LayerInfo layer = ws.layer("licensed_bars").orElseThrow();
        assertEquals("Licensed bars", layer.title());
        assertEquals(LayerRole.REFERENCE, layer.role());
    }

    @Test
    void aPrjFileSetsTheCoordinateSystem() throws Exception {
        Path prj = ImportTestSupport.sharedData().resolve("stl/boundaries/city/STL_BOUNDARY_City.prj");
        Crs expected = org.pscdesk.importer.PrjCrs.match(Files.readString(prj, java.nio.charset.StandardCharsets.ISO_8859_1))
                .orElseThrow();
        vm.setFiles(List.of(ImportTestSupport.places(dir.resolve("bars.csv"), 3)));
        choosers.prj = prj;
        vm.chooseCrsFromPrj();
        assertEquals(expected.id(), CrsChoices.parse(vm.crsTextProperty().get()).orElseThrow().id());
        assertEquals(List.of(), host.dialogs.errors);
    }

    @Test
    void nothingImportedShowsTheReportOfEveryRow() throws IOException {
        // Every coordinate is text: the import reads rows but can keep none.
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "id,lat,lon\n1,north,west\n2,n/a,?\n3,x,y\n");
        vm.setFiles(List.of(csv));
        vm.xColumnProperty().set("lon");
        vm.yColumnProperty().set("lat");
        vm.coordinateModeProperty().set(ImportWizardViewModel.CoordinateMode.LON_LAT);
        vm.crsTextProperty().set("EPSG:4326");
        vm.startImport();
        assertEquals(Phase.FINISHED, vm.phaseProperty().get());
        assertTrue(vm.nothingImportedProperty().get());
        assertEquals(3, vm.reportProperty().get().read());
        assertEquals(0, vm.reportProperty().get().imported());
        assertTrue(vm.reportProperty().get().problems().stream().anyMatch(p -> p.row() == 2));
        vm.backToForm();
        assertEquals(Phase.EDITING, vm.phaseProperty().get());
    }
}
