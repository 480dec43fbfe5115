package org.pscdesk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code pscdesk gui [WORKSPACE]}: opens the desktop app (also what no arguments do). */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = "Open the desktop app on a workspace (default: the last one; the demo on first start).")
final class GuiCommand implements Callable<Integer> {

    @ParentCommand
    PscDeskCommand parent;

    @Parameters(arity = "0..1", paramLabel = "WORKSPACE", description = "Workspace file (.gpkg) to open.")
    Path workspace;

    @Option(names = "--smoke-test", description = "Open, draw the map, print the time to stderr and quit (exit 0).")
    boolean smokeTest;

    @Option(names = "--screenshot", paramLabel = "PNG", description = "With --smoke-test: save a picture of the window.")
    Path screenshot;

    @Override
    public Integer call() {
        return parent.guiStarter().start(workspace == null ? null : workspace.toAbsolutePath(), smokeTest,
                screenshot == null ? null : screenshot.toAbsolutePath());
    }
}
