package org.pscdesk.ui.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pscdesk.geo.Crs;
import org.pscdesk.importer.ImportException;
import org.pscdesk.importer.ImportPreview;
import org.pscdesk.importer.ImportReport;
import org.pscdesk.importer.ImportRequest;
import org.pscdesk.importer.ImportService;
import org.pscdesk.importer.Problem;
import org.pscdesk.store.LayerRole;
import org.pscdesk.store.Workspace;
import org.pscdesk.work.Cancellation;
import org.pscdesk.work.Progress;

/** Messages the importer really produces read, in the app, without command-line options. */
class AppWordingTest {

    @TempDir
    Path dir;

    @Test
    void realImporterMessagesNameTheWizardsFieldsInsteadOfOptions() throws Exception {
        List<String> messages = new ArrayList<>();
        // No coordinate columns: a note about choosing them.
        Path table = dir.resolve("table.csv");
        Files.writeString(table, "code,label\n1,a\n2,b\n");
        ImportPreview.of(ImportRequest.of(table, LayerRole.FACTOR, "t"), 5).notes().forEach(p -> messages.add(p.message()));
        // X/Y without a CRS: the import asks for one.
        Path xy = dir.resolve("xy.csv");
        Files.writeString(xy, "id,x,y\n1,894880,1006677\n");
        messages.add(failure(xy));
        // A personal column: the note on how to keep it.
        Path people = ImportTestSupport.places(dir.resolve("people.csv"), 3);
        try (Workspace ws = Workspace.create(dir.resolve("w.gpkg"), Crs.of("EPSG:26915"))) {
            ImportReport r = new ImportService(ws).run(ImportRequest.of(people, LayerRole.FACTOR, "p"), Progress.NONE,
                    Cancellation.none());
            r.problems().stream().map(Problem::message).forEach(messages::add);
        }
        assertTrue(messages.stream().anyMatch(m -> m.contains("--")), "the importer speaks of options");
        for (String m : messages) {
            String shown = AppWording.forApp(m);
            assertFalse(shown.contains("--"), shown);
        }
        assertTrue(messages.stream().map(AppWording::forApp).anyMatch(m -> m.contains("keep anyway")));
        assertTrue(messages.stream().map(AppWording::forApp).anyMatch(m -> m.contains("Coordinate system")));
    }

    @Test
    void messagesWithoutOptionsAreUnchanged() {
        String plain = "XCoord and YCoord are 0: SLMPD could not map this record.";
        assertEquals(plain, AppWording.forApp(plain));
    }

    private String failure(Path file) throws Exception {
        try (Workspace ws = Workspace.create(dir.resolve(file.getFileName() + ".gpkg"), Crs.of("EPSG:26915"))) {
            new ImportService(ws).run(ImportRequest.of(file, LayerRole.FACTOR, "x"), Progress.NONE, Cancellation.none());
            throw new AssertionError(file + " was imported");
        } catch (ImportException e) {
            return e.problem().message();
        }
    }
}
