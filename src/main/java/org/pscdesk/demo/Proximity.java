package org.pscdesk.demo;

import java.util.Arrays;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Proximity (distance) rasters of rtm-method.md §1.3 and §8.2: for every cell c of a {@link StudyGrid},
 * the Euclidean distance from the cell centre to the nearest feature,
 * <pre>  dist(c) = min_f ‖centre(c) − f‖</pre>
 * where the distance to a point is the straight-line distance and the distance to a polygon is 0 for a
 * centre inside it (even-odd rule over shell and holes; a centre on the boundary is at distance 0 either way)
 * and otherwise the distance to the nearest boundary segment.
 *
 * <p>Algorithm: each feature stamps only the cells whose centre can be within {@code maxDistance} of it (a
 * window around the point, or around the polygon's envelope), so the cost is O(features · window), not
 * O(cells · features). Cells farther than {@code maxDistance} from every feature get {@code +∞}; below that
 * the result equals the brute-force minimum exactly (same arithmetic), which {@code ProximityTest} checks.
 *
 * <p>Band variables (Proximity_d = 1 if dist ≤ d) use {@link #within}: ≤ with a tolerance of 1e-9·cs, and
 * false outside the study. Empty feature lists give all-∞ / all-false. Stateless and thread-safe.
 */
final class Proximity {

    private Proximity() {
    }

    /**
     * Distance from each cell centre to the nearest point (xs[i], ys[i]), or +∞ beyond maxDistance.
     *
     * @return an array over all grid cells, row-major
     */
    static double[] toPoints(StudyGrid grid, double[] xs, double[] ys, double maxDistance) {
        double[] dist = infinite(grid);
        double cs = grid.cellSize();
        double max2 = maxDistance * maxDistance;
        for (int p = 0; p < xs.length; p++) {
            int c0 = Math.max(0, (int) Math.floor((xs[p] - maxDistance - grid.x0()) / cs - 0.5));
            int c1 = Math.min(grid.nx() - 1, (int) Math.ceil((xs[p] + maxDistance - grid.x0()) / cs - 0.5));
            int r0 = Math.max(0, (int) Math.floor((ys[p] - maxDistance - grid.y0()) / cs - 0.5));
            int r1 = Math.min(grid.ny() - 1, (int) Math.ceil((ys[p] + maxDistance - grid.y0()) / cs - 0.5));
            for (int row = r0; row <= r1; row++) {
                double dy = grid.centreY(row) - ys[p];
                for (int col = c0; col <= c1; col++) {
                    double dx = grid.centreX(col) - xs[p];
                    double d2 = dx * dx + dy * dy;
                    if (d2 <= max2) {
                        int i = row * grid.nx() + col;
                        dist[i] = Math.min(dist[i], Math.sqrt(d2));
                    }
                }
            }
        }
        return dist;
    }

    /**
     * Distance from each cell centre to the nearest polygon (0 inside), or +∞ beyond maxDistance.
     *
     * @return an array over all grid cells, row-major
     */
    static double[] toPolygons(StudyGrid grid, List<Polygon> polygons, double maxDistance) {
        double[] dist = infinite(grid);
        double cs = grid.cellSize();
        for (Polygon polygon : polygons) {
            double[][] rings = rings(polygon);
            Envelope env = polygon.getEnvelopeInternal();
            int c0 = Math.max(0, (int) Math.floor((env.getMinX() - maxDistance - grid.x0()) / cs - 0.5));
            int c1 = Math.min(grid.nx() - 1, (int) Math.ceil((env.getMaxX() + maxDistance - grid.x0()) / cs - 0.5));
            int r0 = Math.max(0, (int) Math.floor((env.getMinY() - maxDistance - grid.y0()) / cs - 0.5));
            int r1 = Math.min(grid.ny() - 1, (int) Math.ceil((env.getMaxY() + maxDistance - grid.y0()) / cs - 0.5));
            for (int row = r0; row <= r1; row++) {
                double y = grid.centreY(row);
                for (int col = c0; col <= c1; col++) {
                    double x = grid.centreX(col);
                    double d = distanceToPolygon(rings, x, y);
                    if (d <= maxDistance) {
                        int i = row * grid.nx() + col;
                        dist[i] = Math.min(dist[i], d);
                    }
                }
            }
        }
        return dist;
    }

    /** Proximity_d: true for in-study cells with dist ≤ d (tolerance 1e-9·cs, rtm-method §8.2). */
    static boolean[] within(StudyGrid grid, double[] dist, double d) {
        double limit = d + 1e-9 * grid.cellSize();
        boolean[] x = new boolean[grid.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = grid.inStudy(i) && dist[i] <= limit;
        }
        return x;
    }

    /** Distance from (x, y) to a polygon given as closed rings of interleaved x,y: 0 inside, else to the boundary. */
    static double distanceToPolygon(double[][] rings, double x, double y) {
        boolean inside = false;
        double best2 = Double.POSITIVE_INFINITY;
        for (double[] r : rings) {
            for (int k = 0; k + 3 < r.length; k += 2) {
                double ax = r[k];
                double ay = r[k + 1];
                double bx = r[k + 2];
                double by = r[k + 3];
                if ((ay > y) != (by > y) && x < ax + (y - ay) * (bx - ax) / (by - ay)) {
                    inside = !inside;
                }
                best2 = Math.min(best2, segmentDistance2(x, y, ax, ay, bx, by));
            }
        }
        return inside ? 0 : Math.sqrt(best2);
    }

    /** Squared distance from (px, py) to the segment (ax, ay)–(bx, by). */
    static double segmentDistance2(double px, double py, double ax, double ay, double bx, double by) {
        double vx = bx - ax;
        double vy = by - ay;
        double len2 = vx * vx + vy * vy;
        double t = len2 == 0 ? 0 : ((px - ax) * vx + (py - ay) * vy) / len2;
        t = Math.max(0, Math.min(1, t));
        double dx = px - (ax + t * vx);
        double dy = py - (ay + t * vy);
        return dx * dx + dy * dy;
    }

    /** The shell and holes of a polygon as closed rings of interleaved x,y. */
    static double[][] rings(Polygon polygon) {
        double[][] rings = new double[1 + polygon.getNumInteriorRing()][];
        rings[0] = interleave(polygon.getExteriorRing());
        for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
            rings[h + 1] = interleave(polygon.getInteriorRingN(h));
        }
        return rings;
    }

    private static double[] interleave(LinearRing ring) {
        Coordinate[] cs = ring.getCoordinates();
        double[] xy = new double[cs.length * 2];
        for (int i = 0; i < cs.length; i++) {
            xy[2 * i] = cs[i].x;
            xy[2 * i + 1] = cs[i].y;
        }
        return xy;
    }

    private static double[] infinite(StudyGrid grid) {
        double[] dist = new double[grid.size()];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        return dist;
    }
}
