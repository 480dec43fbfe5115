package org.pscdesk.rtm.model;

/**
 * AIC and BIC of a fitted model: −2ℓ + k·2 and −2ℓ + k·ln n, where k counts every estimated parameter — the
 * coefficients that are not aliased and, for NB2 and NBII, the dispersion parameter (rtm-method §2.2, §8.6; R's
 * {@code AIC}/{@code BIC} with {@code logLik.negbin}'s df = rank + 1). Leeds check: −2ℓ = 18288.17, k = 4,
 * n = 9199 gives BIC 18324.68 and AIC 18296.17.
 */
public final class InformationCriteria {

    private InformationCriteria() {
    }

    /** −2ℓ + 2k. */
    public static double aic(double logLik, int parameters) {
        return -2 * logLik + 2.0 * parameters;
    }

    /** −2ℓ + k ln n. */
    public static double bic(double logLik, int parameters, int n) {
        return -2 * logLik + parameters * Math.log(n);
    }
}
