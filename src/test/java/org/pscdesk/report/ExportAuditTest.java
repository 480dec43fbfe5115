package org.pscdesk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.pscdesk.cli.PscDeskCommand;
import org.pscdesk.demo.DemoCity;
import org.pscdesk.store.TemporaryHome;
import org.pscdesk.store.Workspace;
import org.pscdesk.work.Cancellation;
import org.pscdesk.work.Progress;

/**
 * Every export is in the workspace's audit log with what, which version and the file's name (never its
 * folder); a refused export logs nothing; a window that has the workspace read-only still exports, unlogged.
 */
class ExportAuditTest {

    @RegisterExtension
    static final TemporaryHome HOME = new TemporaryHome(); // the edit locks of the read-only case live there

    @TempDir
    Path dir;

    private static int cli(StringWriter err, String... args) {
        return PscDeskCommand.execute((w, s, p) -> 1, new PrintWriter(new StringWriter()), new PrintWriter(err), args);
    }

    private static List<Workspace.AuditEntry> exports(Path ws) throws Exception {
        try (Workspace w = Workspace.open(ws)) {
            return w.auditLog().stream().filter(e -> e.action().equals("export")).toList();
        }
    }

    @Test
    void theCommandsLogEachExportByFileNameAndARefusalLogsNothing() throws Exception {
        Path demo = dir.resolve("demo.gpkg");
        DemoCity.write(demo);
        Path out = Files.createDirectories(dir.resolve("Jane Doe's exports"));
        assertEquals(List.of(), exports(demo), "the demo exported nothing yet");
        StringWriter err = new StringWriter();
        assertEquals(0, cli(err, "minutes", demo.toString(), "--meeting", "1", "--public", "--pdf",
                out.resolve("minutes.pdf").toString()), err.toString());
        assertEquals(0, cli(err, "export", demo.toString(), "--layer", "bus_stops", "--format", "csv", "--out",
                out.resolve("stops.csv").toString()), err.toString());
        assertEquals(3, cli(err, "export", demo.toString(), "--layer", "incidents", "--format", "csv", "--public",
                "--out", out.resolve("incidents.csv").toString()), "incidents are never public");
        assertEquals(3, cli(err, "export", demo.toString(), "--actions", "--format", "csv", "--out",
                out.resolve("stops.csv").toString()), "an existing file without --force");

        List<Workspace.AuditEntry> log = exports(demo);
        assertEquals(List.of("minutes of meeting 1, public version, to minutes.pdf",
                "layer bus_stops as CSV, to stops.csv"), log.stream().map(Workspace.AuditEntry::detail).toList());
        for (Workspace.AuditEntry e : log) {
            assertFalse(e.detail().contains(dir.toString()) || e.detail().contains("Jane"), "no folder: " + e);
            assertEquals(System.getProperty("user.name"), e.who());
        }
    }

    @Test
    void aReadOnlyWindowStillExportsWithoutALogLine() throws Exception {
        Path demo = dir.resolve("demo.gpkg");
        DemoCity.write(demo);
        Path csv = dir.resolve("items.csv");
        Path pdf = dir.resolve("minutes.pdf");
        try (Workspace editing = Workspace.open(demo); Workspace second = Workspace.open(demo)) {
            assertTrue(editing.claimForEditing());
            assertFalse(second.claimForEditing(), "the second window is read-only");
            ExportFiles.data(second, ExportFiles.Data.actions(), Exports.Format.CSV, false, csv, false, Progress.NONE,
                    Cancellation.none());
            byte[] bytes = ExportFiles.minutes(second, 1, false, false, (run, view) -> null, Progress.NONE,
                    Cancellation.none());
            ExportFiles.saveMinutes(second, 1, false, false, bytes, pdf, false);

            ExportFiles.data(editing, ExportFiles.Data.matrix(), Exports.Format.CSV, false, dir.resolve("m.csv"), false,
                    Progress.NONE, Cancellation.none());
        }
        assertTrue(Files.size(csv) > 100, "the action items were written");
        assertTrue(Files.size(pdf) > 10_000, "the minutes were written");
        assertEquals(List.of("the place × program matrix as CSV, to m.csv"),
                exports(demo).stream().map(Workspace.AuditEntry::detail).toList(), "only the editing window logs");
    }

    @Test
    void aCancelledExportWritesAndLogsNothing() throws Exception {
        Path demo = dir.resolve("demo.gpkg");
        DemoCity.write(demo);
        Cancellation cancel = new Cancellation();
        cancel.cancel();
        Path csv = dir.resolve("stops.csv");
        try (Workspace ws = Workspace.open(demo)) {
            org.junit.jupiter.api.Assertions.assertThrows(org.pscdesk.work.CancelledException.class, () ->
                    ExportFiles.data(ws, ExportFiles.Data.layer("bus_stops"), Exports.Format.CSV, false, csv, false,
                            Progress.NONE, cancel));
        }
        assertFalse(Files.exists(csv));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().contains(".tmp-")).toList(),
                    "no temporary file left");
        }
        assertEquals(List.of(), exports(demo));
    }
}
