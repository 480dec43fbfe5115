package org.pscdesk.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.pscdesk.geo.FeatureArrays;
import org.pscdesk.geo.StudyMask;
import org.pscdesk.rtm.influence.BandOptions;
import org.pscdesk.rtm.influence.BandVariable;
import org.pscdesk.rtm.influence.CellCounts;
import org.pscdesk.rtm.influence.DensityThreshold;
import org.pscdesk.rtm.influence.FactorInput;
import org.pscdesk.rtm.influence.FactorVariables;
import org.pscdesk.rtm.influence.Increment;
import org.pscdesk.rtm.influence.InfluenceBands;
import org.pscdesk.rtm.influence.Operationalization;
import org.pscdesk.rtm.influence.ProximityLayer;
import org.pscdesk.store.Feature;
import org.pscdesk.store.Workspace;
import org.pscdesk.store.WorkspaceException;
import org.pscdesk.work.Cancellation;
import org.pscdesk.work.CancelledException;
import org.pscdesk.work.Progress;

/**
 * The RTM engine's cell universe and influence layers, run on the demo workspace as written to disk, reproduce
 * the demo generator's own grid, planted variables, distances, densities and incident counts cell by cell
 * (docs/demo-city.md, "The RTM grid" and "The planted model").
 */
class PlantedVariablesReproductionTest {

    @TempDir
    static Path dir;
    static DemoCity.City city;
    static StudyMask mask;
    static List<Geometry> liquorStores;
    static List<Geometry> vacantLots;
    static List<Geometry> busStops;
    static List<Geometry> incidents;

    @BeforeAll
    static void writeAndReadTheDemo() throws WorkspaceException {
        Path file = dir.resolve("demo.gpkg");
        DemoCity.write(file);
        city = DemoCity.generate(DemoCity.DEFAULT_SEED);
        try (Workspace ws = Workspace.open(file)) {
            double cellSize = Double.parseDouble(ws.meta("cell_size_m").orElseThrow());
            mask = StudyMask.of(geometries(ws, "study_area"), cellSize);
            liquorStores = geometries(ws, "liquor_stores");
            vacantLots = geometries(ws, "vacant_lots");
            busStops = geometries(ws, "bus_stops");
            incidents = geometries(ws, "incidents");
        }
    }

    private static List<Geometry> geometries(Workspace ws, String layer) throws WorkspaceException {
        return ws.features(layer).stream().map(Feature::geometry).toList();
    }

    @Test
    void gridAndStudyCellsAreTheDemosOwn() {
        StudyGrid demo = city.grid();

        assertEquals(demo.x0(), mask.grid().x0());
        assertEquals(demo.y0(), mask.grid().y0());
        assertEquals(demo.cellSize(), mask.grid().cellSize());
        assertEquals(demo.nx(), mask.grid().nx());
        assertEquals(demo.ny(), mask.grid().ny());
        for (int i = 0; i < demo.size(); i++) {
            assertEquals(demo.inStudy(i), mask.contains(i), "cell " + i);
        }
        assertEquals(3015, mask.size(), "docs/demo-city.md");
    }

    @Test
    void plantedVariablesAreReproducedCellByCellWithEitherSdDivisor() throws CancelledException {
        List<FactorInput> factors = List.of(
                new FactorInput("liquor_stores", FeatureArrays.of(liquorStores), Operationalization.PROXIMITY),
                new FactorInput("vacant_lots", FeatureArrays.of(vacantLots), Operationalization.PROXIMITY),
                new FactorInput("bus_stops", FeatureArrays.of(busStops), Operationalization.DENSITY));
        // 200 m blocks in half steps: bands 100, 200, ..., 600 m hold the planted 400, 100 and 400
        BandOptions options = new BandOptions(CityLayout.BLOCK).withBands(3, Increment.HALF);
        List<String> planted = List.of("liquor_stores_proximity_400", "vacant_lots_proximity_100",
                "bus_stops_density_400");

        for (DensityThreshold threshold : List.of(DensityThreshold.DEFAULT,
                new DensityThreshold.MeanPlusSd(2, DensityThreshold.SdDivisor.POPULATION))) {
            List<FactorVariables> result = InfluenceBands.of(mask, factors, options.withThreshold(threshold), 2,
                    Progress.NONE, Cancellation.none());

            List<BandVariable> all = new ArrayList<>();
            result.forEach(f -> all.addAll(f.variables()));
            for (int t = 0; t < planted.size(); t++) {
                String name = planted.get(t);
                BandVariable v = all.stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
                boolean[] expected = city.plantedVariables().get(t);
                int ones = 0;
                for (int k = 0; k < mask.size(); k++) {
                    assertEquals(expected[mask.cell(k)], v.get(k), name + " at cell " + mask.cell(k));
                    ones += expected[mask.cell(k)] ? 1 : 0;
                }
                assertEquals(ones, v.count());
                assertTrue(ones > 0, name + " is planted somewhere");
            }
        }
    }

    @Test
    void distancesAndDensitiesEqualTheGeneratorsBitForBit() {
        StudyGrid demo = city.grid();
        double[] lx = xs(liquorStores);
        double[] ly = ys(liquorStores);
        List<Polygon> lots = vacantLots.stream().map(g -> (Polygon) g).toList();

        double[] liquorDemo = Proximity.toPoints(demo, lx, ly, 600);
        double[] lotsDemo = Proximity.toPolygons(demo, lots, 600);
        double[] busDemo = QuarticDensity.of(demo, xs(busStops), ys(busStops), 400);
        ProximityLayer.Options cap = new ProximityLayer.Options(ProximityLayer.Method.EXACT, 600);
        double[] liquor = ProximityLayer.distances(mask, FeatureArrays.of(liquorStores), cap);
        double[] lotDist = ProximityLayer.distances(mask, FeatureArrays.of(vacantLots), cap);
        double[] bus = org.pscdesk.rtm.influence.QuarticDensity.of(mask, xs(busStops), ys(busStops), 400);

        for (int k = 0; k < mask.size(); k++) {
            int cell = mask.cell(k);
            assertEquals(liquorDemo[cell], liquor[k], "liquor stores at cell " + cell);
            assertEquals(lotsDemo[cell], lotDist[k], "vacant lots at cell " + cell);
            assertEquals(busDemo[cell], bus[k], "bus-stop density at cell " + cell);
        }
        assertEquals(QuarticDensity.highThreshold(demo, busDemo),
                new DensityThreshold.MeanPlusSd(2, DensityThreshold.SdDivisor.POPULATION).cut(bus));
    }

    @Test
    void incidentCountsPerCellAreTheDrawnCounts() {
        CellCounts counts = CellCounts.of(mask, xs(incidents), ys(incidents));

        int[] drawn = city.incidents().counts();
        int[] expected = new int[mask.size()];
        for (int k = 0; k < mask.size(); k++) {
            expected[k] = drawn[mask.cell(k)];
        }
        assertArrayEquals(expected, counts.counts());
        assertEquals(0, counts.dropped());
        assertEquals(incidents.size(), counts.counted());
    }

    private static double[] xs(List<Geometry> points) {
        return points.stream().mapToDouble(g -> g.getCoordinate().x).toArray();
    }

    private static double[] ys(List<Geometry> points) {
        return points.stream().mapToDouble(g -> g.getCoordinate().y).toArray();
    }
}
