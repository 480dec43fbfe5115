package org.pscdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.pscdesk.store.LayerInfo;
import org.pscdesk.store.Workspace;
import org.pscdesk.store.WorkspaceException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pscdesk layers WS.gpkg [--json]}: lists a workspace's layers. */
@Command(name = "layers", mixinStandardHelpOptions = true,
        description = "List the layers of a workspace: name, role, geometry, feature count and CRS.",
        footer = {"", "Example: pscdesk layers demo.gpkg --json"})
final class LayersCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WS.gpkg", description = "Workspace file.")
    Path file;

    @Option(names = "--json", description = "Print a JSON array of {name, role, geometry, count, srs, title}; nothing else on stdout.")
    boolean json;

    @Option(names = "--adopt", description = "Accept a GeoPackage from another tool, adding PSC Desk's tables to it.")
    boolean adopt;

    @Override
    public Integer call() {
        List<LayerInfo> layers;
        try (Workspace ws = Workspace.open(file, adopt)) {
            layers = ws.layers();
        } catch (WorkspaceException e) {
            throw WorkspaceErrors.toCli(e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            StringWriter text = new StringWriter();
            try (JsonGenerator g = new JsonFactory().createGenerator(text)) {
                g.useDefaultPrettyPrinter();
                g.writeStartArray();
                for (LayerInfo l : layers) {
                    g.writeStartObject();
                    g.writeStringField("name", l.name());
                    g.writeStringField("role", l.role().key());
                    g.writeStringField("geometry", l.geometryType().ogcName());
                    g.writeNumberField("count", l.count());
                    g.writeStringField("srs", l.srs());
                    g.writeStringField("title", l.title());
                    g.writeEndObject();
                }
                g.writeEndArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.println(text);
        } else {
            out.printf(Locale.ROOT, "%-22s %-10s %-16s %9s  %-12s %s%n", "NAME", "ROLE", "GEOMETRY", "COUNT", "SRS", "TITLE");
            for (LayerInfo l : layers) {
                out.printf(Locale.ROOT, "%-22s %-10s %-16s %9d  %-12s %s%n", l.name(), l.role().key(),
                        l.geometryType().ogcName(), l.count(), l.srs(), l.title());
            }
            if (layers.isEmpty()) {
                out.println("(no layers yet)");
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
