package org.pscdesk.rtm.influence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DensityThresholdTest {

    // values 0,0,0,0,10: mean 2, squared deviations 4·4 + 64 = 80
    private static final double[] VALUES = {0, 0, 10, 0, 0};

    @Test
    void defaultCutIsMeanPlusTwoSampleSds() {
        double cut = DensityThreshold.DEFAULT.cut(VALUES);

        assertEquals(2 + 2 * Math.sqrt(80 / 4.0), cut, 1e-12);
        assertEquals(new DensityThreshold.MeanPlusSd(), DensityThreshold.DEFAULT);
    }

    @Test
    void populationSdUsesDivisorN() {
        DensityThreshold t = new DensityThreshold.MeanPlusSd(2, DensityThreshold.SdDivisor.POPULATION);

        assertEquals(2 + 2 * Math.sqrt(80 / 5.0), t.cut(VALUES), 1e-12);
    }

    @Test
    void oneSdAboveTheMeanIsAvailable() {
        DensityThreshold t = new DensityThreshold.MeanPlusSd(1, DensityThreshold.SdDivisor.SAMPLE);

        assertEquals(2 + Math.sqrt(20), t.cut(VALUES), 1e-12);
        assertTrue(t.isHigh(10, t.cut(VALUES)));
        assertFalse(t.isHigh(0, t.cut(VALUES)));
    }

    @Test
    void allZeroDensityHasNoHighCell() {
        double[] zeros = new double[10];

        assertFalse(DensityThreshold.DEFAULT.isHigh(0, DensityThreshold.DEFAULT.cut(zeros)));
        DensityThreshold top = new DensityThreshold.TopPercent(10);
        assertFalse(top.isHigh(0, top.cut(zeros)));
    }

    @Test
    void topPercentTakesTheLargestValuesWithTiesAtTheCut() {
        double[] v = {5, 1, 9, 9, 3, 0, 0, 2, 7, 4};
        DensityThreshold top20 = new DensityThreshold.TopPercent(20);
        DensityThreshold top30 = new DensityThreshold.TopPercent(30);

        assertEquals(9, top20.cut(v));
        assertEquals(7, top30.cut(v));
        // 25 % of 10 cells is 2.5 → the 3 largest
        assertEquals(7, new DensityThreshold.TopPercent(25).cut(v));
        assertTrue(top20.isHigh(9, 9));
        assertFalse(top20.isHigh(7, 9));
    }

    @Test
    void noCellsGiveAnInfiniteCut() {
        assertEquals(Double.POSITIVE_INFINITY, DensityThreshold.DEFAULT.cut(new double[0]));
        assertEquals(0, DensityThreshold.DEFAULT.cut(new double[] {0}), "one cell: σ is 0");
    }

    @Test
    void invalidParametersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new DensityThreshold.MeanPlusSd(-1, DensityThreshold.SdDivisor.SAMPLE));
        assertThrows(IllegalArgumentException.class, () -> new DensityThreshold.TopPercent(0));
        assertThrows(IllegalArgumentException.class, () -> new DensityThreshold.TopPercent(101));
    }
}
