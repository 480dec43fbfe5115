package org.pscdesk.rtm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link NegBinomial1Glm} against the maximum of the same NBII likelihood found in R (optim BFGS + Newton polish,
 * fixtures by make_nbii_fixtures.R; gamlss is not packaged for Debian).
 */
class NegBinomial1GlmReferenceTest extends BaseRReferenceTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "fx1, full",      // Poisson outcome: the likelihood rises as sigma -> 0, sigma stays at its bound 1e-8
        "fx1, null",      // the same outcome without covariates is overdispersed: sigma = 0.10
        "fx2, full",      // NB2 outcome, with a continuous variable
        "fx2, null",
        "fx3, full",      // NBII outcome (sigma 1.5)
        "fx3, null",
        "fx3, planted",   // the planted variables only
        "fx4, full",
        "fx4, null",
    })
    void matchesTheRMaximumOfTheNbiiLikelihood(String data, String model) {
        Properties r = GlmReference.properties("nbii_" + data + "_" + model + ".properties");
        Design d = GlmReference.design(data);
        GlmFit fit = NegBinomial1Glm.fit(d, GlmReference.indices(d, GlmReference.strings(r, "vars")));
        assertEquals(Family.NBII, fit.family());
        assertTrue(fit.converged(), fit.warnings().toString());
        assertTerms(fit, r, "");
        assertEstimates(fit, r, "", NBII_COEFFICIENT_ABS);
        assertStandardErrors(fit, r, "", NBII_SE_REL);
        assertRelative(GlmReference.number(r, "loglik"), fit.logLik(), NBII_LOGLIK_REL, "logLik");
        assertRelative(GlmReference.number(r, "bic"), fit.bic(), NBII_LOGLIK_REL, "BIC counting sigma");
        assertRelative(GlmReference.number(r, "global_deviance"), fit.deviance(), NBII_LOGLIK_REL, "global deviance");
        assertAbsolute(GlmReference.number(r, "logsigma"), fit.logSigma(), NBII_COEFFICIENT_ABS, "log sigma");
        boolean atBound = Boolean.parseBoolean(r.getProperty("sigma_at_bound").trim());
        assertEquals(atBound, fit.warnings().stream().anyMatch(w -> w.startsWith("sigma is at its lower bound")));
        double rSe = GlmReference.number(r, "logsigma_se");
        if (atBound) {
            assertTrue(Double.isNaN(fit.logSigmaStdError()), "no SE for log sigma at the bound");
        } else {
            assertRelative(rSe, fit.logSigmaStdError(), NBII_SE_REL, "SE of log sigma");
        }
    }
}
