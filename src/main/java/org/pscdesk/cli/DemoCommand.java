package org.pscdesk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.pscdesk.demo.DemoCity;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pscdesk demo OUT.gpkg}: writes the demo city workspace. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Write the demo workspace: a synthetic city with a planted risk model (docs/demo-city.md).",
        footer = {"", "Example: pscdesk demo demo.gpkg && pscdesk layers demo.gpkg"})
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OUT.gpkg", description = "Workspace file to write.")
    Path file;

    @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE}); the same seed gives the same city.")
    long seed = DemoCity.DEFAULT_SEED;

    @Option(names = "--force", description = "Replace the file if it exists.")
    boolean force;

    @Override
    public Integer call() {
        OutputFile.write(file, force, temp -> DemoCity.write(temp, seed));
        spec.commandLine().getOut().println("Wrote the demo workspace to " + file.toAbsolutePath());
        return ExitCodes.OK;
    }
}
