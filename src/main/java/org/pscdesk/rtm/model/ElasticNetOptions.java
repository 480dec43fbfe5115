package org.pscdesk.rtm.model;

/**
 * Settings of an elastic-net penalized Poisson fit ({@link PoissonElasticNet}). The no-argument constructor
 * gives R's defaults for {@code glmnet(x, y, family = "poisson", alpha = 0.5)} with {@code glmnet.control()}'s
 * factory settings, except α, which is the method doc's stage-1 default (rtm-method §2.1) rather than
 * glmnet's 1.
 *
 * @param alpha the elastic-net mix α in [0, 1]: penalty λ[(1 − α)/2 ‖β‖² + α‖β‖₁]; 1 = lasso, 0 = ridge
 *        (default 0.5)
 * @param nlambda number of λ values on a computed path (glmnet {@code nlambda}, default 100)
 * @param lambdaMinRatio smallest λ as a fraction of λ_max (glmnet {@code lambda.min.ratio}); NaN (the
 *        default) means glmnet's rule: 0.01 when the fit has fewer rows than variables, else 1e-4, decided
 *        per fit (a cross-validation fold uses its own row count); values below 1e-6
 *        ({@code glmnet.control()$eps}) act as 1e-6
 * @param standardize fit on variables scaled to unit variance (1/n) and report coefficients on the original
 *        scale (glmnet {@code standardize}, default true)
 * @param thresh convergence threshold of the coordinate descent: a pass ends the inner loop when
 *        max_j v_j Δβ_j² is below thresh × null deviance/(2n) (glmnet {@code thresh}, default 1e-7)
 * @param maxit cap on the total number of coordinate-descent passes over the whole path (glmnet
 *        {@code maxit}, default 100,000); at the cap the path stops and keeps the λ values already solved
 * @param fdev path stops early when the deviance ratio gained over the last {@code mnlam − 1} steps,
 *        relative to the current one, is below 10 × fdev (glmnet multiplies it by 10 for Poisson;
 *        {@code glmnet.control()$fdev}, default 1e-5)
 * @param devmax path stops early when the deviance ratio exceeds devmax ({@code glmnet.control()$devmax},
 *        default 0.999)
 * @param mnlam early stopping is not considered before this many λ values ({@code glmnet.control()$mnlam},
 *        default 5)
 */
public record ElasticNetOptions(double alpha, int nlambda, double lambdaMinRatio, boolean standardize,
        double thresh, int maxit, double fdev, double devmax, int mnlam) {

    /** The method doc's stage-1 α (rtm-method §2.1); glmnet's own default is 1 (lasso). */
    public static final double DEFAULT_ALPHA = 0.5;

    public ElasticNetOptions {
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be between 0 and 1, not " + alpha);
        }
        if (nlambda < 1) {
            throw new IllegalArgumentException("nlambda must be at least 1, not " + nlambda);
        }
        if (!Double.isNaN(lambdaMinRatio) && !(lambdaMinRatio > 0 && lambdaMinRatio < 1)) {
            throw new IllegalArgumentException("lambda.min.ratio must be in (0, 1), not " + lambdaMinRatio);
        }
        if (!(thresh > 0)) {
            throw new IllegalArgumentException("thresh must be positive, not " + thresh);
        }
        if (maxit < 1) {
            throw new IllegalArgumentException("maxit must be at least 1, not " + maxit);
        }
        if (!(fdev >= 0)) {
            throw new IllegalArgumentException("fdev must be non-negative, not " + fdev);
        }
        if (!(devmax > 0)) {
            throw new IllegalArgumentException("devmax must be positive, not " + devmax);
        }
        if (mnlam < 1) {
            throw new IllegalArgumentException("mnlam must be at least 1, not " + mnlam);
        }
    }

    /** R's defaults (glmnet 4.1-6, {@code glmnet.control()} factory values) with α = 0.5. */
    public ElasticNetOptions() {
        this(DEFAULT_ALPHA, 100, Double.NaN, true, 1e-7, 100_000, 1e-5, 0.999, 5);
    }

    /** These options with another α. */
    public ElasticNetOptions withAlpha(double newAlpha) {
        return new ElasticNetOptions(newAlpha, nlambda, lambdaMinRatio, standardize, thresh, maxit, fdev, devmax,
                mnlam);
    }

    /** These options with another number of λ values. */
    public ElasticNetOptions withNlambda(int newNlambda) {
        return new ElasticNetOptions(alpha, newNlambda, lambdaMinRatio, standardize, thresh, maxit, fdev, devmax,
                mnlam);
    }

    /** These options with another lambda.min.ratio (NaN: glmnet's rule). */
    public ElasticNetOptions withLambdaMinRatio(double ratio) {
        return new ElasticNetOptions(alpha, nlambda, ratio, standardize, thresh, maxit, fdev, devmax, mnlam);
    }

    /** These options with or without standardization. */
    public ElasticNetOptions withStandardize(boolean newStandardize) {
        return new ElasticNetOptions(alpha, nlambda, lambdaMinRatio, newStandardize, thresh, maxit, fdev, devmax,
                mnlam);
    }

    /** These options with another cap on coordinate-descent passes. */
    public ElasticNetOptions withMaxit(int newMaxit) {
        return new ElasticNetOptions(alpha, nlambda, lambdaMinRatio, standardize, thresh, newMaxit, fdev, devmax,
                mnlam);
    }

    /**
     * The lambda.min.ratio a fit on {@code rows} rows and {@code variables} variables uses: the set value, or
     * glmnet's {@code ifelse(nobs < nvars, 1e-2, 1e-4)}.
     */
    public double lambdaMinRatioFor(int rows, int variables) {
        if (!Double.isNaN(lambdaMinRatio)) {
            return lambdaMinRatio;
        }
        return rows < variables ? 1e-2 : 1e-4;
    }
}
