package org.pscdesk.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Envelope;
import org.pscdesk.geo.Grid;
import org.pscdesk.store.Feature;
import org.pscdesk.store.FieldDef;
import org.pscdesk.store.LayerInfo;
import org.pscdesk.store.RunRepository;
import org.pscdesk.store.SavedRun;
import org.pscdesk.store.Workspace;
import org.pscdesk.store.WorkspaceException;

/**
 * A saved run read back from its workspace: the per-cell layer as arrays on the run's grid, and the facts of
 * its result and parameters. What the map, the projector and reports draw from; reopening a run needs no
 * model fitting.
 *
 * @param saved the stored row (JSON texts included)
 * @param grid the run's grid (rebuilt from the cell polygons; covers every in-study cell)
 * @param cells grid index of each in-study cell, in the layer's order
 * @param counts training events per cell (all events: only the privacy filter may pass counts to the public)
 * @param rrs relative risk score per cell
 * @param classes risk class code per cell (1 low .. 4 highest)
 * @param quadrants quadrant code per cell (1 priority .. 4 neither)
 * @param termValues each selected variable's 0/1 value per cell, by term name
 * @param summary the result's and parameters' facts
 */
public record LoadedRun(SavedRun saved, Grid grid, int[] cells, int[] counts, double[] rrs, int[] classes,
                        int[] quadrants, Map<String, int[]> termValues, Summary summary) {

    /** One term of the selected model. */
    public record Term(String name, String factor, String operationalization, double distance, double coefficient,
                       double rrv, double pValue) {
    }

    /**
     * @param family chosen family label
     * @param events training events in the cells
     * @param bic BIC of the chosen model
     * @param families best BIC per family fitted
     * @param terms the selected model
     * @param rrsMean mean RRS over the cells
     * @param rrsSd standard deviation of the RRS
     * @param rrsMax highest RRS
     * @param highestRiskCells cells with RRS above mean + 2 SD
     * @param validation PAI, PEI, AUC and hit rate, or empty without a test period
     * @param outcome outcome layer
     * @param area study-area layer
     * @param blockLength block length, working-CRS units
     * @param cellSize cell size, working-CRS units
     * @param workingCrs the workspace CRS id
     * @param testFrom start of the test period, or null
     */
    public record Summary(String family, long events, double bic, Map<String, Double> families, List<Term> terms,
                          double rrsMean, double rrsSd, double rrsMax, long highestRiskCells,
                          Map<String, Double> validation, String outcome, String area, double blockLength,
                          double cellSize, String workingCrs, LocalDate testFrom) {
    }

    /** Reads a saved run; empty when there is no run of that name. */
    public static java.util.Optional<LoadedRun> load(Workspace ws, String name) throws WorkspaceException {
        java.util.Optional<SavedRun> found = new RunRepository(ws).find(name);
        if (found.isEmpty()) {
            return java.util.Optional.empty();
        }
        SavedRun saved = found.get();
        Summary summary = summary(saved);
        LayerInfo layer = ws.layer(saved.cellsLayer()).orElseThrow(() -> new WorkspaceException(
                WorkspaceException.Reason.CORRUPT, ws.file(), "The cell layer of run '" + name + "' is missing."));
        Map<String, Integer> at = new HashMap<>();
        List<FieldDef> fields = layer.fields();
        for (int i = 0; i < fields.size(); i++) {
            at.put(fields.get(i).name(), i);
        }
        int n = (int) layer.count();
        int[] rows = new int[n];
        int[] cols = new int[n];
        int[] counts = new int[n];
        double[] rrs = new double[n];
        int[] classes = new int[n];
        int[] quadrants = new int[n];
        Map<String, int[]> terms = new LinkedHashMap<>();
        for (Term t : summary.terms()) {
            if (at.containsKey(t.name())) {
                terms.put(t.name(), new int[n]);
            }
        }
        double[] min = {Double.MAX_VALUE, Double.MAX_VALUE};
        int[] k = {0};
        ws.forEachFeature(layer.name(), f -> {
            int i = k[0]++;
            rows[i] = integer(f, at.get("row"));
            cols[i] = integer(f, at.get("col"));
            counts[i] = integer(f, at.get("count"));
            rrs[i] = ((Number) f.values().get(at.get("rrs"))).doubleValue();
            classes[i] = integer(f, at.get("class"));
            quadrants[i] = integer(f, at.get("quadrant"));
            for (Map.Entry<String, int[]> e : terms.entrySet()) {
                e.getValue()[i] = integer(f, at.get(e.getKey()));
            }
            Envelope env = f.geometry().getEnvelopeInternal();
            min[0] = Math.min(min[0], env.getMinX() - cols[i] * summary.cellSize());
            min[1] = Math.min(min[1], env.getMinY() - rows[i] * summary.cellSize());
        });
        int nx = 0;
        int ny = 0;
        for (int i = 0; i < n; i++) {
            nx = Math.max(nx, cols[i] + 1);
            ny = Math.max(ny, rows[i] + 1);
        }
        Grid grid = new Grid(min[0], min[1], summary.cellSize(), nx, ny);
        int[] cells = new int[n];
        for (int i = 0; i < n; i++) {
            cells[i] = grid.index(cols[i], rows[i]);
        }
        return java.util.Optional.of(new LoadedRun(saved, grid, cells, counts, rrs, classes, quadrants, terms, summary));
    }

    /** A saved run's facts without its cells (no cell layer read); empty when there is no run of that name. */
    public static java.util.Optional<Summary> summaryOf(Workspace ws, String name) throws WorkspaceException {
        return new RunRepository(ws).find(name).map(LoadedRun::summary);
    }

    private static int integer(Feature f, Integer at) {
        Object v = f.values().get(at);
        return v == null ? 0 : ((Number) v).intValue();
    }

    static Summary summary(SavedRun saved) {
        Map<String, Object> r = JsonTree.object(saved.resultJson());
        Map<String, Object> p = JsonTree.object(saved.parametersJson());
        Map<String, Double> families = new LinkedHashMap<>();
        Map<String, Object> fam = JsonTree.child(r, "families");
        if (fam != null) {
            fam.forEach((key, v) -> families.put(key, v instanceof Number x ? x.doubleValue() : Double.NaN));
        }
        List<Term> terms = new ArrayList<>();
        for (Object o : JsonTree.list(r, "terms")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> t = (Map<String, Object>) o;
            terms.add(new Term(JsonTree.text(t, "name"), JsonTree.text(t, "factor"),
                    JsonTree.text(t, "operationalization"), JsonTree.number(t, "distance"),
                    JsonTree.number(t, "coefficient"), JsonTree.number(t, "rrv"), JsonTree.number(t, "p_value")));
        }
        Map<String, Object> rrs = JsonTree.child(r, "rrs");
        Map<String, Double> validation = new LinkedHashMap<>();
        Map<String, Object> val = JsonTree.child(r, "validation");
        if (val != null) {
            val.forEach((key, v) -> validation.put(key, v instanceof Number x ? x.doubleValue() : Double.NaN));
        }
        String testFrom = JsonTree.text(p, "test_from");
        return new Summary(JsonTree.text(r, "family"), (long) JsonTree.number(r, "n_events"),
                JsonTree.number(r, "bic"), families, terms, JsonTree.number(rrs, "mean"), JsonTree.number(rrs, "sd"),
                JsonTree.number(rrs, "max"), (long) JsonTree.number(r, "highest_risk_cells"), validation,
                JsonTree.text(p, "outcome"), JsonTree.text(p, "area"), JsonTree.number(p, "block_length"),
                JsonTree.number(p, "cell_size"), JsonTree.text(p, "working_crs"),
                testFrom == null ? null : LocalDate.parse(testFrom));
    }
}
