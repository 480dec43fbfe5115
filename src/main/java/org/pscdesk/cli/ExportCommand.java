package org.pscdesk.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.pscdesk.report.Exports;
import org.pscdesk.store.Workspace;
import org.pscdesk.store.WorkspaceException;

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
                "spreadsheets). --public passes a run through the privacy filter and refuses incident layers."},
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
        if ((what.actions || what.matrix) && f != Exports.Format.CSV) {
            throw new CliException(ExitCodes.USAGE, (what.actions ? "--actions" : "--matrix") + " is a table: use"
                    + " --format csv.");
        }
        try (Workspace ws = Workspace.open(workspace)) {
            OutputFile.write(out, force, temp -> {
                try {
                    if (what.run != null) {
                        Exports.run(ws, what.run, f, publicVersion, temp);
                    } else if (what.place != null) {
                        Exports.place(ws, what.place, f, temp);
                    } else if (what.layer != null) {
                        Exports.layer(ws, what.layer, f, publicVersion, temp);
                    } else if (what.actions) {
                        Exports.actions(ws, temp);
                    } else {
                        Exports.matrix(ws, temp);
                    }
                } catch (IOException e) {
                    throw new WorkspaceException(WorkspaceException.Reason.IO, temp, "Could not write " + out + ": "
                            + e.getMessage(), e);
                } catch (IllegalArgumentException e) {
                    throw new WorkspaceException(WorkspaceException.Reason.BAD_INPUT, temp, e.getMessage() + ".", e);
                }
            });
        } catch (WorkspaceException e) {
            throw WorkspaceErrors.toCli(e);
        }
        spec.commandLine().getOut().println("Wrote " + out);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
