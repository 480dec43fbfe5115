package org.pscdesk.rtm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Properties;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/**
 * Defined behaviour of the three count models on degenerate inputs: no events in a variable's cells, no events
 * at all, iteration caps, separation by a combination of bands. Expected numbers come from the R fixtures of the
 * same data without the offending variable.
 */
class CountModelEdgeCasesTest extends BaseRReferenceTest {

    private static final List<String> FULL = List.of("bars_proximity_1", "bars_proximity_2", "bars_proximity_3",
            "bars_density_3", "bus_stops_proximity_2", "bus_stops_density_2", "bus_stops_density_3",
            "parks_proximity_2", "noise_proximity_2");

    /** fx1 with a band "empty_proximity_1" that covers every 7th cell without events, and no cell with events. */
    private static Design withEmptyBand() {
        Design d = GlmReference.design("fx1");
        double[] empty = new double[d.n()];
        int zeros = 0;
        for (int i = 0; i < d.n(); i++) {
            if (d.y()[i] == 0 && zeros++ % 7 == 0) {
                empty[i] = 1;
            }
        }
        return GlmReference.withColumns(d, List.of("empty_proximity_1"), new double[][] {empty});
    }

    private static int[] fullPlusEmpty(Design d) {
        List<String> names = new java.util.ArrayList<>(FULL);
        names.add(3, "empty_proximity_1");
        return GlmReference.indices(d, names);
    }

    @Test
    void dropsABandWithoutEventsBeforeFittingAndFitsTheRest() {
        Design d = withEmptyBand();
        ModelFrame frame = ModelFrame.of(d);
        assertEquals(DroppedVariable.Reason.NO_EVENTS, frame.screen(d.names().indexOf("empty_proximity_1")));
        check(new PoissonGlm().fit(frame, fullPlusEmpty(d), null), "glm_fx1_full.properties", COEFFICIENT_ABS);
        check(new NegBinomial2Glm().fit(frame, fullPlusEmpty(d), null, Double.NaN), "nb2_fx1_full.properties",
                COEFFICIENT_ABS);
        check(new NegBinomial1Glm().fit(frame, fullPlusEmpty(d), null, Double.NaN), "nbii_fx1_full.properties",
                NBII_COEFFICIENT_ABS);
    }

    private static void check(GlmFit fit, String rFile, double tolerance) {
        Properties r = GlmReference.properties(rFile);
        assertEstimates(fit, r, "", tolerance);
        assertRelative(GlmReference.number(r, "loglik"), fit.logLik(), LOGLIK_REL, rFile + " logLik");
        assertEquals(List.of("empty_proximity_1"), fit.dropped().stream().map(DroppedVariable::name).toList());
        assertEquals(DroppedVariable.Reason.NO_EVENTS, fit.dropped().get(0).reason());
        assertTrue(fit.dropped().get(0).message().contains("no events"));
    }

    @Test
    void refusesAnOutcomeWithoutEvents() {
        Design d = new Design(new int[] {0, 0, 0, 0}, List.of("a"), List.of("a"), new double[][] {{0, 1, 0, 1}});
        List<Function<Design, GlmFit>> fitters = List.of(
                x -> PoissonGlm.fit(x, new int[] {0}),
                x -> NegBinomial2Glm.fit(x, new int[] {0}),
                x -> NegBinomial1Glm.fit(x, new int[] {0}));
        for (Function<Design, GlmFit> fitter : fitters) {
            DegenerateOutcomeException e = assertThrows(DegenerateOutcomeException.class, () -> fitter.apply(d));
            assertTrue(e.getMessage().contains("no events"), e.getMessage());
        }
    }

    @Test
    void reportsNonConvergenceAtTheIterationCap() {
        Design d = GlmReference.design("fx3");
        ModelFrame frame = ModelFrame.of(d);
        int[] vars = GlmReference.indices(d, FULL);
        GlmFit poisson = new PoissonGlm(new GlmOptions(1e-8, 2)).fit(frame, vars, null);
        assertFalse(poisson.converged());
        assertEquals(2, poisson.iterations());
        assertTrue(poisson.warnings().get(0).contains("did not converge"), poisson.warnings().toString());
        GlmFit nbii = new NegBinomial1Glm(new NbiiOptions(2, 1e-14, 0.5, 1e-8), new GlmOptions())
                .fit(frame, vars, null, Double.NaN);
        assertFalse(nbii.converged());
        assertEquals(2, nbii.iterations());
        assertTrue(Double.isFinite(nbii.bic()), "the last iterate is reported");
    }

    @Test
    void flagsSeparationWhenTheRingBetweenNestedBandsHasNoEvents() {
        Design base = GlmReference.design("fx1");
        int inner = base.names().indexOf("bars_proximity_1");
        int outer = base.names().indexOf("bars_proximity_2");
        int[] y = base.y().clone();
        for (int i = 0; i < y.length; i++) {
            if (base.column(outer)[i] == 1 && base.column(inner)[i] == 0) {
                y[i] = 0;
            }
        }
        double[][] columns = new double[base.p()][];
        for (int j = 0; j < base.p(); j++) {
            columns[j] = base.column(j);
        }
        Design d = new Design(y, base.names(), base.factors(), columns);
        ModelFrame frame = ModelFrame.of(d);
        assertEquals(null, frame.screen(outer), "the outer band itself has events (in its inner part)");
        int[] vars = {inner, outer};
        for (GlmFit fit : List.of(new PoissonGlm().fit(frame, vars, null),
                new NegBinomial2Glm().fit(frame, vars, null, Double.NaN),
                new NegBinomial1Glm().fit(frame, vars, null, Double.NaN))) {
            assertTrue(fit.separated(), fit.family() + " flags separation");
            assertFalse(fit.usable(), "the stepwise search never moves there");
            assertTrue(fit.warnings().stream().anyMatch(w -> w.contains("bars_proximity_1, bars_proximity_2")),
                    fit.warnings().toString());
        }
        GlmFit single = new PoissonGlm().fit(frame, new int[] {outer}, null);
        assertFalse(single.separated(), "either band alone is fine");
    }

    @Test
    void startingFromGivenCoefficientsReachesRsFit() {
        Properties r = GlmReference.properties("glm_fx2_full.properties");
        Design d = GlmReference.design("fx2");
        int[] vars = GlmReference.indices(d, GlmReference.strings(r, "vars"));
        double[] start = new double[vars.length + 1];
        start[0] = -1;
        GlmFit fit = new PoissonGlm().fit(ModelFrame.of(d), vars, start);
        assertEstimates(fit, r, "", COEFFICIENT_ABS);
        assertTrue(fit.converged());
    }

    @Test
    void leedsInformationCriteriaAndRelativeRiskValues() {
        // rtm-method §2.2–2.4, RTMDx's Leeds burglary model: global deviance 18288.17, df 4, n 9199
        assertEquals(18324.68, InformationCriteria.bic(-18288.17 / 2, 4, 9199), 0.005);
        assertEquals(18296.17, InformationCriteria.aic(-18288.17 / 2, 4), 0.005);
        // RRV = exp(beta): bus stops proximity 500 (3.0617 -> 21.3638), det points density 500 (2.1578 -> 8.6521)
        Coefficient bus = Coefficient.of("bus_stops_proximity_500", 1, 3.0617, 0.15789);
        Coefficient det = Coefficient.of("det_points_density_500", 0, 2.1578, 0.04072);
        assertEquals(21.3638, bus.rrv(), 5e-4);
        assertEquals(8.6521, det.rrv(), 5e-4);
        assertEquals(184.84, bus.rrv() * det.rrv(), 0.01, "RRS range = product of RRVs");
    }
}
