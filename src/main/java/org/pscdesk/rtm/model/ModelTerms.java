package org.pscdesk.rtm.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns a fit can estimate: the requested variables minus those the {@link ModelFrame} screens out
 * (constant, no events) and those aliased with the intercept and earlier variables (R's QR order), plus the
 * shared assembly of coefficients and warnings. Package-private plumbing of the three fitters.
 */
final class ModelTerms {

    /**
     * Squared residual-norm ratio below which a column counts as aliased (≈ 3e-5 on the norm). R's QR uses 1e-11
     * on the norm of the weighted column; on the Gram matrix that is not resolvable, and for binary columns the
     * smallest genuine ratio is about 1/n ≫ 1e-9, while exact aliasing leaves rounding noise near 1e-15.
     */
    static final double ALIAS_TOLERANCE = 1e-9;
    /** R's threshold for "fitted rates numerically 0" (glm.fit: 10 * .Machine$double.eps). */
    static final double ZERO_RATE = 10 * Math.ulp(1.0);

    /**
     * @param groups the grouped rows over all requested variables
     * @param cols the fitted model-matrix columns (0 = intercept), ascending
     * @param dropped the requested variables left out, in model order
     * @param separation null, or a message naming the variables whose coefficients diverge (see
     *                   {@link #separation})
     */
    record Prepared(CovariateGroups groups, int[] cols, List<DroppedVariable> dropped, String separation) {
    }

    private ModelTerms() {
    }

    static Prepared prepare(ModelFrame frame, int[] vars) {
        List<Integer> keep = new ArrayList<>();
        for (int v : vars) {
            if (v < 0 || v >= frame.design().p()) {
                throw new IllegalArgumentException("no variable " + v + " in the design (it has " + frame.design().p()
                        + ")");
            }
        }
        for (int v : vars) {
            if (frame.screen(v) == null) {
                keep.add(v);
            }
        }
        int[] kept = keep.stream().mapToInt(Integer::intValue).toArray();
        Prepared p = prepare(frame.groups(kept));
        List<DroppedVariable> dropped = new ArrayList<>();
        for (int v : vars) {
            DroppedVariable.Reason r = frame.screen(v);
            if (r != null) {
                dropped.add(new DroppedVariable(v, frame.design().name(v), r));
            } else {
                for (DroppedVariable d : p.dropped()) {
                    if (d.variable() == v) {
                        dropped.add(d);
                    }
                }
            }
        }
        return new Prepared(p.groups(), p.cols(), dropped, p.separation());
    }

    static Prepared prepare(CovariateGroups g) {
        ModelFrame frame = g.frame;
        int k = g.k;
        boolean[] screened = new boolean[k];
        for (int j = 0; j < g.vars.length; j++) {
            screened[j + 1] = frame.screen(g.vars[j]) != null;
        }
        double[] gram = new double[k * k];
        for (int q = 0; q < g.m; q++) {
            double n = g.count[q];
            for (int a = 0; a < k; a++) {
                double xa = g.x[q * k + a];
                if (xa == 0) {
                    continue;
                }
                for (int b = 0; b < k; b++) {
                    gram[a * k + b] += n * xa * g.x[q * k + b];
                }
            }
        }
        for (int a = 0; a < k; a++) {
            if (screened[a]) {
                // a screened column takes no part: zero its row and column so the alias test passes over it
                for (int b = 0; b < k; b++) {
                    gram[a * k + b] = 0;
                    gram[b * k + a] = 0;
                }
            }
        }
        boolean[] aliased = DenseCholesky.aliased(gram, k, ALIAS_TOLERANCE);
        List<DroppedVariable> dropped = new ArrayList<>();
        int fitted = 0;
        for (int a = 0; a < k; a++) {
            if (screened[a]) {
                int v = g.vars[a - 1];
                dropped.add(new DroppedVariable(v, frame.design().name(v), frame.screen(v)));
            } else if (aliased[a]) {
                int v = g.vars[a - 1];
                dropped.add(new DroppedVariable(v, frame.design().name(v), DroppedVariable.Reason.ALIASED));
            } else {
                fitted++;
            }
        }
        int[] cols = new int[fitted];
        for (int a = 0, c = 0; a < k; a++) {
            if (!screened[a] && !aliased[a]) {
                cols[c++] = a;
            }
        }
        return new Prepared(g, cols, dropped, separation(g, cols));
    }

    /**
     * Detects (quasi-)complete separation: a direction d with Xd = 0 on every group with events and Xd ≤ 0 on
     * the groups without, not all 0. Along it the likelihood rises without bound (those groups' means go to 0),
     * so the maximum-likelihood estimate does not exist; R's glm stops at large coefficients with huge standard
     * errors. Typical case: two nested bands of one factor whose ring (outer band minus inner) has no events.
     * Such d lie in the null space of the events-only Gram matrix; each basis vector of that null space (from
     * the sequential Cholesky, one per column that is a combination of earlier ones on the rows with events) is
     * tested for one sign on the groups without events. This finds every separation along a single basis
     * direction (all cases with one degenerate combination); a separation that needs a mix of several is left to
     * the fitted-rate test ({@link #anyZeroRate}).
     *
     * @return null, or a message naming the variables involved
     */
    static String separation(CovariateGroups g, int[] cols) {
        int kk = cols.length;
        int k = g.k;
        double[] gram = new double[kk * kk];
        for (int q = 0; q < g.m; q++) {
            if (g.sumY[q] == 0) {
                continue;
            }
            double n = g.count[q];
            for (int a = 0; a < kk; a++) {
                double xa = g.x[q * k + cols[a]];
                if (xa == 0) {
                    continue;
                }
                for (int b = 0; b < kk; b++) {
                    gram[a * kk + b] += n * xa * g.x[q * k + cols[b]];
                }
            }
        }
        double[] l = new double[kk * kk];
        boolean[] degenerate = new boolean[kk];
        for (int j = 0; j < kk; j++) {
            double ajj = gram[j * kk + j];
            double d = ajj;
            for (int c = 0; c < j; c++) {
                if (!degenerate[c]) {
                    d -= l[j * kk + c] * l[j * kk + c];
                }
            }
            if (!(ajj > 0) || d <= ALIAS_TOLERANCE * ajj) {
                degenerate[j] = true;
                String message = testDirection(g, cols, nullVector(gram, l, degenerate, kk, j));
                if (message != null) {
                    return message;
                }
                continue;
            }
            double ljj = Math.sqrt(d);
            l[j * kk + j] = ljj;
            for (int r = j + 1; r < kk; r++) {
                double s = gram[r * kk + j];
                for (int c = 0; c < j; c++) {
                    if (!degenerate[c]) {
                        s -= l[r * kk + c] * l[j * kk + c];
                    }
                }
                l[r * kk + j] = s / ljj;
            }
        }
        return null;
    }

    /** e_j minus the projection of column j on the earlier non-degenerate columns (in the events-only Gram). */
    private static double[] nullVector(double[] gram, double[] l, boolean[] degenerate, int kk, int j) {
        int[] idx = new int[j];
        int m = 0;
        for (int c = 0; c < j; c++) {
            if (!degenerate[c]) {
                idx[m++] = c;
            }
        }
        double[] rhs = new double[m];
        for (int a = 0; a < m; a++) {
            rhs[a] = gram[idx[a] * kk + j];
        }
        // forward and back substitution with the (complete) factor rows of the earlier columns
        for (int a = 0; a < m; a++) {
            double s = rhs[a];
            for (int b = 0; b < a; b++) {
                s -= l[idx[a] * kk + idx[b]] * rhs[b];
            }
            rhs[a] = s / l[idx[a] * kk + idx[a]];
        }
        for (int a = m - 1; a >= 0; a--) {
            double s = rhs[a];
            for (int b = a + 1; b < m; b++) {
                s -= l[idx[b] * kk + idx[a]] * rhs[b];
            }
            rhs[a] = s / l[idx[a] * kk + idx[a]];
        }
        double[] v = new double[kk];
        v[j] = 1;
        for (int a = 0; a < m; a++) {
            v[idx[a]] = -rhs[a];
        }
        return v;
    }

    private static String testDirection(CovariateGroups g, int[] cols, double[] v) {
        int kk = cols.length;
        double scale = 0;
        for (double c : v) {
            scale = Math.max(scale, Math.abs(c));
        }
        double tol = 1e-7 * scale;
        boolean anyNegative = false;
        boolean anyPositive = false;
        for (int q = 0; q < g.m; q++) {
            double t = 0;
            double size = 0;
            for (int a = 0; a < kk; a++) {
                double term = g.x[q * g.k + cols[a]] * v[a];
                t += term;
                size = Math.max(size, Math.abs(term));
            }
            double eps = Math.max(tol, 1e-9 * size);
            if (g.sumY[q] > 0) {
                if (Math.abs(t) > eps) {
                    return null; // not a null direction of the rows with events after all (rounding)
                }
            } else if (t < -eps) {
                anyNegative = true;
            } else if (t > eps) {
                anyPositive = true;
            }
        }
        if (anyNegative == anyPositive) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (int a = 0; a < kk; a++) {
            if (cols[a] > 0 && Math.abs(v[a]) > 1e-9 * scale) {
                names.add(g.frame.design().name(g.vars[cols[a] - 1]));
            }
        }
        return "separation: no events in the cells where " + String.join(", ", names)
                + " differ, so their coefficients diverge and the estimates are not finite";
    }

    /** Coefficients with standard errors from the diagonal of the inverse information (NaN when unknown). */
    static List<Coefficient> coefficients(Prepared p, double[] beta, double[] varianceDiagonal) {
        List<Coefficient> out = new ArrayList<>();
        for (int c = 0; c < p.cols().length; c++) {
            int col = p.cols()[c];
            int variable = col == 0 ? -1 : p.groups().vars[col - 1];
            String name = col == 0 ? Coefficient.INTERCEPT : p.groups().frame.design().name(variable);
            double se = varianceDiagonal == null ? Double.NaN : Math.sqrt(varianceDiagonal[c]);
            out.add(Coefficient.of(name, variable, beta[c], se));
        }
        return out;
    }

    /** Whether some group's fitted mean is numerically 0. */
    static boolean anyZeroRate(double[] eta) {
        for (double e : eta) {
            if (Math.exp(e) < ZERO_RATE) {
                return true;
            }
        }
        return false;
    }

    /** The entries of a full-length start vector (intercept + all requested variables) for the fitted columns. */
    static double[] startFor(Prepared p, double[] start) {
        if (start == null) {
            return null;
        }
        if (start.length != p.groups().k) {
            throw new IllegalArgumentException("start has " + start.length + " values; the model has "
                    + p.groups().k + " columns (intercept + variables)");
        }
        double[] s = new double[p.cols().length];
        for (int c = 0; c < s.length; c++) {
            s[c] = start[p.cols()[c]];
        }
        return s;
    }

    /** Poisson log-likelihood Σ[y log μ − μ − log y!] with log μ = η per group. */
    static double poissonLogLik(CovariateGroups g, double[] eta) {
        double s = 0;
        for (int q = 0; q < g.m; q++) {
            s += g.sumY[q] * eta[q] - g.count[q] * Math.exp(eta[q]);
        }
        return s - g.frame.sumLogFactorial;
    }
}
