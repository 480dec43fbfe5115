package org.pscdesk.rtm.model;

/**
 * Control of the NBII fit ({@link NegBinomial1Glm}).
 *
 * @param maxIterations cap on Newton iterations (default 100; Newton from the Poisson fit needs 5–10, up to ~20
 *                      when σ runs to its bound). At the cap the last iterate is returned with
 *                      {@code converged = false}.
 * @param tolerance stop when the Newton decrement gᵀ(−H)⁻¹g (twice the predicted gain in ℓ) is below
 *                  tolerance · (1 + |ℓ|), after taking that last step (default 1e-14: β then agrees with the
 *                  optimum to ~1e-10)
 * @param sigmaStart σ at the start, with the Poisson coefficients (default 0.5, rtm-method §8.5)
 * @param sigmaMin lower bound of σ (default 1e-8): when the likelihood still rises as σ → 0 (no overdispersion
 *                 of the NBII kind), σ is fixed here once log σ comes within 1 of log sigmaMin, and β is
 *                 maximized for it; the model is then Poisson's to within ~1e-8 in ℓ
 */
public record NbiiOptions(int maxIterations, double tolerance, double sigmaStart, double sigmaMin) {

    /** Defaults: 100 iterations, tolerance 1e-14, σ from 0.5, σ ≥ 1e-8. */
    public NbiiOptions() {
        this(100, 1e-14, 0.5, 1e-8);
    }

    public NbiiOptions {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1, not " + maxIterations);
        }
        if (!(tolerance > 0) || tolerance >= 1) {
            throw new IllegalArgumentException("tolerance must be in (0, 1), not " + tolerance);
        }
        if (!(sigmaMin > 0) || !(sigmaStart > sigmaMin * Math.E) || Double.isInfinite(sigmaStart)) {
            throw new IllegalArgumentException("need 0 < e · sigmaMin < sigmaStart < infinity, not " + sigmaMin + ", "
                    + sigmaStart);
        }
    }
}
