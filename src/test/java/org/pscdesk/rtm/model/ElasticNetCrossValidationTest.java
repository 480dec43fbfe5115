package org.pscdesk.rtm.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pscdesk.work.Cancellation;
import org.pscdesk.work.CancelledException;

/** Behaviour of the cross-validated elastic net (R comparisons: ElasticNetReferenceTest). */
class ElasticNetCrossValidationTest {

    @Test
    void foldIdsFollowTableOrder() {
        // cell i (0-based) → (i mod K) + 1, R's (0:(n-1)) %% K + 1
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2},
                ElasticNetCrossValidation.foldIds(12, 5));
    }

    @Test
    void resultDoesNotDependOnTheNumberOfThreads() {
        Design d = ElasticNetFixture.load("bands").design();
        ElasticNetSelection one = ElasticNetCrossValidation.run(d, new CrossValidationOptions().withThreads(1));
        ElasticNetSelection two = ElasticNetCrossValidation.run(d, new CrossValidationOptions().withThreads(2));
        ElasticNetSelection five = ElasticNetCrossValidation.run(d, new CrossValidationOptions().withThreads(5));
        assertEquals(one, two);
        assertEquals(one, five);
        assertArrayEquals(one.cvm(), five.cvm(), 0.0);
    }

    @Test
    void oneStandardErrorLambdaIsNeverBelowLambdaMin() {
        for (String name : List.of("bands", "mixed", "wide")) {
            ElasticNetFixture fx = ElasticNetFixture.load(name);
            ElasticNetSelection sel = ElasticNetCrossValidation.run(fx.design(),
                    new CrossValidationOptions().withAlpha(fx.number("alpha")));
            assertTrue(sel.lambda1se() >= sel.lambdaMin(), name);
            double[] cvm = sel.cvm();
            for (int k = 0; k < cvm.length; k++) {
                assertTrue(cvm[k] >= cvm[sel.indexMin()], name + ": cvm at " + k + " below the minimum");
            }
            assertTrue(cvm[sel.index1se()] <= cvm[sel.indexMin()] + sel.cvsd()[sel.indexMin()], name);
        }
    }

    @Test
    void keptVariablesAreTheNonZeroCoefficientsOfTheFullFitAtTheChosenLambda() {
        ElasticNetSelection sel = ElasticNetCrossValidation.run(ElasticNetFixture.load("bands").design());
        double[] beta = sel.fit().coefficients(sel.index());
        List<String> expected = new ArrayList<>();
        for (int j = 0; j < beta.length; j++) {
            if (beta[j] != 0) {
                expected.add(sel.fit().names().get(j));
            }
        }
        assertEquals(expected, sel.kept());
        assertEquals(LambdaRule.MIN, sel.rule(), "the default rule is lambda.min");
        assertEquals(sel.lambdaMin(), sel.lambda());
    }

    @Test
    void reportsProgressPerFitFromZeroToOne() throws CancelledException {
        Design d = ElasticNetFixture.load("wide").design();
        List<Double> seen = Collections.synchronizedList(new ArrayList<>());
        ElasticNetCrossValidation.run(d, new CrossValidationOptions(), (stage, f) -> seen.add(f), Cancellation.none());
        assertEquals(12, seen.size(), "a start and one report per fit: full data + 10 folds");
        assertEquals(0.0, seen.get(0));
        assertEquals(1.0, seen.get(seen.size() - 1));
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) > seen.get(i - 1));
        }
    }

    @Test
    void cancellationStopsTheRun() {
        Design d = ElasticNetFixture.load("bands").design();
        Cancellation token = new Cancellation();
        List<Double> seen = Collections.synchronizedList(new ArrayList<>());
        assertThrows(CancelledException.class, () -> ElasticNetCrossValidation.run(d, new CrossValidationOptions(),
                (stage, f) -> {
                    seen.add(f);
                    if (f > 0) {
                        token.cancel();
                    }
                }, token));
        assertTrue(seen.size() < 12, "stopped before every fit reported: " + seen);
    }

    @Test
    void refusesAnOutcomeWithoutEvents() {
        Design d = ElasticNetFixture.load("wide").design();
        Design none = new Design(new int[d.n()], d.names(), d.factors(), columnsOf(d));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ElasticNetCrossValidation.run(none));
        assertTrue(e.getMessage().contains("no events"), e.getMessage());
    }

    @Test
    void refusesWhenEveryEventIsInOneFold() {
        Design d = ElasticNetFixture.load("wide").design();
        int[] y = new int[d.n()];
        for (int i = 0; i < d.n(); i += 10) {
            y[i] = 2; // rows 0, 10, 20, …: all in fold 1
        }
        Design oneFold = new Design(y, d.names(), d.factors(), columnsOf(d));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ElasticNetCrossValidation.run(oneFold));
        assertTrue(e.getMessage().contains("training set has no events"), e.getMessage());
    }

    @Test
    void refusesFewerCellsThanFolds() {
        Design d = ElasticNetFixture.load("wide").design();
        Design few = d.rows(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ElasticNetCrossValidation.run(few));
        assertTrue(e.getMessage().contains("fewer than the 10"), e.getMessage());
    }

    @Test
    void refusesFewerThanThreeFolds() {
        assertThrows(IllegalArgumentException.class, () -> new CrossValidationOptions().withFolds(2));
    }

    private static double[][] columnsOf(Design d) {
        double[][] c = new double[d.p()][];
        for (int j = 0; j < d.p(); j++) {
            c[j] = d.column(j).clone();
        }
        return c;
    }
}
