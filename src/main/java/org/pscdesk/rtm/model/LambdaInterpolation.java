package org.pscdesk.rtm.model;

/**
 * Where a λ falls on a fitted path, as glmnet's {@code lambda.interp} (4.1-6) finds it: the path's λ values
 * are mapped to [0, 1] by (λ₁ − λ)/(λ₁ − λ_K), the new value is clamped into that range, its position is
 * linearly interpolated over the indices (R's {@code approx}, with its exact-knot rules), and the solution
 * is {@code fraction}·left + (1 − fraction)·right. A λ above the path's first value gets the first solution,
 * one below its last value the last solution.
 */
final class LambdaInterpolation {

    /** R's {@code .Machine$double.eps}. */
    private static final double MACHINE_EPS = Math.ulp(1.0);

    private LambdaInterpolation() {
    }

    /**
     * A position on a path.
     *
     * @param left index of the neighbour with the larger λ (0-based)
     * @param right index of the neighbour with the smaller λ (0-based; equal to left at a knot or an end)
     * @param fraction weight of the left solution, in [0, 1]
     */
    record Point(int left, int right, double fraction) {
    }

    /**
     * @param lambda the path's λ values, decreasing (at least one)
     * @param s the λ to place
     */
    static Point of(double[] lambda, double s) {
        int k = lambda.length;
        if (k == 1) {
            return new Point(0, 0, 1.0);
        }
        double first = lambda[0];
        double span = first - lambda[k - 1];
        double sfrac = (first - s) / span;
        double[] scaled = new double[k];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            scaled[i] = (first - lambda[i]) / span;
            min = Math.min(min, scaled[i]);
            max = Math.max(max, scaled[i]);
        }
        if (sfrac < min) {
            sfrac = min;
        }
        if (sfrac > max) {
            sfrac = max;
        }
        double coord = approx(scaled, sfrac);
        int left = (int) Math.floor(coord) - 1;
        int right = (int) Math.ceil(coord) - 1;
        double fraction = (sfrac - scaled[right]) / (scaled[left] - scaled[right]);
        if (left == right) {
            fraction = 1.0;
        }
        if (Math.abs(scaled[left] - scaled[right]) < MACHINE_EPS) {
            fraction = 1.0;
        }
        return new Point(left, right, fraction);
    }

    /** R's {@code approx(x, 1:k, v)$y} for increasing x and v inside [x₁, x_k] (src/library/stats/src/approx.c). */
    private static double approx(double[] x, double v) {
        int i = 0;
        int j = x.length - 1;
        while (i < j - 1) {
            int ij = (i + j) / 2;
            if (v < x[ij]) {
                j = ij;
            } else {
                i = ij;
            }
        }
        if (v == x[j]) {
            return j + 1;
        }
        if (v == x[i]) {
            return i + 1;
        }
        double yi = i + 1;
        double yj = j + 1;
        return yi + (yj - yi) * ((v - x[i]) / (x[j] - x[i]));
    }
}
