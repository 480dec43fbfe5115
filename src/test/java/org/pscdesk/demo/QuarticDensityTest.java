package org.pscdesk.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Quartic KDE against its definition (the sum over every point) and the high-density cut against its formula. */
class QuarticDensityTest {

    @Test
    void stampedDensityEqualsTheSumOverEveryPoint() {
        SplittableRandom r = new SplittableRandom(3);
        StudyGrid grid = ProximityTest.randomGrid(r);
        int n = 60;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = grid.x0() + r.nextDouble(-300, grid.nx() * grid.cellSize() + 300);
            ys[i] = grid.y0() + r.nextDouble(-300, grid.ny() * grid.cellSize() + 300);
        }
        double h = 350;

        double[] fast = QuarticDensity.of(grid, xs, ys, h);

        for (int row = 0; row < grid.ny(); row++) {
            for (int col = 0; col < grid.nx(); col++) {
                double brute = 0;
                for (int p = 0; p < n; p++) {
                    double dist = Math.hypot(grid.centreX(col) - xs[p], grid.centreY(row) - ys[p]);
                    if (dist < h) {
                        brute += 3 / (Math.PI * h * h) * Math.pow(1 - (dist / h) * (dist / h), 2);
                    }
                }
                assertEquals(brute, fast[row * grid.nx() + col], 1e-12 * Math.max(brute, 1e-300),
                        "cell " + col + "," + row);
            }
        }
    }

    @Test
    void kernelIntegratesToOnePointOverAFineGrid() {
        // a 1 m grid around one point: the sum times the cell area approximates the kernel's integral, 1
        int side = 401;
        StudyGrid grid = StudyGrid.of(-200.5, -200.5, 1, side, side, new boolean[side * side]);

        double[] d = QuarticDensity.of(grid, new double[] {0}, new double[] {0}, 150);

        double integral = 0;
        for (double v : d) {
            integral += v;
        }
        assertEquals(1, integral, 1e-3);
    }

    @Test
    void highCellsAreThoseAboveMeanPlusTwoPopulationSdOverStudyCells() {
        SplittableRandom r = new SplittableRandom(5);
        StudyGrid grid = ProximityTest.randomGrid(r);
        double[] density = new double[grid.size()];
        for (int i = 0; i < density.length; i++) {
            density[i] = r.nextDouble() < 0.05 ? r.nextDouble(5, 10) : r.nextDouble();
        }
        double sum = 0;
        int n = 0;
        for (int i = 0; i < density.length; i++) {
            if (grid.inStudy(i)) {
                sum += density[i];
                n++;
            }
        }
        double mean = sum / n;
        double ss = 0;
        for (int i = 0; i < density.length; i++) {
            if (grid.inStudy(i)) {
                ss += (density[i] - mean) * (density[i] - mean);
            }
        }
        double cut = mean + 2 * Math.sqrt(ss / n);

        boolean[] high = QuarticDensity.high(grid, density);

        int count = 0;
        for (int i = 0; i < density.length; i++) {
            assertEquals(grid.inStudy(i) && density[i] > cut, high[i], "cell " + i);
            count += high[i] ? 1 : 0;
        }
        assertTrue(count > 0, "the case has high cells");
    }
}
