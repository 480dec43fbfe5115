package org.pscdesk.rtm.model;

/**
 * R's {@code glm.fit} for the log link with Poisson variance (V = μ) or negative binomial variance with fixed θ
 * (V = μ + μ²/θ, MASS's {@code negative.binomial(theta)} family), over {@link CovariateGroups}.
 *
 * <p>Iteration as glm.fit: working weights w = μ²/V and responses z = η + (y − μ)/μ; solve
 * (XᵀWX)β = XᵀWz by Cholesky; deviance; stop when |dev − dev<sub>old</sub>|/(|dev| + 0.1) &lt; ε, returning the
 * β of that last solve, with XᵀWX of that solve (weights from the previous μ, as R's QR) for standard errors.
 * Starts as glm.fit: from R's {@code mustart} per row (Poisson y + 0.1; negative binomial y + [y = 0]/6), from a
 * given η per group ({@code etastart}), or from coefficients ({@code start}). Step-halving towards the previous
 * coefficients: as glm.fit when the deviance is not finite or μ leaves (0, ∞), and also (as glm2, not glm.fit)
 * when the deviance rises by more than the convergence tolerance; glm.fit has no previous coefficients on its
 * first iteration from mustart or etastart, and neither do we. Within a group every row has the same μ, so the
 * sums over rows are sums over groups; the first iteration from mustart, where μ varies within a group, uses
 * the groups' count histograms.
 */
final class Irls {

    enum StartKind { MUSTART, ETA, BETA }

    /**
     * @param beta coefficients of the fitted columns
     * @param eta per group
     * @param information XᵀWX of the last solve, packed kk × kk (kk = number of fitted columns), Cholesky factor
     * @param failure null, or why no valid coefficients were found (R stops with an error there)
     */
    record Result(double[] beta, double[] eta, double deviance, int iterations, boolean converged, boolean boundary,
                  boolean halved, double[] information, String failure) {
    }

    private Irls() {
    }

    /**
     * @param g the grouped rows
     * @param cols the model-matrix columns to fit (0 = intercept), ascending; the others are aliased
     * @param theta NaN for Poisson, else the negative binomial θ
     * @param kind how to start
     * @param start η per group (ETA) or coefficients per fitted column (BETA); null for MUSTART
     */
    static Result fit(CovariateGroups g, int[] cols, double theta, StartKind kind, double[] start, GlmOptions options) {
        final boolean poisson = Double.isNaN(theta);
        final int m = g.m;
        final int k = g.k;
        final int kk = cols.length;
        final double[] x = g.x;
        final double[] count = g.count;
        final double[] sumY = g.sumY;

        double[] eta = new double[m];
        double[] beta = new double[kk];
        double[] coefOld = null;
        double devOld;
        double[] wSum = new double[m];
        double[] wzSum = new double[m];
        boolean firstFromRows = false;
        switch (kind) {
            case MUSTART -> {
                firstFromRows = true;
                devOld = mustartFirstIteration(g, theta, wSum, wzSum);
            }
            case ETA -> {
                System.arraycopy(start, 0, eta, 0, m);
                devOld = deviance(g, eta, theta);
            }
            case BETA -> {
                System.arraycopy(start, 0, beta, 0, kk);
                linearPredictor(x, k, m, cols, beta, eta);
                coefOld = beta.clone();
                devOld = deviance(g, eta, theta);
            }
            default -> throw new IllegalStateException();
        }
        if (!Double.isFinite(devOld)) {
            return new Result(beta, eta, Double.NaN, 0, false, false, false, null,
                    "no valid starting values (the starting deviance is not finite)");
        }

        double[] xtwx = new double[kk * kk];
        double[] xtwz = new double[kk];
        double dev = devOld;
        boolean converged = false;
        boolean boundary = false;
        boolean halved = false;
        int iter = 0;
        for (iter = 1; iter <= options.maxIterations(); iter++) {
            if (!firstFromRows) {
                for (int q = 0; q < m; q++) {
                    double mu = Math.exp(eta[q]);
                    double w = poisson ? mu : mu / (1 + mu / theta);
                    double n = count[q];
                    wSum[q] = n * w;
                    wzSum[q] = w * (n * eta[q] + (sumY[q] - n * mu) / mu);
                }
            }
            firstFromRows = false;
            java.util.Arrays.fill(xtwx, 0);
            java.util.Arrays.fill(xtwz, 0);
            for (int q = 0; q < m; q++) {
                double w = wSum[q];
                double wz = wzSum[q];
                int row = q * k;
                for (int a = 0; a < kk; a++) {
                    double xa = x[row + cols[a]];
                    if (xa == 0) {
                        continue;
                    }
                    xtwz[a] += xa * wz;
                    double wxa = w * xa;
                    for (int b = 0; b <= a; b++) {
                        xtwx[a * kk + b] += wxa * x[row + cols[b]];
                    }
                }
            }
            if (!DenseCholesky.decompose(xtwx, kk)) {
                return new Result(beta, eta, dev, iter, false, boundary, halved, null,
                        "the weighted cross-product matrix is not positive definite at iteration " + iter);
            }
            double[] next = xtwz.clone();
            DenseCholesky.solve(xtwx, kk, next);
            for (double b : next) {
                if (!Double.isFinite(b)) {
                    return new Result(beta, eta, dev, iter, false, boundary, halved, null,
                            "non-finite coefficients at iteration " + iter);
                }
            }
            beta = next;
            linearPredictor(x, k, m, cols, beta, eta);
            dev = deviance(g, eta, theta);
            if (!Double.isFinite(dev) || !validMu(eta)) {
                if (coefOld == null) {
                    return new Result(beta, eta, dev, iter, false, true, halved, null,
                            "no valid set of coefficients has been found: please supply starting values");
                }
                for (int h = 1; !Double.isFinite(dev) || !validMu(eta); h++) {
                    if (h > options.maxIterations()) {
                        return new Result(beta, eta, dev, iter, false, true, halved, null,
                                "cannot correct the step size (inner loop)");
                    }
                    for (int a = 0; a < kk; a++) {
                        beta[a] = (beta[a] + coefOld[a]) / 2;
                    }
                    linearPredictor(x, k, m, cols, beta, eta);
                    dev = deviance(g, eta, theta);
                }
                boundary = true;
            } else if (coefOld != null && rose(dev, devOld, options)) {
                for (int h = 1; h <= options.maxIterations() && rose(dev, devOld, options); h++) {
                    for (int a = 0; a < kk; a++) {
                        beta[a] = (beta[a] + coefOld[a]) / 2;
                    }
                    linearPredictor(x, k, m, cols, beta, eta);
                    dev = deviance(g, eta, theta);
                    halved = true;
                }
            }
            if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < options.epsilon()) {
                converged = true;
                break;
            }
            devOld = dev;
            coefOld = beta.clone();
        }
        return new Result(beta, eta, dev, Math.min(iter, options.maxIterations()), converged, boundary, halved, xtwx,
                null);
    }

    /** The deviance rose by more than the convergence tolerance. */
    private static boolean rose(double dev, double devOld, GlmOptions options) {
        return dev - devOld > options.epsilon() * (Math.abs(dev) + 0.1);
    }

    static void linearPredictor(double[] x, int k, int m, int[] cols, double[] beta, double[] eta) {
        for (int q = 0; q < m; q++) {
            double s = 0;
            int row = q * k;
            for (int a = 0; a < cols.length; a++) {
                s += x[row + cols[a]] * beta[a];
            }
            eta[q] = s;
        }
    }

    private static boolean validMu(double[] eta) {
        for (double e : eta) {
            double mu = Math.exp(e);
            if (!(mu > 0) || Double.isInfinite(mu)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The deviance with μ = exp(η) per group. Poisson: 2Σ[y log(y/μ) − (y − μ)]; negative binomial:
     * 2Σ[y log(max(1, y)/μ) − (y + θ) log((y + θ)/(μ + θ))] (MASS's dev.resids), summed over each group's count
     * histogram with log1p, which stays accurate for large θ.
     */
    static double deviance(CovariateGroups g, double[] eta, double theta) {
        ModelFrame f = g.frame;
        double s = 0;
        if (Double.isNaN(theta)) {
            for (int q = 0; q < g.m; q++) {
                s += g.count[q] * Math.exp(eta[q]) - g.sumY[q] * eta[q];
            }
            return 2 * (f.sumYLogY - f.sumY + s);
        }
        for (int q = 0; q < g.m; q++) {
            double mu = Math.exp(eta[q]);
            double zeros = g.count[q] - g.positive[q];
            s += zeros * theta * Math.log1p(mu / theta);
            for (int p = g.pairStart[q]; p < g.pairStart[q + 1]; p++) {
                int v = g.pairY[p];
                double y = f.yValues[v];
                s += g.pairCount[p] * (y * (f.logY[v] - eta[q]) - (y + theta) * Math.log1p((y - mu) / (mu + theta)));
            }
        }
        return 2 * s;
    }

    /**
     * Sums of the working weights and weighted responses per group for R's first iteration from mustart, where μ
     * varies with y within a group; returns the deviance at mustart (glm.fit's first devold).
     */
    private static double mustartFirstIteration(CovariateGroups g, double theta, double[] wSum, double[] wzSum) {
        ModelFrame f = g.frame;
        boolean poisson = Double.isNaN(theta);
        int d = f.yValues.length;
        double[] w = new double[d];
        double[] wz = new double[d];
        double w0;
        double wz0;
        double dev;
        if (poisson) {
            // mu = y + 0.1; w = mu; w z = mu log mu + y - mu
            double mu0 = 0.1;
            w0 = mu0;
            wz0 = mu0 * Math.log(mu0) - mu0;
            double zeros = f.n - f.positiveRows.length;
            dev = zeros * 2 * mu0;
            for (int v = 0; v < d; v++) {
                double y = f.yValues[v];
                double mu = y + 0.1;
                w[v] = mu;
                wz[v] = mu * Math.log(mu) + y - mu;
                dev += f.yFrequencies[v] * 2 * (y * Math.log(y / mu) - (y - mu));
            }
        } else {
            // mu = y + [y = 0]/6; w = mu / (1 + mu/theta); z = log mu + (y - mu)/mu
            double mu0 = 1.0 / 6;
            w0 = mu0 / (1 + mu0 / theta);
            wz0 = w0 * (Math.log(mu0) - 1);
            double zeros = f.n - f.positiveRows.length;
            dev = zeros * 2 * theta * Math.log1p(mu0 / theta);
            for (int v = 0; v < d; v++) {
                double y = f.yValues[v];
                w[v] = y / (1 + y / theta);
                wz[v] = w[v] * Math.log(y);
                // y log(max(1, y)/mu) - (y + theta) log((y + theta)/(mu + theta)) = 0 at mu = y >= 1
            }
        }
        for (int q = 0; q < g.m; q++) {
            double zeros = g.count[q] - g.positive[q];
            double ws = zeros * w0;
            double wzs = zeros * wz0;
            for (int p = g.pairStart[q]; p < g.pairStart[q + 1]; p++) {
                ws += g.pairCount[p] * w[g.pairY[p]];
                wzs += g.pairCount[p] * wz[g.pairY[p]];
            }
            wSum[q] = ws;
            wzSum[q] = wzs;
        }
        return dev;
    }
}
