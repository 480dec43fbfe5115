package org.pscdesk.rtm.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stage 1 against R: every fixture made by {@code reference/make_enet_fixtures.R} with R 4.2.2 and glmnet
 * 4.1-6 ({@code glmnet(X, y, family = "poisson", alpha = α)} and
 * {@code cv.glmnet(..., foldid = (0:(n-1)) %% 10 + 1)}). Fixtures: {@code bands} (6,000 cells, 30 band-like
 * binary variables incl. nested bands, noise, a variable without events and a constant column), {@code mixed}
 * (3,000 cells, binary and numeric variables, lasso), {@code wide} (60 cells, 80 variables), {@code tiny}
 * (25 cells: fewer than 3 per fold, per-cell CV statistics).
 *
 * <p>Tolerances (rtm-method §8.8 asks λ_max 1e-10 relative, coefficients at fixed λ 1e-4, the same selected
 * sets; we check much tighter because the iterates are glmnet's): λ 1e-10 relative; intercepts and
 * coefficients 1e-8 absolute; deviance ratio 1e-9 absolute; cvm and cvsd 1e-8 relative. Observed: about
 * 3e-13 for coefficients, 4e-14 for λ and cvm.
 */
class ElasticNetReferenceTest {

    private static final double LAMBDA_REL = 1e-10;
    private static final double COEF_ABS = 1e-8;
    private static final double DEV_RATIO_ABS = 1e-9;
    private static final double CV_REL = 1e-8;

    private static ElasticNetOptions optionsOf(ElasticNetFixture fx) {
        return new ElasticNetOptions().withAlpha(fx.number("alpha"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bands", "mixed", "wide", "tiny"})
    void lambdaMaxMatchesGlmnet(String name) {
        ElasticNetFixture fx = ElasticNetFixture.load(name);
        ElasticNetPath path = PoissonElasticNet.fit(fx.design(), optionsOf(fx));
        assertRelative(fx.number("lambda_max"), path.lambdaMax(), LAMBDA_REL, "lambda_max");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bands", "mixed", "wide", "tiny"})
    void pathStopsWhereGlmnetStopsWithTheSameLambdas(String name) {
        ElasticNetFixture fx = ElasticNetFixture.load(name);
        ElasticNetPath path = PoissonElasticNet.fit(fx.design(), optionsOf(fx));
        double[] expected = fx.path().column("lambda");
        assertEquals(fx.integer("path_length"), path.size(), "path length");
        assertEquals(expected.length, path.size(), "path length");
        for (int k = 0; k < expected.length; k++) {
            assertRelative(expected[k], path.lambda(k), LAMBDA_REL, "lambda " + (k + 1));
        }
        assertEquals(fx.integer("npasses"), path.passes(), "coordinate-descent passes (glmnet npasses)");
        assertTrue(path.converged());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bands", "mixed", "wide", "tiny"})
    void coefficientsMatchGlmnetAtEveryLambda(String name) {
        ElasticNetFixture fx = ElasticNetFixture.load(name);
        ElasticNetPath path = PoissonElasticNet.fit(fx.design(), optionsOf(fx));
        assertPathMatches(fx.path(), path, fx.design().names());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bands", "mixed", "wide", "tiny"})
    void devianceRatioAndNullDevianceMatchGlmnet(String name) {
        ElasticNetFixture fx = ElasticNetFixture.load(name);
        ElasticNetPath path = PoissonElasticNet.fit(fx.design(), optionsOf(fx));
        double[] expected = fx.path().column("dev_ratio");
        double[] df = fx.path().column("df");
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], path.devRatio()[k], DEV_RATIO_ABS, "dev.ratio at lambda " + (k + 1));
            assertEquals((int) df[k], path.nonZero()[k], "df at lambda " + (k + 1));
        }
        assertRelative(fx.number("nulldev"), path.nullDeviance(), 1e-12, "nulldev");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bands", "mixed", "wide", "tiny"})
    void crossValidationCurveMatchesCvGlmnet(String name) {
        ElasticNetFixture fx = ElasticNetFixture.load(name);
        ElasticNetSelection sel = ElasticNetCrossValidation.run(fx.design(),
                new CrossValidationOptions().withAlpha(fx.number("alpha")));
        double[] lambda = fx.cv().column("lambda");
        double[] cvm = fx.cv().column("cvm");
        double[] cvsd = fx.cv().column("cvsd");
        double[] nzero = fx.cv().column("nzero");
        assertEquals(lambda.length, sel.cvm().length, "CV curve length");
        for (int k = 0; k < lambda.length; k++) {
            assertRelative(lambda[k], sel.lambdas()[k], LAMBDA_REL, "lambda " + (k + 1));
            assertRelative(cvm[k], sel.cvm()[k], CV_REL, "cvm at lambda " + (k + 1));
            assertRelative(cvsd[k], sel.cvsd()[k], CV_REL, "cvsd at lambda " + (k + 1));
            assertEquals((int) nzero[k], sel.nonZero()[k], "nzero at lambda " + (k + 1));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bands", "mixed", "wide", "tiny"})
    void chosenLambdasAndKeptVariablesMatchCvGlmnet(String name) {
        ElasticNetFixture fx = ElasticNetFixture.load(name);
        ElasticNetSelection sel = ElasticNetCrossValidation.run(fx.design(),
                new CrossValidationOptions().withAlpha(fx.number("alpha")));
        assertEquals(fx.integer("index_min"), sel.indexMin() + 1, "index of lambda.min (1-based)");
        assertEquals(fx.integer("index_1se"), sel.index1se() + 1, "index of lambda.1se (1-based)");
        assertRelative(fx.number("lambda_min"), sel.lambdaMin(), LAMBDA_REL, "lambda.min");
        assertRelative(fx.number("lambda_1se"), sel.lambda1se(), LAMBDA_REL, "lambda.1se");
        assertEquals(fx.names("selected_min"), sel.kept(), "kept at lambda.min (the default rule)");
        assertEquals(fx.names("selected_min"), sel.kept(LambdaRule.MIN));
        assertEquals(fx.names("selected_1se"), sel.kept(LambdaRule.ONE_SE), "kept at lambda.1se");
        ElasticNetSelection oneSe = ElasticNetCrossValidation.run(fx.design(),
                new CrossValidationOptions().withAlpha(fx.number("alpha")).withRule(LambdaRule.ONE_SE));
        assertEquals(fx.names("selected_1se"), oneSe.kept(), "kept with rule 1se");
        assertRelative(fx.number("lambda_1se"), oneSe.lambda(), LAMBDA_REL, "chosen lambda with rule 1se");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mixed"})
    void givenLambdaSequenceMatchesGlmnet(String name) {
        ElasticNetFixture fx = ElasticNetFixture.load(name);
        double[] lambda = fx.fixed().column("lambda");
        // handed over in increasing order: the fit sorts them decreasing, as glmnet does
        double[] increasing = new double[lambda.length];
        for (int k = 0; k < lambda.length; k++) {
            increasing[k] = lambda[lambda.length - 1 - k];
        }
        ElasticNetPath path = PoissonElasticNet.fit(fx.design(), optionsOf(fx), increasing);
        assertArrayEquals(lambda, path.lambda(), 0.0, "lambda values as given, decreasing");
        assertPathMatches(fx.fixed(), path, fx.design().names());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mixed"})
    void unstandardizedPathMatchesGlmnet(String name) {
        ElasticNetFixture fx = ElasticNetFixture.load(name);
        ElasticNetFixture.Table expected = ElasticNetFixture.table("enet_" + name + "_nostd_path.csv");
        ElasticNetPath path = PoissonElasticNet.fit(fx.design(), optionsOf(fx).withStandardize(false));
        double[] lambda = expected.column("lambda");
        assertEquals(lambda.length, path.size(), "path length");
        for (int k = 0; k < lambda.length; k++) {
            assertRelative(lambda[k], path.lambda(k), LAMBDA_REL, "lambda " + (k + 1));
        }
        assertPathMatches(expected, path, fx.design().names());
    }

    private static void assertPathMatches(ElasticNetFixture.Table expected, ElasticNetPath path, List<String> names) {
        double[] intercept = expected.column("intercept");
        double[][] beta = expected.from(4);
        assertEquals(names, expected.columns().subList(4, expected.columns().size()), "variable order");
        assertEquals(intercept.length, path.size(), "path length");
        for (int k = 0; k < intercept.length; k++) {
            assertEquals(intercept[k], path.intercept(k), COEF_ABS, "intercept at lambda " + (k + 1));
            for (int j = 0; j < beta[k].length; j++) {
                assertEquals(beta[k][j], path.coefficient(k, j), COEF_ABS,
                        names.get(j) + " at lambda " + (k + 1));
                assertEquals(beta[k][j] == 0, path.coefficient(k, j) == 0,
                        names.get(j) + " is zero at lambda " + (k + 1) + " in one fit only");
            }
        }
    }

    private static void assertRelative(double expected, double actual, double rel, String what) {
        double tol = rel * Math.abs(expected);
        assertEquals(expected, actual, tol, what + ": relative error " + Math.abs(actual / expected - 1));
    }
}
