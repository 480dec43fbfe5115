package org.pscdesk.rtm.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ValidationTest {

    /** ptools tests/testthat/test-pai.R (rtm-method §3): obs (6,3,0), pred (3,2,1), unit areas. */
    @Test
    void paiAndPeiMatchThePtoolsTestVectors() {
        int[] obs = {6, 3, 0};
        double[] pred = {3, 2, 1};
        double[] pai = {2, 1.5, 1};
        for (int k = 1; k <= 3; k++) {
            boolean[] top = new boolean[3];
            for (int i = 0; i < k; i++) {
                top[i] = true;
            }
            Validation v = Validation.of(pred, top, obs);
            assertEquals(pai[k - 1], v.pai(), 1e-12, "PAI at " + k);
            assertEquals(1.0, v.pei(), 1e-12, "PEI at " + k);
        }
    }

    @Test
    void hitRateAndPaiFollowTheirDefinitions() {
        int[] obs = {5, 0, 1, 0, 4, 0, 0, 0, 0, 0};
        boolean[] flagged = {true, false, false, false, true, false, false, false, false, false};
        Validation v = Validation.of(new double[10], flagged, obs);
        assertEquals(0.9, v.hitRate(), 1e-12);
        assertEquals(0.9 / 0.2, v.pai(), 1e-12);
        assertEquals(1.0, v.pei(), 1e-12, "the two flagged cells are the two busiest");
    }

    @Test
    void aucEqualsThePairwiseDefinitionWithTiesCountedHalf() {
        SplittableRandom r = new SplittableRandom(9);
        double[] score = new double[300];
        int[] counts = new int[300];
        for (int i = 0; i < score.length; i++) {
            score[i] = r.nextInt(5);
            counts[i] = r.nextDouble() < 0.2 + 0.1 * score[i] ? 1 + r.nextInt(3) : 0;
        }
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < score.length; i++) {
            for (int j = 0; j < score.length; j++) {
                if (counts[i] > 0 && counts[j] == 0) {
                    pairs++;
                    wins += score[i] > score[j] ? 1 : score[i] == score[j] ? 0.5 : 0;
                }
            }
        }
        assertEquals(wins / pairs, Validation.auc(score, counts), 1e-12);
    }

    @Test
    void undefinedMetricsAreNaN() {
        Validation none = Validation.of(new double[] {1, 2}, new boolean[] {true, false}, new int[] {0, 0});
        assertTrue(Double.isNaN(none.hitRate()) && Double.isNaN(none.pai()) && Double.isNaN(none.auc()));
    }

    @Test
    void leedsBicIdentityCountsTheDispersion() {
        // global deviance 18288.17 = -2 logLik; k = 4 (intercept, 2 slopes, sigma); n = 9199 -> SBC 18324.68
        assertEquals(18324.68, GoodnessOfFit.bic(-18288.17 / 2, 4, 9199), 0.01);
        assertEquals(18296.17, GoodnessOfFit.aic(-18288.17 / 2, 4), 1e-9);
    }

    @Test
    void nagelkerkeIsCoxSnellOverItsMaximum() {
        double l0 = -1200;
        double l1 = -1100;
        int n = 1000;
        double cs = 1 - Math.exp((2.0 / n) * (l0 - l1));
        assertEquals(cs, GoodnessOfFit.coxSnell(l0, l1, n), 1e-15);
        assertEquals(cs / (1 - Math.exp((2.0 / n) * l0)), GoodnessOfFit.nagelkerke(l0, l1, n), 1e-15);
        assertTrue(GoodnessOfFit.nagelkerke(l0, l1, n) > cs);
    }
}
