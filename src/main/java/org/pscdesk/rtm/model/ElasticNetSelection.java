package org.pscdesk.rtm.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The result of stage 1 ({@link ElasticNetCrossValidation}): the full-data elastic-net path, the
 * cross-validation curve over its λ values, the chosen λ and the variables it keeps, as R's
 * {@code cv.glmnet} object holds them ({@code glmnet.fit}, {@code lambda}, {@code cvm}, {@code cvsd},
 * {@code nzero}, {@code lambda.min}, {@code lambda.1se}, {@code index}).
 *
 * @param fit the path fitted on all cells; its λ values are the CV curve's
 * @param cvm mean cross-validated Poisson deviance per λ (per cell, folds weighted by their size); NaN where
 *        no fold gave a finite value
 * @param cvsd its standard error per λ
 * @param folds K
 * @param alpha the elastic-net mix α of every fit
 * @param rule the rule that chose the λ
 * @param indexMin index of λ_min
 * @param index1se index of λ_1se
 * @param warnings plain sentences about fits that stopped at maxit (empty when none)
 */
public record ElasticNetSelection(ElasticNetPath fit, double[] cvm, double[] cvsd, int folds, double alpha,
        LambdaRule rule, int indexMin, int index1se, List<String> warnings) {

    public ElasticNetSelection {
        Objects.requireNonNull(fit);
        Objects.requireNonNull(rule);
        cvm = cvm.clone();
        cvsd = cvsd.clone();
        warnings = List.copyOf(warnings);
        if (cvm.length != fit.size() || cvsd.length != fit.size()) {
            throw new IllegalArgumentException("CV curve and path differ in length");
        }
    }

    /** λ_max of the full-data path (its first λ). */
    public double lambdaMax() {
        return fit.lambdaMax();
    }

    /** The λ values of the full-data path, decreasing (the CV curve's abscissa). */
    public double[] lambdas() {
        return fit.lambda();
    }

    @Override
    public double[] cvm() {
        return cvm.clone();
    }

    @Override
    public double[] cvsd() {
        return cvsd.clone();
    }

    /** Non-zero coefficients of the full-data fit per λ (cv.glmnet's {@code nzero}). */
    public int[] nonZero() {
        return fit.nonZero();
    }

    /** λ_min: the largest λ with the smallest mean CV deviance. */
    public double lambdaMin() {
        return fit.lambda(indexMin);
    }

    /** λ_1se: the largest λ whose mean CV deviance is at most cvm(λ_min) + cvsd(λ_min). */
    public double lambda1se() {
        return fit.lambda(index1se);
    }

    /** Index of the chosen λ (by {@link #rule()}). */
    public int index() {
        return rule == LambdaRule.MIN ? indexMin : index1se;
    }

    /** The chosen λ. */
    public double lambda() {
        return fit.lambda(index());
    }

    /** Indices of the kept variables: non-zero on the full-data fit at the chosen λ, in design order. */
    public int[] keptIndices() {
        return fit.nonZeroIndices(index());
    }

    /** Names of the kept variables, in design order. */
    public List<String> kept() {
        return fit.nonZeroNames(index());
    }

    /** Names of the variables non-zero at λ under a given rule, in design order. */
    public List<String> kept(LambdaRule byRule) {
        return fit.nonZeroNames(byRule == LambdaRule.MIN ? indexMin : index1se);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ElasticNetSelection other)) {
            return false;
        }
        return fit.equals(other.fit) && Arrays.equals(cvm, other.cvm) && Arrays.equals(cvsd, other.cvsd)
                && folds == other.folds && Double.compare(alpha, other.alpha) == 0 && rule == other.rule
                && indexMin == other.indexMin && index1se == other.index1se && warnings.equals(other.warnings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fit, Arrays.hashCode(cvm), Arrays.hashCode(cvsd), folds, alpha, rule, indexMin,
                index1se, warnings);
    }

    @Override
    public String toString() {
        return "ElasticNetSelection[lambda " + rule.label() + " = " + lambda() + " (index " + index() + " of "
                + fit.size() + "), kept " + kept() + "]";
    }
}
