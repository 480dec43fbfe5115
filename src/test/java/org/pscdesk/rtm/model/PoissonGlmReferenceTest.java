package org.pscdesk.rtm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link PoissonGlm} against R's {@code glm(family = poisson)} (fixtures by make_glm_fixtures.R). */
class PoissonGlmReferenceTest extends BaseRReferenceTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "fx1, full",   // Poisson outcome, nine bands incl. three nested bands of one factor
        "fx1, null",   // intercept only
        "fx2, full",   // NB2 outcome, with a continuous variable (slope)
        "fx2, null",
        "fx3, full",   // NBII outcome
        "fx3, null",
        "fx4, full",   // eleven bands, one of them the union of two others plus noise
        "fx4, null",
    })
    void matchesRsGlm(String data, String model) {
        Properties r = GlmReference.properties("glm_" + data + "_" + model + ".properties");
        Design d = GlmReference.design(data);
        GlmFit fit = PoissonGlm.fit(d, GlmReference.indices(d, GlmReference.strings(r, "vars")));
        assertMatches(fit, r);
        assertTrue(fit.dropped().isEmpty(), "nothing dropped");
    }

    @Test
    void dropsConstantAndDuplicatedColumnsWhereRGivesNa() {
        Properties r = GlmReference.properties("glm_fx1_alias.properties");
        Design base = GlmReference.design("fx1");
        double[] one = new double[base.n()];
        Arrays.fill(one, 1);
        Design d = GlmReference.withColumns(base, List.of("const_one", "bars_copy", "all_zero"),
                new double[][] {one, base.column(base.names().indexOf("bars_proximity_2")), new double[base.n()]});
        GlmFit fit = PoissonGlm.fit(d, GlmReference.indices(d, GlmReference.strings(r, "vars")));
        assertMatches(fit, r);
        List<String> vars = GlmReference.strings(r, "vars");
        double[] coef = GlmReference.doubles(r, "coef");
        List<String> naInR = vars.stream().filter(v -> Double.isNaN(coef[vars.indexOf(v) + 1])).toList();
        assertEquals(naInR, fit.dropped().stream().map(DroppedVariable::name).toList());
        assertEquals(List.of(DroppedVariable.Reason.CONSTANT, DroppedVariable.Reason.ALIASED,
                DroppedVariable.Reason.CONSTANT), fit.dropped().stream().map(DroppedVariable::reason).toList());
    }

    private static void assertMatches(GlmFit fit, Properties r) {
        assertTerms(fit, r, "");
        assertEstimates(fit, r, "", COEFFICIENT_ABS);
        assertStandardErrors(fit, r, "", SE_REL);
        assertWaldStatistics(fit, r, "");
        assertRelative(GlmReference.number(r, "loglik"), fit.logLik(), LOGLIK_REL, "logLik");
        assertRelative(GlmReference.number(r, "deviance"), fit.deviance(), LOGLIK_REL, "deviance");
        assertRelative(GlmReference.number(r, "aic"), fit.aic(), BIC_REL, "AIC");
        assertRelative(GlmReference.number(r, "bic"), fit.bic(), BIC_REL, "BIC");
        assertEquals((int) GlmReference.number(r, "rank"), fit.parameters(), "parameters = R's rank");
        assertEquals((int) GlmReference.number(r, "iter"), fit.iterations(), "IRLS iterations as glm.fit");
        assertTrue(fit.converged());
    }
}
