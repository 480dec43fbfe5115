package org.pscdesk.rtm.model;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A {@link Design} prepared for fitting count models on it many times (stage-2 stepwise): the summaries of the
 * outcome that every likelihood needs, and a screen of each candidate variable.
 *
 * <p>Outcome summaries: n, Σy, Σ log y!, Σ y log y, the distinct positive counts with their frequencies (the
 * negative binomial likelihoods and θ's score are sums over counts), and the rows with events.
 *
 * <p>Screen, per variable (null = usable): {@link DroppedVariable.Reason#CONSTANT} when it takes one value in
 * every row (aliased with the intercept; R gives {@code NA}), {@link DroppedVariable.Reason#NO_EVENTS} when it is
 * non-zero only in rows without events and has one sign there (a binary band with no events in its cells): the
 * likelihood then rises without bound as its coefficient goes to −∞ (or +∞), so the maximum-likelihood fit does
 * not exist. R's {@code glm} stops at a large negative coefficient after about 20 iterations; we leave such a
 * variable out of every fit and say so ({@link GlmFit#dropped()}, and the stepwise search's excluded list).
 *
 * <p>Fits work on {@link CovariateGroups}: the rows grouped by their values of the model's variables, which is
 * exact (every likelihood is a sum over rows with equal linear predictors) and turns IRLS over 45,000 cells
 * into IRLS over the few hundred distinct band patterns.
 *
 * <p>Edge cases: no rows, or no events at all, throw {@link DegenerateOutcomeException}; a non-finite variable
 * value throws {@link IllegalArgumentException}. Immutable apart from a lazily filled, thread-safe cache of
 * level codes of non-binary variables; safe to share between threads.
 */
public final class ModelFrame {

    private final Design design;
    final int n;
    final int[] y;
    final double sumY;
    /** Σ log(y!) (the constant of the Poisson and negative binomial log-likelihoods). */
    final double sumLogFactorial;
    /** Σ y log y, with 0 log 0 = 0 (the saturated part of the Poisson deviance). */
    final double sumYLogY;
    /** The distinct positive counts, ascending. */
    final int[] yValues;
    /** log of each of {@link #yValues}. */
    final double[] logY;
    /** How many rows have each of {@link #yValues}. */
    final double[] yFrequencies;
    /** Per row, the index of its count in {@link #yValues}, or −1 for 0. */
    final int[] yIndex;
    /** The rows with at least one event, ascending. */
    final int[] positiveRows;
    private final DroppedVariable.Reason[] screen;
    private final AtomicReferenceArray<Levels> levels;

    /** Dense codes 0..count−1 of a non-binary variable's distinct values, per row. */
    private record Levels(int[] codes, int count) {
    }

    private ModelFrame(Design design) {
        this.design = design;
        this.n = design.n();
        this.y = design.y();
        if (n == 0) {
            throw new DegenerateOutcomeException("There are no cells to model.");
        }
        int maxY = 0;
        long total = 0;
        int positives = 0;
        for (int v : y) {
            maxY = Math.max(maxY, v);
            total += v;
            if (v > 0) {
                positives++;
            }
        }
        if (total == 0) {
            throw new DegenerateOutcomeException("The outcome has no events in the study area (every cell count is 0),"
                    + " so no count model can be fitted.");
        }
        this.sumY = total;
        this.positiveRows = new int[positives];
        int[] distinct = new int[positives];
        for (int i = 0, k = 0; i < n; i++) {
            if (y[i] > 0) {
                positiveRows[k] = i;
                distinct[k++] = y[i];
            }
        }
        Arrays.sort(distinct);
        int d = 0;
        for (int k = 0; k < distinct.length; k++) {
            if (k == 0 || distinct[k] != distinct[k - 1]) {
                distinct[d++] = distinct[k];
            }
        }
        this.yValues = Arrays.copyOf(distinct, d);
        this.yFrequencies = new double[d];
        this.logY = new double[d];
        this.yIndex = new int[n];
        double logFactorial = 0;
        double yLogY = 0;
        for (int i = 0; i < n; i++) {
            if (y[i] == 0) {
                yIndex[i] = -1;
            } else {
                int idx = Arrays.binarySearch(yValues, y[i]);
                yIndex[i] = idx;
                yFrequencies[idx]++;
            }
        }
        for (int k = 0; k < d; k++) {
            int v = yValues[k];
            logY[k] = Math.log(v);
            logFactorial += yFrequencies[k] * SpecialFunctions.logGamma(v + 1.0);
            yLogY += yFrequencies[k] * v * Math.log(v);
        }
        this.sumLogFactorial = logFactorial;
        this.sumYLogY = yLogY;
        this.screen = new DroppedVariable.Reason[design.p()];
        for (int j = 0; j < design.p(); j++) {
            screen[j] = screenVariable(j);
        }
        this.levels = new AtomicReferenceArray<>(design.p());
    }

    /** Prepares a design; throws {@link DegenerateOutcomeException} when it has no rows or no events. */
    public static ModelFrame of(Design design) {
        return new ModelFrame(design);
    }

    private DroppedVariable.Reason screenVariable(int j) {
        double[] x = design.column(j);
        double first = x[0];
        boolean constant = true;
        boolean nonNegative = true;
        boolean nonPositive = true;
        double eventsWhereNonZero = 0;
        for (int i = 0; i < n; i++) {
            double v = x[i];
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("variable " + design.name(j) + " has the value " + v + " in row "
                        + i);
            }
            constant &= v == first;
            nonNegative &= v >= 0;
            nonPositive &= v <= 0;
            if (v != 0) {
                eventsWhereNonZero += y[i];
            }
        }
        if (constant) {
            return DroppedVariable.Reason.CONSTANT;
        }
        if (eventsWhereNonZero == 0 && (nonNegative || nonPositive)) {
            return DroppedVariable.Reason.NO_EVENTS;
        }
        return null;
    }

    /** The design this frame prepares. */
    public Design design() {
        return design;
    }

    /** Number of rows (cells). */
    public int n() {
        return n;
    }

    /** Total number of events. */
    public double events() {
        return sumY;
    }

    /**
     * Why variable j cannot enter a model ({@link DroppedVariable.Reason#CONSTANT} or
     * {@link DroppedVariable.Reason#NO_EVENTS}), or null when it can.
     */
    public DroppedVariable.Reason screen(int j) {
        return screen[j];
    }

    /** The rows grouped by their values of the given variables (in model order). */
    public CovariateGroups groups(int[] vars) {
        return CovariateGroups.of(this, vars);
    }

    /** Dense integer codes 0..L−1 of a non-binary variable's distinct values (cached), L in {@link #levels}. */
    int[] levelCodes(int j) {
        return levelsOf(j).codes();
    }

    int levels(int j) {
        return levelsOf(j).count();
    }

    private Levels levelsOf(int j) {
        Levels cached = levels.get(j);
        if (cached != null) {
            return cached;
        }
        double[] x = design.column(j);
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        double[] values = Arrays.copyOf(sorted, distinct);
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
            int c = Arrays.binarySearch(values, x[i]);
            // -0.0 sorts before 0.0 but equals it; binarySearch may miss it: fall back to a linear probe
            codes[i] = c >= 0 ? c : probe(values, x[i]);
        }
        levels.compareAndSet(j, null, new Levels(codes, distinct));
        return levels.get(j);
    }

    private static int probe(double[] values, double v) {
        for (int k = 0; k < values.length; k++) {
            if (values[k] == v) {
                return k;
            }
        }
        throw new IllegalStateException("value " + v + " not among the distinct values");
    }
}
