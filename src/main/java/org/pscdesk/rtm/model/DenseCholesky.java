package org.pscdesk.rtm.model;

/**
 * Cholesky factorization of small dense symmetric positive-definite matrices (k ≤ a few dozen), stored flat
 * row-major in {@code double[k * k]}; only the lower triangle is read. Used for the IRLS normal equations
 * (XᵀWX)β = XᵀWz and the Newton systems of the NBII fit, and for (XᵀWX)⁻¹ (standard errors).
 */
final class DenseCholesky {

    private DenseCholesky() {
    }

    /**
     * Overwrites the lower triangle of a with L, where a = LLᵀ.
     *
     * @return false when a is not (numerically) positive definite; a is then partly overwritten
     */
    static boolean decompose(double[] a, int k) {
        for (int j = 0; j < k; j++) {
            double d = a[j * k + j];
            for (int c = 0; c < j; c++) {
                d -= a[j * k + c] * a[j * k + c];
            }
            if (!(d > 0)) {
                return false;
            }
            double ljj = Math.sqrt(d);
            a[j * k + j] = ljj;
            for (int r = j + 1; r < k; r++) {
                double s = a[r * k + j];
                for (int c = 0; c < j; c++) {
                    s -= a[r * k + c] * a[j * k + c];
                }
                a[r * k + j] = s / ljj;
            }
        }
        return true;
    }

    /** Solves LLᵀx = b in place, L from {@link #decompose}. */
    static void solve(double[] l, int k, double[] b) {
        for (int r = 0; r < k; r++) {
            double s = b[r];
            for (int c = 0; c < r; c++) {
                s -= l[r * k + c] * b[c];
            }
            b[r] = s / l[r * k + r];
        }
        for (int r = k - 1; r >= 0; r--) {
            double s = b[r];
            for (int c = r + 1; c < k; c++) {
                s -= l[c * k + r] * b[c];
            }
            b[r] = s / l[r * k + r];
        }
    }

    /** The diagonal of (LLᵀ)⁻¹, L from {@link #decompose}. */
    static double[] inverseDiagonal(double[] l, int k) {
        double[] diag = new double[k];
        double[] e = new double[k];
        for (int j = 0; j < k; j++) {
            java.util.Arrays.fill(e, 0);
            e[j] = 1;
            solve(l, k, e);
            diag[j] = e[j];
        }
        return diag;
    }

    /**
     * Which columns of a Gram matrix a = XᵀDX (D positive diagonal) are numerically linear combinations of the
     * columns before them: column j is aliased when the squared norm of its residual after projection on the
     * earlier non-aliased columns is at most {@code tolerance} times its own squared norm. This is the rule of
     * R's QR with limited pivoting (dqrdc2), which drops such columns in their original order, applied to the
     * normal equations; the tolerance is on the squared ratio because the Gram matrix squares it.
     */
    static boolean[] aliased(double[] a, int k, double tolerance) {
        double[] l = new double[k * k];
        boolean[] out = new boolean[k];
        for (int j = 0; j < k; j++) {
            double ajj = a[j * k + j];
            double d = ajj;
            for (int c = 0; c < j; c++) {
                if (!out[c]) {
                    d -= l[j * k + c] * l[j * k + c];
                }
            }
            if (!(ajj > 0) || d <= tolerance * ajj) {
                out[j] = true;
                continue;
            }
            double ljj = Math.sqrt(d);
            l[j * k + j] = ljj;
            for (int r = j + 1; r < k; r++) {
                double s = a[r * k + j];
                for (int c = 0; c < j; c++) {
                    if (!out[c]) {
                        s -= l[r * k + c] * l[j * k + c];
                    }
                }
                l[r * k + j] = s / ljj;
            }
        }
        return out;
    }
}
