package org.pscdesk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.pscdesk.report.ExportFiles;
import org.pscdesk.report.Exports;
import org.pscdesk.store.Workspace;
import org.pscdesk.store.WorkspaceException;
import org.pscdesk.work.Cancellation;
import org.pscdesk.work.CancelledException;
import org.pscdesk.work.Progress;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pscdesk export WS (--run NAME | --place ID | --layer NAME | --actions | --matrix) --format F --out FILE}. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Export a run, a place, a layer, the action items or the program matrix.",
                "As GeoPackage (QGIS opens it), GeoJSON (WGS 84 lon/lat) or CSV (UTF-8 with BOM, safe for",
                "spreadsheets). --public passes a run through the privacy filter and refuses incident layers.",
                "The export is recorded in the workspace's audit log (the file's name, not its folder)."},
        footer = {"", "Example: pscdesk export demo.gpkg --run may --format geojson --out may.geojson --public",
                "", "Exit codes: 0 written, 2 usage error, 3 unknown run/place/layer, refused, or OUT exists without --force."})
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WS", description = "Workspace file (.gpkg).")
    Path workspace;

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    static final class What {
        @Option(names = "--run", paramLabel = "NAME", description = "A saved run's cells.")
        String run;

        @Option(names = "--place", paramLabel = "ID", description = "A place of the registry, with its rankings.")
        Long place;

        @Option(names = "--layer", paramLabel = "NAME", description = "A layer of the workspace.")
        String layer;

        @Option(names = "--actions", description = "Every action item (CSV).")
        boolean actions;

        @Option(names = "--matrix", description = "The place x program matrix of commitments (CSV).")
        boolean matrix;

        ExportFiles.Data data() {
            if (run != null) {
                return ExportFiles.Data.run(run);
            } else if (place != null) {
                return ExportFiles.Data.place(place);
            } else if (layer != null) {
                return ExportFiles.Data.layer(layer);
            }
            return actions ? ExportFiles.Data.actions() : ExportFiles.Data.matrix();
        }
    }

    @Option(names = "--format", required = true, paramLabel = "gpkg|geojson|csv", description = "File format.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write.")
    Path out;

    @Option(names = "--public", description = "For the public: aggregated cells only, no incident layer.")
    boolean publicVersion;

    @Option(names = "--force", description = "Replace FILE if it exists.")
    boolean force;

    @Override
    public Integer call() {
        Exports.Format f;
        try {
            f = Exports.Format.parse(format);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage() + ".");
        }
        ExportFiles.Data data = what.data();
        String problem = data.formatProblem(f);
        if (problem != null) {
            throw new CliException(ExitCodes.USAGE, problem);
        }
        try (Workspace ws = Workspace.open(workspace)) {
            ExportFiles.data(ws, data, f, publicVersion, out, force, Progress.NONE, Cancellation.none());
        } catch (WorkspaceException e) {
            throw OutputFile.toCli(e);
        } catch (CancelledException e) {
            throw new IllegalStateException("nothing cancels the command line", e);
        }
        spec.commandLine().getOut().println("Wrote " + out);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
