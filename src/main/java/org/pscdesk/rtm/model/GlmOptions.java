package org.pscdesk.rtm.model;

/**
 * Convergence control of the IRLS fits (Poisson, NB2), with the defaults of R's {@code glm.control()}.
 *
 * @param epsilon IRLS stops when |dev − dev<sub>old</sub>| / (|dev| + 0.1) &lt; epsilon (R: 1e-8); glm.nb's
 *                outer alternation uses the same value on its own criterion
 * @param maxIterations cap on IRLS iterations, on glm.nb's alternations and on theta.ml's Newton steps (R's
 *                      {@code maxit}: 25). At the cap the fit is returned with {@code converged = false}.
 */
public record GlmOptions(double epsilon, int maxIterations) {

    /** R's {@code glm.control()}: epsilon 1e-8, maxit 25. */
    public GlmOptions() {
        this(1e-8, 25);
    }

    public GlmOptions {
        if (!(epsilon > 0) || epsilon >= 1) {
            throw new IllegalArgumentException("epsilon must be in (0, 1), not " + epsilon);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1, not " + maxIterations);
        }
    }
}
