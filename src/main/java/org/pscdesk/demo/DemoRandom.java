package org.pscdesk.demo;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The demo's one seeded random stream with the samplers it needs, written out here so that a seed gives the
 * same city on every JDK: {@link SplittableRandom} (SplitMix64) fixes the bits, and each sampler below is an
 * exact, documented algorithm on top of {@link #uniform()}.
 *
 * <p>Not thread-safe: one instance is consumed in one fixed order.
 */
final class DemoRandom {

    /** Poisson means are split into pieces no larger than this, so that e^-λ stays far from underflow. */
    private static final double POISSON_PIECE = 20.0;

    private final SplittableRandom random;

    DemoRandom(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** U[0, 1) with 53 random bits: {@code (nextLong() >>> 11) · 2^-53}. */
    double uniform() {
        return (random.nextLong() >>> 11) * 0x1.0p-53;
    }

    /** U[lo, hi). */
    double uniform(double lo, double hi) {
        return lo + (hi - lo) * uniform();
    }

    /** U(0, 1): never exactly 0 (for logarithms and open intervals). */
    double openUniform() {
        return ((random.nextLong() >>> 12) + 0.5) * 0x1.0p-52;
    }

    /** An integer uniform on {@code 0 .. n-1} (floor of n·U; bias below 2^-40 for the small n used here). */
    int nextInt(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be positive");
        }
        return Math.min(n - 1, (int) (uniform() * n));
    }

    /** True with probability p. */
    boolean chance(double p) {
        return uniform() < p;
    }

    /** One element of a list, uniformly. */
    <T> T pick(List<T> items) {
        return items.get(nextInt(items.size()));
    }

    /** An index drawn with probability proportional to {@code weights[i]} (all non-negative, sum &gt; 0). */
    int weighted(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = uniform() * total;
        double cumulative = 0;
        for (int i = 0; i < weights.length; i++) {
            cumulative += weights[i];
            if (u < cumulative) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /**
     * A standard normal deviate by Marsaglia's polar method: draw (u, v) uniform on the square [-1, 1)² until
     * 0 &lt; s = u² + v² &lt; 1, return u·√(−2 ln s / s). (The second deviate is discarded to keep the stream
     * free of hidden state.)
     */
    double normal() {
        while (true) {
            double u = 2 * uniform() - 1;
            double v = 2 * uniform() - 1;
            double s = u * u + v * v;
            if (s > 0 && s < 1) {
                return u * Math.sqrt(-2 * Math.log(s) / s);
            }
        }
    }

    /**
     * A Gamma(shape k, scale s) deviate, density x^(k−1) e^(−x/s) / (Γ(k) s^k), mean k·s, variance k·s².
     *
     * <p>Marsaglia &amp; Tsang (2000), "A simple method for generating gamma variables", ACM TOMS 26(3),
     * doi:10.1145/358407.358414: for k ≥ 1 let d = k − 1/3, c = 1/√(9d); repeat x ~ N(0,1), v = (1 + c x)³
     * until v &gt; 0 and ln U &lt; x²/2 + d − d v + d ln v (with the squeeze U &lt; 1 − 0.0331 x⁴ first);
     * return d·v·s. For k &lt; 1 use Gamma(k + 1)·U^(1/k).
     */
    double gamma(double shape, double scale) {
        if (!(shape > 0) || !(scale > 0)) {
            throw new IllegalArgumentException("gamma needs shape > 0 and scale > 0");
        }
        if (shape < 1) {
            return gamma(shape + 1, scale) * Math.pow(openUniform(), 1 / shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = normal();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = openUniform();
            double x2 = x * x;
            if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
                return d * v * scale;
            }
        }
    }

    /**
     * A Poisson(λ) deviate, P(Y = y) = e^−λ λ^y / y!. Exact: λ is split into pieces of at most
     * {@value #POISSON_PIECE} (a sum of independent Poissons is Poisson with the summed mean), and each piece
     * uses Knuth's multiplication method (count uniforms until their product drops below e^−piece). Cost is
     * O(λ), fine for the demo's means.
     */
    int poisson(double lambda) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("poisson needs a finite mean >= 0, got " + lambda);
        }
        int total = 0;
        double left = lambda;
        while (left > 0) {
            double piece = Math.min(left, POISSON_PIECE);
            left -= piece;
            double limit = Math.exp(-piece);
            double product = uniform();
            while (product >= limit) {
                total++;
                product *= uniform();
            }
        }
        return total;
    }

    /**
     * A negative binomial (NB2) deviate with mean μ and shape θ: Var = μ + μ²/θ. Drawn as the gamma–Poisson
     * mixture λ ~ Gamma(θ, μ/θ), Y ~ Poisson(λ) (MASS::rnegbin uses the same mixture).
     */
    int negativeBinomial(double mu, double theta) {
        if (mu == 0) {
            return 0;
        }
        return poisson(gamma(theta, mu / theta));
    }
}
