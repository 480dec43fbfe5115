package org.pscdesk.geo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/** Seeded random geometry for definition tests: valid star-shaped polygons with holes, polylines, points. */
public final class RandomShapes {

    public static final GeometryFactory GF = new GeometryFactory();

    private RandomShapes() {
    }

    /** A uniform point in [x0, x1) × [y0, y1). */
    public static Point point(SplittableRandom r, double x0, double y0, double x1, double y1) {
        return GF.createPoint(new Coordinate(r.nextDouble(x0, x1), r.nextDouble(y0, y1)));
    }

    /** A polyline of 2..6 vertices starting in the box, each step up to maxStep long. */
    public static LineString line(SplittableRandom r, double x0, double y0, double x1, double y1, double maxStep) {
        int n = 2 + r.nextInt(5);
        Coordinate[] cs = new Coordinate[n];
        cs[0] = new Coordinate(r.nextDouble(x0, x1), r.nextDouble(y0, y1));
        for (int i = 1; i < n; i++) {
            cs[i] = new Coordinate(cs[i - 1].x + r.nextDouble(-maxStep, maxStep),
                    cs[i - 1].y + r.nextDouble(-maxStep, maxStep));
        }
        return GF.createLineString(cs);
    }

    /**
     * A star-shaped polygon around a random centre with radii in [R/2, R] and, with probability ½, a star-shaped
     * hole of radii at most 0.4R (so always valid).
     */
    public static Polygon polygon(SplittableRandom r, double x0, double y0, double x1, double y1, double radius) {
        double cx = r.nextDouble(x0, x1);
        double cy = r.nextDouble(y0, y1);
        LinearRing shell = star(r, cx, cy, radius / 2, radius, 5 + r.nextInt(8));
        if (r.nextBoolean()) {
            LinearRing hole = star(r, cx, cy, radius * 0.1, radius * 0.4, 3 + r.nextInt(5));
            return GF.createPolygon(shell, new LinearRing[] {hole});
        }
        return GF.createPolygon(shell);
    }

    private static LinearRing star(SplittableRandom r, double cx, double cy, double rMin, double rMax, int n) {
        double[] angles = new double[n];
        for (int i = 0; i < n; i++) {
            angles[i] = 2 * Math.PI * (i + r.nextDouble(0.1, 0.9)) / n;
        }
        Coordinate[] cs = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            double rad = r.nextDouble(rMin, rMax);
            cs[i] = new Coordinate(cx + rad * Math.cos(angles[i]), cy + rad * Math.sin(angles[i]));
        }
        cs[n] = cs[0];
        return GF.createLinearRing(cs);
    }

    /** n random features of the kinds asked for. */
    public static List<Geometry> mixed(SplittableRandom r, int n, boolean points, boolean lines, boolean polygons,
                                       double x0, double y0, double x1, double y1, double size) {
        List<Geometry> out = new ArrayList<>();
        List<Integer> kinds = new ArrayList<>();
        if (points) {
            kinds.add(0);
        }
        if (lines) {
            kinds.add(1);
        }
        if (polygons) {
            kinds.add(2);
        }
        for (int i = 0; i < n; i++) {
            int kind = kinds.get(r.nextInt(kinds.size()));
            out.add(switch (kind) {
                case 0 -> point(r, x0, y0, x1, y1);
                case 1 -> line(r, x0, y0, x1, y1, size);
                default -> polygon(r, x0, y0, x1, y1, size);
            });
        }
        return out;
    }
}
