package org.pscdesk.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The samplers against their defining moments. With n = 200,000 draws the tolerances are at least 6 standard
 * errors of the sample mean and about 5 of the sample variance, so a wrong formula fails and a right one
 * passes for any seed.
 */
class DemoRandomTest {

    private static final int N = 200_000;

    @ParameterizedTest
    @CsvSource({
        "2.0, 1.5",  // the demo's θ with a typical cell mean
        "0.5, 3.0",  // shape below 1: the boosted branch
        "9.0, 0.2"   // a large shape
    })
    void gammaHasMeanShapeTimesScaleAndVarianceShapeTimesScaleSquared(double shape, double scale) {
        DemoRandom r = new DemoRandom(42);
        double[] m = moments(() -> r.gamma(shape, scale));

        assertEquals(shape * scale, m[0], 6 * Math.sqrt(shape * scale * scale / N));
        assertEquals(shape * scale * scale, m[1], 0.04 * shape * scale * scale);
    }

    @ParameterizedTest
    @CsvSource({
        "0.3",   // mostly zeros
        "4.0",   // one piece
        "55.0"   // several pieces of at most 20
    })
    void poissonHasEqualMeanAndVariance(double lambda) {
        DemoRandom r = new DemoRandom(43);
        double[] m = moments(() -> r.poisson(lambda));

        assertEquals(lambda, m[0], 6 * Math.sqrt(lambda / N));
        assertEquals(lambda, m[1], 0.03 * lambda);
    }

    @ParameterizedTest
    @CsvSource({
        "1.28, 2.0",  // the demo's baseline cell: exp(b0)
        "8.7, 2.0",   // a cell with all three planted factors
        "3.0, 0.5"    // strong overdispersion
    })
    void negativeBinomialHasMeanMuAndVarianceMuPlusMuSquaredOverTheta(double mu, double theta) {
        DemoRandom r = new DemoRandom(44);
        double[] m = moments(() -> r.negativeBinomial(mu, theta));
        double variance = mu + mu * mu / theta;

        assertEquals(mu, m[0], 6 * Math.sqrt(variance / N));
        assertEquals(variance, m[1], 0.05 * variance);
    }

    @Test
    void normalIsStandard() {
        DemoRandom r = new DemoRandom(45);
        double[] m = moments(r::normal);

        assertEquals(0, m[0], 6 / Math.sqrt(N));
        assertEquals(1, m[1], 0.02);
    }

    @Test
    void sameSeedGivesTheSameStream() {
        DemoRandom a = new DemoRandom(99);
        DemoRandom b = new DemoRandom(99);
        for (int i = 0; i < 1000; i++) {
            assertEquals(a.negativeBinomial(2.5, 2.0), b.negativeBinomial(2.5, 2.0));
            assertEquals(a.uniform(), b.uniform());
        }
    }

    @Test
    void uniformStaysInItsInterval() {
        DemoRandom r = new DemoRandom(46);
        for (int i = 0; i < N; i++) {
            double u = r.uniform();
            double o = r.openUniform();
            int k = r.nextInt(7);
            assertTrue(u >= 0 && u < 1 && o > 0 && o < 1 && k >= 0 && k < 7);
        }
    }

    /** Sample mean and (n − 1) variance of N draws. */
    private static double[] moments(DoubleSupplier draw) {
        double sum = 0;
        double sum2 = 0;
        for (int i = 0; i < N; i++) {
            double v = draw.getAsDouble();
            sum += v;
            sum2 += v * v;
        }
        double mean = sum / N;
        return new double[] {mean, (sum2 - N * mean * mean) / (N - 1)};
    }
}
