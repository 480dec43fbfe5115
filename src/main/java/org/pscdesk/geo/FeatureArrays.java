package org.pscdesk.geo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.locationtech.jts.algorithm.locate.SimplePointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * A risk-factor layer flattened to plain arrays for the RTM engine, which does not use JTS: points as x and y
 * arrays, lines and polygon boundaries as segments, polygons as groups of edges (shell and holes together)
 * for an even-odd inside test, and one representative point per areal feature.
 *
 * <p>Segments are stored flat, four doubles per segment (ax, ay, bx, by): first every line segment, part by
 * part ({@link #lineStart()}), then every polygon edge, polygon part by polygon part ({@link #polygonStart()}).
 * Multi-geometries and geometry collections are split into their parts; empty geometries and parts are
 * skipped; Z and M are ignored. A closed line stays a line (its inside is not "inside"). Segments of zero
 * length are kept (a degenerate line is a point).
 *
 * <p>Density inputs ({@link #densityPoints(double)}): points as they are; each line part sampled at
 * ⌈L/s⌉ points evenly spread along it (spacing ≤ s, the first and last half a spacing from the ends), so
 * line density is proportional to length per area; each areal feature (polygon or multipolygon) as one point,
 * its centroid, or its JTS interior point when the centroid is not inside it (RTMDx reads points only; its
 * users convert polygons to points first, rtm-method §1.1).
 *
 * <p>Immutable and thread-safe; accessors return copies.
 */
public final class FeatureArrays {

    private final int features;
    private final double[] pointX;
    private final double[] pointY;
    private final double[] segments;
    private final int[] lineStart;
    private final int[] polygonStart;
    private final double[] areaPointX;
    private final double[] areaPointY;

    private FeatureArrays(int features, double[] pointX, double[] pointY, double[] segments, int[] lineStart,
                          int[] polygonStart, double[] areaPointX, double[] areaPointY) {
        this.features = features;
        this.pointX = pointX;
        this.pointY = pointY;
        this.segments = segments;
        this.lineStart = lineStart;
        this.polygonStart = polygonStart;
        this.areaPointX = areaPointX;
        this.areaPointY = areaPointY;
    }

    /** A layer's geometries, in the working CRS. */
    public static FeatureArrays of(List<? extends Geometry> geometries) {
        Builder b = new Builder();
        for (Geometry g : geometries) {
            b.add(Objects.requireNonNull(g, "geometry"));
        }
        return b.build();
    }

    /** A layer of points given as coordinate arrays (non-finite points are skipped). */
    public static FeatureArrays ofPoints(double[] xs, double[] ys) {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("x and y differ in length");
        }
        Builder b = new Builder();
        for (int i = 0; i < xs.length; i++) {
            if (Double.isFinite(xs[i]) && Double.isFinite(ys[i])) {
                b.px.add(xs[i]);
                b.py.add(ys[i]);
                b.features++;
            }
        }
        return b.build();
    }

    /** Number of non-empty input features. */
    public int featureCount() {
        return features;
    }

    /** True when the layer has no non-empty feature. */
    public boolean isEmpty() {
        return features == 0;
    }

    /** Number of points (point features and multipoint parts). */
    public int pointCount() {
        return pointX.length;
    }

    /** x of each point. */
    public double[] pointX() {
        return pointX.clone();
    }

    /** y of each point. */
    public double[] pointY() {
        return pointY.clone();
    }

    /** Number of segments: line segments and polygon edges. */
    public int segmentCount() {
        return segments.length / 4;
    }

    /** All segments, four doubles each (ax, ay, bx, by): line segments, then polygon edges. */
    public double[] segments() {
        return segments.clone();
    }

    /** Line part j spans segments lineStart[j] .. lineStart[j+1]−1; length = line parts + 1. */
    public int[] lineStart() {
        return lineStart.clone();
    }

    /** Polygon part p has edges polygonStart[p] .. polygonStart[p+1]−1 (segment indices); length = parts + 1. */
    public int[] polygonStart() {
        return polygonStart.clone();
    }

    /** Number of polygon parts. */
    public int polygonCount() {
        return polygonStart.length - 1;
    }

    /** Number of line parts. */
    public int lineCount() {
        return lineStart.length - 1;
    }

    /** The representative point of each areal feature (see the class comment): x. */
    public double[] areaPointX() {
        return areaPointX.clone();
    }

    /** The representative point of each areal feature: y. */
    public double[] areaPointY() {
        return areaPointY.clone();
    }

    /**
     * The points a kernel density counts: the layer's points, then samples along each line part at spacing
     * at most {@code lineSpacing}, then one representative point per areal feature.
     *
     * @param lineSpacing the largest distance between line samples, positive
     */
    public Points densityPoints(double lineSpacing) {
        if (!(lineSpacing > 0) || Double.isInfinite(lineSpacing)) {
            throw new IllegalArgumentException("line sample spacing must be positive and finite");
        }
        DoubleList xs = new DoubleList();
        DoubleList ys = new DoubleList();
        for (int i = 0; i < pointX.length; i++) {
            xs.add(pointX[i]);
            ys.add(pointY[i]);
        }
        for (int part = 0; part + 1 < lineStart.length; part++) {
            sampleLine(lineStart[part], lineStart[part + 1], lineSpacing, xs, ys);
        }
        for (int i = 0; i < areaPointX.length; i++) {
            xs.add(areaPointX[i]);
            ys.add(areaPointY[i]);
        }
        return new Points(xs.toArray(), ys.toArray());
    }

    private void sampleLine(int s0, int s1, double spacing, DoubleList xs, DoubleList ys) {
        double length = 0;
        for (int s = s0; s < s1; s++) {
            length += Math.hypot(segments[4 * s + 2] - segments[4 * s], segments[4 * s + 3] - segments[4 * s + 1]);
        }
        if (!(length > 0)) {
            xs.add(segments[4 * s0]);
            ys.add(segments[4 * s0 + 1]);
            return;
        }
        int n = (int) Math.max(1, Math.ceil(length / spacing - 1e-9));
        double step = length / n;
        int s = s0;
        double before = 0;
        double segLen = Math.hypot(segments[4 * s + 2] - segments[4 * s], segments[4 * s + 3] - segments[4 * s + 1]);
        for (int j = 0; j < n; j++) {
            double at = (j + 0.5) * step;
            while (at > before + segLen && s + 1 < s1) {
                before += segLen;
                s++;
                segLen = Math.hypot(segments[4 * s + 2] - segments[4 * s], segments[4 * s + 3] - segments[4 * s + 1]);
            }
            double t = segLen > 0 ? Math.min(1, (at - before) / segLen) : 0;
            xs.add(segments[4 * s] + t * (segments[4 * s + 2] - segments[4 * s]));
            ys.add(segments[4 * s + 1] + t * (segments[4 * s + 3] - segments[4 * s + 1]));
        }
    }

    @Override
    public String toString() {
        return "FeatureArrays[" + features + " features: " + pointX.length + " points, " + lineCount()
                + " line parts, " + polygonCount() + " polygon parts, " + segmentCount() + " segments]";
    }

    /**
     * Points as two coordinate arrays of equal length.
     *
     * @param x x coordinates
     * @param y y coordinates
     */
    public record Points(double[] x, double[] y) {
        public Points {
            if (x.length != y.length) {
                throw new IllegalArgumentException("x and y differ in length");
            }
        }

        /** The number of points. */
        public int size() {
            return x.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Points p && Arrays.equals(p.x, x) && Arrays.equals(p.y, y);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(x) * 31 + Arrays.hashCode(y);
        }

        @Override
        public String toString() {
            return "Points[" + x.length + "]";
        }
    }

    private static final class Builder {
        private int features;
        private final DoubleList px = new DoubleList();
        private final DoubleList py = new DoubleList();
        private final DoubleList lineSegs = new DoubleList();
        private final List<Integer> lineParts = new ArrayList<>(List.of(0));
        private final DoubleList polySegs = new DoubleList();
        private final List<Integer> polyParts = new ArrayList<>(List.of(0));
        private final DoubleList ax = new DoubleList();
        private final DoubleList ay = new DoubleList();

        void add(Geometry g) {
            if (g.isEmpty()) {
                return;
            }
            features++;
            List<Polygon> polygons = new ArrayList<>();
            addParts(g, polygons);
            if (!polygons.isEmpty()) {
                Geometry areal = polygons.size() == 1 ? polygons.get(0)
                        : g.getFactory().createMultiPolygon(polygons.toArray(new Polygon[0]));
                Coordinate rep = areal.getCentroid().getCoordinate();
                if (rep == null || SimplePointInAreaLocator.locate(rep, areal) != Location.INTERIOR) {
                    rep = areal.getInteriorPoint().getCoordinate();
                }
                ax.add(rep.x);
                ay.add(rep.y);
            }
        }

        private void addParts(Geometry g, List<Polygon> polygons) {
            if (g.isEmpty()) {
                return;
            }
            if (g instanceof Point p) {
                px.add(p.getX());
                py.add(p.getY());
            } else if (g instanceof LineString line) {
                CoordinateSequence cs = line.getCoordinateSequence();
                if (cs.size() == 1) {
                    lineSegs.add(cs.getX(0), cs.getY(0), cs.getX(0), cs.getY(0));
                }
                for (int i = 0; i + 1 < cs.size(); i++) {
                    lineSegs.add(cs.getX(i), cs.getY(i), cs.getX(i + 1), cs.getY(i + 1));
                }
                lineParts.add(lineSegs.size() / 4);
            } else if (g instanceof Polygon polygon) {
                addRing(polygon.getExteriorRing().getCoordinateSequence());
                for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                    addRing(polygon.getInteriorRingN(h).getCoordinateSequence());
                }
                polyParts.add(polySegs.size() / 4);
                polygons.add(polygon);
            } else {
                for (int i = 0; i < g.getNumGeometries(); i++) {
                    addParts(g.getGeometryN(i), polygons);
                }
            }
        }

        private void addRing(CoordinateSequence ring) {
            for (int i = 0; i + 1 < ring.size(); i++) {
                polySegs.add(ring.getX(i), ring.getY(i), ring.getX(i + 1), ring.getY(i + 1));
            }
            int n = ring.size();
            if (n > 1 && (ring.getX(0) != ring.getX(n - 1) || ring.getY(0) != ring.getY(n - 1))) {
                polySegs.add(ring.getX(n - 1), ring.getY(n - 1), ring.getX(0), ring.getY(0));
            }
        }

        FeatureArrays build() {
            int lineSegCount = lineSegs.size() / 4;
            double[] segs = new double[lineSegs.size() + polySegs.size()];
            System.arraycopy(lineSegs.toArray(), 0, segs, 0, lineSegs.size());
            System.arraycopy(polySegs.toArray(), 0, segs, lineSegs.size(), polySegs.size());
            int[] ls = lineParts.stream().mapToInt(Integer::intValue).toArray();
            int[] ps = polyParts.stream().mapToInt(k -> k + lineSegCount).toArray();
            return new FeatureArrays(features, px.toArray(), py.toArray(), segs, ls, ps, ax.toArray(), ay.toArray());
        }
    }

    /** A growable double array (no boxing). */
    private static final class DoubleList {
        private double[] a = new double[16];
        private int n;

        void add(double v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        void add(double v0, double v1, double v2, double v3) {
            add(v0);
            add(v1);
            add(v2);
            add(v3);
        }

        int size() {
            return n;
        }

        double[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }
}
