package org.pscdesk.rtm.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.pscdesk.work.Cancellation;
import org.pscdesk.work.CancelledException;

/** Behaviour of the elastic-net path: definitions, invariants and edge cases (R comparisons: ElasticNetReferenceTest). */
class PoissonElasticNetTest {

    /** A small design: 400 cells, three binary variables and one numeric, counts from a planted model. */
    private static Design small(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 400;
        double[][] x = new double[4][n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[0][i] = rnd.nextDouble() < 0.3 ? 1 : 0;
            x[1][i] = rnd.nextDouble() < 0.5 ? 1 : 0;
            x[2][i] = rnd.nextDouble() < 0.1 ? 1 : 0;
            x[3][i] = Math.floor(rnd.nextDouble() * 50) / 10;
            double mu = Math.exp(-0.5 + 0.9 * x[0][i] - 0.4 * x[2][i] + 0.1 * x[3][i]);
            y[i] = poisson(rnd, mu);
        }
        List<String> names = List.of("a", "b", "c", "num");
        return new Design(y, names, names, x);
    }

    private static int poisson(SplittableRandom rnd, double mu) {
        double l = Math.exp(-mu);
        int k = 0;
        double prod = rnd.nextDouble();
        while (prod > l) {
            k++;
            prod *= rnd.nextDouble();
        }
        return k;
    }

    @Test
    void refusesAnOutcomeWithoutEvents() {
        Design d = small(1);
        Design none = new Design(new int[d.n()], d.names(), d.factors(), columns(d));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PoissonElasticNet.fit(none));
        assertTrue(e.getMessage().contains("no events"), e.getMessage());
    }

    @Test
    void constantColumnKeepsAZeroCoefficientAndChangesNothingElse() {
        Design d = small(2);
        double[][] cols = columns(d);
        double[][] withConstant = new double[cols.length + 1][];
        System.arraycopy(cols, 0, withConstant, 0, cols.length);
        withConstant[cols.length] = filled(d.n(), 1.0);
        List<String> names = new ArrayList<>(d.names());
        names.add("everywhere");
        Design dc = new Design(d.y(), names, names, withConstant);

        ElasticNetPath without = PoissonElasticNet.fit(d);
        ElasticNetPath with = PoissonElasticNet.fit(dc);
        assertArrayEquals(without.lambda(), with.lambda(), 0.0);
        for (int k = 0; k < with.size(); k++) {
            assertEquals(0.0, with.coefficient(k, cols.length), "constant column at lambda " + k);
            assertEquals(without.intercept(k), with.intercept(k), 0.0);
            for (int j = 0; j < cols.length; j++) {
                assertEquals(without.coefficient(k, j), with.coefficient(k, j), 0.0);
            }
        }
    }

    @Test
    void refusesADesignWhereEveryVariableIsConstant() {
        Design d = small(3);
        List<String> names = List.of("zero", "one");
        Design flat = new Design(d.y(), names, names, new double[][] {filled(d.n(), 0.0), filled(d.n(), 1.0)});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PoissonElasticNet.fit(flat));
        assertTrue(e.getMessage().contains("same value in every cell"), e.getMessage());
    }

    @Test
    void moreVariablesThanCellsRunsDownToOneHundredthOfLambdaMax() {
        Design wide = ElasticNetFixture.load("wide").design();
        assertTrue(wide.p() > wide.n());
        ElasticNetPath path = PoissonElasticNet.fit(wide);
        assertEquals(100, path.size(), "this design's path does not stop early");
        // glmnet's lambda.min.ratio is 0.01 when nobs < nvars: the path ends at λ_max/100, log-spaced
        assertEquals(0.01, path.lambda(99) / path.lambdaMax(), 1e-12);
        double step = Math.pow(0.01, 1.0 / 99);
        for (int k = 1; k < 100; k++) {
            assertEquals(step, path.lambda(k) / path.lambda(k - 1), 1e-12, "ratio at " + k);
        }
    }

    @Test
    void variableWithoutEventsInItsCellsGetsANegativeFiniteCoefficient() {
        Design bands = ElasticNetFixture.load("bands").design();
        int j = bands.names().indexOf("no_events");
        for (int i : bands.ones(j)) {
            assertEquals(0, bands.y()[i], "the variable's cells have no events");
        }
        ElasticNetPath path = PoissonElasticNet.fit(bands);
        for (int k = 0; k < path.size(); k++) {
            double b = path.coefficient(k, j);
            assertTrue(b <= 0 && Double.isFinite(b), "coefficient " + b + " at lambda " + k);
        }
        assertTrue(path.coefficient(path.size() - 1, j) < 0, "enters the model at the small lambdas");
    }

    @Test
    void lambdaMaxIsTheLargestStandardizedGradientOfTheNullModelOverAlpha() {
        Design d = ElasticNetFixture.load("bands").design();
        int n = d.n();
        double ybar = 0;
        for (int v : d.y()) {
            ybar += v;
        }
        ybar /= n;
        double max = 0;
        for (int j = 0; j < d.p(); j++) {
            double[] x = d.column(j);
            double m = 0;
            for (double v : x) {
                m += v;
            }
            m /= n;
            double ss = 0;
            double dot = 0;
            for (int i = 0; i < n; i++) {
                ss += (x[i] - m) * (x[i] - m);
                dot += (x[i] - m) * (d.y()[i] - ybar);
            }
            if (ss > 0) {
                max = Math.max(max, Math.abs(dot / Math.sqrt(ss / n)) / n);
            }
        }
        double alpha = 0.5;
        ElasticNetPath path = PoissonElasticNet.fit(d);
        assertEquals(max / alpha, path.lambdaMax(), 1e-12 * max / alpha);
        for (int j = 0; j < d.p(); j++) {
            assertEquals(0.0, path.coefficient(0, j), "every coefficient is zero at lambda_max");
        }
    }

    @Test
    void solutionsSatisfyTheOptimalityConditions() {
        // at each λ: (1/n) x̃_jᵀ(y − μ) = λα·sign(β̃_j) + λ(1 − α)β̃_j where β̃_j ≠ 0, |…| ≤ λα where β̃_j = 0,
        // and Σ(y − μ) = 0 (unpenalized intercept); x̃ standardized with 1/n variance, β̃_j = β_j·sd_j
        Design d = small(4);
        double alpha = 0.5;
        ElasticNetPath path = PoissonElasticNet.fit(d);
        int n = d.n();
        for (int k = 1; k < path.size(); k += 7) {
            double lambda = path.lambda(k);
            double[] mu = new double[n];
            double sumRes = 0;
            double sumY = 0;
            for (int i = 0; i < n; i++) {
                double eta = path.intercept(k);
                for (int j = 0; j < d.p(); j++) {
                    eta += d.column(j)[i] * path.coefficient(k, j);
                }
                mu[i] = Math.exp(eta);
                sumRes += d.y()[i] - mu[i];
                sumY += d.y()[i];
            }
            assertEquals(0.0, sumRes / sumY, 1e-6, "intercept condition at lambda " + k);
            for (int j = 0; j < d.p(); j++) {
                double[] x = d.column(j);
                double m = 0;
                for (double v : x) {
                    m += v;
                }
                m /= n;
                double ss = 0;
                for (double v : x) {
                    ss += (v - m) * (v - m);
                }
                double sd = Math.sqrt(ss / n);
                double grad = 0;
                for (int i = 0; i < n; i++) {
                    grad += (x[i] - m) / sd * (d.y()[i] - mu[i]);
                }
                grad /= n;
                double bt = path.coefficient(k, j) * sd;
                String what = d.name(j) + " at lambda " + k;
                if (bt != 0) {
                    double expected = lambda * alpha * Math.signum(bt) + lambda * (1 - alpha) * bt;
                    assertEquals(expected, grad, 1e-3 * lambda, what);
                } else {
                    assertTrue(Math.abs(grad) <= lambda * alpha * (1 + 1e-3), what + ": |gradient| " + grad);
                }
            }
        }
    }

    @Test
    void duplicatingEveryCellLeavesThePathUnchanged() {
        Design d = small(5);
        int n = d.n();
        int[] rows = new int[2 * n];
        for (int i = 0; i < 2 * n; i++) {
            rows[i] = i % n;
        }
        ElasticNetPath once = PoissonElasticNet.fit(d);
        ElasticNetPath twice = PoissonElasticNet.fit(d.rows(rows));
        assertSamePath(once, twice, 1e-10);
    }

    @Test
    void cellOrderDoesNotChangeThePath() {
        Design d = small(6);
        int n = d.n();
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = (i * 7919) % n; // 7919 is prime and does not divide 400: a permutation
        }
        assertSamePath(PoissonElasticNet.fit(d), PoissonElasticNet.fit(d.rows(rows)), 1e-10);
    }

    @Test
    void maxitEndsThePathEarlyWithAWarningAndKeepsTheSolvedLambdas() {
        Design d = ElasticNetFixture.load("bands").design();
        ElasticNetPath full = PoissonElasticNet.fit(d);
        ElasticNetPath capped = PoissonElasticNet.fit(d, new ElasticNetOptions().withMaxit(100));
        assertNull(full.warning());
        assertNotNull(capped.warning());
        assertTrue(capped.warning().contains("maxit"), capped.warning());
        assertTrue(capped.size() > 2 && capped.size() < full.size(), "size " + capped.size());
        for (int k = 0; k < capped.size(); k++) {
            assertEquals(full.lambda(k), capped.lambda(k), 0.0);
            assertArrayEquals(full.coefficients(k), capped.coefficients(k), 0.0);
        }
    }

    @Test
    void givenLambdasAreFittedAllWithoutEarlyStop() {
        Design d = small(7);
        ElasticNetPath path = PoissonElasticNet.fit(d);
        double[] given = {path.lambdaMax() * 1e-9, path.lambdaMax() * 1e-8, path.lambdaMax() * 2};
        ElasticNetPath fixed = PoissonElasticNet.fit(d, new ElasticNetOptions(), given);
        assertArrayEquals(new double[] {given[2], given[1], given[0]}, fixed.lambda(), 0.0);
        for (int j = 0; j < d.p(); j++) {
            assertEquals(0.0, fixed.coefficient(0, j), "above lambda_max every coefficient is zero");
        }
        assertThrows(IllegalArgumentException.class,
                () -> PoissonElasticNet.fit(d, new ElasticNetOptions(), new double[] {0.1, -1}));
    }

    @Test
    void cancellationStopsTheFitBetweenLambdas() {
        Design d = small(8);
        Cancellation token = new Cancellation();
        List<Double> seen = new ArrayList<>();
        assertThrows(CancelledException.class, () -> PoissonElasticNet.fit(d, new ElasticNetOptions(),
                (stage, fraction) -> {
                    seen.add(fraction);
                    if (seen.size() == 3) {
                        token.cancel();
                    }
                }, token));
        assertEquals(3, seen.size(), "no λ after the cancellation was started");
    }

    @Test
    void reportsProgressOncePerLambdaUpToOne() throws CancelledException {
        Design d = small(9);
        List<Double> seen = new ArrayList<>();
        ElasticNetPath path = PoissonElasticNet.fit(d, new ElasticNetOptions(), (stage, f) -> seen.add(f),
                Cancellation.none());
        assertEquals(path.size() + 1, seen.size());
        assertEquals(1.0, seen.get(seen.size() - 1));
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) >= seen.get(i - 1));
        }
    }

    @Test
    void resultArraysAreCopies() {
        ElasticNetPath path = PoissonElasticNet.fit(small(10));
        double lambda0 = path.lambda(0);
        path.lambda()[0] = -1;
        path.coefficients()[1][0] = 99;
        path.coefficients(1)[0] = 99;
        assertEquals(lambda0, path.lambda(0));
        assertTrue(path.coefficient(1, 0) != 99);
    }

    private static void assertSamePath(ElasticNetPath a, ElasticNetPath b, double tol) {
        assertEquals(a.size(), b.size(), "path length");
        for (int k = 0; k < a.size(); k++) {
            assertEquals(a.lambda(k), b.lambda(k), tol * a.lambda(k));
            assertEquals(a.intercept(k), b.intercept(k), tol);
            for (int j = 0; j < a.names().size(); j++) {
                assertEquals(a.coefficient(k, j), b.coefficient(k, j), tol, "variable " + j + " at lambda " + k);
            }
        }
    }

    private static double[][] columns(Design d) {
        double[][] c = new double[d.p()][];
        for (int j = 0; j < d.p(); j++) {
            c[j] = d.column(j).clone();
        }
        return c;
    }

    private static double[] filled(int n, double v) {
        double[] x = new double[n];
        java.util.Arrays.fill(x, v);
        return x;
    }
}
