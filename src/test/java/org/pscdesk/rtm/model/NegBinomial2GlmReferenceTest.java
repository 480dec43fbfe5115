package org.pscdesk.rtm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link NegBinomial2Glm} against R's {@code MASS::glm.nb} (fixtures by make_nb2_fixtures.R). */
class NegBinomial2GlmReferenceTest extends BaseRReferenceTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "fx1, full",   // Poisson outcome: theta about 73, SE(theta) about 440
        "fx1, null",
        "fx1, init",   // init.theta = 1 on the Poisson outcome (MASS stops at its alternation limit, on round-off)
        "fx2, full",   // NB2 outcome (theta 1.3), with a continuous variable
        "fx2, null",
        "fx2, init",   // init.theta as stepAIC's refits pass it: the first fit is NB, not Poisson
        "fx3, full",   // NBII outcome fitted as NB2 (theta 0.38)
        "fx3, null",
        "fx4, full",
        "fx4, null",
    })
    void matchesMassGlmNb(String data, String model) {
        Properties r = GlmReference.properties("nb2_" + data + "_" + model + ".properties");
        Design d = GlmReference.design(data);
        int[] vars = GlmReference.indices(d, GlmReference.strings(r, "vars"));
        String init = r.getProperty("init_theta").trim();
        GlmFit fit = new NegBinomial2Glm().fit(ModelFrame.of(d), vars, null,
                init.isEmpty() ? Double.NaN : Double.parseDouble(init));
        assertEquals(Family.NB2, fit.family());
        assertTerms(fit, r, "");
        assertEstimates(fit, r, "", COEFFICIENT_ABS);
        assertStandardErrors(fit, r, "", SE_REL);
        assertWaldStatistics(fit, r, "");
        assertRelative(GlmReference.number(r, "theta"), fit.theta(), THETA_REL, "theta");
        assertRelative(GlmReference.number(r, "theta_se"), fit.thetaStdError(), THETA_REL, "SE of theta");
        assertRelative(GlmReference.number(r, "loglik"), fit.logLik(), LOGLIK_REL, "logLik");
        assertRelative(GlmReference.number(r, "deviance"), fit.deviance(), LOGLIK_REL, "deviance");
        assertRelative(GlmReference.number(r, "aic"), fit.aic(), BIC_REL, "AIC");
        assertRelative(GlmReference.number(r, "bic"), fit.bic(), BIC_REL, "BIC counting theta");
        assertEquals((int) GlmReference.number(r, "rank") + 1, fit.parameters(), "rank + theta");
        // fx1 init: R's theta.ml score cancels terms of size n log(theta) and its theta wanders by 3e-7 between
        // alternations, so MASS stops at its limit; our score (log1p form) settles and the alternation converges
        assertTrue(fit.converged(), fit.warnings().toString());
    }

    @Test
    void flagsTheAlternationCapInsteadOfLoopingOn() {
        Properties r = GlmReference.properties("nb2_fx2_full.properties");
        Design d = GlmReference.design("fx2");
        int[] vars = GlmReference.indices(d, GlmReference.strings(r, "vars"));
        GlmFit capped = new NegBinomial2Glm(new GlmOptions(1e-8, 2)).fit(ModelFrame.of(d), vars, null, Double.NaN);
        assertFalse(capped.converged());
        assertTrue(capped.warnings().contains("alternation limit reached"), capped.warnings().toString());
        assertTrue(Double.isFinite(capped.bic()), "the last iterate is still reported");
    }
}
