package org.pscdesk.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.pscdesk.analysis.JsonTree;
import org.pscdesk.analysis.LoadedRun;
import org.pscdesk.geo.CoordinateTransform;
import org.pscdesk.geo.Crs;
import org.pscdesk.geo.Grid;
import org.pscdesk.store.Feature;
import org.pscdesk.store.FieldDef;
import org.pscdesk.store.FieldType;
import org.pscdesk.store.GeometryType;
import org.pscdesk.store.LayerInfo;
import org.pscdesk.store.LayerRole;
import org.pscdesk.store.MeetingRecords;
import org.pscdesk.store.NewLayer;
import org.pscdesk.store.Provenance;
import org.pscdesk.store.Workspace;
import org.pscdesk.store.WorkspaceException;

/**
 * Data for partners and GIS users (issue 8): a run's cells or a layer as GeoPackage (QGIS opens it),
 * GeoJSON (RFC 7946: WGS 84 longitude/latitude) or CSV; the action items and the place × program matrix as
 * CSV. CSV is UTF-8 with a byte-order mark (spreadsheets read accents) and safe against formula injection:
 * a text cell starting with {@code = + - @}, a tab or a carriage return gets a leading apostrophe; numbers stay
 * numbers. Public exports of a run pass the {@link PrivacyFilter}; incident layers are never exported publicly.
 */
public final class Exports {

    /** The file formats. */
    public enum Format {
        GPKG, GEOJSON, CSV;

        public static Format parse(String s) {
            for (Format f : values()) {
                if (f.name().equalsIgnoreCase(s.trim())) {
                    return f;
                }
            }
            throw new IllegalArgumentException("--format is gpkg, geojson or csv, not '" + s + "'");
        }
    }

    /** A table to write: field definitions and rows of geometry (may be null) and values. */
    private record Table(String name, String title, LayerRole role, GeometryType type, Crs crs, List<FieldDef> fields,
                         List<Feature> rows) {
    }

    private Exports() {
    }

    /** A saved run's cells; the public version carries classes, quadrants, scores and suppressed counts only. */
    public static void run(Workspace ws, String runName, Format format, boolean publicVersion, Path target)
            throws WorkspaceException, IOException {
        LoadedRun run = LoadedRun.load(ws, runName).orElseThrow(() -> new WorkspaceException(
                WorkspaceException.Reason.BAD_INPUT, ws.file(), "There is no run '" + runName + "' in "
                        + ws.file().getFileName() + "; save one with pscdesk rtm ... --save " + runName + "."));
        Crs crs = ws.crs().orElseThrow();
        Grid grid = run.grid();
        GeometryFactory gf = new GeometryFactory();
        List<FieldDef> fields = new ArrayList<>(List.of(new FieldDef("cell_id", FieldType.INTEGER),
                new FieldDef("class", FieldType.INTEGER), new FieldDef("quadrant", FieldType.INTEGER),
                new FieldDef("rrs", FieldType.REAL)));
        List<Feature> rows = new ArrayList<>();
        if (publicVersion) {
            PublicRun pub = new PrivacyFilter().publicRun(ws, run);
            fields.add(new FieldDef("events", FieldType.INTEGER));
            fields.add(new FieldDef("events_text", FieldType.TEXT));
            for (int k = 0; k < pub.cells().length; k++) {
                int cell = pub.cells()[k];
                Integer events = pub.counts()[k] == PublicRun.SUPPRESSED ? null : pub.counts()[k];
                rows.add(new Feature(square(gf, grid, cell), java.util.Arrays.asList((long) cell,
                        (long) pub.classes()[k], (long) pub.quadrants()[k], pub.rrs()[k],
                        events == null ? null : (long) (int) events, pub.countText(k))));
            }
        } else {
            fields.add(new FieldDef("count", FieldType.INTEGER));
            for (String term : run.termValues().keySet()) {
                fields.add(new FieldDef(term, FieldType.INTEGER));
            }
            for (int k = 0; k < run.cells().length; k++) {
                int cell = run.cells()[k];
                List<Object> values = new ArrayList<>(List.of((long) cell, (long) run.classes()[k],
                        (long) run.quadrants()[k], run.rrs()[k], (long) run.counts()[k]));
                for (int[] column : run.termValues().values()) {
                    values.add((long) column[k]);
                }
                rows.add(new Feature(square(gf, grid, cell), values));
            }
        }
        write(new Table("run_" + runName.toLowerCase(Locale.ROOT).replace('-', '_') + "_cells", "RTM run " + runName
                + (publicVersion ? " (public)" : ""), LayerRole.RESULT, GeometryType.POLYGON, crs, fields, rows),
                format, target);
    }

    /** A layer as it is stored; never an incident layer in a public export. */
    public static void layer(Workspace ws, String layerName, Format format, boolean publicVersion, Path target)
            throws WorkspaceException, IOException {
        LayerInfo info = ws.layer(layerName).orElseThrow(() -> new WorkspaceException(
                WorkspaceException.Reason.BAD_INPUT, ws.file(), "There is no layer '" + layerName + "' in "
                        + ws.file().getFileName() + "; 'pscdesk layers' lists them."));
        if (publicVersion && info.role() == LayerRole.OUTCOME) {
            throw new WorkspaceException(WorkspaceException.Reason.BAD_INPUT, ws.file(), "'" + layerName + "' holds"
                    + " incidents, which are never exported for the public; export a run (cells) instead.");
        }
        write(new Table(info.name(), info.title(), info.role(), info.geometryType(), Crs.of(info.srs()),
                info.fields(), ws.features(info.name())), format, target);
    }

    /**
     * A place of the registry with the meetings that ranked it (rank, narrative, facts). Places do not have a
     * drawn shape yet, so the geometry is null: CSV or GeoJSON only.
     */
    public static void place(Workspace ws, long placeId, Format format, Path target)
            throws WorkspaceException, IOException {
        if (format == Format.GPKG) {
            throw new IllegalArgumentException("a place has no drawn shape yet, so it cannot be a GeoPackage layer;"
                    + " use --format csv or geojson");
        }
        List<FieldDef> fields = List.of(new FieldDef("place_id", FieldType.INTEGER), new FieldDef("label", FieldType.TEXT),
                new FieldDef("meeting_date", FieldType.TEXT), new FieldDef("rank", FieldType.INTEGER),
                new FieldDef("narrative", FieldType.TEXT), new FieldDef("facts", FieldType.TEXT));
        List<Feature> rows = new ArrayList<>();
        MeetingRecords records = new MeetingRecords(ws);
        for (MeetingRecords.Summary s : records.summaries()) {
            Map<String, Object> m = JsonTree.object(records.json(s.id()).orElseThrow());
            for (Object o : JsonTree.list(m, "places")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> p = (Map<String, Object>) o;
                if (p.get("id") instanceof Number n && n.longValue() == placeId) {
                    Object facts = p.get("facts") instanceof Map<?, ?> fm ? String.join("; ", fm.entrySet().stream()
                            .map(e -> e.getKey() + ": " + e.getValue()).toList()) : p.get("facts");
                    rows.add(new Feature(new GeometryFactory().createPoint(), java.util.Arrays.asList(placeId, JsonTree.text(p, "label"),
                            s.date().toString(), p.get("rank"), JsonTree.text(p, "narrative"),
                            facts == null ? null : facts.toString())));
                }
            }
        }
        if (rows.isEmpty()) {
            throw new WorkspaceException(WorkspaceException.Reason.BAD_INPUT, ws.file(), "No meeting ranked a place "
                    + placeId + "; 'pscdesk meeting WS --id N --json' lists the places of a meeting.");
        }
        write(new Table("place_" + placeId, "Place " + placeId, LayerRole.REFERENCE, GeometryType.GEOMETRY,
                ws.crs().orElseThrow(), fields, rows), format, target);
    }

    /** Every action item of every meeting, as CSV. */
    public static void actions(Workspace ws, Path target) throws WorkspaceException, IOException {
        List<String> header = List.of("meeting_id", "meeting_date", "id", "text", "owner_organization", "place",
                "program", "due", "status", "carried_from");
        List<List<Object>> rows = new ArrayList<>();
        MeetingRecords records = new MeetingRecords(ws);
        for (MeetingRecords.Summary s : records.summaries()) {
            Map<String, Object> m = JsonTree.object(records.json(s.id()).orElseThrow());
            Map<Object, String> places = placeLabels(m);
            for (Object o : JsonTree.list(m, "action_items")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> a = (Map<String, Object>) o;
                String place = a.get("place_id") != null ? places.get(a.get("place_id"))
                        : JsonTree.text(a, "place_label");
                rows.add(java.util.Arrays.asList(s.id(), s.date().toString(), a.get("id"), a.get("text"),
                        a.get("owner_organization"), place, a.get("program"), a.get("due"), a.get("status"),
                        a.get("carried_from")));
            }
        }
        csv(target, header, rows);
    }

    /**
     * The place × program matrix of every meeting ({@link CoordinationMatrix#forAll}): {@code place}, one column
     * per program, then {@code gap} ("no program yet" for a prioritized place without one); a risk factor no
     * program addresses follows as a row with no place and its sentence in {@code gap}.
     */
    public static void matrix(Workspace ws, Path target) throws WorkspaceException, IOException {
        CoordinationMatrix matrix = CoordinationMatrix.forAll(ws);
        List<String> header = new ArrayList<>(List.of("place"));
        header.addAll(matrix.programs());
        header.add("gap");
        List<List<Object>> rows = new ArrayList<>();
        for (CoordinationMatrix.Row r : matrix.rows()) {
            List<Object> row = new ArrayList<>(List.of(r.label()));
            for (int i = 0; i < matrix.programs().size(); i++) {
                row.add(r.cellText(i));
            }
            row.add(r.isGap() ? CoordinationMatrix.NO_PROGRAM : "");
            rows.add(row);
        }
        for (CoordinationMatrix.Factor f : matrix.factorsWithoutProgram()) {
            List<Object> row = new ArrayList<>(java.util.Collections.nCopies(header.size() - 1, ""));
            row.add(f.gapText());
            rows.add(row);
        }
        csv(target, header, rows);
    }

    private static Map<Object, String> placeLabels(Map<String, Object> meeting) {
        Map<Object, String> out = new java.util.HashMap<>();
        for (Object o : JsonTree.list(meeting, "places")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> p = (Map<String, Object>) o;
            out.put(p.get("id"), JsonTree.text(p, "label"));
        }
        return out;
    }

    private static Geometry square(GeometryFactory gf, Grid grid, int cell) {
        double x0 = grid.edgeX(grid.col(cell));
        double y0 = grid.edgeY(grid.row(cell));
        double s = grid.cellSize();
        return gf.createPolygon(new Coordinate[] {new Coordinate(x0, y0), new Coordinate(x0 + s, y0),
            new Coordinate(x0 + s, y0 + s), new Coordinate(x0, y0 + s), new Coordinate(x0, y0)});
    }

    private static void write(Table t, Format format, Path target) throws WorkspaceException, IOException {
        switch (format) {
            case GPKG -> {
                try (Workspace out = Workspace.create(target, t.crs())) {
                    out.createLayer(new NewLayer(t.name(), t.title(), t.role() == LayerRole.OUTCOME ? LayerRole.OUTCOME
                            : t.role(), t.type(), t.fields(), Provenance.generated("pscdesk export", t.crs().id(),
                            null)), t.rows());
                }
            }
            case GEOJSON -> geojson(t, target);
            case CSV -> {
                List<String> header = new ArrayList<>();
                boolean points = t.type() == GeometryType.POINT;
                if (points) {
                    header.addAll(List.of("lon", "lat"));
                } else {
                    header.addAll(List.of("centre_lon", "centre_lat"));
                }
                t.fields().forEach(f -> header.add(f.name()));
                CoordinateTransform toWgs = new CoordinateTransform(t.crs(), Crs.WGS84);
                List<List<Object>> rows = new ArrayList<>();
                for (Feature f : t.rows()) {
                    List<Object> row = new ArrayList<>();
                    if (f.geometry() == null || f.geometry().isEmpty()) {
                        row.add(null);
                        row.add(null);
                    } else {
                        Coordinate c = points ? f.geometry().getCoordinate() : f.geometry().getCentroid().getCoordinate();
                        double[] xy = {c.x, c.y};
                        toWgs.apply(xy);
                        row.add(round(xy[0]));
                        row.add(round(xy[1]));
                    }
                    row.addAll(f.values());
                    rows.add(row);
                }
                csv(target, header, rows);
            }
            default -> throw new IllegalStateException(format.toString());
        }
    }

    /** 7 decimals of a degree: about 1 cm, the precision RFC 7946 suggests is plenty. */
    private static double round(double v) {
        return Math.round(v * 1e7) / 1e7;
    }

    private static void geojson(Table t, Path target) throws IOException {
        CoordinateTransform toWgs = new CoordinateTransform(t.crs(), Crs.WGS84);
        GeoJsonWriter geometryWriter = new GeoJsonWriter(7);
        geometryWriter.setEncodeCRS(false);
        geometryWriter.setForceCCW(true); // RFC 7946 §3.1.6: exterior rings counterclockwise
        try (OutputStream os = Files.newOutputStream(target);
             JsonGenerator g = new JsonFactory().createGenerator(os)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeStringField("name", t.name());
            g.writeArrayFieldStart("features");
            for (Feature f : t.rows()) {
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeFieldName("geometry");
                if (f.geometry() == null || f.geometry().isEmpty()) {
                    g.writeNull();
                } else {
                    g.writeRawValue(geometryWriter.write(toWgs.apply(f.geometry().copy())));
                }
                g.writeObjectFieldStart("properties");
                for (int i = 0; i < t.fields().size(); i++) {
                    Object v = f.values().get(i);
                    String name = t.fields().get(i).name();
                    if (v == null) {
                        g.writeNullField(name);
                    } else if (v instanceof Number n) {
                        if (v instanceof Double || v instanceof Float) {
                            g.writeNumberField(name, n.doubleValue());
                        } else {
                            g.writeNumberField(name, n.longValue());
                        }
                    } else if (v instanceof Boolean b) {
                        g.writeBooleanField(name, b);
                    } else {
                        g.writeStringField(name, v.toString());
                    }
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /** CSV: UTF-8 with BOM, CRLF, quoted when needed, formula injection neutralized. */
    static void csv(Path target, List<String> header, List<List<Object>> rows) throws IOException {
        try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            w.write(String.join(",", header.stream().map(Exports::cell).toList()));
            w.write("\r\n");
            for (List<Object> row : rows) {
                List<String> cells = new ArrayList<>(row.size());
                for (Object v : row) {
                    cells.add(cell(v));
                }
                w.write(String.join(",", cells));
                w.write("\r\n");
            }
        }
    }

    /** One CSV cell: numbers as they are, text quoted when needed and defused when a spreadsheet would run it. */
    static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Number n) {
            return n instanceof Double d ? Double.toString(d) : n.toString();
        }
        String s = v.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s; // OWASP CSV injection: a leading apostrophe makes it text
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
