package org.pscdesk.rtm.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Negative binomial regression NBII (a "NB1" with linear variance), the family RTMDx fits with gamlss
 * ({@code family = NBII}, rtm-method §2.3), with log links for μ and σ.
 *
 * <p>Model: P(y | μ, σ) = Γ(y + μ/σ) σ<sup>y</sup> / (Γ(μ/σ) y! (1 + σ)<sup>y + μ/σ</sup>), E y = μ,
 * Var y = μ(1 + σ), log μ = Xβ, s = log σ constant. With a = μ/σ:
 * ℓ = Σ[log Γ(y + a) − log Γ(a) + y s − log y! − (y + a) log(1 + σ)]. Derivatives (per row, ψ = digamma,
 * D₁ = ψ(y + a) − ψ(a), D₂ = ψ′(y + a) − ψ′(a), L = log(1 + σ), q = σ/(1 + σ)):
 * ∂ℓ/∂η = a(D₁ − L); ∂ℓ/∂s = y − (y + a)q − a(D₁ − L); ∂²ℓ/∂η² = a(D₁ − L) + a²D₂;
 * ∂²ℓ/∂η∂s = −a(D₁ − L) − a²D₂ − aq; ∂²ℓ/∂s² = 2aq − (y + a)q(1 − q) + a(D₁ − L) + a²D₂.
 * k = rank + 1 (σ counts): BIC = −2ℓ + k ln n; "global deviance" −2ℓ as gamlss. Leeds (rtm-method §2.3):
 * −2ℓ = 18288.17, k = 4, n = 9199 → BIC 18324.68.
 *
 * <p>Algorithm: Newton's method on (β, s) with the analytic gradient and Hessian above, from the Poisson
 * coefficients and σ = 0.5 (or a given start), each step the solution of (−H)δ = g by Cholesky (a ridge is added
 * when −H is not positive definite, far from the optimum), at most 5 in any coordinate, with backtracking until ℓ
 * rises; stop once the Newton decrement gᵀδ is below 1e-14 (1 + |ℓ|), after that step. The sums over rows are
 * sums over covariate groups and, within a group, over its positive counts (rows with y = 0 contribute
 * −aL only); Γ and ψ differences over a count are explicit sums (stable when σ is small and a is large).
 * Standard errors: the inverse of the observed information −H at the optimum (as gamlss's {@code vcov}).
 *
 * <p>Boundary: when the likelihood keeps rising as σ → 0 (no overdispersion of this kind, e.g. a Poisson
 * outcome), log σ is fixed at log(1e-8) once it comes within 1 of it, β is maximized for that σ (≈ the Poisson
 * fit), the SE of log σ is NaN and a warning says so; if at the end ℓ would rise with σ, the bound is released
 * once. Screening, aliasing, no events: as {@link PoissonGlm}.
 *
 * <p>Accuracy: against a careful R optimum of the same likelihood (optim BFGS + Newton polish; gamlss is not
 * packaged for Debian), on the reference fixtures coefficients and log σ agree to 1e-14, ℓ and BIC to 2e-15
 * relative, standard errors to 2e-10 relative (R's Hessian is a finite difference); tolerances 1e-5, 1e-8.
 * Thread-safe (instances hold only options).
 */
public final class NegBinomial1Glm {

    /** Largest change of any parameter in one Newton step (a safeguard far from the optimum). */
    private static final double MAX_STEP = 5;
    /** Step halvings tried before giving up on a direction. */
    private static final int MAX_HALVINGS = 40;
    /** Below this decrement the full Newton step is taken without a line search (quadratic region, where
     * round-off in ℓ, ~1e-13 |ℓ|, would make an ascent test meaningless). */
    private static final double QUADRATIC_REGION = 1e-8;

    private final NbiiOptions options;
    private final GlmOptions poissonOptions;

    /** With the defaults of {@link NbiiOptions} (and glm.control's for the Poisson start). */
    public NegBinomial1Glm() {
        this(new NbiiOptions(), new GlmOptions());
    }

    public NegBinomial1Glm(NbiiOptions options, GlmOptions poissonOptions) {
        this.options = options;
        this.poissonOptions = poissonOptions;
    }

    /** Fits y on the given design columns with the defaults. */
    public static GlmFit fit(Design design, int[] vars) {
        return new NegBinomial1Glm().fit(ModelFrame.of(design), vars, null, Double.NaN);
    }

    /**
     * @param start null for the Poisson coefficients, or starting coefficients (intercept first, one per
     *              requested variable)
     * @param logSigmaStart NaN for log(sigmaStart), else the starting log σ (e.g. a previous model's)
     */
    public GlmFit fit(ModelFrame frame, int[] vars, double[] start, double logSigmaStart) {
        return fit(ModelTerms.prepare(frame, vars), start, logSigmaStart);
    }

    /** As {@link #fit(ModelFrame, int[], double[], double)} on an existing grouping. */
    public GlmFit fit(CovariateGroups groups, double[] start, double logSigmaStart) {
        return fit(ModelTerms.prepare(groups), start, logSigmaStart);
    }

    GlmFit fit(ModelTerms.Prepared p, double[] start, double logSigmaStart) {
        CovariateGroups g = p.groups();
        int n = g.frame.n;
        int kk = p.cols().length;
        double[] beta = ModelTerms.startFor(p, start);
        if (beta == null) {
            Irls.Result poisson = Irls.fit(g, p.cols(), Double.NaN, Irls.StartKind.MUSTART, null, poissonOptions);
            if (poisson.failure() != null) {
                return failed(p, 0, "no Poisson start: " + poisson.failure());
            }
            beta = poisson.beta();
        }
        double s = Double.isNaN(logSigmaStart) ? Math.log(options.sigmaStart()) : logSigmaStart;
        double sMin = Math.log(options.sigmaMin());
        Evaluator ev = new Evaluator(g, p.cols());
        boolean atBound = false;
        boolean released = false;
        boolean converged = false;
        int iterations = 0;
        double[] information = null;
        int free = kk + 1;
        for (int it = 1; it <= options.maxIterations(); it++) {
            iterations = it;
            if (!atBound && s < sMin + 1) {
                atBound = true;
                s = sMin;
            }
            free = atBound ? kk : kk + 1;
            double ll = ev.evaluate(beta, s, true);
            if (!Double.isFinite(ll)) {
                return failed(p, it, "the NBII likelihood is not finite at the start");
            }
            double[] grad = Arrays.copyOf(ev.gradient, free);
            double[] negH = new double[free * free];
            for (int a = 0; a < free; a++) {
                for (int b = 0; b < free; b++) {
                    negH[a * free + b] = -ev.hessian[a * (kk + 1) + b];
                }
            }
            double[] step = newtonStep(negH, grad, free);
            double decrement = 0;
            double largest = 0;
            for (int a = 0; a < free; a++) {
                decrement += grad[a] * step[a];
                largest = Math.max(largest, Math.abs(step[a]));
            }
            if (largest > MAX_STEP) {
                for (int a = 0; a < free; a++) {
                    step[a] *= MAX_STEP / largest;
                }
            }
            double t = 1;
            double[] nextBeta = new double[kk];
            double nextS = s;
            boolean moved = false;
            for (int h = 0; h <= MAX_HALVINGS; h++, t /= 2) {
                for (int a = 0; a < kk; a++) {
                    nextBeta[a] = beta[a] + t * step[a];
                }
                nextS = atBound ? s : s + t * step[kk];
                if (decrement < QUADRATIC_REGION) {
                    moved = true;
                    break;
                }
                double next = ev.evaluate(nextBeta, nextS, false);
                if (next > ll) {
                    moved = true;
                    break;
                }
            }
            if (moved) {
                beta = nextBeta.clone();
                s = nextS;
            }
            boolean settled = decrement <= options.tolerance() * (1 + Math.abs(ll)) || !moved;
            if (settled) {
                ev.evaluate(beta, s, true);
                if (atBound && !released && ev.gradient[kk] > 0) {
                    // the likelihood rises with σ at the bound: the optimum is interior after all
                    released = true;
                    atBound = false;
                    s = sMin + 2;
                    continue;
                }
                converged = moved || decrement <= options.tolerance() * (1 + Math.abs(ll));
                information = new double[free * free];
                for (int a = 0; a < free; a++) {
                    for (int b = 0; b < free; b++) {
                        information[a * free + b] = -ev.hessian[a * (kk + 1) + b];
                    }
                }
                break;
            }
        }
        double ll = ev.evaluate(beta, s, true);
        if (information == null) {
            information = new double[free * free];
            for (int a = 0; a < free; a++) {
                for (int b = 0; b < free; b++) {
                    information[a * free + b] = -ev.hessian[a * (kk + 1) + b];
                }
            }
        }
        double[] variance = DenseCholesky.decompose(information, free)
                ? DenseCholesky.inverseDiagonal(information, free) : null;
        List<String> warnings = new ArrayList<>();
        if (!converged) {
            warnings.add("Newton did not converge in " + iterations + " iterations");
        }
        if (atBound) {
            warnings.add("sigma is at its lower bound " + options.sigmaMin()
                    + ": no overdispersion of the NBII kind (the fit is Poisson's)");
        }
        if (variance == null) {
            warnings.add("the information matrix is not positive definite: no standard errors");
        }
        double[] eta = new double[g.m];
        Irls.linearPredictor(g.x, g.k, g.m, p.cols(), beta, eta);
        boolean separated = p.separation() != null || ModelTerms.anyZeroRate(eta);
        if (p.separation() != null) {
            warnings.add(p.separation());
        } else if (separated) {
            warnings.add("fitted rates numerically 0 occurred");
        }
        double logSigmaSe = atBound || variance == null ? Double.NaN : Math.sqrt(variance[kk]);
        int k = kk + 1;
        return new GlmFit(Family.NBII, n, ModelTerms.coefficients(p, beta, variance), p.dropped(), Double.NaN,
                Double.NaN, Math.exp(s), logSigmaSe, ll, -2 * ll, k, InformationCriteria.aic(ll, k),
                InformationCriteria.bic(ll, k, n), converged, iterations, separated, warnings);
    }

    /** Solves (−H)δ = g; adds a growing ridge when −H is not positive definite. */
    private static double[] newtonStep(double[] negH, double[] grad, int k) {
        double scale = 0;
        for (int a = 0; a < k; a++) {
            scale = Math.max(scale, Math.abs(negH[a * k + a]));
        }
        double ridge = 0;
        for (int attempt = 0; attempt < 60; attempt++) {
            double[] m = negH.clone();
            for (int a = 0; a < k; a++) {
                m[a * k + a] += ridge;
            }
            if (DenseCholesky.decompose(m, k)) {
                double[] step = grad.clone();
                DenseCholesky.solve(m, k, step);
                return step;
            }
            ridge = ridge == 0 ? Math.max(1e-10, 1e-8 * scale) : ridge * 10;
        }
        // no usable curvature at all: a small gradient step
        double[] step = grad.clone();
        for (int a = 0; a < k; a++) {
            step[a] *= 1e-6;
        }
        return step;
    }

    private static GlmFit failed(ModelTerms.Prepared p, int iterations, String why) {
        int kk = p.cols().length;
        double[] nan = new double[kk];
        Arrays.fill(nan, Double.NaN);
        return new GlmFit(Family.NBII, p.groups().frame.n, ModelTerms.coefficients(p, nan, null), p.dropped(),
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, kk + 1, Double.NaN, Double.NaN,
                false, iterations, false, List.of(why));
    }

    /** ℓ and, on request, its gradient and Hessian in (β, s), over groups and their positive counts. */
    static final class Evaluator {
        private final CovariateGroups g;
        private final int[] cols;
        private final int kk;
        private final double[] eta;
        /** ∂ℓ/∂(β, s), length kk + 1. */
        final double[] gradient;
        /** ∂²ℓ/∂(β, s)², (kk + 1)² row-major. */
        final double[] hessian;

        Evaluator(CovariateGroups g, int[] cols) {
            this.g = g;
            this.cols = cols;
            this.kk = cols.length;
            this.eta = new double[g.m];
            this.gradient = new double[kk + 1];
            this.hessian = new double[(kk + 1) * (kk + 1)];
        }

        double evaluate(double[] beta, double s, boolean derivatives) {
            ModelFrame f = g.frame;
            Irls.linearPredictor(g.x, g.k, g.m, cols, beta, eta);
            double sigma = Math.exp(s);
            double logOnePlusSigma = Math.log1p(sigma);
            double q = sigma / (1 + sigma);
            int d = kk + 1;
            if (derivatives) {
                Arrays.fill(gradient, 0);
                Arrays.fill(hessian, 0);
            }
            double ll = 0;
            double hss = 0;
            double gs = 0;
            for (int grp = 0; grp < g.m; grp++) {
                double a = Math.exp(eta[grp] - s);
                double n = g.count[grp];
                double yTotal = g.sumY[grp];
                double lg = 0;
                double d1 = 0;
                double d2 = 0;
                for (int p = g.pairStart[grp]; p < g.pairStart[grp + 1]; p++) {
                    int y = f.yValues[g.pairY[p]];
                    double c = g.pairCount[p];
                    lg += c * SpecialFunctions.logGammaRatio(y, a);
                    if (derivatives) {
                        d1 += c * SpecialFunctions.digammaDifference(y, a);
                        d2 += c * SpecialFunctions.trigammaDifference(y, a);
                    }
                }
                ll += lg + yTotal * s - (yTotal + n * a) * logOnePlusSigma;
                if (!derivatives) {
                    continue;
                }
                double gEta = a * (d1 - n * logOnePlusSigma);
                double a2d2 = a * a * d2;
                double hEtaEta = gEta + a2d2;
                double hEtaS = -gEta - a2d2 - n * a * q;
                gs += yTotal - (yTotal + n * a) * q - gEta;
                hss += 2 * n * a * q - (yTotal + n * a) * q * (1 - q) + gEta + a2d2;
                int row = grp * g.k;
                for (int i = 0; i < kk; i++) {
                    double xi = g.x[row + cols[i]];
                    if (xi == 0) {
                        continue;
                    }
                    gradient[i] += xi * gEta;
                    hessian[i * d + kk] += xi * hEtaS;
                    double hx = hEtaEta * xi;
                    for (int j = 0; j <= i; j++) {
                        hessian[i * d + j] += hx * g.x[row + cols[j]];
                    }
                }
            }
            if (derivatives) {
                gradient[kk] = gs;
                hessian[kk * d + kk] = hss;
                for (int i = 0; i < kk; i++) {
                    hessian[kk * d + i] = hessian[i * d + kk];
                    for (int j = 0; j < i; j++) {
                        hessian[j * d + i] = hessian[i * d + j];
                    }
                }
            }
            return ll - f.sumLogFactorial;
        }
    }
}
