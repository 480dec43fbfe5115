package org.pscdesk.demo;

import java.util.List;

/**
 * A small NB2 regression with known θ for tests: log μ = b0 + Σ β_k x_k with binary x, fitted by iteratively
 * reweighted least squares (weights μ/(1 + μ/θ), the GLM working weights of MASS::glm.nb for fixed θ), with
 * standard errors from the inverse Fisher information. Dense normal equations: fine for a handful of terms.
 */
final class Nb2Fit {

    private static final int MAX_ITERATIONS = 100;
    private static final double TOLERANCE = 1e-10;

    final double[] beta;
    final double[] se;

    private Nb2Fit(double[] beta, double[] se) {
        this.beta = beta;
        this.se = se;
    }

    /**
     * Fits y on the given binary variables over the cells where {@code use} is true.
     *
     * @throws IllegalStateException when IRLS does not converge in 100 iterations
     */
    static Nb2Fit fit(int[] y, List<boolean[]> x, boolean[] use, double theta) {
        int p = x.size() + 1;
        double[] b = new double[p];
        double sum = 0;
        int n = 0;
        for (int i = 0; i < y.length; i++) {
            if (use[i]) {
                sum += y[i];
                n++;
            }
        }
        b[0] = Math.log(sum / n);
        double[][] info = new double[p][p];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            info = new double[p][p];
            double[] rhs = new double[p];
            double[] row = new double[p];
            for (int i = 0; i < y.length; i++) {
                if (!use[i]) {
                    continue;
                }
                row[0] = 1;
                double eta = b[0];
                for (int k = 1; k < p; k++) {
                    row[k] = x.get(k - 1)[i] ? 1 : 0;
                    eta += b[k] * row[k];
                }
                double mu = Math.exp(eta);
                double w = mu / (1 + mu / theta);
                double z = eta + (y[i] - mu) / mu;
                for (int r = 0; r < p; r++) {
                    rhs[r] += w * row[r] * z;
                    for (int c = 0; c < p; c++) {
                        info[r][c] += w * row[r] * row[c];
                    }
                }
            }
            double[] next = solve(info, rhs);
            double change = 0;
            for (int k = 0; k < p; k++) {
                change = Math.max(change, Math.abs(next[k] - b[k]));
            }
            b = next;
            if (change < TOLERANCE) {
                double[] se = new double[p];
                for (int k = 0; k < p; k++) {
                    double[] unit = new double[p];
                    unit[k] = 1;
                    se[k] = Math.sqrt(solve(info, unit)[k]);
                }
                return new Nb2Fit(b, se);
            }
        }
        throw new IllegalStateException("IRLS did not converge");
    }

    /** Gaussian elimination with partial pivoting on copies. */
    private static double[] solve(double[][] a, double[] v) {
        int p = v.length;
        double[][] m = new double[p][];
        for (int r = 0; r < p; r++) {
            m[r] = new double[p + 1];
            System.arraycopy(a[r], 0, m[r], 0, p);
            m[r][p] = v[r];
        }
        for (int c = 0; c < p; c++) {
            int pivot = c;
            for (int r = c + 1; r < p; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = m[c];
            m[c] = m[pivot];
            m[pivot] = t;
            for (int r = 0; r < p; r++) {
                if (r != c) {
                    double f = m[r][c] / m[c][c];
                    for (int k = c; k <= p; k++) {
                        m[r][k] -= f * m[c][k];
                    }
                }
            }
        }
        double[] out = new double[p];
        for (int r = 0; r < p; r++) {
            out[r] = m[r][p] / m[r][r];
        }
        return out;
    }
}
