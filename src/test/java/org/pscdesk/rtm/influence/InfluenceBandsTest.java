package org.pscdesk.rtm.influence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.pscdesk.geo.FeatureArrays;
import org.pscdesk.geo.RandomShapes;
import org.pscdesk.geo.StudyMask;
import org.pscdesk.work.Cancellation;
import org.pscdesk.work.CancelledException;
import org.pscdesk.work.Progress;

class InfluenceBandsTest {

    private static final StudyMask CITY = StudyMask.of(List.of(ProximityLayerTest.square(0, 0, 6000, 4000)), 250);

    private static FactorInput factor(String name, Operationalization op, List<Geometry> features) {
        return new FactorInput(name, FeatureArrays.of(features), op);
    }

    private static List<Geometry> randomPoints(long seed, int n) {
        return RandomShapes.mixed(new SplittableRandom(seed), n, true, false, false, 0, 0, 6000, 4000, 0);
    }

    @Test
    void namesFollowRtmdxPatternWithDistanceInCrsUnits() {
        FactorVariables whole = InfluenceBands.of(CITY, factor("bus_stops", Operationalization.BOTH,
                randomPoints(1, 50)), new BandOptions(500));

        assertEquals(List.of("bus_stops_proximity_500", "bus_stops_proximity_1000", "bus_stops_proximity_1500",
                "bus_stops_density_500", "bus_stops_density_1000", "bus_stops_density_1500"),
                whole.variables().stream().map(BandVariable::name).toList());
        assertEquals(List.of(1, 2, 3, 1, 2, 3), whole.variables().stream().map(BandVariable::band).toList());
        assertTrue(whole.variables().stream().allMatch(v -> v.factor().equals("bus_stops")));
    }

    @Test
    void halfIncrementsGiveTwiceTheBandsNamedWithoutTrailingZeros() {
        BandOptions half = new BandOptions(152.4).withBands(3, Increment.HALF);

        FactorVariables v = InfluenceBands.of(CITY, factor("bars", Operationalization.PROXIMITY,
                randomPoints(2, 20)), half);

        assertEquals(List.of("bars_proximity_76.2", "bars_proximity_152.4", "bars_proximity_228.6",
                "bars_proximity_304.8", "bars_proximity_381", "bars_proximity_457.2"),
                v.variables().stream().map(BandVariable::name).toList());
        assertArrayEquals(new double[] {76.2, 152.4, 228.6, 304.8, 381, 457.2}, half.distances(), 1e-9);
    }

    @Test
    void proximityBandsAreMonotoneInDistance() {
        for (int seed = 1; seed <= 3; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            StudyMask mask = ProximityLayerTest.randomMask(r);
            List<Geometry> features = RandomShapes.mixed(r, 25, true, true, true, 0, 0, 1000, 800, 40);
            BandOptions options = new BandOptions(40).withBands(4, Increment.HALF);

            List<BandVariable> bands = InfluenceBands.of(mask, factor("f", Operationalization.PROXIMITY, features),
                    options).variables();

            for (int b = 1; b < bands.size(); b++) {
                boolean[] smaller = bands.get(b - 1).flags();
                boolean[] larger = bands.get(b).flags();
                for (int k = 0; k < smaller.length; k++) {
                    assertTrue(!smaller[k] || larger[k], "band " + b + " cell " + k);
                }
                assertTrue(bands.get(b).count() > bands.get(b - 1).count(), "the bands differ in this case");
            }
        }
    }

    @Test
    void proximityBandsAreTheBruteForceDistanceAtMostD() {
        SplittableRandom r = new SplittableRandom(9);
        StudyMask mask = ProximityLayerTest.randomMask(r);
        double cs = mask.grid().cellSize();
        FeatureArrays f = FeatureArrays.of(RandomShapes.mixed(r, 25, true, true, true, 0, 0, 1000, 800, 40));
        BandOptions options = new BandOptions(35);

        List<BandVariable> bands = InfluenceBands.of(mask, new FactorInput("f", f, Operationalization.PROXIMITY),
                options).variables();

        for (BandVariable band : bands) {
            for (int k = 0; k < mask.size(); k++) {
                double d = ProximityLayerTest.bruteForce(mask.centreX(k), mask.centreY(k), f.pointX(), f.pointY(),
                        f.segments(), f.polygonStart());
                assertEquals(d <= band.distance() + 1e-9 * cs, band.get(k), band.name() + " cell " + k);
            }
        }
    }

    @Test
    void densityBandsAreTheCellsAboveTheCutOfTheirOwnDensity() {
        StudyMask mask = CITY;
        FeatureArrays f = FeatureArrays.of(randomPoints(4, 80));
        BandOptions options = new BandOptions(500);

        List<BandVariable> bands = InfluenceBands.of(mask, new FactorInput("f", f, Operationalization.DENSITY),
                options).variables();

        for (BandVariable band : bands) {
            double[] density = QuarticDensity.of(mask, f.pointX(), f.pointY(), band.distance());
            double cut = DensityThreshold.DEFAULT.cut(density);
            assertEquals(cut, band.cut());
            for (int k = 0; k < mask.size(); k++) {
                assertEquals(density[k] > cut, band.get(k), band.name() + " cell " + k);
            }
            assertFalse(band.isConstant());
        }
    }

    @Test
    void linesEnterTheDensityAsSamplesAtAQuarterCellByDefault() {
        List<Geometry> lines = RandomShapes.mixed(new SplittableRandom(5), 15, false, true, false, 0, 0, 6000, 4000,
                900);
        FeatureArrays f = FeatureArrays.of(lines);

        BandVariable band = InfluenceBands.of(CITY, new FactorInput("streets", f, Operationalization.DENSITY),
                new BandOptions(500)).variables().get(0);

        FeatureArrays.Points samples = f.densityPoints(CITY.grid().cellSize() / 4);
        double[] density = QuarticDensity.of(CITY, samples, 500);
        assertEquals(DensityThreshold.DEFAULT.cut(density), band.cut());
        assertTrue(samples.size() > f.segmentCount(), "long lines give several samples per segment");
    }

    @Test
    void factorWithNoFeaturesHasAllItsVariablesZeroAndSaysSo() {
        FactorVariables v = InfluenceBands.of(CITY, factor("pawn_shops", Operationalization.BOTH, List.of()),
                new BandOptions(500));

        assertTrue(v.hasNoFeatures());
        assertEquals(6, v.variables().size());
        assertTrue(v.variables().stream().allMatch(b -> b.count() == 0 && b.cells() == CITY.size()));
        assertTrue(v.informative().isEmpty());
        assertEquals(1, v.notes().size());
        assertTrue(v.notes().get(0).contains("no features"), v.notes().get(0));
    }

    @Test
    void featuresFarOutsideTheAreaGiveZeroProximityAndNotes() {
        List<Geometry> far = List.of(ProximityLayerTest.pt(1e6, 1e6), ProximityLayerTest.pt(-5e5, 2000));

        FactorVariables v = InfluenceBands.of(CITY, factor("far", Operationalization.BOTH, far), new BandOptions(500));

        assertFalse(v.hasNoFeatures());
        assertTrue(v.variables().stream().allMatch(b -> b.count() == 0));
        assertEquals(6, v.notes().size());
    }

    @Test
    void emptyStudyGivesZeroLengthVariables() {
        FactorVariables v = InfluenceBands.of(StudyMask.of(List.of(), 100),
                factor("bars", Operationalization.BOTH, randomPoints(3, 5)), new BandOptions(200));

        assertEquals(6, v.variables().size());
        assertTrue(v.variables().stream().allMatch(b -> b.cells() == 0));
        assertTrue(v.notes().get(0).contains("no cells"));
    }

    @Test
    void resultsDoNotDependOnTheNumberOfThreads() throws CancelledException {
        SplittableRandom r = new SplittableRandom(12);
        List<FactorInput> factors = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Operationalization op = Operationalization.values()[i % 3];
            factors.add(factor("f" + i, op, RandomShapes.mixed(r, 30, true, i % 2 == 0, i % 3 == 0, 0, 0, 6000, 4000,
                    300)));
        }
        factors.add(factor("empty", Operationalization.BOTH, List.of()));
        BandOptions options = new BandOptions(400).withBands(3, Increment.HALF);

        List<FactorVariables> one = InfluenceBands.of(CITY, factors, options, 1, Progress.NONE, Cancellation.none());
        List<FactorVariables> two = InfluenceBands.of(CITY, factors, options, 2, Progress.NONE, Cancellation.none());
        List<FactorVariables> five = InfluenceBands.of(CITY, factors, options, 5, Progress.NONE, Cancellation.none());

        assertEquals(one, two);
        assertEquals(one, five);
        assertEquals(List.of("f0", "f1", "f2", "f3", "f4", "f5", "empty"), two.stream().map(FactorVariables::factor).toList());
        assertEquals(6 + 6, two.get(2).variables().size(), "BOTH with 6 half bands");
    }

    @Test
    void progressReachesOneAndCancellationStopsTheRun() {
        List<FactorInput> factors = List.of(factor("a", Operationalization.BOTH, randomPoints(1, 10)),
                factor("b", Operationalization.BOTH, randomPoints(2, 10)));
        List<Double> fractions = new ArrayList<>();
        Cancellation cancel = Cancellation.none();
        cancel.cancel();

        assertThrows(CancelledException.class,
                () -> InfluenceBands.of(CITY, factors, new BandOptions(500), 2, Progress.NONE, cancel));
        assertThrows(CancelledException.class,
                () -> InfluenceBands.of(CITY, factors, new BandOptions(500), 1, Progress.NONE, cancel));
        assertThrows(IllegalArgumentException.class, () -> InfluenceBands.of(CITY, List.of(factors.get(0),
                factors.get(0)), new BandOptions(500), 1, Progress.NONE, Cancellation.none()));
        try {
            InfluenceBands.of(CITY, factors, new BandOptions(500), 2, (s, f) -> fractions.add(f), Cancellation.none());
        } catch (CancelledException e) {
            throw new AssertionError(e);
        }
        assertEquals(8, fractions.size(), "one report per layer: 2 × (1 proximity + 3 densities)");
        assertEquals(1.0, fractions.get(fractions.size() - 1));
    }

    @Test
    void optionsValidateAndDefaultToThreeWholeBlocks() {
        BandOptions o = new BandOptions(400);

        assertEquals(3, o.maxBlocks());
        assertEquals(Increment.WHOLE, o.increment());
        assertArrayEquals(new double[] {400, 800, 1200}, o.distances());
        assertEquals(25, o.lineSpacing(100));
        assertThrows(IllegalArgumentException.class, () -> new BandOptions(0));
        assertThrows(IllegalArgumentException.class, () -> new BandOptions(400).withBands(0, Increment.WHOLE));
        assertEquals(Operationalization.BOTH, Operationalization.parse("Both"));
        assertEquals(Increment.HALF, Increment.parse("half"));
        assertThrows(IllegalArgumentException.class, () -> Operationalization.parse("distance"));
    }
}
