package org.pscdesk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.pscdesk.geo.Crs;
import org.pscdesk.store.Workspace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pscdesk new WS.gpkg [--crs CODE]}: creates an empty workspace. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Create an empty workspace (a GeoPackage file).",
        footer = {"", "Example: pscdesk new stl.gpkg --crs ESRI:102696"})
final class NewCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WS.gpkg", description = "Workspace file to create.")
    Path file;

    @Option(names = "--crs", paramLabel = "CODE",
            description = "Working CRS, projected, e.g. EPSG:26915 or ESRI:102696. Default: set by the first import.")
    String crs;

    @Option(names = "--force", description = "Replace the file if it exists.")
    boolean force;

    @Override
    public Integer call() {
        Crs working = null;
        if (crs != null) {
            try {
                working = Crs.of(crs);
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCodes.USAGE, e.getMessage());
            }
            if (working.isGeographic()) {
                throw new CliException(ExitCodes.USAGE, working.id() + " is longitude/latitude; the working CRS"
                        + " must be projected (metres or feet), e.g. the UTM zone of the area such as EPSG:26915.");
            }
        }
        Crs finalCrs = working;
        OutputFile.write(file, force, temp -> Workspace.create(temp, finalCrs).close());
        spec.commandLine().getOut().println("Created " + file.toAbsolutePath()
                + (finalCrs == null ? " (working CRS set by the first import)" : " in " + finalCrs));
        return ExitCodes.OK;
    }
}
