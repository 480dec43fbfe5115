package org.pscdesk.analysis;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.pscdesk.geo.Grid;
import org.pscdesk.geo.StudyMask;
import org.pscdesk.rtm.model.Coefficient;
import org.pscdesk.store.Feature;
import org.pscdesk.store.FieldDef;
import org.pscdesk.store.FieldType;
import org.pscdesk.store.GeometryType;
import org.pscdesk.store.LayerInfo;
import org.pscdesk.store.LayerRole;
import org.pscdesk.store.NewLayer;
import org.pscdesk.store.Provenance;
import org.pscdesk.store.RunRepository;
import org.pscdesk.store.SavedRun;
import org.pscdesk.store.Version;
import org.pscdesk.store.Workspace;
import org.pscdesk.store.WorkspaceException;

/**
 * Keeps a workspace run in the workspace (issue 5 item 6): its parameters, the fingerprints of its input layers,
 * the software version, the JSON result and a per-cell layer {@code run_<name>_cells} that QGIS opens (cell
 * polygons with {@code cell_id, row, col, count}, each selected variable, {@code rrs, class, quadrant}).
 */
public final class SavedRuns {

    private SavedRuns() {
    }

    /**
     * Saves a run under a name, replacing an earlier run of that name.
     *
     * @param resultJson the result as {@link RtmJson#write} gave it to the user
     * @return true when an earlier run of that name was replaced
     */
    public static boolean save(Workspace ws, String name, RtmSetup setup, RtmOptions options, RtmResult result,
                               String resultJson) throws WorkspaceException {
        CellTable table = result.table();
        if (table == null) {
            throw new IllegalArgumentException("only a workspace run has cells to save");
        }
        RunRepository runs = new RunRepository(ws);
        String layer = RunRepository.cellsLayerFor(name);
        String crs = ws.crs().map(c -> c.id()).orElse(null);
        String now = ws.now().truncatedTo(ChronoUnit.SECONDS).toString(); // the workspace clock: a demo is reproducible
        SavedRun run = new SavedRun(name, now, Version.get(), parameters(setup, options, table, crs),
                inputs(ws, runs, table.inputs()), resultJson, layer);
        List<Coefficient> terms = result.selection().chosen().fit().terms();
        List<FieldDef> fields = new ArrayList<>(List.of(new FieldDef("cell_id", FieldType.INTEGER),
                new FieldDef("row", FieldType.INTEGER), new FieldDef("col", FieldType.INTEGER),
                new FieldDef("count", FieldType.INTEGER)));
        for (Coefficient c : terms) {
            fields.add(new FieldDef(c.name(), FieldType.INTEGER));
        }
        fields.addAll(List.of(new FieldDef("rrs", FieldType.REAL), new FieldDef("class", FieldType.INTEGER),
                new FieldDef("quadrant", FieldType.INTEGER)));
        NewLayer spec = new NewLayer(layer, "RTM run " + name + ": cells", LayerRole.RESULT, GeometryType.POLYGON,
                fields, Provenance.generated("pscdesk rtm --save " + name, crs, now));
        return runs.save(run, spec, () -> cells(result, terms));
    }

    private static java.util.Iterator<Feature> cells(RtmResult r, List<Coefficient> terms) {
        StudyMask mask = r.table().mask();
        Grid grid = mask.grid();
        GeometryFactory gf = new GeometryFactory();
        int[] y = r.design().y();
        double[][] columns = new double[terms.size()][];
        for (int t = 0; t < columns.length; t++) {
            columns[t] = r.design().column(terms.get(t).variable());
        }
        return new java.util.Iterator<>() {
            int k;

            @Override
            public boolean hasNext() {
                return k < mask.size();
            }

            @Override
            public Feature next() {
                int cell = mask.cell(k);
                int row = grid.row(cell);
                int col = grid.col(cell);
                double x0 = grid.edgeX(col);
                double y0 = grid.edgeY(row);
                double s = grid.cellSize();
                var ring = gf.createPolygon(new Coordinate[] {new Coordinate(x0, y0), new Coordinate(x0 + s, y0),
                        new Coordinate(x0 + s, y0 + s), new Coordinate(x0, y0 + s), new Coordinate(x0, y0)});
                List<Object> values = new ArrayList<>(7 + columns.length);
                values.add((long) cell);
                values.add((long) row);
                values.add((long) col);
                values.add((long) y[k]);
                for (double[] column : columns) {
                    values.add((long) column[k]);
                }
                values.add(r.risk().rrs()[k]);
                values.add((long) r.classes()[k]);
                values.add((long) r.quadrants()[k]);
                k++;
                return new Feature(ring, values);
            }
        };
    }

    private static String parameters(RtmSetup setup, RtmOptions options, CellTable table, String crs) {
        return json(g -> {
            g.writeStringField("outcome", table.inputs().outcome());
            g.writeStringField("area", table.inputs().area());
            g.writeArrayFieldStart("factors");
            for (int i = 0; i < setup.factors().size(); i++) {
                g.writeStartObject();
                g.writeStringField("layer", table.inputs().factors().get(i));
                g.writeStringField("operationalization", setup.factors().get(i).operationalization().label());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("working_crs", crs);
            g.writeNumberField("block_length", table.blockLength());
            g.writeBooleanField("block_length_defaulted", table.blockLengthDefaulted());
            g.writeNumberField("cell_size", table.mask().grid().cellSize());
            g.writeNumberField("max_blocks", setup.maxBlocks());
            g.writeStringField("increment", setup.increment().label());
            g.writeStringField("membership", setup.membership().name().toLowerCase(java.util.Locale.ROOT));
            g.writeStringField("test_from", setup.testFrom() == null ? null : setup.testFrom().toString());
            g.writeStringField("screen", options.screen() ? "elastic-net" : "none");
            g.writeNumberField("alpha", options.alpha());
            g.writeNumberField("folds", options.folds());
            g.writeStringField("lambda", options.lambdaRule().label());
            g.writeStringField("select", options.select() ? "stepwise-bic" : "none");
            g.writeStringField("family", options.family().label());
            g.writeBooleanField("one_per_factor", options.onePerFactor());
        });
    }

    private static String inputs(Workspace ws, RunRepository runs, CellTable.Inputs inputs)
            throws WorkspaceException {
        List<String[]> layers = new ArrayList<>();
        layers.add(new String[] {inputs.outcome(), "outcome"});
        layers.add(new String[] {inputs.area(), "area"});
        for (String f : inputs.factors()) {
            layers.add(new String[] {f, "factor"});
        }
        List<Object[]> rows = new ArrayList<>();
        for (String[] l : layers) {
            LayerInfo info = ws.layer(l[0]).orElseThrow();
            rows.add(new Object[] {l[0], l[1], info.count(), runs.fingerprint(l[0]),
                    info.provenance() == null ? null : info.provenance().sha256()});
        }
        return json(g -> {
            g.writeArrayFieldStart("layers");
            for (Object[] row : rows) {
                g.writeStartObject();
                g.writeStringField("layer", (String) row[0]);
                g.writeStringField("role", (String) row[1]);
                g.writeNumberField("features", (Long) row[2]);
                g.writeStringField("content_sha256", (String) row[3]);
                g.writeStringField("source_sha256", (String) row[4]);
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    private interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    private static String json(Fields fields) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
