package org.pscdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.pscdesk.geo.Crs;
import org.pscdesk.importer.ImportException;
import org.pscdesk.importer.ImportReport;
import org.pscdesk.importer.ImportRequest;
import org.pscdesk.importer.ImportService;
import org.pscdesk.importer.ReadOptions;
import org.pscdesk.store.LayerRole;
import org.pscdesk.store.LayerWrite;
import org.pscdesk.store.Workspace;
import org.pscdesk.store.WorkspaceException;
import org.pscdesk.work.CancelledException;
import org.pscdesk.work.Cancellation;
import org.pscdesk.work.Progress;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pscdesk import WS FILE... --role ROLE --name NAME ...}: imports data into a workspace layer. */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Import a file (CSV/TSV, GeoJSON, Shapefile or zip, KML/KMZ, GTFS stops.txt, GeoPackage)",
                "or the SLMPD monthly crime files into a workspace layer. Nothing is written unless the whole layer",
                "is; the report lists every row left out, with file, row, field and what to do."},
        footer = {"", "Examples:",
                "  pscdesk import stl.gpkg ../shared/data/stl/crime/slmpd_monthly --preset slmpd --role outcome --name crimes",
                "  pscdesk import stl.gpkg stops.txt --preset gtfs --role factor --name bus_stops --inside-area",
                "  pscdesk import stl.gpkg licenses.geojson --role factor --name bars --filter USER_Space_Use_Cd_=5820,7215",
                "", "Exit codes: 0 layer written (even with skipped rows), 2 usage error, 3 nothing imported or file unreadable."})
final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WS", description = "Workspace file (.gpkg).")
    Path workspace;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "File(s), a folder or a zip to import.")
    List<Path> files;

    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "outcome, factor, area or reference.")
    String role;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Layer name.")
    String name;

    @Option(names = "--crs", paramLabel = "CODE", description = "CRS of the source coordinates (EPSG:n, ESRI:n); default: from the file or preset.")
    String crs;

    @Option(names = "--x", paramLabel = "COL", description = "Column with x (easting or longitude).")
    String x;

    @Option(names = "--y", paramLabel = "COL", description = "Column with y (northing or latitude).")
    String y;

    @Option(names = "--lat", paramLabel = "COL", description = "Column with latitude.")
    String lat;

    @Option(names = "--lon", paramLabel = "COL", description = "Column with longitude.")
    String lon;

    @Option(names = "--preset", paramLabel = "PRESET", description = "slmpd (St. Louis police monthly files) or gtfs (stops.txt).")
    String preset;

    @Option(names = "--filter", paramLabel = "FIELD=V1,V2", description = "Keep rows whose FIELD is one of the values (as text; repeatable).")
    List<String> filters;

    @Option(names = "--date-from", paramLabel = "YYYY-MM-DD", description = "Keep events on or after this date.")
    String dateFrom;

    @Option(names = "--date-to", paramLabel = "YYYY-MM-DD", description = "Keep events on or before this date.")
    String dateTo;

    @Option(names = "--date-column", paramLabel = "COL", description = "Column with each event's date (outcome layers).")
    String dateColumn;

    @Option(names = "--category-column", paramLabel = "COL", description = "Column with each event's category (outcome layers).")
    String categoryColumn;

    @Option(names = "--inside-area", description = "Keep only features inside the study area (the count outside is always reported).")
    boolean insideArea;

    @Option(names = "--member", paramLabel = "NAME", description = "Which shapefile of a zip, or which layer of a GeoPackage.")
    String member;

    @Option(names = "--keep-columns", split = ",", paramLabel = "C1,C2", description = "Keep these person-data columns (dropped by default).")
    List<String> keepColumns;

    @ArgGroup(exclusive = true)
    WriteMode writeMode;

    /** --replace or --append. */
    static final class WriteMode {
        @Option(names = "--replace", description = "Replace an existing layer of the same name.")
        boolean replace;

        @Option(names = "--append", description = "Add new rows to an existing layer, skipping rows already there.")
        boolean append;
    }

    @Option(names = "--key", split = ",", paramLabel = "C1,C2", description = "With --append: columns that identify a row (the SLMPD preset has its own).")
    List<String> key;

    @Option(names = "--json", description = "Print the import report as JSON (stdout holds only the JSON).")
    boolean json;

    @Option(names = "--spatial-index", hidden = true, defaultValue = "packed",
            description = "How to build the spatial index: packed (default), row (one insert per feature, for benchmarks) or none.")
    String spatialIndex;

    @Override
    public Integer call() {
        LayerRole layerRole;
        try {
            layerRole = LayerRole.of(role);
            if (layerRole == LayerRole.RESULT) {
                throw new IllegalArgumentException("'result' layers are written by pscdesk rtm --save; import as"
                        + " outcome, factor, area or reference");
            }
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
        Crs sourceCrs = null;
        if (crs != null) {
            try {
                sourceCrs = Crs.of(crs);
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCodes.USAGE, e.getMessage());
            }
        }
        if ((x == null) != (y == null) || (lat == null) != (lon == null)) {
            throw new CliException(ExitCodes.USAGE, "Give both --x and --y, or both --lat and --lon.");
        }
        Map<String, Set<String>> filterMap = new LinkedHashMap<>();
        for (String f : filters == null ? List.<String>of() : filters) {
            int eq = f.indexOf('=');
            if (eq <= 0 || eq == f.length() - 1) {
                throw new CliException(ExitCodes.USAGE, "Write a filter as FIELD=V1,V2 (got '" + f + "').");
            }
            filterMap.computeIfAbsent(f.substring(0, eq).trim(), k -> new HashSet<>())
                    .addAll(List.of(f.substring(eq + 1).split(",")));
        }
        ImportRequest.Mode mode = writeMode == null ? ImportRequest.Mode.CREATE
                : writeMode.append ? ImportRequest.Mode.APPEND : ImportRequest.Mode.REPLACE;
        ImportRequest request;
        try {
            request = new ImportRequest(files.stream().map(Path::toAbsolutePath).toList(), layerRole, name,
                    new ReadOptions(sourceCrs, x, y, lat, lon, member, null), preset, filterMap, date(dateFrom, "--date-from"),
                    date(dateTo, "--date-to"), dateColumn, categoryColumn, insideArea,
                    keepColumns == null ? Set.of() : Set.copyOf(keepColumns), mode, key);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Workspace ws = Workspace.open(workspace)) {
            Progress progress = json ? Progress.NONE : new StderrProgress(err);
            ImportReport report = new ImportService(ws, index(spatialIndex)).run(request, progress, Cancellation.none());
            print(out, report);
            return ExitCodes.OK;
        } catch (WorkspaceException e) {
            throw WorkspaceErrors.toCli(e);
        } catch (ImportException e) {
            if (json && e.report() != null) {
                out.println(e.report().toJson());
                out.flush();
            }
            throw new CliException(ExitCodes.BAD_INPUT, e.getMessage() + " The workspace was not changed.", e);
        } catch (CancelledException e) {
            throw new CliException(ExitCodes.FAILURE, e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
        }
    }

    private void print(PrintWriter out, ImportReport report) {
        if (json) {
            out.println(report.toJson());
        } else {
            out.printf(Locale.ROOT, "Layer %s: %,d read, %,d imported, %,d skipped%n", report.layer(), report.read(),
                    report.imported(), report.skippedTotal());
            report.skipped().forEach((k, v) -> out.printf(Locale.ROOT, "  skipped %-22s %,d%n", k, v));
            if (report.outsideArea() >= 0) {
                out.printf(Locale.ROOT, "  outside the study area   %,d%s%n", report.outsideArea(),
                        insideArea ? " (left out)" : " (imported)");
            }
            if (report.cancelled() > 0) {
                out.printf(Locale.ROOT, "  cancelled (both rows)    %,d%n", report.cancelled());
            }
            if (report.repaired() > 0) {
                out.printf(Locale.ROOT, "  polygons repaired        %,d%n", report.repaired());
            }
            if (!report.droppedColumns().isEmpty()) {
                out.println("  personal columns not imported: " + String.join(", ", report.droppedColumns()));
            }
            out.println("  " + report.sourceCrs() + " -> " + report.workingCrs());
            int shown = 0;
            for (var p : report.problems()) {
                if (shown++ == 20) {
                    out.println("  ... " + (report.problems().size() - 20) + " more problems (use --json for all)");
                    break;
                }
                out.println("  " + p);
            }
        }
        out.flush();
    }

    private static LayerWrite.Index index(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "packed" -> LayerWrite.Index.PACKED;
            case "row" -> LayerWrite.Index.ROW_BY_ROW;
            case "none" -> LayerWrite.Index.NONE;
            default -> throw new CliException(ExitCodes.USAGE, "--spatial-index is packed, row or none.");
        };
    }

    private static LocalDate date(String text, String option) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " must be a date like 2018-01-31, not '" + text + "'.");
        }
    }
}
