package org.pscdesk.rtm.model;

/**
 * Settings of the cross-validated elastic net ({@link ElasticNetCrossValidation}); defaults as
 * rtm-method §2.1: 10 folds with fixed fold ids, the λ with the smallest CV deviance.
 *
 * @param folds K, the number of folds; cell i (0-based, in table order) is in fold (i mod K) + 1, R's
 *        {@code foldid = (0:(n-1)) %% K + 1}. At least 3, as cv.glmnet requires
 * @param rule the λ that picks the kept variables
 * @param fit the elastic-net settings of every fit (full data and folds)
 * @param threads how many fits run at once (1 or more); results do not depend on it
 */
public record CrossValidationOptions(int folds, LambdaRule rule, ElasticNetOptions fit, int threads) {

    /** Folds by default (rtm-method §2.1, cv.glmnet's nfolds). */
    public static final int DEFAULT_FOLDS = 10;

    /** Fits at once by default: both cores of the target machine, never more than there are. */
    public static final int DEFAULT_THREADS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

    public CrossValidationOptions {
        if (folds < 3) {
            throw new IllegalArgumentException("cross-validation needs at least 3 folds, not " + folds);
        }
        if (rule == null || fit == null) {
            throw new IllegalArgumentException("rule and fit options are required");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
    }

    /** 10 folds, λ_min, α = 0.5 and R's other defaults, both cores. */
    public CrossValidationOptions() {
        this(DEFAULT_FOLDS, LambdaRule.MIN, new ElasticNetOptions(), DEFAULT_THREADS);
    }

    /** These options with K folds. */
    public CrossValidationOptions withFolds(int k) {
        return new CrossValidationOptions(k, rule, fit, threads);
    }

    /** These options with another λ rule. */
    public CrossValidationOptions withRule(LambdaRule newRule) {
        return new CrossValidationOptions(folds, newRule, fit, threads);
    }

    /** These options with other elastic-net settings. */
    public CrossValidationOptions withFit(ElasticNetOptions newFit) {
        return new CrossValidationOptions(folds, rule, newFit, threads);
    }

    /** These options with another α for every fit. */
    public CrossValidationOptions withAlpha(double alpha) {
        return new CrossValidationOptions(folds, rule, fit.withAlpha(alpha), threads);
    }

    /** These options with another number of fits at once. */
    public CrossValidationOptions withThreads(int n) {
        return new CrossValidationOptions(folds, rule, fit, n);
    }
}
