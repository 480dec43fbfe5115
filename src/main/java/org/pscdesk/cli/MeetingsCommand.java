package org.pscdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.pscdesk.store.MeetingRecords;
import org.pscdesk.store.Workspace;
import org.pscdesk.store.WorkspaceException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pscdesk meetings WS [--json]}: the meetings of a workspace, newest first. */
@Command(name = "meetings", mixinStandardHelpOptions = true,
        description = "List the meetings of a workspace, newest first: id, date, title, status.",
        footer = {"", "Example: pscdesk meetings demo.gpkg --json"})
final class MeetingsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WS.gpkg", description = "Workspace file.")
    Path file;

    @Option(names = "--json", description = "Print a JSON array of {id, date, title, status}; nothing else on stdout.")
    boolean json;

    @Override
    public Integer call() {
        List<MeetingRecords.Summary> meetings;
        try (Workspace ws = Workspace.open(file)) {
            meetings = new MeetingRecords(ws).summaries();
        } catch (WorkspaceException e) {
            throw WorkspaceErrors.toCli(e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            StringWriter text = new StringWriter();
            try (JsonGenerator g = new JsonFactory().createGenerator(text)) {
                g.useDefaultPrettyPrinter();
                g.writeStartArray();
                for (MeetingRecords.Summary m : meetings) {
                    g.writeStartObject();
                    g.writeNumberField("id", m.id());
                    g.writeStringField("date", m.date().toString());
                    g.writeStringField("title", m.title());
                    g.writeStringField("status", m.status());
                    g.writeEndObject();
                }
                g.writeEndArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.println(text);
        } else {
            out.printf(Locale.ROOT, "%4s  %-10s  %-11s  %s%n", "ID", "DATE", "STATUS", "TITLE");
            for (MeetingRecords.Summary m : meetings) {
                out.printf(Locale.ROOT, "%4d  %-10s  %-11s  %s%n", m.id(), m.date(), m.status(), m.title());
            }
            if (meetings.isEmpty()) {
                out.println("(no meetings yet)");
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
