package org.pscdesk.rtm.model;

/**
 * One fitted coefficient of a count model with its Wald statistics.
 *
 * @param name the variable's name, or {@code (Intercept)}
 * @param variable the column index in the {@link Design}, or −1 for the intercept
 * @param estimate β
 * @param standardError the square root of the diagonal element of the inverse information (dispersion 1 for
 *                      Poisson and NB2, as R's {@code summary.glm}/{@code summary.negbin}; observed
 *                      information for NBII, as gamlss)
 * @param z β / SE
 * @param pValue two-sided normal p-value 2Φ(−|z|) (R's {@code Pr(>|z|)}; gamlss prints a t test on the
 *               residual degrees of freedom, which differs by less than 1e-3 relative at n in the thousands)
 */
public record Coefficient(String name, int variable, double estimate, double standardError, double z,
                          double pValue) {

    /** The name R gives the intercept. */
    public static final String INTERCEPT = "(Intercept)";

    /** A coefficient with its z and p computed from the estimate and standard error. */
    public static Coefficient of(String name, int variable, double estimate, double standardError) {
        double z = estimate / standardError;
        return new Coefficient(name, variable, estimate, standardError, z, SpecialFunctions.normalTwoSidedP(z));
    }

    /** Whether this is the intercept. */
    public boolean isIntercept() {
        return variable < 0;
    }

    /** The Relative Risk Value exp(β) (rtm-method §2.4). */
    public double rrv() {
        return Math.exp(estimate);
    }
}
