package org.pscdesk.rtm.influence;

import java.util.Arrays;

/**
 * A uniform bucket grid over segments (a point is a segment of length 0) answering "squared distance from
 * (x, y) to the nearest segment, if at most a cap". Each segment is listed in every bucket whose closed box it
 * touches, widened by a slack δ that absorbs rounding; a query visits buckets in rings of growing Chebyshev
 * radius around its own and stops once the distance to the outside of the visited box, minus δ, is at least
 * the best distance found, so the answer is the exact minimum over all segments (same arithmetic as
 * {@link #distance2}). Not thread-safe for building; queries are read-only and may run in parallel.
 */
final class SegmentIndex {

    /** Buckets at most (memory: one int each, plus the item lists). */
    private static final long MAX_BUCKETS = 4_000_000L;

    private final double[] seg;
    private final double bx0;
    private final double by0;
    private final double bucket;
    private final int bnx;
    private final int bny;
    private final int[] start;
    private final int[] items;
    private final double slack;

    /**
     * @param seg segments, four doubles each (ax, ay, bx, by)
     * @param minX the box to index (every segment must lie in it)
     * @param minCell a lower bound for the bucket side (the cell size)
     */
    SegmentIndex(double[] seg, double minX, double minY, double maxX, double maxY, double minCell) {
        this.seg = seg;
        int n = seg.length / 4;
        double w = Math.max(maxX - minX, minCell);
        double h = Math.max(maxY - minY, minCell);
        // about four segments per bucket on average (fastest on St. Louis parcels and points at 50 to 200 ft
        // cells), never finer than a cell nor more than MAX_BUCKETS
        double b = Math.max(minCell, 2 * Math.sqrt(w * h / Math.max(1, n)));
        b = Math.max(b, Math.sqrt(w * h / MAX_BUCKETS) * 1.01);
        this.bucket = b;
        this.bx0 = minX;
        this.by0 = minY;
        this.bnx = (int) Math.min(Integer.MAX_VALUE, Math.max(1, (long) Math.ceil(w / b)));
        this.bny = (int) Math.min(Integer.MAX_VALUE, Math.max(1, (long) Math.ceil(h / b)));
        double magnitude = Math.max(Math.max(Math.abs(minX), Math.abs(maxX)), Math.max(Math.abs(minY), Math.abs(maxY)));
        this.slack = 1e-9 * b + 1e-12 * magnitude;

        int[] count = new int[bnx * bny + 1];
        forEachBucket(n, (s, cell) -> count[cell + 1]++);
        for (int i = 0; i < bnx * bny; i++) {
            count[i + 1] += count[i];
        }
        this.start = count.clone();
        this.items = new int[count[bnx * bny]];
        int[] fill = Arrays.copyOf(count, bnx * bny);
        forEachBucket(n, (s, cell) -> items[fill[cell]++] = s);
    }

    private interface BucketSink {
        void accept(int segment, int bucketIndex);
    }

    /** Calls sink for every (segment, bucket) pair where the segment touches the bucket's box widened by δ. */
    private void forEachBucket(int n, BucketSink sink) {
        for (int s = 0; s < n; s++) {
            double ax = seg[4 * s];
            double ay = seg[4 * s + 1];
            double bx = seg[4 * s + 2];
            double by = seg[4 * s + 3];
            int r0 = clampRow(Math.floor((Math.min(ay, by) - slack - by0) / bucket));
            int r1 = clampRow(Math.floor((Math.max(ay, by) + slack - by0) / bucket));
            for (int r = r0; r <= r1; r++) {
                double xmin;
                double xmax;
                if (r0 == r1 || ay == by) {
                    xmin = Math.min(ax, bx);
                    xmax = Math.max(ax, bx);
                } else {
                    double s0 = by0 + r * bucket - slack;
                    double s1 = by0 + (r + 1) * bucket + slack;
                    double ta = clamp01((s0 - ay) / (by - ay));
                    double tb = clamp01((s1 - ay) / (by - ay));
                    double xa = ax + ta * (bx - ax);
                    double xb = ax + tb * (bx - ax);
                    xmin = Math.min(xa, xb);
                    xmax = Math.max(xa, xb);
                }
                int c0 = clampCol(Math.floor((xmin - slack - bx0) / bucket));
                int c1 = clampCol(Math.floor((xmax + slack - bx0) / bucket));
                for (int c = c0; c <= c1; c++) {
                    sink.accept(s, r * bnx + c);
                }
            }
        }
    }

    private int clampRow(double r) {
        return (int) Math.max(0, Math.min(bny - 1, r));
    }

    private int clampCol(double c) {
        return (int) Math.max(0, Math.min(bnx - 1, c));
    }

    private static double clamp01(double t) {
        return t < 0 ? 0 : t > 1 ? 1 : t;
    }

    /**
     * The squared distance from (x, y) to the nearest segment when it is at most cap2, else +∞.
     * (x, y) must lie in the indexed box.
     */
    double nearest2(double x, double y, double cap2) {
        int bi = clampCol(Math.floor((x - bx0) / bucket));
        int bj = clampRow(Math.floor((y - by0) / bucket));
        // accept d2 ≤ cap2: start just above it
        double best2 = cap2 == Double.POSITIVE_INFINITY ? cap2 : Math.nextUp(cap2);
        int maxRing = Math.max(Math.max(bi, bnx - 1 - bi), Math.max(bj, bny - 1 - bj));
        for (int k = 0; k <= maxRing; k++) {
            int j0 = bj - k;
            int j1 = bj + k;
            for (int j = Math.max(0, j0); j <= Math.min(bny - 1, j1); j++) {
                boolean edgeRow = j == j0 || j == j1;
                int step = edgeRow ? 1 : 2 * k;
                for (int i = bi - k; i <= bi + k; i += Math.max(1, step)) {
                    if (i < 0 || i >= bnx) {
                        continue;
                    }
                    if (boxGap2(x, y, i, j) >= best2) {
                        continue;
                    }
                    for (int p = start[j * bnx + i]; p < start[j * bnx + i + 1]; p++) {
                        double d2 = distance2(seg, items[p], x, y);
                        if (d2 < best2) {
                            best2 = d2;
                        }
                    }
                }
            }
            // everything not yet visited lies outside the ring-k box, at least `reach` away
            double reach = Math.min(Math.min(x - (bx0 + (bi - k) * bucket), bx0 + (bi + k + 1) * bucket - x),
                    Math.min(y - (by0 + (bj - k) * bucket), by0 + (bj + k + 1) * bucket - y)) - slack;
            if (reach > 0 && reach * reach >= best2) {
                break;
            }
        }
        return best2 > cap2 ? Double.POSITIVE_INFINITY : best2;
    }

    /** A lower bound (by δ) of the squared distance from (x, y) to bucket (i, j)'s box. */
    private double boxGap2(double x, double y, int i, int j) {
        double gx = Math.max(0, Math.max(bx0 + i * bucket - x, x - (bx0 + (i + 1) * bucket)) - slack);
        double gy = Math.max(0, Math.max(by0 + j * bucket - y, y - (by0 + (j + 1) * bucket)) - slack);
        return gx * gx + gy * gy;
    }

    /**
     * Squared distance from (px, py) to segment s: to its nearest point a + t·(b − a), t clamped to [0, 1]
     * (the same expression as the demo generator, so results agree bit for bit).
     */
    static double distance2(double[] seg, int s, double px, double py) {
        double ax = seg[4 * s];
        double ay = seg[4 * s + 1];
        double vx = seg[4 * s + 2] - ax;
        double vy = seg[4 * s + 3] - ay;
        double len2 = vx * vx + vy * vy;
        if (len2 == 0) {
            double dx = px - ax;
            double dy = py - ay;
            return dx * dx + dy * dy;
        }
        double t = ((px - ax) * vx + (py - ay) * vy) / len2;
        t = Math.max(0, Math.min(1, t));
        double dx = px - (ax + t * vx);
        double dy = py - (ay + t * vy);
        return dx * dx + dy * dy;
    }
}
