package org.pscdesk.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.pscdesk.analysis.LoadedRun;
import org.pscdesk.geo.Crs;
import org.pscdesk.geo.Grid;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Drafts of prioritized places made on the map (issue 7): from cells the broker picks, from a reference polygon
 * (a neighbourhood, a block), or from one of the run's suggested places. Each draft carries the model's facts
 * about the place (area, risk class, factors present, events in words) and a first risk narrative in plain
 * words for the room to edit. Everything in a draft comes through the {@link PrivacyFilter}: narratives end up
 * in public minutes.
 */
public final class PlaceDrafts {

    /**
     * A place before it is stored.
     *
     * @param label a first label (the area it lies in); the room renames it
     * @param runName the run it was drawn on
     * @param tableIndices the run's cells (table indices) it covers
     * @param cellIds the cells' ids as the run's layer numbers them (grid indices), comma-separated
     * @param shape the outline: the union of its cells, or the polygon it was picked from
     * @param origin {@code cells} or {@code area}
     * @param facts the model's facts, in the order they are printed
     * @param narrative the generated first narrative
     */
    public record Draft(String label, String runName, int[] tableIndices, String cellIds, Geometry shape,
                        String origin, Map<String, Object> facts, String narrative) {

        /** The facts as the JSON object the meeting record keeps. */
        public String factsJson() {
            StringWriter out = new StringWriter();
            try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
                g.writeStartObject();
                for (Map.Entry<String, Object> e : facts.entrySet()) {
                    g.writeFieldName(e.getKey());
                    if (e.getValue() instanceof List<?> list) {
                        g.writeStartArray();
                        for (Object o : list) {
                            g.writeString(o.toString());
                        }
                        g.writeEndArray();
                    } else if (e.getValue() instanceof Number n) {
                        g.writeNumber(n.doubleValue() == Math.rint(n.doubleValue()) ? Long.toString(n.longValue())
                                : n.toString());
                    } else {
                        g.writeString(String.valueOf(e.getValue()));
                    }
                }
                g.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toString();
        }
    }

    private final LoadedRun run;
    private final PublicRun publicRun;
    private final AreaNames names;
    private final Crs crs;
    private final int[] tableIndex;
    private final GeometryFactory gf = new GeometryFactory();

    /**
     * @param run the saved run the map shows
     * @param publicRun the same run through the privacy filter
     * @param names reference-area names for labels
     * @param crs the working CRS (for areas in hectares), or null when unknown
     */
    public PlaceDrafts(LoadedRun run, PublicRun publicRun, AreaNames names, Crs crs) {
        this.run = run;
        this.publicRun = publicRun;
        this.names = names;
        this.crs = crs;
        Grid grid = run.grid();
        tableIndex = new int[grid.size()];
        java.util.Arrays.fill(tableIndex, -1);
        for (int k = 0; k < run.cells().length; k++) {
            tableIndex[run.cells()[k]] = k;
        }
    }

    /** Drafts on a saved run of a workspace; empty when there is no run of that name. */
    public static Optional<PlaceDrafts> of(org.pscdesk.store.Workspace ws, String runName)
            throws org.pscdesk.store.WorkspaceException {
        Optional<LoadedRun> run = LoadedRun.load(ws, runName);
        if (run.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PlaceDrafts(run.get(), new PrivacyFilter().publicRun(ws, run.get()), AreaNames.of(ws),
                ws.crs().orElse(null)));
    }

    /** The run as the room may see it (what the map shows while places are picked). */
    public PublicRun publicRun() {
        return publicRun;
    }

    /** The reference areas (neighbourhoods) a place can be picked from. */
    public AreaNames areas() {
        return names;
    }

    /** The run's grid and its cells, for drawing a selection. */
    public LoadedRun run() {
        return run;
    }

    /** The run's cell (table index) under a point of the working CRS, or −1 outside the study area. */
    public int cellAt(double x, double y) {
        int cell = run.grid().cellOf(x, y);
        return cell < 0 ? -1 : tableIndex[cell];
    }

    /** A place of the cells (table indices) the broker picked; empty when none is in the study area. */
    public Optional<Draft> ofCells(int[] tableIndices) {
        int[] picked = java.util.Arrays.stream(tableIndices).filter(k -> k >= 0 && k < run.cells().length)
                .distinct().toArray();
        if (picked.length == 0) {
            return Optional.empty();
        }
        String label = names.label(run.grid(), run.cells(), picked).orElse("New place");
        return Optional.of(draft(label, picked, outline(picked), "cells"));
    }

    /**
     * A place of a polygon picked from a reference layer (or drawn): the cells whose centres lie inside it,
     * or the one cell under its interior point for a polygon smaller than a cell.
     */
    public Optional<Draft> ofArea(Geometry polygon, String name) {
        Grid grid = run.grid();
        PreparedGeometry inside = PreparedGeometryFactory.prepare(polygon);
        List<Integer> picked = new ArrayList<>();
        org.locationtech.jts.geom.Envelope env = polygon.getEnvelopeInternal();
        int c0 = Math.max(0, grid.colOf(env.getMinX()));
        int c1 = Math.min(grid.nx() - 1, grid.colOf(env.getMaxX()));
        int r0 = Math.max(0, grid.rowOf(env.getMinY()));
        int r1 = Math.min(grid.ny() - 1, grid.rowOf(env.getMaxY()));
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                int k = tableIndex[grid.index(c, r)];
                if (k >= 0 && inside.contains(gf.createPoint(new Coordinate(grid.centreX(c), grid.centreY(r))))) {
                    picked.add(k);
                }
            }
        }
        if (picked.isEmpty()) {
            Point p = polygon.getInteriorPoint();
            int k = cellAt(p.getX(), p.getY());
            if (k < 0) {
                return Optional.empty();
            }
            picked.add(k);
        }
        int[] cells = picked.stream().mapToInt(Integer::intValue).toArray();
        String label = name == null || name.isBlank()
                ? names.label(grid, run.cells(), cells).orElse("New place") : name.strip();
        return Optional.of(draft(label, cells, polygon, "area"));
    }

    /** A place of one of the run's suggested places (touching priority cells), by rank from 1. */
    public Optional<Draft> ofSuggested(int rank) {
        return publicRun.places().stream().filter(p -> p.rank() == rank).findFirst()
                .map(p -> draft(p.label(), p.cells(), outline(p.cells()), "cells"));
    }

    private Draft draft(String label, int[] cells, Geometry shape, String origin) {
        int top = 0;
        int priority = 0;
        double maxRrs = 0;
        for (int k : cells) {
            top = Math.max(top, run.classes()[k]);
            priority += run.quadrants()[k] == 1 ? 1 : 0;
            maxRrs = Math.max(maxRrs, run.rrs()[k]);
        }
        List<String> factors = new ArrayList<>();
        for (LoadedRun.Term t : run.summary().terms()) {
            int[] values = run.termValues().get(t.name());
            if (values != null && java.util.Arrays.stream(cells).anyMatch(k -> values[k] != 0)) {
                factors.add(RiskLegend.factorWords(t, crs));
            }
        }
        String riskClass = RiskLegend.label(top).replace(" risk", "");
        String events = publicRun.eventsText(cells) + (publicRun.period().isEmpty() ? ""
                : " (" + publicRun.period() + ")");
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("risk_class", riskClass);
        facts.put("factors", factors);
        facts.put("incidents", events);
        facts.put("cells", cells.length);
        facts.put("priority_cells", priority);
        double cellArea = Math.pow(run.grid().cellSize() * (crs == null ? 1 : crs.metresPerUnit()), 2);
        facts.put("area_ha", Math.round(cells.length * cellArea / 10_000.0 * 10) / 10.0);
        facts.put("run", run.saved().name());
        StringBuilder cellIds = new StringBuilder();
        for (int k : cells) {
            cellIds.append(cellIds.isEmpty() ? "" : ",").append(run.cells()[k]);
        }
        return new Draft(label, run.saved().name(), cells, cellIds.toString(), shape, origin, facts,
                narrative(label, riskClass, priority, cells.length, factors, maxRrs, events));
    }

    /** The first narrative: what the model says about the place, in words a resident reads. */
    static String narrative(String label, String riskClass, int priority, int cells, List<String> factors,
                            double maxRrs, String events) {
        StringBuilder s = new StringBuilder();
        s.append(label).append(" is in the ").append(riskClass).append(" risk class");
        if (priority > 0) {
            s.append(priority == cells ? "; all of it" : "; part of it")
                    .append(" is a priority place (high risk and a hot spot)");
        }
        s.append(". ");
        if (factors.isEmpty()) {
            s.append("None of the model's risk factors is present here.");
        } else {
            s.append("Risk here comes from ").append(join(factors)).append(": places like this have ")
                    .append(RiskLegend.meaning(maxRrs)).append(" of incidents.");
        }
        s.append(" Incidents recorded here: ").append(events).append('.');
        return s.toString();
    }

    private static String join(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    private Geometry outline(int[] cells) {
        List<Geometry> squares = new ArrayList<>(cells.length);
        for (int k : cells) {
            squares.add(Exports.square(gf, run.grid(), run.cells()[k]));
        }
        return UnaryUnionOp.union(squares);
    }
}
