package org.pscdesk.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/** Proximity rasters against their definition: the brute-force minimum over all features (JTS for polygons). */
class ProximityTest {

    private static final GeometryFactory GF = new GeometryFactory();

    @Test
    void pointDistancesEqualTheBruteForceMinimumWithinTheCap() {
        SplittableRandom r = new SplittableRandom(7);
        StudyGrid grid = randomGrid(r);
        int n = 40;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = grid.x0() + r.nextDouble(-100, grid.nx() * grid.cellSize() + 100);
            ys[i] = grid.y0() + r.nextDouble(-100, grid.ny() * grid.cellSize() + 100);
        }
        double cap = 230;

        double[] fast = Proximity.toPoints(grid, xs, ys, cap);

        int reached = 0;
        for (int row = 0; row < grid.ny(); row++) {
            for (int col = 0; col < grid.nx(); col++) {
                double brute = Double.POSITIVE_INFINITY;
                for (int p = 0; p < n; p++) {
                    brute = Math.min(brute, Math.hypot(grid.centreX(col) - xs[p], grid.centreY(row) - ys[p]));
                }
                double got = fast[row * grid.nx() + col];
                if (brute <= cap) {
                    assertEquals(brute, got, 1e-9, "cell " + col + "," + row);
                    reached++;
                } else {
                    assertEquals(Double.POSITIVE_INFINITY, got, "cell " + col + "," + row + " beyond the cap");
                }
            }
        }
        assertTrue(reached > 0 && reached < grid.size(), "the case exercises both sides of the cap");
    }

    @Test
    void polygonDistancesAreZeroInsideAndEqualJtsDistanceOutside() {
        SplittableRandom r = new SplittableRandom(11);
        StudyGrid grid = randomGrid(r);
        List<Polygon> polygons = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            polygons.add(randomPolygon(r, grid.x0() + r.nextDouble(0, grid.nx() * grid.cellSize()),
                    grid.y0() + r.nextDouble(0, grid.ny() * grid.cellSize())));
        }
        polygons.add(withHole(grid.x0() + 500, grid.y0() + 500));
        double cap = 180;

        double[] fast = Proximity.toPolygons(grid, polygons, cap);

        int inside = 0;
        for (int row = 0; row < grid.ny(); row++) {
            for (int col = 0; col < grid.nx(); col++) {
                Point centre = GF.createPoint(new Coordinate(grid.centreX(col), grid.centreY(row)));
                double brute = polygons.stream().mapToDouble(p -> p.distance(centre)).min().orElseThrow();
                double got = fast[row * grid.nx() + col];
                if (brute <= cap) {
                    assertEquals(brute, got, 1e-9, "cell " + col + "," + row);
                    inside += brute == 0 ? 1 : 0;
                } else {
                    assertEquals(Double.POSITIVE_INFINITY, got, "cell " + col + "," + row + " beyond the cap");
                }
            }
        }
        assertTrue(inside > 0, "some centres fall inside a polygon");
    }

    @Test
    void centreInAHoleIsAtItsDistanceToTheHoleEdge() {
        Polygon donut = withHole(0, 0);
        double[][] rings = Proximity.rings(donut);

        assertEquals(donut.distance(GF.createPoint(new Coordinate(150, 150))), Proximity.distanceToPolygon(rings, 150, 150),
                1e-12);
        assertTrue(Proximity.distanceToPolygon(rings, 150, 150) > 0);
        assertEquals(0, Proximity.distanceToPolygon(rings, 20, 20));
    }

    @Test
    void bandVariableIsTrueOnlyForStudyCellsWithinTheDistance() {
        boolean[] mask = {true, true, false, true};
        StudyGrid grid = StudyGrid.of(0, 0, 100, 4, 1, mask);
        double[] dist = {50, 100 + 1e-9, 10, 100.5};

        boolean[] x = Proximity.within(grid, dist, 100);

        assertTrue(x[0], "well inside the band");
        assertTrue(x[1], "on the band edge up to the tolerance");
        assertFalse(x[2], "outside the study area");
        assertFalse(x[3], "beyond the band");
    }

    /** A grid of 100 m cells, 25 × 18, with a random mask (about 70 % in the study). */
    static StudyGrid randomGrid(SplittableRandom r) {
        int nx = 25;
        int ny = 18;
        boolean[] mask = new boolean[nx * ny];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = r.nextDouble() < 0.7;
        }
        return StudyGrid.of(731_000 + r.nextDouble(0, 100), 4_270_000 + r.nextDouble(0, 100), 100, nx, ny, mask);
    }

    /** A random convex-ish polygon (a perturbed octagon) of radius 20–90 m around (cx, cy). */
    private static Polygon randomPolygon(SplittableRandom r, double cx, double cy) {
        int n = 8;
        Coordinate[] ring = new Coordinate[n + 1];
        double radius = r.nextDouble(20, 90);
        for (int k = 0; k < n; k++) {
            double a = 2 * Math.PI * k / n;
            double rr = radius * r.nextDouble(0.7, 1.0);
            ring[k] = new Coordinate(cx + rr * Math.cos(a), cy + rr * Math.sin(a));
        }
        ring[n] = ring[0];
        return GF.createPolygon(ring);
    }

    /** A 300 m square at (x, y) with a 100 m square hole in its middle. */
    private static Polygon withHole(double x, double y) {
        LinearRing shell = GF.createLinearRing(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + 300, y),
            new Coordinate(x + 300, y + 300), new Coordinate(x, y + 300), new Coordinate(x, y)});
        LinearRing hole = GF.createLinearRing(new Coordinate[] {new Coordinate(x + 100, y + 100),
            new Coordinate(x + 100, y + 200), new Coordinate(x + 200, y + 200), new Coordinate(x + 200, y + 100),
            new Coordinate(x + 100, y + 100)});
        return GF.createPolygon(shell, new LinearRing[] {hole});
    }
}
