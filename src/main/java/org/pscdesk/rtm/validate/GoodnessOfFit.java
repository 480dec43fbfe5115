package org.pscdesk.rtm.validate;

/**
 * Pseudo-R² of a count model against its null model of the same family (rtm-method §3): Cox–Snell
 * R²_CS = 1 − exp((2/n)(ℓ₀ − ℓ₁)), Nagelkerke R²_N = R²_CS / (1 − exp((2/n)ℓ₀)), McFadden 1 − ℓ₁/ℓ₀.
 */
public final class GoodnessOfFit {
    private GoodnessOfFit() {
    }

    public static double coxSnell(double nullLogLik, double modelLogLik, int n) {
        return 1 - Math.exp((2.0 / n) * (nullLogLik - modelLogLik));
    }

    public static double nagelkerke(double nullLogLik, double modelLogLik, int n) {
        double max = 1 - Math.exp((2.0 / n) * nullLogLik);
        return max == 0 ? Double.NaN : coxSnell(nullLogLik, modelLogLik, n) / max;
    }

    public static double mcFadden(double nullLogLik, double modelLogLik) {
        return nullLogLik == 0 ? Double.NaN : 1 - modelLogLik / nullLogLik;
    }

    /** BIC = −2ℓ + k ln n, k counting every estimated parameter (the NB dispersion included). */
    public static double bic(double logLik, int parameters, int n) {
        return -2 * logLik + parameters * Math.log(n);
    }

    /** AIC = −2ℓ + 2k. */
    public static double aic(double logLik, int parameters) {
        return -2 * logLik + 2 * parameters;
    }
}
