package org.pscdesk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.pscdesk.report.ExportFiles;
import org.pscdesk.report.MinutesPdf;
import org.pscdesk.store.Workspace;
import org.pscdesk.store.WorkspaceException;
import org.pscdesk.work.Cancellation;
import org.pscdesk.work.CancelledException;
import org.pscdesk.work.Progress;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pscdesk minutes WS --meeting ID --pdf OUT.pdf [--public] [--force]}: a meeting's minutes as PDF. */
@Command(name = "minutes", mixinStandardHelpOptions = true,
        description = {"Write a meeting's minutes as PDF.",
                "Attendance by organization, the ACTION agenda, the maps shown, ranked places, decisions,",
                "commitments, action items and a data note. A meeting not yet finalized is marked DRAFT.",
                "The export is recorded in the workspace's audit log (the file's name, not its folder)."},
        footer = {"", "Example: pscdesk minutes demo.gpkg --meeting 1 --pdf minutes.pdf --public",
                "", "Exit codes: 0 written, 2 usage error, 3 no such meeting or workspace, or OUT exists without --force."})
final class MinutesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WS", description = "Workspace file (.gpkg).")
    Path workspace;

    @Option(names = "--meeting", required = true, paramLabel = "ID", description = "The meeting (pscdesk meetings lists them).")
    long meeting;

    @Option(names = "--pdf", required = true, paramLabel = "OUT.pdf", description = "The PDF file to write.")
    Path pdf;

    @Option(names = "--public", description = "The community's version: organizations only.")
    boolean publicVersion;

    @Option(names = "--pdfa", description = "PDF/A-1b for archiving (validated with PDFBox preflight in the tests).")
    boolean pdfa;

    @Option(names = "--force", description = "Replace OUT.pdf if it exists.")
    boolean force;

    @picocli.CommandLine.ParentCommand
    PscDeskCommand parent;

    @Override
    public Integer call() {
        try (Workspace ws = Workspace.open(workspace)) {
            OutputFile.check(pdf, force); // before the maps are drawn
            byte[] bytes;
            // the kept map views are drawn ahead on a background thread, sharing one load of the map data
            try (MapPrefetch maps = new MapPrefetch(parent.sceneRenderer(), workspace,
                    MinutesPdf.mapViews(ws, meeting))) {
                bytes = ExportFiles.minutes(ws, meeting, publicVersion, pdfa, maps, Progress.NONE,
                        Cancellation.none());
            }
            ExportFiles.saveMinutes(ws, meeting, publicVersion, pdfa, bytes, pdf, force);
        } catch (WorkspaceException e) {
            throw OutputFile.toCli(e);
        } catch (CancelledException e) {
            throw new IllegalStateException("nothing cancels the command line", e);
        }
        spec.commandLine().getOut().println("Wrote " + pdf + (publicVersion ? " (public version)" : ""));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
