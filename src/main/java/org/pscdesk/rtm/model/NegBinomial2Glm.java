package org.pscdesk.rtm.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Negative binomial regression NB2 with log link, as R's {@code MASS::glm.nb}.
 *
 * <p>Model: P(y | μ, θ) = Γ(θ + y)/(Γ(θ) y!) · (θ/(θ + μ))<sup>θ</sup> (μ/(θ + μ))<sup>y</sup>, E y = μ,
 * Var y = μ + μ²/θ, log μ = Xβ. ℓ = Σ[log Γ(θ + y) − log Γ(θ) − log y! + θ log θ + y log μ − (θ + y) log(θ + μ)]
 * (MASS's {@code loglik}); k = rank + 1 (θ counts), AIC = −2ℓ + 2k, BIC = −2ℓ + k ln n (R's {@code BIC(fit)}).
 *
 * <p>Algorithm, step for step as glm.nb (so that the numbers agree with R to far below its own convergence
 * error, which for NB2's Fisher scoring is about 1e-7 in β):
 * <ol>
 *   <li>an initial fit: Poisson IRLS from mustart, or, with {@code initTheta} (as stepAIC's refits pass it), IRLS
 *       for NB(initTheta) from mustart = y + [y = 0]/6;</li>
 *   <li>θ by {@code theta.ml}: Newton on the profile score from θ₀ = n / Σ(y/μ − 1)², at most {@code maxit} − 1
 *       steps, until |Δθ| ≤ ε<sup>¼</sup> (machine ε, ≈ 1.2e-4); a negative estimate is truncated to 0 (the fit
 *       then fails with a message); SE(θ) = 1/√information at the last Newton step;</li>
 *   <li>alternation while (|ℓ<sub>old</sub> − ℓ|/d₁ + |Δθ|) &gt; ε, d₁ = √(2 max(1, df<sub>residual</sub>)), at most
 *       {@code maxit} times: IRLS for β with θ fixed (working weights μ/(1 + μ/θ)) from the previous η, then θ by
 *       theta.ml at the previous μ (glm.nb's order), then ℓ at the new μ and θ.</li>
 * </ol>
 * Standard errors of β: (XᵀWX)⁻¹ of the last IRLS solve, dispersion 1 (summary.negbin). Score, information and ℓ
 * are evaluated in forms that avoid cancellation when θ is large (log1p(μ/θ) instead of log(θ + μ) − log θ).
 *
 * <p>At the caps: theta.ml's limit gives the warning "iteration limit reached", the alternation's limit
 * "alternation limit reached" and {@code converged = false}; the fit is still returned (R does the same; near
 * Poisson, θ is large and poorly determined and the alternation often stops at its limit). Screening, aliasing,
 * an outcome without events: as {@link PoissonGlm}.
 *
 * <p>Accuracy: on the reference fixtures coefficients agree with glm.nb to 3e-12, standard errors to 2e-11
 * relative, ℓ and BIC to 5e-14 relative, θ to 2e-9 and SE(θ) to 2e-8 relative (the largest at θ ≈ 73, where R's
 * own θ wanders by 4e-9 between alternations); tolerances 1e-6, 1e-6 and 1e-5.
 *
 * <p>Thread-safe (instances hold only options).
 */
public final class NegBinomial2Glm {

    /** theta.ml's tolerance on the Newton step: .Machine$double.eps^0.25. */
    static final double THETA_EPS = Math.pow(Math.ulp(1.0), 0.25);
    /** Why a fit fails when theta.ml truncates θ at 0 (MASS would go on with θ = 0 and break). */
    private static final String TRUNCATED =
            "theta estimate truncated at zero: the data are not overdispersed in the NB2 sense";

    private final GlmOptions options;

    /** With R's {@code glm.control()} defaults. */
    public NegBinomial2Glm() {
        this(new GlmOptions());
    }

    public NegBinomial2Glm(GlmOptions options) {
        this.options = options;
    }

    /** Fits y on the given design columns as {@code glm.nb(y ~ ...)}. */
    public static GlmFit fit(Design design, int[] vars) {
        return new NegBinomial2Glm().fit(ModelFrame.of(design), vars, null, Double.NaN);
    }

    /**
     * @param start null, or starting coefficients for the initial fit (intercept first, one per requested
     *              variable), as glm.nb's {@code start}
     * @param initTheta NaN for glm.nb's default (a Poisson initial fit), else its {@code init.theta}
     */
    public GlmFit fit(ModelFrame frame, int[] vars, double[] start, double initTheta) {
        return fit(ModelTerms.prepare(frame, vars), start, initTheta);
    }

    /** As {@link #fit(ModelFrame, int[], double[], double)} on an existing grouping. */
    public GlmFit fit(CovariateGroups groups, double[] start, double initTheta) {
        return fit(ModelTerms.prepare(groups), start, initTheta);
    }

    GlmFit fit(ModelTerms.Prepared p, double[] start, double initTheta) {
        if (!Double.isNaN(initTheta) && !(initTheta > 0 && Double.isFinite(initTheta))) {
            throw new IllegalArgumentException("initTheta must be positive, not " + initTheta);
        }
        CovariateGroups g = p.groups();
        int n = g.frame.n;
        int rank = p.cols().length;
        int maxit = options.maxIterations();
        double[] s = ModelTerms.startFor(p, start);
        Irls.StartKind kind = s == null ? Irls.StartKind.MUSTART : Irls.StartKind.BETA;
        Irls.Result fit = Irls.fit(g, p.cols(), initTheta, kind, s, options);
        if (fit.failure() != null) {
            return failed(p, fit, fit.failure());
        }
        double[] mu = exp(fit.eta());
        ThetaMl th = thetaMl(g, mu, maxit);
        double d1 = Math.sqrt(2.0 * Math.max(1, n - rank));
        double d2 = 1;
        double del = 1;
        double lm = logLik(g, th.theta, mu);
        double lm0 = lm + 2 * d1;
        int iter = 0;
        while (++iter <= maxit && Math.abs(lm0 - lm) / d1 + Math.abs(del) / d2 > options.epsilon()) {
            if (!(th.theta > 0)) {
                return failed(p, fit, TRUNCATED);
            }
            fit = Irls.fit(g, p.cols(), th.theta, Irls.StartKind.ETA, fit.eta(), options);
            if (fit.failure() != null) {
                return failed(p, fit, fit.failure());
            }
            double t0 = th.theta;
            th = thetaMl(g, mu, maxit);
            mu = exp(fit.eta());
            del = t0 - th.theta;
            lm0 = lm;
            lm = logLik(g, th.theta, mu);
        }
        boolean alternationLimit = iter > maxit;
        List<String> warnings = new ArrayList<>();
        if (th.warning != null) {
            warnings.add(th.warning);
        }
        if (alternationLimit) {
            warnings.add("alternation limit reached");
        }
        if (!fit.converged()) {
            warnings.add("IRLS did not converge in " + fit.iterations() + " iterations");
        }
        if (fit.halved()) {
            warnings.add("IRLS step halved after a deviance increase");
        }
        if (!(th.theta > 0)) {
            return failed(p, fit, TRUNCATED);
        }
        boolean separated = p.separation() != null || ModelTerms.anyZeroRate(fit.eta());
        if (p.separation() != null) {
            warnings.add(p.separation());
        } else if (separated) {
            warnings.add("fitted rates numerically 0 occurred");
        }
        double[] variance = DenseCholesky.inverseDiagonal(fit.information(), rank);
        int k = rank + 1;
        return new GlmFit(Family.NB2, n, ModelTerms.coefficients(p, fit.beta(), variance), p.dropped(), th.theta,
                th.standardError, Double.NaN, Double.NaN, lm, fit.deviance(), k, InformationCriteria.aic(lm, k),
                InformationCriteria.bic(lm, k, n), fit.converged() && !alternationLimit, fit.iterations(), separated,
                warnings);
    }

    private static GlmFit failed(ModelTerms.Prepared p, Irls.Result fit, String why) {
        int rank = p.cols().length;
        double[] nan = new double[rank];
        java.util.Arrays.fill(nan, Double.NaN);
        return new GlmFit(Family.NB2, p.groups().frame.n, ModelTerms.coefficients(p, nan, null), p.dropped(),
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, rank + 1, Double.NaN,
                Double.NaN, false, fit.iterations(), false, List.of(why));
    }

    private static double[] exp(double[] eta) {
        double[] mu = new double[eta.length];
        for (int q = 0; q < eta.length; q++) {
            mu[q] = Math.exp(eta[q]);
        }
        return mu;
    }

    /** theta.ml's result: θ, its standard error, and MASS's warning (or null). */
    record ThetaMl(double theta, double standardError, String warning) {
    }

    /** MASS's theta.ml at the group means mu. */
    static ThetaMl thetaMl(CovariateGroups g, double[] mu, int limit) {
        ModelFrame f = g.frame;
        double n = f.n;
        double pearson = 0;
        for (int q = 0; q < g.m; q++) {
            double sumY2 = 0;
            for (int p = g.pairStart[q]; p < g.pairStart[q + 1]; p++) {
                double y = f.yValues[g.pairY[p]];
                sumY2 += g.pairCount[p] * y * y;
            }
            double m = mu[q];
            // Σ (y/μ − 1)² over the group
            pearson += sumY2 / (m * m) - 2 * g.sumY[q] / m + g.count[q];
        }
        double t0 = n / pearson;
        int it = 0;
        double del = 1;
        double info = Double.NaN;
        while (++it < limit && Math.abs(del) > THETA_EPS) {
            t0 = Math.abs(t0);
            info = thetaInformation(g, t0, mu);
            del = thetaScore(g, t0, mu) / info;
            t0 += del;
        }
        String warning = null;
        if (t0 < 0) {
            t0 = 0;
            warning = "theta estimate truncated at zero";
        }
        if (it == limit) {
            warning = "theta iteration limit reached";
        }
        return new ThetaMl(t0, Math.sqrt(1 / info), warning);
    }

    /**
     * ∂ℓ/∂θ = Σ[ψ(θ + y) − ψ(θ) + log θ + 1 − log(θ + μ) − (y + θ)/(μ + θ)]
     *       = Σ<sub>y</sub>[ψ(θ + y) − ψ(θ)] − Σ<sub>g</sub>[n log1p(μ/θ) + (Y − nμ)/(μ + θ)].
     */
    static double thetaScore(CovariateGroups g, double theta, double[] mu) {
        ModelFrame f = g.frame;
        double s = 0;
        for (int v = 0; v < f.yValues.length; v++) {
            s += f.yFrequencies[v] * SpecialFunctions.digammaDifference(f.yValues[v], theta);
        }
        for (int q = 0; q < g.m; q++) {
            double m = mu[q];
            s -= g.count[q] * Math.log1p(m / theta) + (g.sumY[q] - g.count[q] * m) / (m + theta);
        }
        return s;
    }

    /**
     * −∂²ℓ/∂θ² = Σ[−ψ′(θ + y) + ψ′(θ) − 1/θ + 2/(μ + θ) − (y + θ)/(μ + θ)²]
     *          = −Σ<sub>y</sub>[ψ′(θ + y) − ψ′(θ)] − Σ<sub>g</sub>[nμ²/(θ(μ + θ)²) + Y/(μ + θ)²].
     */
    static double thetaInformation(CovariateGroups g, double theta, double[] mu) {
        ModelFrame f = g.frame;
        double s = 0;
        for (int v = 0; v < f.yValues.length; v++) {
            s -= f.yFrequencies[v] * SpecialFunctions.trigammaDifference(f.yValues[v], theta);
        }
        for (int q = 0; q < g.m; q++) {
            double m = mu[q];
            double t = m + theta;
            s -= g.count[q] * m * m / (theta * t * t) + g.sumY[q] / (t * t);
        }
        return s;
    }

    /**
     * MASS's NB2 log-likelihood, in the form Σ log Γ-ratios − Σ log y! + Σ<sub>g</sub>[Y log(μ/(θ + μ)) −
     * nθ log1p(μ/θ)].
     */
    static double logLik(CovariateGroups g, double theta, double[] mu) {
        ModelFrame f = g.frame;
        double s = -f.sumLogFactorial;
        for (int v = 0; v < f.yValues.length; v++) {
            s += f.yFrequencies[v] * SpecialFunctions.logGammaRatio(f.yValues[v], theta);
        }
        for (int q = 0; q < g.m; q++) {
            double m = mu[q];
            s += g.sumY[q] * (Math.log(m) - Math.log(theta + m)) - g.count[q] * theta * Math.log1p(m / theta);
        }
        return s;
    }
}
