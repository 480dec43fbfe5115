package org.pscdesk.rtm.influence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.pscdesk.geo.FeatureArrays;
import org.pscdesk.geo.Grid;
import org.pscdesk.geo.RandomShapes;
import org.pscdesk.geo.StudyMask;

/**
 * Distances against their definition: the brute-force minimum over every feature with the same arithmetic
 * (bit for bit), and JTS's own distance (to 1e-9).
 */
class ProximityLayerTest {

    @Test
    void pointDistancesEqualTheBruteForceMinimum() {
        for (int seed = 1; seed <= 4; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            StudyMask mask = randomMask(r);
            List<Geometry> features = RandomShapes.mixed(r, 150, true, false, false, -100, -100, 1100, 900, 0);

            assertMatchesBruteForce(mask, features, Double.POSITIVE_INFINITY);
        }
    }

    @Test
    void lineDistancesEqualTheBruteForceMinimum() {
        for (int seed = 11; seed <= 14; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            StudyMask mask = randomMask(r);
            List<Geometry> features = RandomShapes.mixed(r, 60, false, true, false, -100, -100, 1100, 900, 150);

            assertMatchesBruteForce(mask, features, Double.POSITIVE_INFINITY);
        }
    }

    @Test
    void polygonDistancesWithHolesAreZeroInsideAndEqualTheBruteForceMinimumOutside() {
        for (int seed = 21; seed <= 24; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            StudyMask mask = randomMask(r);
            List<Geometry> features = RandomShapes.mixed(r, 40, false, false, true, -100, -100, 1100, 900, 90);
            features.add(RandomShapes.GF.createMultiPolygon(new Polygon[] {
                RandomShapes.polygon(r, 0, 0, 1000, 800, 60), RandomShapes.polygon(r, 0, 0, 1000, 800, 60)}));

            int zeros = assertMatchesBruteForce(mask, features, Double.POSITIVE_INFINITY);

            assertTrue(zeros > 0, "some centres are inside a polygon");
        }
    }

    @Test
    void mixedLayerWithACapIsExactUpToTheCapAndInfiniteBeyond() {
        for (int seed = 31; seed <= 34; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            StudyMask mask = randomMask(r);
            List<Geometry> features = RandomShapes.mixed(r, 30, true, true, true, -100, -100, 1100, 900, 60);

            assertMatchesBruteForce(mask, features, 75);
        }
    }

    @Test
    void clusteredFeaturesWithFarOutliersAreStillExact() {
        SplittableRandom r = new SplittableRandom(41);
        StudyMask mask = randomMask(r);
        List<Geometry> features = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            features.add(RandomShapes.point(r, 480, 380, 500, 400));
        }
        features.add(pt(-50_000, 3_000_000));
        features.add(pt(1e7, -1e7));

        assertMatchesBruteForce(mask, features, Double.POSITIVE_INFINITY);
        assertMatchesBruteForce(mask, features, 120);
    }

    @Test
    void featuresFarOutsideTheAreaGiveExactLargeDistancesOrInfinityBeyondTheCap() {
        StudyMask mask = StudyMask.of(List.of(square(0, 0, 100, 100)), 10);
        List<Geometry> far = List.of(pt(1e6, 50));
        FeatureArrays f = FeatureArrays.of(far);

        double[] uncapped = ProximityLayer.distances(mask, f);
        double[] capped = ProximityLayer.distances(mask, f, new ProximityLayer.Options(ProximityLayer.Method.EXACT, 1000));

        double dx = 1e6 - 95;
        double dy = 55 - 50;
        assertEquals(Math.sqrt(dx * dx + dy * dy), uncapped[mask.tableIndex(mask.grid().index(9, 5))]);
        assertTrue(Arrays.stream(capped).allMatch(d -> d == Double.POSITIVE_INFINITY));
    }

    @Test
    void layerWithNoFeaturesIsInfinitelyFarEverywhere() {
        StudyMask mask = StudyMask.of(List.of(square(0, 0, 100, 100)), 10);

        double[] d = ProximityLayer.distances(mask, FeatureArrays.of(List.of()));

        assertEquals(100, d.length);
        assertTrue(Arrays.stream(d).allMatch(v -> v == Double.POSITIVE_INFINITY));
    }

    @Test
    void emptyStudyGivesNoDistances() {
        StudyMask mask = StudyMask.of(List.of(), 10);

        assertEquals(0, ProximityLayer.distances(mask, FeatureArrays.of(List.of(pt(1, 1)))).length);
    }

    @Test
    void rasterMethodIsWithinHalfACellDiagonalOfTheExactDistance() {
        for (int seed = 51; seed <= 54; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            StudyMask mask = randomMask(r);
            double cs = mask.grid().cellSize();
            List<Geometry> features = RandomShapes.mixed(r, 40, true, true, true, -100, -100, 1100, 900, 60);
            FeatureArrays f = FeatureArrays.of(features);
            double cap = 200;

            double[] exact = ProximityLayer.distances(mask, f);
            double[] raster = ProximityLayer.distances(mask, f,
                    new ProximityLayer.Options(ProximityLayer.Method.RASTER, cap));

            double bound = cs * Math.sqrt(2) / 2 * (1 + 1e-9);
            double worst = 0;
            for (int k = 0; k < exact.length; k++) {
                if (exact[k] <= cap - bound) {
                    assertTrue(Math.abs(raster[k] - exact[k]) <= bound, "cell " + k + ": " + raster[k] + " vs " + exact[k]);
                    worst = Math.max(worst, Math.abs(raster[k] - exact[k]));
                } else if (exact[k] > cap + bound) {
                    assertEquals(Double.POSITIVE_INFINITY, raster[k]);
                }
                if (exact[k] == 0) {
                    assertEquals(0, raster[k], "inside a polygon");
                }
            }
            assertTrue(worst > 0, "the raster method is an approximation");
        }
    }

    @Test
    void rasterMethodIsExactForPointsAtCellCentres() {
        SplittableRandom r = new SplittableRandom(61);
        StudyMask mask = randomMask(r);
        Grid g = mask.grid();
        List<Geometry> features = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            features.add(pt(g.centreX(r.nextInt(g.nx())), g.centreY(r.nextInt(g.ny()))));
        }
        FeatureArrays f = FeatureArrays.of(features);

        double[] exact = ProximityLayer.distances(mask, f, new ProximityLayer.Options(ProximityLayer.Method.EXACT, 300));
        double[] raster = ProximityLayer.distances(mask, f, new ProximityLayer.Options(ProximityLayer.Method.RASTER, 300));

        for (int k = 0; k < exact.length; k++) {
            assertEquals(exact[k], raster[k], 1e-9 * g.cellSize(), "cell " + k);
        }
    }

    @Test
    void rasterMethodNeedsAFiniteCap() {
        assertThrows(IllegalArgumentException.class,
                () -> new ProximityLayer.Options(ProximityLayer.Method.RASTER, Double.POSITIVE_INFINITY));
    }

    @Test
    void bandMembershipIncludesTheBandDistanceWithinTheTolerance() {
        assertTrue(ProximityLayer.within(400, 400, 100));
        assertTrue(ProximityLayer.within(400 + 0.9e-7, 400, 100));
        assertTrue(!ProximityLayer.within(400 + 1.1e-7, 400, 100));
    }

    /** Checks every cell; returns the number of zero distances. */
    private static int assertMatchesBruteForce(StudyMask mask, List<Geometry> features, double cap) {
        FeatureArrays f = FeatureArrays.of(features);
        double[] fast = ProximityLayer.distances(mask, f, new ProximityLayer.Options(ProximityLayer.Method.EXACT, cap));
        double[] seg = f.segments();
        int[] polygonStart = f.polygonStart();
        double[] px = f.pointX();
        double[] py = f.pointY();
        int zeros = 0;
        int finite = 0;
        for (int k = 0; k < mask.size(); k++) {
            double x = mask.centreX(k);
            double y = mask.centreY(k);
            double brute = bruteForce(x, y, px, py, seg, polygonStart);
            double expected = brute <= cap ? brute : Double.POSITIVE_INFINITY;
            assertEquals(expected, fast[k], "cell " + k + " at " + x + ", " + y);
            if (expected <= cap) {
                finite++;
                Point c = RandomShapes.GF.createPoint(new Coordinate(x, y));
                double jts = features.stream().mapToDouble(g -> g.distance(c)).min().orElseThrow();
                assertEquals(jts, fast[k], 1e-9 * Math.max(1, jts), "JTS distance at cell " + k);
            }
            zeros += fast[k] == 0 ? 1 : 0;
        }
        assertTrue(finite > 0, "the case has cells within the cap");
        return zeros;
    }

    /** min over points, segments, and 0 inside a polygon part by the even-odd crossing rule. */
    static double bruteForce(double x, double y, double[] px, double[] py, double[] seg, int[] polygonStart) {
        double best2 = Double.POSITIVE_INFINITY;
        for (int p = 0; p < px.length; p++) {
            double dx = x - px[p];
            double dy = y - py[p];
            best2 = Math.min(best2, dx * dx + dy * dy);
        }
        for (int s = 0; s < seg.length / 4; s++) {
            best2 = Math.min(best2, SegmentIndex.distance2(seg, s, x, y));
        }
        for (int p = 0; p + 1 < polygonStart.length; p++) {
            boolean inside = false;
            for (int e = polygonStart[p]; e < polygonStart[p + 1]; e++) {
                double ax = seg[4 * e];
                double ay = seg[4 * e + 1];
                double bx = seg[4 * e + 2];
                double by = seg[4 * e + 3];
                if ((ay > y) != (by > y) && x < ax + (y - ay) * (bx - ax) / (by - ay)) {
                    inside = !inside;
                }
            }
            if (inside) {
                return 0;
            }
        }
        return Math.sqrt(best2);
    }

    /** A star-shaped study area in [0, 1000] × [0, 800] on a grid of 7 to 20 unit cells. */
    static StudyMask randomMask(SplittableRandom r) {
        Polygon area = RandomShapes.polygon(r, 450, 350, 550, 450, 450);
        return StudyMask.of(List.of(area), r.nextDouble(7, 20));
    }

    static Point pt(double x, double y) {
        return RandomShapes.GF.createPoint(new Coordinate(x, y));
    }

    static Polygon square(double x0, double y0, double x1, double y1) {
        return RandomShapes.GF.createPolygon(new Coordinate[] {new Coordinate(x0, y0), new Coordinate(x1, y0),
            new Coordinate(x1, y1), new Coordinate(x0, y1), new Coordinate(x0, y0)});
    }
}
