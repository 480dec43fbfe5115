package org.pscdesk.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.locationtech.jts.geom.Geometry;
import org.pscdesk.store.Feature;
import org.pscdesk.store.FieldDef;
import org.pscdesk.store.FieldType;
import org.pscdesk.store.GeometryType;
import org.pscdesk.store.LayerInfo;
import org.pscdesk.store.LayerRole;
import org.pscdesk.store.Provenance;
import org.pscdesk.store.Workspace;
import org.pscdesk.store.WorkspaceException;

/**
 * Writes the demo workspace: Riverbend, a fictional city of about 30 km² placed over St. Louis in EPSG:26915,
 * with a street grid, 20 neighbourhoods, parks, seven risk-factor layers, two years of incidents drawn from a
 * planted risk model, a program catalog, a directory and one past meeting (docs/demo-city.md).
 *
 * <p>Deterministic: the same seed gives the same layer contents, byte for byte (one seeded random stream
 * consumed in a fixed order, and a fixed clock for every timestamp). The city plan does not depend on the
 * seed; factor placement and incidents do. Generation takes well under a second; most of the time is the
 * workspace itself (schema migration and fsyncs).
 */
public final class DemoCity {

    /**
     * The seed of the documented demo city. Chosen among seeds near the release date so that no in-study cell
     * centre lies within 5 cm of a planted band edge and no cell's bus-stop density lies within 0.2 % of the
     * "high" cut: the planted variables do not depend on ≤ versus &lt; or on the SD divisor (docs/demo-city.md).
     */
    public static final long DEFAULT_SEED = 20260130L;

    /** Every timestamp in the demo workspace (layer provenance, gpkg_contents, psc_meta). */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T12:00:00Z"), ZoneOffset.UTC);
    /** RTM cell side: half the 200 m block. */
    static final double CELL_SIZE = 100;
    static final String NAME = "Riverbend (demo city)";

    private DemoCity() {
    }

    /** Writes the demo city with {@link #DEFAULT_SEED}; see {@link #write(Path, long)}. */
    public static DemoSummary write(Path out) throws WorkspaceException {
        return write(out, DEFAULT_SEED);
    }

    /**
     * Writes the demo city to a new workspace file and closes it. On failure nothing is left at {@code out}.
     *
     * @throws WorkspaceException EXISTS if the file exists; IO if it cannot be written
     */
    public static DemoSummary write(Path out, long seed) throws WorkspaceException {
        Path target = out.toAbsolutePath();
        Workspace workspace = Workspace.create(target, CityLayout.CRS, CLOCK);
        boolean done = false;
        try {
            DemoSummary summary = writeInto(workspace, generate(seed), target, seed);
            done = true;
            return summary;
        } catch (RuntimeException e) {
            throw new WorkspaceException(WorkspaceException.Reason.IO, target, "Could not write the demo city to "
                    + target + " (" + e.getMessage() + "); nothing was left behind.", e);
        } finally {
            workspace.close();
            if (!done) {
                deleteQuietly(target);
            }
        }
    }

    /** Everything the seed decides, before anything is written. */
    record City(CityLayout layout, StudyGrid grid, List<LayerData> layers, List<boolean[]> plantedVariables,
                Incidents.Draw incidents) {
    }

    /** Generates the city in memory (the layers in write order). */
    static City generate(long seed) {
        CityLayout layout = CityLayout.build();
        DemoRandom rng = new DemoRandom(seed);
        List<LayerData> factors = RiskFactors.place(layout, rng);
        StudyGrid grid = StudyGrid.of(layout.studyArea(), CELL_SIZE);
        List<boolean[]> variables = new ArrayList<>();
        for (PlantedModel.Term term : PlantedModel.DEMO.terms()) {
            LayerData layer = factors.stream().filter(l -> l.name().equals(term.layer())).findFirst().orElseThrow();
            variables.add(term.variable(grid, layer.geometries()));
        }
        Incidents.Draw incidents = Incidents.generate(layout.studyArea(), grid, PlantedModel.DEMO, variables, rng);

        List<LayerData> layers = new ArrayList<>();
        layers.add(new LayerData("study_area", "Study area", LayerRole.AREA, GeometryType.POLYGON,
                List.of(text("name")), List.of(new Feature(layout.studyArea(), List.of("Riverbend")))));
        layers.add(areaLayer("neighbourhoods", "Neighbourhoods", layout.neighbourhoods()));
        layers.add(areaLayer("parks", "Parks", layout.parks()));
        List<Feature> streets = new ArrayList<>();
        for (CityLayout.Street s : layout.streets()) {
            streets.add(new Feature(s.line(), List.of(s.name(), s.arterial() ? "arterial" : "local")));
        }
        layers.add(new LayerData("streets", "Streets", LayerRole.REFERENCE, GeometryType.LINESTRING,
                List.of(text("name"), text("class")), streets));
        layers.addAll(factors);
        layers.add(incidents.layer());
        return new City(layout, grid, List.copyOf(layers), List.copyOf(variables), incidents);
    }

    private static DemoSummary writeInto(Workspace workspace, City city, Path target, long seed)
            throws WorkspaceException {
        Provenance provenance = new Provenance("PSC Desk demo city generator", "generated", CityLayout.CRS.id(),
                workspace.now().toString(), "Synthetic data, seed " + seed + "; no real places, businesses or"
                + " people. See docs/demo-city.md.");
        Map<String, Long> counts = new LinkedHashMap<>();
        Set<String> factorLayers = new LinkedHashSet<>();
        for (LayerData layer : city.layers()) {
            LayerInfo stored = workspace.createLayer(layer.spec(provenance), layer.features());
            counts.put(stored.name(), stored.count());
            if (layer.role() == LayerRole.FACTOR) {
                factorLayers.add(stored.name());
            }
        }
        workspace.putMeta("name", NAME);
        workspace.putMeta("demo", "true");
        workspace.putMeta("demo_seed", Long.toString(seed));
        workspace.putMeta("block_length_m", Long.toString(Math.round(CityLayout.BLOCK)));
        workspace.putMeta("cell_size_m", Long.toString(Math.round(CELL_SIZE)));
        String run = DemoRun.save(workspace);
        String runLayer = org.pscdesk.store.RunRepository.cellsLayerFor(run);
        counts.put(runLayer, workspace.layer(runLayer).orElseThrow().count());
        DemoDirectory.Written directory = DemoDirectory.write(workspace, factorLayers, run);
        return new DemoSummary(target, seed, counts, city.grid().studyCells(), directory.organizations(),
                directory.bodies(), directory.programs(), directory.meetings(), directory.openActionItems());
    }

    private static LayerData areaLayer(String name, String title, List<CityLayout.Area> areas) {
        List<Feature> features = new ArrayList<>();
        for (CityLayout.Area a : areas) {
            Geometry g = a.polygon();
            features.add(new Feature(g, List.of(a.name(), Math.round(g.getArea() / 1000) / 10.0)));
        }
        return new LayerData(name, title, LayerRole.REFERENCE, GeometryType.POLYGON,
                List.of(text("name"), new FieldDef("area_ha", FieldType.REAL)), features);
    }

    private static FieldDef text(String name) {
        return new FieldDef(name, FieldType.TEXT);
    }

    private static void deleteQuietly(Path file) {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            try {
                Files.deleteIfExists(Path.of(file + suffix));
            } catch (IOException ignored) {
                // best effort: the user sees the original error
            }
        }
    }
}
