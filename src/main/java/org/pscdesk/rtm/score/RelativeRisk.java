package org.pscdesk.rtm.score;

/**
 * Relative Risk Scores of cells (rtm-method §2.4): RRS(c) = exp(Σ_j β_j x_j(c)) / min_c' exp(Σ_j β_j x_j(c')),
 * the product of the Relative Risk Values exp(β_j) of the risk layers present in the cell, scaled so that
 * the lowest cell scores 1. Protective factors (β &lt; 0) are kept; the scaling by the minimum handles them.
 *
 * <p>Computed as exp(η(c) − min η) from the linear predictor without the intercept, which avoids overflow
 * for large products. Summary statistics use the sample standard deviation (n − 1), as the report states.
 *
 * @param rrs the score of each cell, ≥ 1
 * @param min the smallest score (1 unless there are no cells)
 * @param max the largest score
 * @param mean the mean score
 * @param sd the sample standard deviation of the scores (0 for fewer than two cells)
 */
public record RelativeRisk(double[] rrs, double min, double max, double mean, double sd) {

    /**
     * Scores cells from their variables and the model's coefficients.
     *
     * @param columns {@code columns[j][i]}: value of the j-th model variable in cell i
     * @param coefficients β_j, one per column (the intercept is not included: it cancels in the ratio)
     */
    public static RelativeRisk of(double[][] columns, double[] coefficients) {
        if (columns.length != coefficients.length) {
            throw new IllegalArgumentException(columns.length + " columns for " + coefficients.length + " coefficients");
        }
        int n = columns.length == 0 ? -1 : columns[0].length;
        if (n < 0) {
            throw new IllegalArgumentException("use ofCells(n) for a model without variables");
        }
        double[] eta = new double[n];
        for (int j = 0; j < columns.length; j++) {
            double b = coefficients[j];
            double[] x = columns[j];
            for (int i = 0; i < n; i++) {
                eta[i] += b * x[i];
            }
        }
        return ofLinearPredictor(eta);
    }

    /** Scores when the model has no variables: every cell scores 1. */
    public static RelativeRisk ofCells(int n) {
        return ofLinearPredictor(new double[n]);
    }

    /** Scores from the linear predictor without intercept, η(c) = Σ β_j x_j(c). */
    public static RelativeRisk ofLinearPredictor(double[] eta) {
        int n = eta.length;
        if (n == 0) {
            return new RelativeRisk(new double[0], Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double minEta = Double.POSITIVE_INFINITY;
        for (double e : eta) {
            minEta = Math.min(minEta, e);
        }
        double[] rrs = new double[n];
        double sum = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            rrs[i] = Math.exp(eta[i] - minEta);
            sum += rrs[i];
            max = Math.max(max, rrs[i]);
        }
        double mean = sum / n;
        double ss = 0;
        for (double r : rrs) {
            ss += (r - mean) * (r - mean);
        }
        double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
        return new RelativeRisk(rrs, 1.0, max, mean, sd);
    }

    /** Cells above mean + 2 SD: RTM's "highest-risk places" (rtm-method §2.5). */
    public boolean[] highestRisk() {
        double cut = mean + 2 * sd;
        boolean[] out = new boolean[rrs.length];
        for (int i = 0; i < rrs.length; i++) {
            out[i] = rrs[i] > cut;
        }
        return out;
    }

    /** Number of highest-risk cells. */
    public int highestRiskCount() {
        int k = 0;
        for (boolean b : highestRisk()) {
            if (b) {
                k++;
            }
        }
        return k;
    }
}
