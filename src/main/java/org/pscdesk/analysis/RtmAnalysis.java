package org.pscdesk.analysis;

import java.util.List;

import org.pscdesk.geo.StudyMask;
import org.pscdesk.rtm.influence.QuarticDensity;
import org.pscdesk.rtm.model.Coefficient;
import org.pscdesk.rtm.model.CrossValidationOptions;
import org.pscdesk.rtm.model.Design;
import org.pscdesk.rtm.model.ElasticNetCrossValidation;
import org.pscdesk.rtm.model.ElasticNetSelection;
import org.pscdesk.rtm.model.GlmFit;
import org.pscdesk.rtm.model.ModelFrame;
import org.pscdesk.rtm.score.Quadrant;
import org.pscdesk.rtm.score.RelativeRisk;
import org.pscdesk.rtm.score.RiskClass;
import org.pscdesk.rtm.select.SelectionResult;
import org.pscdesk.rtm.select.StepwiseBic;
import org.pscdesk.rtm.select.StepwiseOptions;
import org.pscdesk.rtm.validate.GoodnessOfFit;
import org.pscdesk.rtm.validate.Validation;
import org.pscdesk.work.CancelledException;
import org.pscdesk.work.Cancellation;
import org.pscdesk.work.Progress;

/**
 * Runs the model stages on a cell table (rtm-method §1.5 steps 5–8): stage 1 screen, stage 2 stepwise BIC per
 * family, then scores, classes, hot spots, quadrants and temporal validation.
 *
 * <p>Hot spots: quartic kernel density of the training events with a bandwidth of one block length, events
 * taken at their cell centres (off by at most half a cell diagonal), cut at mean + 2 SD of in-study cells.
 */
public final class RtmAnalysis {

    private RtmAnalysis() {
    }

    /** Runs the model stages on a workspace run's cells. */
    public static RtmResult run(CellTable table, RtmOptions options, Progress progress, Cancellation cancel)
            throws CancelledException {
        return run(table, table.design(), table.variables().stream().map(Candidate::of).toList(), table.testCounts(),
                table.notes(), options, progress, cancel);
    }

    /**
     * Runs the model stages on a cell table without geometry ({@code pscdesk rtm --cells}): no hot spots,
     * quadrants or validation, since those need the cells' places or a test period.
     */
    public static RtmResult run(Design design, List<Candidate> candidates, List<String> notes, RtmOptions options,
                                Progress progress, Cancellation cancel) throws CancelledException {
        return run(null, design, candidates, null, notes, options, progress, cancel);
    }

    private static RtmResult run(CellTable table, Design design, List<Candidate> candidates, int[] testCounts,
                                 List<String> notes, RtmOptions options, Progress progress, Cancellation cancel)
            throws CancelledException {
        int[] all = new int[design.p()];
        for (int j = 0; j < all.length; j++) {
            all[j] = j;
        }
        ElasticNetSelection screen = null;
        int[] screened = all;
        if (options.screen() && design.p() > 0) {
            progress.update("Screening " + design.p() + " candidate variables", -1);
            screen = ElasticNetCrossValidation.run(design, new CrossValidationOptions().withAlpha(options.alpha())
                    .withFolds(options.folds()).withRule(options.lambdaRule()), progress, cancel);
            screened = screen.keptIndices();
        }
        cancel.check();
        progress.update("Selecting the model", -1);
        ModelFrame frame = ModelFrame.of(design);
        StepwiseBic stepwise = new StepwiseBic(new StepwiseOptions().withFamily(options.family())
                .withOnePerFactor(options.onePerFactor()));
        SelectionResult selection = options.select() ? stepwise.run(frame, screened, progress, cancel)
                : stepwise.fitAll(frame, screened);
        GlmFit fit = selection.chosen().fit();
        List<Coefficient> terms = fit.terms();
        double[][] columns = new double[terms.size()][];
        double[] beta = new double[terms.size()];
        for (int k = 0; k < terms.size(); k++) {
            columns[k] = design.column(terms.get(k).variable());
            beta[k] = terms.get(k).estimate();
        }
        RelativeRisk risk = terms.isEmpty() ? RelativeRisk.ofCells(design.n()) : RelativeRisk.of(columns, beta);
        int[] classes = RiskClass.codes(risk);
        boolean[] highest = risk.highestRisk();
        boolean[] hot = table == null ? null : Quadrant.aboveMeanPlusSd(eventDensity(table), 2);
        int[] quadrants = hot == null ? null : Quadrant.codes(highest, hot);
        Validation validation = testCounts == null ? null : Validation.of(risk.rrs(), highest, testCounts);
        double r2 = GoodnessOfFit.nagelkerke(selection.chosen().nullFit().logLik(), fit.logLik(), design.n());
        progress.update("Done", 1);
        return new RtmResult(table, design, candidates, screen, screened, selection, risk, classes, hot, quadrants,
                validation, r2, notes);
    }

    /** Quartic density of the training events (at their cell centres) with a one-block bandwidth. */
    static double[] eventDensity(CellTable table) {
        StudyMask mask = table.mask();
        int[] counts = table.counts();
        long total = table.events();
        double[] xs = new double[(int) total];
        double[] ys = new double[(int) total];
        int p = 0;
        for (int k = 0; k < counts.length; k++) {
            for (int c = 0; c < counts[k]; c++) {
                xs[p] = mask.centreX(k);
                ys[p] = mask.centreY(k);
                p++;
            }
        }
        return QuarticDensity.of(mask, xs, ys, table.blockLength());
    }
}
