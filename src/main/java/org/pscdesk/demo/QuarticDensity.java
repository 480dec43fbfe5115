package org.pscdesk.demo;

/**
 * Quartic kernel density of points on a {@link StudyGrid}, as ArcGIS computes it (rtm-method.md §8.3):
 * <pre>  D(c) = Σ_p 3/(π h²) · (1 − (r_p/h)²)²   for r_p &lt; h, else 0,</pre>
 * with r_p the distance from the centre of cell c to point p and h the bandwidth (search radius), in
 * features per square CRS unit. "High" density (Density_h = 1) is D(c) &gt; μ + 2σ, where μ and σ are the
 * mean and population standard deviation (divisor n) of D over the in-study cells, zeros included.
 *
 * <p>Algorithm: exact per-point stamping over the cells whose centre lies within h of the point,
 * O(points · π h²/cs²). Agrees with the brute-force sum to rounding (summation order differs;
 * {@code QuarticDensityTest} checks 1e-12 relative). No points give D = 0 everywhere and no high cell.
 * Stateless and thread-safe.
 */
final class QuarticDensity {

    /** The cut of rtm-method §1.3: mean plus this many standard deviations. */
    static final double HIGH_SDS = 2.0;

    private QuarticDensity() {
    }

    /**
     * D(c) for every grid cell (row-major), inside and outside the study.
     */
    static double[] of(StudyGrid grid, double[] xs, double[] ys, double bandwidth) {
        double[] d = new double[grid.size()];
        double cs = grid.cellSize();
        double h2 = bandwidth * bandwidth;
        double norm = 3.0 / (Math.PI * h2);
        for (int p = 0; p < xs.length; p++) {
            int c0 = Math.max(0, (int) Math.floor((xs[p] - bandwidth - grid.x0()) / cs - 0.5));
            int c1 = Math.min(grid.nx() - 1, (int) Math.ceil((xs[p] + bandwidth - grid.x0()) / cs - 0.5));
            int r0 = Math.max(0, (int) Math.floor((ys[p] - bandwidth - grid.y0()) / cs - 0.5));
            int r1 = Math.min(grid.ny() - 1, (int) Math.ceil((ys[p] + bandwidth - grid.y0()) / cs - 0.5));
            for (int row = r0; row <= r1; row++) {
                double dy = grid.centreY(row) - ys[p];
                for (int col = c0; col <= c1; col++) {
                    double dx = grid.centreX(col) - xs[p];
                    double r2 = dx * dx + dy * dy;
                    if (r2 < h2) {
                        double w = 1 - r2 / h2;
                        d[row * grid.nx() + col] += norm * w * w;
                    }
                }
            }
        }
        return d;
    }

    /** μ + 2σ of the density over the in-study cells (population σ). */
    static double highThreshold(StudyGrid grid, double[] density) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < density.length; i++) {
            if (grid.inStudy(i)) {
                sum += density[i];
                n++;
            }
        }
        if (n == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double mean = sum / n;
        double ss = 0;
        for (int i = 0; i < density.length; i++) {
            if (grid.inStudy(i)) {
                double e = density[i] - mean;
                ss += e * e;
            }
        }
        return mean + HIGH_SDS * Math.sqrt(ss / n);
    }

    /** Density_h: true for in-study cells with D &gt; μ + 2σ. */
    static boolean[] high(StudyGrid grid, double[] density) {
        double cut = highThreshold(grid, density);
        boolean[] x = new boolean[grid.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = grid.inStudy(i) && density[i] > cut;
        }
        return x;
    }
}
