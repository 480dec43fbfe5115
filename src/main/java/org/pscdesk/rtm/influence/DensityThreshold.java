package org.pscdesk.rtm.influence;

import java.util.Arrays;
import java.util.Objects;

/**
 * When a cell's kernel density counts as "high" (Density_d = 1, rtm-method.md §1.3). RTMDx's cut is not
 * published; the default, {@link #DEFAULT}, is the RTM convention D &gt; μ + 2σ, with μ and σ over the in-study
 * cells, zeros included, and σ the <em>sample</em> standard deviation (divisor n − 1, as R's {@code sd()} and
 * as the method doc uses for the RRS classes, §2.5). The demo generator used the population SD (divisor n);
 * on the demo's planted variables both give the same cells.
 *
 * <p>Edge cases: no cells, or all densities 0, give no high cell; with fewer than two cells σ is 0.
 */
public sealed interface DensityThreshold permits DensityThreshold.MeanPlusSd, DensityThreshold.TopPercent {

    /** μ + 2σ with the sample SD: the default. */
    DensityThreshold DEFAULT = new MeanPlusSd(2, SdDivisor.SAMPLE);

    /** The divisor of the variance. */
    enum SdDivisor {
        /** n − 1, as R's {@code sd()} (default). */
        SAMPLE,
        /** n, as the demo generator. */
        POPULATION
    }

    /** The cut of the values (densities over the in-study cells); see each rule for how it is applied. */
    double cut(double[] values);

    /** True when a value is high under this rule, given the cut of all values. */
    boolean isHigh(double value, double cut);

    /**
     * High when D &gt; μ + k·σ.
     *
     * @param k the number of SDs above the mean, finite and non-negative (2 by default)
     * @param divisor sample or population SD
     */
    record MeanPlusSd(double k, SdDivisor divisor) implements DensityThreshold {
        public MeanPlusSd {
            Objects.requireNonNull(divisor);
            if (!(k >= 0) || Double.isInfinite(k)) {
                throw new IllegalArgumentException("k must be a non-negative number of SDs, not " + k);
            }
        }

        /** μ + 2σ, sample SD. */
        public MeanPlusSd() {
            this(2, SdDivisor.SAMPLE);
        }

        /** μ + k·σ (two passes: the mean, then the sum of squared deviations, both in table order). */
        @Override
        public double cut(double[] values) {
            int n = values.length;
            if (n == 0) {
                return Double.POSITIVE_INFINITY;
            }
            double sum = 0;
            for (double v : values) {
                sum += v;
            }
            double mean = sum / n;
            double ss = 0;
            for (double v : values) {
                double e = v - mean;
                ss += e * e;
            }
            double denominator = divisor == SdDivisor.SAMPLE ? n - 1 : n;
            double sd = denominator > 0 ? Math.sqrt(ss / denominator) : 0;
            return mean + k * sd;
        }

        @Override
        public boolean isHigh(double value, double cut) {
            return value > cut;
        }
    }

    /**
     * High when D is among the top p % of cells: with m = ⌈p·n/100⌉, the cut is the m-th largest value and
     * the high cells are those with D ≥ cut and D &gt; 0 (ties at the cut are all in, so there may be more
     * than m; zero density is never high).
     *
     * @param percent p, in (0, 100]
     */
    record TopPercent(double percent) implements DensityThreshold {
        public TopPercent {
            if (!(percent > 0 && percent <= 100)) {
                throw new IllegalArgumentException("the top percentage must be in (0, 100], not " + percent);
            }
        }

        @Override
        public double cut(double[] values) {
            int n = values.length;
            if (n == 0) {
                return Double.POSITIVE_INFINITY;
            }
            int m = (int) Math.min(n, Math.max(1, Math.ceil(percent * n / 100 - 1e-9)));
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            return sorted[n - m];
        }

        @Override
        public boolean isHigh(double value, double cut) {
            return value >= cut && value > 0;
        }
    }
}
