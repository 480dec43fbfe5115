package org.pscdesk.rtm.influence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.pscdesk.geo.Grid;
import org.pscdesk.geo.StudyMask;

/** The stamped quartic density against the direct sum over every point and against the kernel's integral. */
class QuarticDensityTest {

    @Test
    void stampedDensityEqualsTheDirectSumOverEveryPointBitForBit() {
        for (int seed = 1; seed <= 4; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            StudyMask mask = ProximityLayerTest.randomMask(r);
            int n = 60;
            double[] xs = new double[n];
            double[] ys = new double[n];
            for (int i = 0; i < n; i++) {
                // some points outside the study and the grid: they still count near the edge
                xs[i] = r.nextDouble(-150, 1150);
                ys[i] = r.nextDouble(-150, 950);
            }
            double h = r.nextDouble(20, 80);

            double[] fast = QuarticDensity.of(mask, xs, ys, h);

            int positive = 0;
            for (int k = 0; k < mask.size(); k++) {
                double x = mask.centreX(k);
                double y = mask.centreY(k);
                double brute = 0;
                for (int p = 0; p < n; p++) {
                    double dx = x - xs[p];
                    double dy = y - ys[p];
                    double r2 = dx * dx + dy * dy;
                    if (r2 < h * h) {
                        double w = 1 - r2 / (h * h);
                        brute += 3.0 / (Math.PI * (h * h)) * w * w;
                    }
                }
                assertEquals(brute, fast[k], "cell " + k);
                positive += brute > 0 ? 1 : 0;
            }
            assertTrue(positive > 0 && positive < mask.size(), "the case has cells with and without density");
        }
    }

    @Test
    void densityMatchesTheFormulaAtHandCheckedDistances() {
        // one point at a cell centre; cells of 10, h = 25: r = 0, 10, 20, 10√2, 20√2 > h
        Grid g = new Grid(0, 0, 10, 5, 5);
        StudyMask mask = StudyMask.of(g, all(25), StudyMask.Membership.CENTRE);
        double h = 25;

        double[] d = QuarticDensity.of(mask, new double[] {25}, new double[] {25}, h);

        double norm = 3 / (Math.PI * h * h);
        assertEquals(norm, d[g.index(2, 2)], 1e-18);
        assertEquals(norm * Math.pow(1 - 100 / 625.0, 2), d[g.index(3, 2)], 1e-18);
        assertEquals(norm * Math.pow(1 - 400 / 625.0, 2), d[g.index(2, 0)], 1e-18);
        assertEquals(norm * Math.pow(1 - 200 / 625.0, 2), d[g.index(1, 1)], 1e-18);
        assertEquals(0, d[g.index(0, 0)], "r = 20√2 > h");
    }

    @Test
    void densityIntegratesToTheNumberOfPointsFarFromTheEdges() {
        // Σ D·cs² ≈ number of points when every kernel lies inside the grid (fine cells: Riemann sum)
        SplittableRandom r = new SplittableRandom(7);
        StudyMask mask = StudyMask.of(List.of(ProximityLayerTest.square(0, 0, 1000, 1000)), 5);
        int n = 50;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = r.nextDouble(200, 800);
            ys[i] = r.nextDouble(200, 800);
        }

        double[] d = QuarticDensity.of(mask, xs, ys, 150);

        double integral = 0;
        for (double v : d) {
            integral += v * 25;
        }
        assertEquals(n, integral, 1e-2 * n);
    }

    @Test
    void noPointsGiveZeroDensityAndAnEmptyStudyGivesNoValues() {
        StudyMask mask = StudyMask.of(List.of(ProximityLayerTest.square(0, 0, 100, 100)), 10);

        double[] none = QuarticDensity.of(mask, new double[0], new double[0], 50);

        assertEquals(100, none.length);
        assertTrue(java.util.Arrays.stream(none).allMatch(v -> v == 0));
        assertEquals(0, QuarticDensity.of(StudyMask.of(List.of(), 10), new double[] {1}, new double[] {1}, 5).length);
    }

    @Test
    void nonPositiveBandwidthIsRejected() {
        StudyMask mask = StudyMask.of(List.of(ProximityLayerTest.square(0, 0, 100, 100)), 10);

        assertThrows(IllegalArgumentException.class, () -> QuarticDensity.of(mask, new double[0], new double[0], 0));
    }

    static boolean[] all(int n) {
        boolean[] b = new boolean[n];
        java.util.Arrays.fill(b, true);
        return b;
    }
}
