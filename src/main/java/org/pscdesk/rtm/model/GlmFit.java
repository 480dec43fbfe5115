package org.pscdesk.rtm.model;

import java.util.List;

/**
 * A fitted count model (Poisson, NB2 or NBII) with log link: log μ = β₀ + Σ β<sub>j</sub> x<sub>j</sub>.
 *
 * @param family the family fitted (never {@link Family#AUTO})
 * @param n number of rows
 * @param coefficients the intercept first, then the fitted variables in model order (variables that were
 *                     dropped are not here but in {@code dropped})
 * @param dropped variables asked for but left out of the fit, with the reason (R: {@code NA} for aliased ones)
 * @param theta NB2's θ (Var = μ + μ²/θ), else NaN
 * @param thetaStdError MASS's {@code SE.theta}, else NaN
 * @param sigma NBII's σ (Var = μ(1 + σ)), else NaN
 * @param logSigmaStdError the standard error of log σ (gamlss's "sigma intercept"), NaN for other families or
 *                         when σ is at its lower bound
 * @param logLik the maximized log-likelihood ℓ (with the −Σ log y! term, as R's {@code logLik})
 * @param deviance Poisson: R's residual deviance; NB2: the deviance glm.nb reports (at the θ of its last IRLS);
 *                 NBII: −2ℓ (gamlss's "global deviance")
 * @param parameters k, the number of estimated parameters: coefficients plus 1 for a dispersion parameter
 * @param aic −2ℓ + 2k
 * @param bic −2ℓ + k ln n
 * @param converged whether the fit met its convergence criterion before its iteration cap (for NB2 both the
 *                  final IRLS and glm.nb's alternation)
 * @param iterations IRLS iterations of the (last) IRLS for Poisson/NB2, Newton iterations for NBII
 * @param separated whether some fitted mean is numerically 0 (&lt; 10 ε, R's warning "fitted rates numerically
 *                  0 occurred"): a variable combination with no events; the stepwise search never moves to
 *                  such a model
 * @param warnings what R would warn about, in plain words (iteration limits, truncation, step-halving)
 */
public record GlmFit(Family family, int n, List<Coefficient> coefficients, List<DroppedVariable> dropped,
                     double theta, double thetaStdError, double sigma, double logSigmaStdError, double logLik,
                     double deviance, int parameters, double aic, double bic, boolean converged, int iterations,
                     boolean separated, List<String> warnings) {

    public GlmFit {
        coefficients = List.copyOf(coefficients);
        dropped = List.copyOf(dropped);
        warnings = List.copyOf(warnings);
        if (coefficients.isEmpty() || !coefficients.get(0).isIntercept()) {
            throw new IllegalArgumentException("the intercept must come first");
        }
    }

    /** The intercept β₀. */
    public Coefficient intercept() {
        return coefficients.get(0);
    }

    /** The coefficients of the variables, in model order (without the intercept). */
    public List<Coefficient> terms() {
        return coefficients.subList(1, coefficients.size());
    }

    /** The design column indices of the fitted variables, in model order. */
    public int[] variables() {
        int[] v = new int[coefficients.size() - 1];
        for (int j = 0; j < v.length; j++) {
            v[j] = coefficients.get(j + 1).variable();
        }
        return v;
    }

    /** The estimates, intercept first. */
    public double[] estimates() {
        double[] b = new double[coefficients.size()];
        for (int j = 0; j < b.length; j++) {
            b[j] = coefficients.get(j).estimate();
        }
        return b;
    }

    /** log σ for NBII (gamlss's "sigma intercept"), else NaN. */
    public double logSigma() {
        return Math.log(sigma);
    }

    /** Whether the stepwise search may use this fit: finite BIC and no fitted mean numerically 0. */
    public boolean usable() {
        return Double.isFinite(bic) && !separated;
    }
}
