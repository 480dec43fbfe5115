package org.pscdesk.rtm.validate;

/**
 * Temporal validation of a risk surface against test-period events (rtm-method §3). Cells have equal area.
 * For a flagged set F of a cells out of A, holding n of the N test events:
 * <ul>
 *   <li>hit rate HR = n / N;</li>
 *   <li>PAI = (n / N) / (a / A) (Chainey, Tompson &amp; Uhlig 2008): above 1 is better than random;</li>
 *   <li>PEI = PAI / PAI_max(a), where PAI_max(a) takes the a cells with the most test events (Hunt): 0..1;</li>
 *   <li>AUC: the Mann–Whitney probability that a cell with test events scores higher than one without, ties
 *       counted half (mid-ranks: RRS has few distinct levels).</li>
 * </ul>
 * Undefined values (no test events; no flagged cells; all cells with or all without events for AUC) are NaN,
 * which JSON writes as null.
 *
 * @param flaggedCells a
 * @param cells A
 * @param eventsInFlagged n
 * @param events N
 * @param hitRate n / N
 * @param pai (n/N) / (a/A)
 * @param pei PAI / PAI_max(a)
 * @param auc area under the ROC curve of the score against "cell had a test event"
 */
public record Validation(int flaggedCells, int cells, long eventsInFlagged, long events, double hitRate, double pai,
                         double pei, double auc) {

    /**
     * Evaluates a flagged set and a score against test-period counts.
     *
     * @param score the predicted score of each cell (RRS), for the AUC
     * @param flagged the flagged cells (e.g. highest-risk)
     * @param testCounts test-period events per cell
     */
    public static Validation of(double[] score, boolean[] flagged, int[] testCounts) {
        int cells = testCounts.length;
        if (score.length != cells || flagged.length != cells) {
            throw new IllegalArgumentException("score, flags and counts differ in length");
        }
        long events = 0;
        long inFlagged = 0;
        int a = 0;
        for (int i = 0; i < cells; i++) {
            events += testCounts[i];
            if (flagged[i]) {
                a++;
                inFlagged += testCounts[i];
            }
        }
        double hitRate = events == 0 ? Double.NaN : (double) inFlagged / events;
        double pai = events == 0 || a == 0 ? Double.NaN : hitRate / ((double) a / cells);
        double pei = Double.NaN;
        if (events > 0 && a > 0) {
            long best = topSum(testCounts, a);
            double paiMax = ((double) best / events) / ((double) a / cells);
            pei = paiMax == 0 ? Double.NaN : pai / paiMax;
        }
        return new Validation(a, cells, inFlagged, events, hitRate, pai, pei, auc(score, testCounts));
    }

    /** Sum of the k largest counts. */
    static long topSum(int[] counts, int k) {
        int[] sorted = counts.clone();
        java.util.Arrays.sort(sorted);
        long s = 0;
        for (int i = sorted.length - 1; i >= sorted.length - k && i >= 0; i--) {
            s += sorted[i];
        }
        return s;
    }

    /**
     * AUC by the Mann–Whitney statistic: (R₊ − m(m+1)/2) / (m(A − m)), with R₊ the sum of mid-ranks of the
     * scores of the m cells that had at least one test event.
     */
    public static double auc(double[] score, int[] testCounts) {
        int n = score.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(score[x], score[y]));
        double[] rank = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && score[order[j + 1]] == score[order[i]]) {
                j++;
            }
            double mid = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                rank[order[k]] = mid;
            }
            i = j + 1;
        }
        long m = 0;
        double rPlus = 0;
        for (int k = 0; k < n; k++) {
            if (testCounts[k] > 0) {
                m++;
                rPlus += rank[k];
            }
        }
        if (m == 0 || m == n) {
            return Double.NaN;
        }
        return (rPlus - m * (m + 1) / 2.0) / ((double) m * (n - m));
    }

    /** The cells in the top {@code fraction} of scores (ties at the cut included), for top-k % validation. */
    public static boolean[] topFraction(double[] score, double fraction) {
        int n = score.length;
        int k = (int) Math.ceil(fraction * n);
        double[] sorted = score.clone();
        java.util.Arrays.sort(sorted);
        double cut = k == 0 ? Double.POSITIVE_INFINITY : sorted[n - k];
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
            out[i] = score[i] >= cut;
        }
        return out;
    }
}
