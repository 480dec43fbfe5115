package org.pscdesk.rtm.model;

import java.util.Arrays;

import org.pscdesk.work.Cancellation;
import org.pscdesk.work.CancelledException;
import org.pscdesk.work.Progress;

/**
 * Elastic-net penalized Poisson regression along a λ path: stage 1 of RTM (rtm-method §2.1, §8.4), the same
 * fit as R's {@code glmnet(x, y, family = "poisson", alpha = α)} (glmnet 4.1-6).
 *
 * <p><b>Definition.</b> For each λ, (β₀, β) minimizes
 * <pre>
 *   (1/n)·Σ_i [exp(η_i) − y_i η_i] + λ·[(1 − α)/2·‖β‖² + α·‖β‖₁],   η_i = β₀ + Σ_j x_ij β_j,
 * </pre>
 * with the intercept unpenalized and, by default, the variables standardized to mean 0 and variance 1
 * (variance with divisor n) for the fit; coefficients are reported on the original scale.
 *
 * <p><b>λ path.</b> λ_max = max_j |x̃_jᵀ(y − ȳ)|/(n·max(α, 0.001)), the smallest λ with every coefficient
 * zero; then {@code nlambda} values log-spaced down to λ_max·lambda.min.ratio (1e-4, or 0.01 when there are
 * fewer rows than variables). The path stops early, as glmnet's does, once at least {@code mnlam} values are
 * done and the deviance ratio rose by less than 10·fdev (relative) over the last mnlam − 1 steps, or exceeds
 * devmax. A given λ sequence is fitted as given (sorted decreasing) with no early stop.
 *
 * <p><b>Algorithm</b> (glmnet's, step for step, so the iterates are glmnet's up to rounding): warm starts
 * from the previous λ; the sequential strong rule puts variable j in the working set when its last gradient
 * |x̃_jᵀr|/n exceeds α(2λ − λ_prev); an IRLS outer loop (μ = exp(η), weights μ/n, working residual
 * (y − μ)/n) around cyclic coordinate descent with the soft-threshold update
 * β_j ← S(x̃_jᵀr + v_jβ_j, λα)/(v_j + λ(1 − α)), v_j = Σ w x̃_j²; after a full pass over the working set,
 * passes over the active set until they converge, then a full pass again; an intercept step after each pass;
 * when the IRLS has converged, a KKT check over the variables outside the working set adds any violators
 * and iterates again. Binary variables are sums over the rows where they are 1 (or 0, whichever is
 * shorter), and rows with identical variables are fitted as one weighted row ({@link ElasticNetData}).
 *
 * <p><b>Tolerance.</b> A coordinate-descent loop converges when max_j v_jΔβ_j² (and v₀Δβ₀²) is below
 * thresh·D_null/(2n) (thresh = 1e-7); the IRLS converges on the same measure between its iterations. Against
 * R the coefficients agree to about 3e-13 (reference tests check 1e-8); λ values to 4e-14 relative.
 *
 * <p><b>maxit.</b> The cap counts coordinate-descent passes over the whole path (100,000). When it is reached
 * the path ends with the λ values already solved and {@link ElasticNetPath#warning()} says so, as R warns;
 * if not even the first λ was solved, this throws {@link IllegalStateException}.
 *
 * <p><b>Edge cases.</b> An outcome with no events throws {@link IllegalArgumentException} (there is nothing
 * to model; R returns an empty fit with a warning). A variable that is constant over the rows keeps a zero
 * coefficient throughout (glmnet's {@code ju}); when every variable is constant this throws. A variable with
 * no events in its cells gets a negative coefficient that the penalty keeps finite, as in glmnet. More
 * variables than rows is allowed (lambda.min.ratio 0.01). Unlike R, a single variable is allowed.
 *
 * <p>Thread-safe: every call works on its own state; the design is only read.
 *
 * <p>References: J. Friedman, T. Hastie, R. Tibshirani (2010), Regularization Paths for Generalized Linear
 * Models via Coordinate Descent, J. Stat. Softw. 33(1), doi:10.18637/jss.v033.i01; R. Tibshirani et al.
 * (2012), Strong rules for discarding predictors in lasso-type problems, JRSS B 74(2),
 * doi:10.1111/j.1467-9868.2011.01004.x; R package glmnet 4.1-6, {@code src/glmnetpp}.
 */
public final class PoissonElasticNet {

    private PoissonElasticNet() {
    }

    /** The computed path with the default options (α = 0.5, R's other defaults). */
    public static ElasticNetPath fit(Design design) {
        return fit(design, new ElasticNetOptions());
    }

    /** The computed path. */
    public static ElasticNetPath fit(Design design, ElasticNetOptions options) {
        return uncancellable(() -> fit(design, options, Progress.NONE, Cancellation.none()));
    }

    /** The computed path, reporting per λ and checking for cancellation between λ values. */
    public static ElasticNetPath fit(Design design, ElasticNetOptions options, Progress progress,
            Cancellation cancellation) throws CancelledException {
        ElasticNetData data = ElasticNetData.of(design);
        return fit(data, data.counts(null, 0, false), options, null, progress, cancellation,
                "Fitting the elastic net");
    }

    /** Fits a given λ sequence (R's {@code glmnet(..., lambda = λ)}); it is sorted decreasing first. */
    public static ElasticNetPath fit(Design design, ElasticNetOptions options, double[] lambda) {
        return uncancellable(() -> fit(design, options, lambda, Progress.NONE, Cancellation.none()));
    }

    /** Fits a given λ sequence, reporting per λ and checking for cancellation between λ values. */
    public static ElasticNetPath fit(Design design, ElasticNetOptions options, double[] lambda, Progress progress,
            Cancellation cancellation) throws CancelledException {
        if (lambda.length == 0) {
            throw new IllegalArgumentException("the lambda sequence is empty");
        }
        double[] sorted = lambda.clone();
        for (double l : sorted) {
            if (!(l >= 0) || Double.isInfinite(l)) {
                throw new IllegalArgumentException("lambda values must be finite and non-negative, not " + l);
            }
        }
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length / 2; i++) {
            double tmp = sorted[i];
            sorted[i] = sorted[sorted.length - 1 - i];
            sorted[sorted.length - 1 - i] = tmp;
        }
        ElasticNetData data = ElasticNetData.of(design);
        return fit(data, data.counts(null, 0, false), options, sorted, progress, cancellation,
                "Fitting the elastic net");
    }

    /** One fit on the rows in {@code counts}; shared by the full fit and the cross-validation folds. */
    static ElasticNetPath fit(ElasticNetData data, ElasticNetData.Counts counts, ElasticNetOptions options,
            double[] lambda, Progress progress, Cancellation cancellation, String stage) throws CancelledException {
        check(data, counts);
        ElasticNetSolver solver = new ElasticNetSolver(data, counts, options);
        boolean anyVaries = false;
        for (int j = 0; j < data.p; j++) {
            anyVaries |= solver.varies(j);
        }
        if (!anyVaries) {
            throw new IllegalArgumentException("Every candidate variable has the same value in every cell"
                    + (counts.rows() < data.n ? " of a cross-validation training set" : "")
                    + "; there is nothing to screen.");
        }
        ElasticNetSolver.Raw raw = solver.fit(lambda, cancellation, progress, stage);
        if (raw.lambda().length == 0) {
            throw new IllegalStateException("The elastic net did not converge at its first lambda within maxit = "
                    + options.maxit() + " coordinate-descent passes.");
        }
        return new ElasticNetPath(data.design.names(), raw.lambda(), raw.intercept(), raw.beta(), raw.devRatio(),
                raw.nonZero(), raw.nullDeviance(), raw.passes(), raw.warning());
    }

    private static void check(ElasticNetData data, ElasticNetData.Counts counts) {
        if (data.n == 0) {
            throw new IllegalArgumentException("The design has no cells; there is nothing to fit.");
        }
        if (data.p == 0) {
            throw new IllegalArgumentException("The design has no candidate variables; there is nothing to screen.");
        }
        double events = 0;
        for (double s : counts.ySum()) {
            events += s;
        }
        if (events == 0) {
            if (counts.rows() < data.n) {
                throw new IllegalArgumentException("A cross-validation training set has no events (all events are"
                        + " in one fold); there are too few events to cross-validate.");
            }
            throw new IllegalArgumentException("The outcome has no events in any cell, so a Poisson model cannot"
                    + " be fitted and nothing can be screened. Check the outcome layer, its dates and the area.");
        }
    }

    @FunctionalInterface
    private interface Cancellable<T> {
        T run() throws CancelledException;
    }

    private static <T> T uncancellable(Cancellable<T> work) {
        try {
            return work.run();
        } catch (CancelledException e) {
            throw new IllegalStateException("work without a cancellation token was cancelled", e);
        }
    }
}
