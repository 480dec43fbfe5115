package org.pscdesk.rtm.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.pscdesk.rtm.model.Coefficient;
import org.pscdesk.rtm.model.Design;
import org.pscdesk.rtm.model.DroppedVariable;
import org.pscdesk.rtm.model.Family;
import org.pscdesk.rtm.model.GlmFit;
import org.pscdesk.rtm.model.GlmReference;
import org.pscdesk.rtm.model.ModelFrame;
import org.pscdesk.work.Cancellation;
import org.pscdesk.work.CancelledException;
import org.pscdesk.work.Progress;

/** Behaviour of {@link StepwiseBic} beyond R's path: family choice, exclusions, caps, threads, progress, cancel. */
class StepwiseBicTest {

    private static int[] candidates(Design d, Properties r) {
        return GlmReference.indices(d, GlmReference.strings(r, "candidates"));
    }

    @Test
    void autoPicksTheFamilyWithTheLowestBicAmongRsThree() throws CancelledException {
        for (String data : List.of("fx1", "fx3")) {
            Properties r = GlmReference.properties("step_" + data + ".properties");
            Design d = GlmReference.design(data);
            SelectionResult result = new StepwiseBic().run(ModelFrame.of(d), candidates(d, r), Progress.NONE,
                    Cancellation.none());
            Family expected = null;
            double best = Double.POSITIVE_INFINITY;
            for (Family f : List.of(Family.POISSON, Family.NBII, Family.NB2)) {
                double bic = GlmReference.number(r, f.label() + ".onefactor.bic");
                if (bic < best) {
                    best = bic;
                    expected = f;
                }
            }
            assertEquals(expected, result.family(), data);
            assertEquals(3, result.bics().size());
            for (Family f : List.of(Family.POISSON, Family.NB2, Family.NBII)) {
                double rBic = GlmReference.number(r, f.label() + ".onefactor.bic");
                assertEquals(rBic, result.bics().get(f), 1e-6 * rBic, data + " " + f);
            }
        }
    }

    private static GlmFit fakeFit(Family family, double bic) {
        return new GlmFit(family, 10, List.of(Coefficient.of(Coefficient.INTERCEPT, -1, 0.1, 0.01)), List.of(),
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, -bic / 2, bic, 1, bic, bic, true, 3, false, List.of());
    }

    private static FamilySelection selection(Family family, double bic) {
        return new FamilySelection(family, List.of(), List.of(), fakeFit(family, bic), fakeFit(family, bic + 10),
                List.of(), false, 1);
    }

    @Test
    void breaksBicTiesTowardsPoissonThenNbii() {
        Map<Family, FamilySelection> tied = new EnumMap<>(Family.class);
        tied.put(Family.POISSON, selection(Family.POISSON, 100));
        tied.put(Family.NB2, selection(Family.NB2, 100));
        tied.put(Family.NBII, selection(Family.NBII, 100));
        assertEquals(Family.POISSON, StepwiseBic.choose(tied, List.of()).family());
        tied.put(Family.POISSON, selection(Family.POISSON, 101));
        assertEquals(Family.NBII, StepwiseBic.choose(tied, List.of()).family());
        tied.put(Family.NB2, selection(Family.NB2, 99.5));
        assertEquals(Family.NB2, StepwiseBic.choose(tied, List.of()).family());
    }

    @Test
    void excludesABandWithoutEventsAndSelectsAsRDoesWithoutIt() throws CancelledException {
        Properties r = GlmReference.properties("step_fx4.properties");
        Design base = GlmReference.design("fx4");
        double[] empty = new double[base.n()];
        for (int i = 0; i < base.n(); i += 5) {
            empty[i] = base.y()[i] == 0 ? 1 : 0;
        }
        Design d = GlmReference.withColumns(base, List.of("empty_proximity_1"), new double[][] {empty});
        List<String> names = new ArrayList<>(List.of("empty_proximity_1"));
        names.addAll(GlmReference.strings(r, "candidates"));
        SelectionResult result = new StepwiseBic(new StepwiseOptions().withFamily(Family.POISSON))
                .run(ModelFrame.of(d), GlmReference.indices(d, names), Progress.NONE, Cancellation.none());
        assertEquals(List.of(new DroppedVariable(d.p() - 1, "empty_proximity_1", DroppedVariable.Reason.NO_EVENTS)),
                result.excluded());
        assertEquals(GlmReference.strings(r, "poisson.onefactor.vars"), result.chosen().names());
    }

    @Test
    void stopsAtTheStepCapAndSaysSo() throws CancelledException {
        Properties r = GlmReference.properties("step_fx4.properties");
        Design d = GlmReference.design("fx4");
        SelectionResult result = new StepwiseBic(new StepwiseOptions().withFamily(Family.POISSON).withMaxSteps(2))
                .run(ModelFrame.of(d), candidates(d, r), Progress.NONE, Cancellation.none());
        assertTrue(result.chosen().stepCapReached());
        assertEquals(GlmReference.strings(r, "poisson.onefactor.moves").subList(0, 2),
                result.chosen().steps().stream().map(StepwiseStep::label).toList());
    }

    @Test
    void givesTheSameResultOnOneThreadAsOnSeveral() throws CancelledException {
        Properties r = GlmReference.properties("step_fx4.properties");
        Design d = GlmReference.design("fx4");
        ModelFrame frame = ModelFrame.of(d);
        StepwiseOptions options = new StepwiseOptions().withOnePerFactor(false);
        SelectionResult one = new StepwiseBic(options.withThreads(1)).run(frame, candidates(d, r), Progress.NONE,
                Cancellation.none());
        SelectionResult four = new StepwiseBic(options.withThreads(4)).run(frame, candidates(d, r), Progress.NONE,
                Cancellation.none());
        assertEquals(one, four);
    }

    @Test
    void reportsProgressBetweenMovesAndStopsWhenCancelled() {
        Properties r = GlmReference.properties("step_fx4.properties");
        Design d = GlmReference.design("fx4");
        Cancellation cancel = new Cancellation();
        List<Double> fractions = new ArrayList<>();
        Progress progress = (stage, fraction) -> {
            fractions.add(fraction);
            if (stage.contains("step 2")) {
                cancel.cancel();
            }
        };
        assertThrows(CancelledException.class,
                () -> new StepwiseBic().run(ModelFrame.of(d), candidates(d, r), progress, cancel));
        assertEquals(3, fractions.size(), "null model, step 1, step 2, then the check before step 3 stops it");
        for (int i = 1; i < fractions.size(); i++) {
            assertTrue(fractions.get(i) > fractions.get(i - 1) && fractions.get(i) < 1, fractions.toString());
        }
    }

    @Test
    void fitsAllVariablesWithoutSelectionAsRsFullModels() {
        Design d = GlmReference.design("fx2");
        Properties glm = GlmReference.properties("glm_fx2_full.properties");
        SelectionResult result = new StepwiseBic().fitAll(ModelFrame.of(d),
                GlmReference.indices(d, GlmReference.strings(glm, "vars")));
        Family expected = null;
        double best = Double.POSITIVE_INFINITY;
        for (Family f : List.of(Family.POISSON, Family.NBII, Family.NB2)) {
            String file = (f == Family.POISSON ? "glm" : f.label()) + "_fx2_full.properties";
            double bic = GlmReference.number(GlmReference.properties(file), "bic");
            assertEquals(bic, result.families().get(f).bic(), 1e-6 * bic, f.label());
            if (bic < best) {
                best = bic;
                expected = f;
            }
        }
        assertEquals(expected, result.family());
        assertTrue(result.chosen().steps().isEmpty());
        assertEquals(GlmReference.strings(glm, "vars"), result.chosen().names());
    }

    @Test
    void neverMovesToASeparatedModel() throws CancelledException {
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
        SelectionResult result = new StepwiseBic(new StepwiseOptions().withFamily(Family.POISSON).withOnePerFactor(false))
                .run(ModelFrame.of(d), new int[] {inner, outer}, Progress.NONE, Cancellation.none());
        FamilySelection s = result.chosen();
        assertEquals(1, s.variables().size(), "one of the two bands, never both: " + s.names());
        assertFalse(s.fit().separated());
    }
}
