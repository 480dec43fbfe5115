package org.pscdesk.rtm.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class RelativeRiskTest {

    /** Leeds burglary best model (rtm-method §2.3): bus stops proximity 500, det points density 500. */
    private static final double BUS = 3.0617;
    private static final double DET = 2.1578;

    @Test
    void leedsMaximumIsTheProductOfTheRelativeRiskValues() {
        double[][] x = {{0, 1, 0, 1}, {0, 0, 1, 1}};
        RelativeRisk r = RelativeRisk.of(x, new double[] {BUS, DET});
        assertEquals(1.0, r.min());
        assertEquals(Math.exp(BUS) * Math.exp(DET), r.max(), 1e-9);
        assertEquals(184.84, r.max(), 0.01, "the Leeds report's RRS range 1 .. 184.8");
        assertArrayEquals(new double[] {1, Math.exp(BUS), Math.exp(DET), r.max()}, r.rrs(), 1e-9);
    }

    @Test
    void protectiveFactorsAreScaledByTheMinimum() {
        double[][] x = {{0, 1, 1}, {0, 0, 1}};
        RelativeRisk r = RelativeRisk.of(x, new double[] {Math.log(3), Math.log(0.5)});
        // η = 0, ln3, ln1.5: the lowest is the first cell; ratios 1, 3, 1.5
        assertArrayEquals(new double[] {1, 3, 1.5}, r.rrs(), 1e-12);
    }

    @Test
    void summaryUsesTheSampleStandardDeviation() {
        SplittableRandom random = new SplittableRandom(4);
        double[] eta = new double[101];
        for (int i = 0; i < eta.length; i++) {
            eta[i] = random.nextDouble() * 3;
        }
        RelativeRisk r = RelativeRisk.ofLinearPredictor(eta);
        double mean = 0;
        for (double v : r.rrs()) {
            mean += v;
        }
        mean /= eta.length;
        double ss = 0;
        for (double v : r.rrs()) {
            ss += (v - mean) * (v - mean);
        }
        assertEquals(mean, r.mean(), 1e-12);
        assertEquals(Math.sqrt(ss / 100), r.sd(), 1e-12);
        boolean[] high = r.highestRisk();
        for (int i = 0; i < eta.length; i++) {
            assertEquals(r.rrs()[i] > mean + 2 * r.sd(), high[i]);
        }
    }

    @Test
    void classesFollowTheSdBands() {
        assertEquals(RiskClass.LOW, RiskClass.of(10, 10, 2));
        assertEquals(RiskClass.ABOVE_AVERAGE, RiskClass.of(12, 10, 2));
        assertEquals(RiskClass.MODERATELY_HIGH, RiskClass.of(14, 10, 2));
        assertEquals(RiskClass.HIGHEST, RiskClass.of(14.0001, 10, 2));
        assertTrue(RiskClass.HIGHEST.code() > RiskClass.LOW.code());
    }

    @Test
    void quadrantsCrossRiskWithHotSpots() {
        int[] q = Quadrant.codes(new boolean[] {true, true, false, false}, new boolean[] {true, false, true, false});
        assertArrayEquals(new int[] {1, 2, 3, 4}, q);
        boolean[] hot = Quadrant.aboveMeanPlusSd(new double[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 100}, 2);
        assertTrue(hot[9]);
        assertEquals(1, java.util.stream.IntStream.range(0, 10).filter(i -> hot[i]).count());
    }
}
