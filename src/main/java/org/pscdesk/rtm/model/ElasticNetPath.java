package org.pscdesk.rtm.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The solutions of an elastic-net Poisson fit along its λ path ({@link PoissonElasticNet}), as R's
 * {@code glmnet} object holds them: {@code lambda}, {@code a0}, {@code beta}, {@code dev.ratio}, {@code df},
 * {@code nulldev}, {@code npasses}.
 *
 * <p>λ values decrease. On a computed path the first λ is λ_max, the smallest λ at which every coefficient is
 * zero (glmnet's {@code fix.lam}: extrapolated from the next two values), and the path may end before
 * {@code nlambda} values by glmnet's early-stopping rules. Coefficients are on the original scale of the
 * variables. Immutable: accessors return copies.
 *
 * @param names the variables, in design order
 * @param lambda the λ values actually used, decreasing
 * @param intercept the intercept at each λ
 * @param coefficients {@code coefficients[k][j]}: coefficient of variable j at λ_k (exactly 0 when not selected)
 * @param devRatio fraction of the null deviance explained at each λ, 1 − D(λ)/D_null (glmnet {@code dev.ratio})
 * @param nonZero number of non-zero coefficients at each λ (glmnet {@code df})
 * @param nullDeviance the intercept-only model's deviance, 2·Σ y log(y/ȳ) (glmnet {@code nulldev})
 * @param passes total coordinate-descent passes over the path (glmnet {@code npasses})
 * @param warning null, or a plain sentence when the path stopped at maxit before its end
 */
public record ElasticNetPath(List<String> names, double[] lambda, double[] intercept, double[][] coefficients,
        double[] devRatio, int[] nonZero, double nullDeviance, int passes, String warning) {

    public ElasticNetPath {
        names = List.copyOf(names);
        lambda = lambda.clone();
        intercept = intercept.clone();
        coefficients = deepCopy(coefficients);
        devRatio = devRatio.clone();
        nonZero = nonZero.clone();
        int size = lambda.length;
        if (intercept.length != size || coefficients.length != size || devRatio.length != size
                || nonZero.length != size) {
            throw new IllegalArgumentException("path arrays differ in length");
        }
        for (double[] b : coefficients) {
            if (b.length != names.size()) {
                throw new IllegalArgumentException("a coefficient vector does not match the variables");
            }
        }
    }

    private static double[][] deepCopy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int k = 0; k < m.length; k++) {
            c[k] = m[k].clone();
        }
        return c;
    }

    /** Number of λ values on the path. */
    public int size() {
        return lambda.length;
    }

    /** λ_max: the first λ of the path, the smallest at which every coefficient is zero on a computed path. */
    public double lambdaMax() {
        return lambda[0];
    }

    @Override
    public double[] lambda() {
        return lambda.clone();
    }

    /** The λ at index k. */
    public double lambda(int k) {
        return lambda[k];
    }

    @Override
    public double[] intercept() {
        return intercept.clone();
    }

    /** The intercept at λ_k. */
    public double intercept(int k) {
        return intercept[k];
    }

    @Override
    public double[][] coefficients() {
        return deepCopy(coefficients);
    }

    /** The coefficients at λ_k, one per variable (a copy). */
    public double[] coefficients(int k) {
        return coefficients[k].clone();
    }

    /** Coefficient of variable j at λ_k. */
    public double coefficient(int k, int j) {
        return coefficients[k][j];
    }

    @Override
    public double[] devRatio() {
        return devRatio.clone();
    }

    @Override
    public int[] nonZero() {
        return nonZero.clone();
    }

    /** Indices of the variables with a non-zero coefficient at λ_k, in design order. */
    public int[] nonZeroIndices(int k) {
        double[] b = coefficients[k];
        int[] out = new int[b.length];
        int c = 0;
        for (int j = 0; j < b.length; j++) {
            if (b[j] != 0) {
                out[c++] = j;
            }
        }
        return Arrays.copyOf(out, c);
    }

    /** Names of the variables with a non-zero coefficient at λ_k, in design order. */
    public List<String> nonZeroNames(int k) {
        List<String> out = new ArrayList<>();
        for (int j : nonZeroIndices(k)) {
            out.add(names.get(j));
        }
        return List.copyOf(out);
    }

    /** True when the path reached its end or an early-stopping rule (not the maxit cap). */
    public boolean converged() {
        return warning == null;
    }

    /**
     * Intercept and coefficients at any λ ({@code [a0, β_1, …, β_p]}), interpolated linearly in λ between the
     * path's neighbours and held at the ends, as R's {@code predict.glmnet(fit, s = λ)} (exact = FALSE) does.
     */
    public double[] at(double s) {
        LambdaInterpolation.Point pt = LambdaInterpolation.of(lambda, s);
        int p = names.size();
        double[] out = new double[p + 1];
        double fr = pt.fraction();
        out[0] = intercept[pt.left()] * fr + intercept[pt.right()] * (1 - fr);
        double[] bl = coefficients[pt.left()];
        double[] br = coefficients[pt.right()];
        for (int j = 0; j < p; j++) {
            out[j + 1] = bl[j] * fr + br[j] * (1 - fr);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ElasticNetPath other)) {
            return false;
        }
        return names.equals(other.names) && Arrays.equals(lambda, other.lambda)
                && Arrays.equals(intercept, other.intercept) && Arrays.deepEquals(coefficients, other.coefficients)
                && Arrays.equals(devRatio, other.devRatio) && Arrays.equals(nonZero, other.nonZero)
                && Double.compare(nullDeviance, other.nullDeviance) == 0 && passes == other.passes
                && Objects.equals(warning, other.warning);
    }

    @Override
    public int hashCode() {
        return Objects.hash(names, Arrays.hashCode(lambda), Arrays.hashCode(intercept),
                Arrays.deepHashCode(coefficients), nullDeviance, passes);
    }

    @Override
    public String toString() {
        return "ElasticNetPath[" + size() + " lambdas from " + (size() > 0 ? lambda[0] : Double.NaN) + " to "
                + (size() > 0 ? lambda[size() - 1] : Double.NaN) + ", " + names.size() + " variables]";
    }
}
