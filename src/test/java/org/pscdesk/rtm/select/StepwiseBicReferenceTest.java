package org.pscdesk.rtm.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pscdesk.rtm.model.BaseRReferenceTest;
import org.pscdesk.rtm.model.Design;
import org.pscdesk.rtm.model.Family;
import org.pscdesk.rtm.model.GlmFit;
import org.pscdesk.rtm.model.GlmReference;
import org.pscdesk.rtm.model.ModelFrame;
import org.pscdesk.work.Cancellation;
import org.pscdesk.work.CancelledException;
import org.pscdesk.work.Progress;

/**
 * {@link StepwiseBic} against R (fixtures by make_step_fixtures.R): the moves, the BIC path and the final model of
 * {@code step(glm(y ~ 1, poisson), direction = "both", k = log(n))} and {@code MASS::stepAIC(glm.nb(y ~ 1), ...)}
 * with any variables, and of the same search written out in R with one variable per factor and for NBII.
 */
class StepwiseBicReferenceTest extends BaseRReferenceTest {

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
        "fx1, poisson, any",       // Poisson outcome: three planted bands enter
        "fx1, poisson, onefactor",
        "fx1, nb2, any",           // theta about 64 on the path
        "fx1, nb2, onefactor",
        "fx1, nbii, any",          // sigma at its bound 1e-8 all along
        "fx1, nbii, onefactor",
        "fx2, poisson, any",       // the continuous variable enters first
        "fx2, poisson, onefactor",
        "fx2, nb2, any",
        "fx2, nb2, onefactor",
        "fx2, nbii, any",
        "fx2, nbii, onefactor",
        "fx3, poisson, any",       // two bus-stop bands with the rule off, one with it on
        "fx3, poisson, onefactor",
        "fx3, nb2, any",
        "fx3, nb2, onefactor",
        "fx3, nbii, any",
        "fx3, nbii, onefactor",
        "fx4, poisson, any",       // the hub band enters first and is dropped at the end; two bars bands
        "fx4, poisson, onefactor",
        "fx4, nb2, any",           // a bars band enters after the drop
        "fx4, nb2, onefactor",
        "fx4, nbii, any",
        "fx4, nbii, onefactor",
    })
    void followsRsPathToRsModel(String data, String familyLabel, String rule) throws CancelledException {
        Properties r = GlmReference.properties("step_" + data + ".properties");
        Design d = GlmReference.design(data);
        Family family = Family.of(familyLabel);
        StepwiseOptions options = new StepwiseOptions().withFamily(family).withOnePerFactor(rule.equals("onefactor"));
        SelectionResult result = new StepwiseBic(options).run(ModelFrame.of(d),
                GlmReference.indices(d, GlmReference.strings(r, "candidates")), Progress.NONE, Cancellation.none());
        assertEquals(family, result.family());
        FamilySelection s = result.chosen();
        String prefix = familyLabel + "." + rule + ".";
        assertEquals(GlmReference.strings(r, prefix + "moves"), s.steps().stream().map(StepwiseStep::label).toList(),
                "moves");
        assertEquals(GlmReference.strings(r, prefix + "vars"), s.names(), "selected variables in order of entry");
        assertFalse(s.stepCapReached());
        boolean nbii = family == Family.NBII;
        double bicTolerance = nbii ? NBII_LOGLIK_REL : BIC_REL;
        double[] path = GlmReference.doubles(r, prefix + "path");
        assertRelative(path[0], s.nullBic(), bicTolerance, "BIC of the null model");
        for (int i = 0; i < s.steps().size(); i++) {
            assertRelative(path[i + 1], s.steps().get(i).bic(), bicTolerance, "BIC after " + s.steps().get(i).label());
        }
        GlmFit fit = s.fit();
        assertEquals(s.names(), fit.terms().stream().map(c -> c.name()).toList(), "the fit's terms in entry order");
        assertEstimates(fit, r, prefix, nbii ? NBII_COEFFICIENT_ABS : COEFFICIENT_ABS);
        assertStandardErrors(fit, r, prefix, nbii ? NBII_SE_REL : SE_REL);
        assertRelative(GlmReference.number(r, prefix + "loglik"), fit.logLik(), nbii ? NBII_LOGLIK_REL : LOGLIK_REL,
                "logLik");
        assertRelative(GlmReference.number(r, prefix + "bic"), fit.bic(), bicTolerance, "BIC");
        if (family == Family.NB2) {
            assertRelative(GlmReference.number(r, prefix + "theta"), fit.theta(), THETA_REL, "theta");
            assertRelative(GlmReference.number(r, prefix + "theta_se"), fit.thetaStdError(), THETA_REL, "SE of theta");
        }
        if (nbii) {
            assertAbsolute(GlmReference.number(r, prefix + "logsigma"), fit.logSigma(), NBII_COEFFICIENT_ABS,
                    "log sigma");
        }
        assertEquals(List.of(), result.excluded());
    }
}
