package org.pscdesk.cli;

import java.io.PrintWriter;

import org.pscdesk.store.Version;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code pscdesk} command: the app with no arguments or {@code gui}, otherwise a CLI command. */
@Command(name = "pscdesk",
        mixinStandardHelpOptions = true,
        versionProvider = PscDeskCommand.VersionProvider.class,
        description = "PSC Desk: Risk Terrain Modeling and meeting records for a Public Safety Collaborative.",
        footer = {"", "Exit codes: 0 success, 1 unexpected failure, 2 usage error, 3 bad input."},
        subcommands = {GuiCommand.class, NewCommand.class, DemoCommand.class, LayersCommand.class, ImportCommand.class, RtmCommand.class,
                RenderCommand.class, MeetingsCommand.class, MeetingCommand.class, MinutesCommand.class, ExportCommand.class,
                CommandLine.HelpCommand.class})
public final class PscDeskCommand implements Runnable {

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean debug;

    private final GuiStarter guiStarter;
    private final SceneRenderer sceneRenderer;

    public PscDeskCommand(GuiStarter guiStarter, SceneRenderer sceneRenderer) {
        this.guiStarter = guiStarter;
        this.sceneRenderer = sceneRenderer;
    }

    SceneRenderer sceneRenderer() {
        return sceneRenderer;
    }

    GuiStarter guiStarter() {
        return guiStarter;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "Name a command, for example 'pscdesk layers WS.gpkg'.");
    }

    /**
     * Runs the command line and returns the exit code. Errors the user can fix print one sentence to stderr;
     * stack traces only with {@code --debug}.
     */
    public static int execute(GuiStarter guiStarter, PrintWriter out, PrintWriter err, String... args) {
        return execute(guiStarter, (ws, run, view, projector, w, h, png) -> {
            throw new IllegalStateException("this build cannot draw maps");
        }, out, err, args);
    }

    /** As {@link #execute(GuiStarter, PrintWriter, PrintWriter, String...)}, with the map renderer of the app. */
    public static int execute(GuiStarter guiStarter, SceneRenderer sceneRenderer, PrintWriter out, PrintWriter err,
                              String... args) {
        PscDeskCommand root = new PscDeskCommand(guiStarter, sceneRenderer);
        CommandLine cli = new CommandLine(root);
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, arguments) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println(ex.getMessage());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
            cmd.getErr().flush();
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            boolean debug = parseResult.hasMatchedOption("--debug") || root.debug;
            int code;
            String message;
            if (ex instanceof CliException ce) {
                code = ce.exitCode();
                message = ce.getMessage();
            } else {
                code = ExitCodes.FAILURE;
                message = "Unexpected error: " + ex + ". Run again with --debug and report the output.";
            }
            cmd.getErr().println(message);
            if (debug) {
                ex.printStackTrace(cmd.getErr());
            }
            cmd.getErr().flush();
            return code;
        });
        return cli.execute(args);
    }

    /** Version from the jar manifest. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"PSC Desk " + Version.get()};
        }
    }
}
