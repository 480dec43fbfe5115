package org.pscdesk.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pscdesk render WS --run NAME --view V [--projector] [--size WxH] --png OUT.png}: a run's map, headless. */
@Command(name = "render", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Draw a saved run's map to a PNG, with no display needed.",
                "The console map, or with --projector the wall scene with its title, legend and data note",
                "(aggregates only, through the privacy filter)."},
        footer = {"", "Example: pscdesk render demo.gpkg --run may --view risk --projector --png risk.png",
                "", "Exit codes: 0 written, 2 usage error, 3 unknown run or unreadable workspace."})
final class RenderCommand implements Callable<Integer> {

    private static final Pattern SIZE = Pattern.compile("(\\d{2,5})x(\\d{2,5})");

    @Spec
    CommandSpec spec;

    @ParentCommand
    PscDeskCommand parent;

    @Parameters(index = "0", paramLabel = "WS", description = "Workspace file (.gpkg).")
    Path workspace;

    @Option(names = "--run", required = true, paramLabel = "NAME", description = "A run saved with pscdesk rtm --save NAME.")
    String run;

    @Option(names = "--view", defaultValue = "risk", paramLabel = "risk|hotspots|priority|places",
            description = "What to draw (default ${DEFAULT-VALUE}).")
    String view;

    @Option(names = "--projector", description = "Draw the projector scene: large type, legend, title and data note.")
    boolean projector;

    @Option(names = "--size", defaultValue = "1920x1080", paramLabel = "WxH", description = "Image size (default ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--png", required = true, paramLabel = "OUT.png", description = "The PNG file to write.")
    Path png;

    @Override
    public Integer call() {
        String v = view.toLowerCase(Locale.ROOT);
        if (!v.equals("risk") && !v.equals("hotspots") && !v.equals("priority") && !v.equals("places")) {
            throw new CliException(ExitCodes.USAGE, "--view is risk, hotspots, priority or places, not '" + view + "'.");
        }
        Matcher m = SIZE.matcher(size.trim());
        if (!m.matches()) {
            throw new CliException(ExitCodes.USAGE, "--size is WIDTHxHEIGHT in pixels, e.g. 1920x1080, not '" + size + "'.");
        }
        int w = Integer.parseInt(m.group(1));
        int h = Integer.parseInt(m.group(2));
        if (w < 320 || h < 240 || w > 8192 || h > 8192) {
            throw new CliException(ExitCodes.USAGE, "--size must be between 320x240 and 8192x8192, not " + size + ".");
        }
        String done;
        try {
            done = parent.sceneRenderer().render(workspace, run, v, projector, w, h, png);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.BAD_INPUT, e.getMessage(), e);
        }
        spec.commandLine().getOut().println(done);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
