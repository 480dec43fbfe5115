package org.pscdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.pscdesk.store.MeetingRecords;
import org.pscdesk.store.Workspace;
import org.pscdesk.store.WorkspaceException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pscdesk meeting WS --id ID --json}: one meeting's whole record. */
@Command(name = "meeting", mixinStandardHelpOptions = true,
        description = {"Print one meeting's whole record as JSON.",
                "Attendance by organization, the ACTION agenda notes, ranked places with narratives and facts,",
                "decisions, program commitments, map views and action items."},
        footer = {"", "Example: pscdesk meeting demo.gpkg --id 1 --json",
                "", "Exit codes: 0 printed, 2 usage error, 3 no such meeting or workspace."})
final class MeetingCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WS.gpkg", description = "Workspace file.")
    Path file;

    @Option(names = "--id", required = true, paramLabel = "ID", description = "The meeting's id (pscdesk meetings lists them).")
    long id;

    @Option(names = "--json", description = "Print the record as JSON (the default; stdout holds only JSON).")
    boolean json;

    @Override
    public Integer call() {
        String record;
        try (Workspace ws = Workspace.open(file)) {
            record = new MeetingRecords(ws).json(id).orElseThrow(() -> new CliException(ExitCodes.BAD_INPUT,
                    "There is no meeting " + id + " in " + file.getFileName() + "; 'pscdesk meetings "
                            + file.getFileName() + "' lists them."));
        } catch (WorkspaceException e) {
            throw WorkspaceErrors.toCli(e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(record);
        out.flush();
        return ExitCodes.OK;
    }
}
