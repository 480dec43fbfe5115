package org.pscdesk.rtm.influence;

import org.pscdesk.geo.FeatureArrays;
import org.pscdesk.geo.Grid;
import org.pscdesk.geo.StudyMask;

/**
 * Quartic (biweight) kernel density at each in-study cell centre, as ArcGIS Kernel Density computes it
 * (rtm-method.md §8.3):
 * <pre>  D(c) = Σ_p 3/(π h²) · (1 − (r_p/h)²)²   over points p with r_p &lt; h,</pre>
 * where r_p is the distance from the centre of cell c to point p and h is the bandwidth (search radius), in
 * points per square working-CRS unit. The kernel integrates to 1, so far from the grid's edges Σ D·cs² is
 * about the number of points. Points anywhere count, inside the study area or not; no points give D = 0.
 * Lines and polygons enter as the points of {@link FeatureArrays#densityPoints(double)}.
 *
 * <p>Algorithm: exact per-point stamping onto the cells whose centre can lie within h of the point,
 * O(points · π h²/cs²), with w = 1 − r²/h² and the term computed as norm·w·w. Per cell the terms are added in
 * point order, so the result equals the direct sum Σ_p in point order bit for bit (and the demo generator's
 * density, which uses the same expression). Stateless and thread-safe.
 */
public final class QuarticDensity {

    /** Window slack in cells: far above rounding in (x − x0)/cs, far below a cell. */
    private static final double SLACK = 0.01;

    private QuarticDensity() {
    }

    /**
     * D(c) for each in-study cell, in table order.
     *
     * @param bandwidth h, positive and finite
     */
    public static double[] of(StudyMask mask, FeatureArrays.Points points, double bandwidth) {
        return of(mask, points.x(), points.y(), bandwidth);
    }

    /**
     * D(c) for each in-study cell, in table order, of the points (xs[i], ys[i]).
     *
     * @param bandwidth h, positive and finite
     */
    public static double[] of(StudyMask mask, double[] xs, double[] ys, double bandwidth) {
        if (!(bandwidth > 0) || Double.isInfinite(bandwidth)) {
            throw new IllegalArgumentException("the bandwidth must be positive and finite, not " + bandwidth);
        }
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("x and y differ in length");
        }
        double[] d = new double[mask.size()];
        if (mask.isEmpty()) {
            return d;
        }
        Grid g = mask.grid();
        double cs = g.cellSize();
        double h2 = bandwidth * bandwidth;
        double norm = 3.0 / (Math.PI * h2);
        for (int p = 0; p < xs.length; p++) {
            double x = xs[p];
            double y = ys[p];
            // rows, then per row the columns, whose centres can lie within h; SLACK absorbs rounding, and
            // the r² < h² test below decides
            int r0 = (int) Math.max(0, Math.ceil((y - bandwidth - g.y0()) / cs - 0.5 - SLACK));
            int r1 = (int) Math.min(g.ny() - 1, Math.floor((y + bandwidth - g.y0()) / cs - 0.5 + SLACK));
            for (int row = r0; row <= r1; row++) {
                double dy = g.centreY(row) - y;
                double halfWidth = Math.sqrt(Math.max(0, h2 - dy * dy));
                int c0 = (int) Math.max(0, Math.ceil((x - halfWidth - g.x0()) / cs - 0.5 - SLACK));
                int c1 = (int) Math.min(g.nx() - 1, Math.floor((x + halfWidth - g.x0()) / cs - 0.5 + SLACK));
                int base = row * g.nx();
                for (int col = c0; col <= c1; col++) {
                    double dx = g.centreX(col) - x;
                    double r2 = dx * dx + dy * dy;
                    if (r2 < h2) {
                        int k = mask.tableIndex(base + col);
                        if (k >= 0) {
                            double w = 1 - r2 / h2;
                            d[k] += norm * w * w;
                        }
                    }
                }
            }
        }
        return d;
    }
}
