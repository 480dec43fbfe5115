package org.pscdesk.rtm.model;

import java.util.Arrays;

/**
 * The rows of a {@link ModelFrame} grouped by their values of a model's variables: rows with equal covariates
 * have equal linear predictors, so every likelihood, score and information matrix of a count model is a sum
 * over groups of per-group sufficient statistics. Per group g: the covariate row x<sub>g</sub> (intercept
 * first), the number of rows n<sub>g</sub>, the event total Y<sub>g</sub>, and the histogram of its positive
 * counts (the negative binomial likelihoods need it; rows with y = 0 contribute only through n<sub>g</sub>).
 *
 * <p>Built by refining the partition one variable at a time, in model order. A binary variable splits each
 * group g into (g, 0) and (g, 1): the new counts come from its one-indices (n<sub>g,1</sub> = rows of g among
 * them, n<sub>g,0</sub> = n<sub>g</sub> − n<sub>g,1</sub>) and the event statistics from the rows with events,
 * so {@link #refine(int)} costs O(ones + rows with events + groups), not O(n); the per-row group index is only
 * materialized (O(n)) when a grouping is refined further. Other variables refine through their level codes in
 * one O(n) pass. Group numbering is deterministic. With binary band variables the number of groups is the
 * number of distinct band patterns (a few hundred at most in practice); with continuous variables it can reach
 * n, which is still correct, only slower.
 *
 * <p>Immutable (the lazily materialized row index is computed once, under a lock); safe to share between
 * threads.
 */
public final class CovariateGroups {

    /** Above this many (group, key) cells, tables are hashed or sorted instead of dense. */
    private static final long DENSE_LIMIT = 1L << 22;

    final ModelFrame frame;
    final int[] vars;
    /** Columns of the model matrix: 1 (intercept) + number of variables. */
    final int k;
    /** Number of groups. */
    final int m;
    /** Model matrix rows, m × k row-major, intercept first. */
    final double[] x;
    /** Rows per group. */
    final double[] count;
    /** Events per group. */
    final double[] sumY;
    /** Rows with y &gt; 0 per group. */
    final double[] positive;
    /** Group g's positive counts are pairs pairStart[g] .. pairStart[g + 1] − 1. */
    final int[] pairStart;
    /** The pair's count value, as an index into {@link ModelFrame#yValues}. */
    final int[] pairY;
    /** How many rows of the group have that count. */
    final double[] pairCount;

    /** Per row, its group; null until needed (then derived from the parent grouping and the split maps). */
    private int[] groupOf;
    private CovariateGroups parent;
    private int splitVar;
    private int[] zeroChild;
    private int[] oneChild;

    private CovariateGroups(ModelFrame frame, int[] vars, int m, double[] x, double[] count, int[] positiveGroup) {
        this.frame = frame;
        this.vars = vars;
        this.k = vars.length + 1;
        this.m = m;
        this.x = x;
        this.count = count;
        this.sumY = new double[m];
        this.positive = new double[m];
        int[] rows = frame.positiveRows;
        int[] y = frame.y;
        for (int q = 0; q < rows.length; q++) {
            int g = positiveGroup[q];
            sumY[g] += y[rows[q]];
            positive[g]++;
        }
        // histogram of positive counts per group: a dense (group, count-index) table when small, else a sort
        int d = frame.yValues.length;
        int[] yIndex = frame.yIndex;
        if ((long) m * d <= DENSE_LIMIT) {
            int[] cells = new int[m * d];
            int pairs = 0;
            for (int q = 0; q < rows.length; q++) {
                if (cells[positiveGroup[q] * d + yIndex[rows[q]]]++ == 0) {
                    pairs++;
                }
            }
            pairStart = new int[m + 1];
            pairY = new int[pairs];
            pairCount = new double[pairs];
            int p = 0;
            for (int g = 0; g < m; g++) {
                pairStart[g] = p;
                if (positive[g] == 0) {
                    continue;
                }
                for (int v = 0; v < d; v++) {
                    int c = cells[g * d + v];
                    if (c > 0) {
                        pairY[p] = v;
                        pairCount[p++] = c;
                    }
                }
            }
            pairStart[m] = p;
        } else {
            long[] keys = new long[rows.length];
            for (int q = 0; q < rows.length; q++) {
                keys[q] = (long) positiveGroup[q] * d + yIndex[rows[q]];
            }
            Arrays.sort(keys);
            int pairs = 0;
            for (int q = 0; q < keys.length; q++) {
                if (q == 0 || keys[q] != keys[q - 1]) {
                    pairs++;
                }
            }
            pairStart = new int[m + 1];
            pairY = new int[pairs];
            pairCount = new double[pairs];
            int p = -1;
            int g = 0;
            for (int q = 0; q < keys.length; q++) {
                if (q == 0 || keys[q] != keys[q - 1]) {
                    p++;
                    int group = (int) (keys[q] / d);
                    while (g <= group) {
                        pairStart[g++] = p;
                    }
                    pairY[p] = (int) (keys[q] % d);
                }
                pairCount[p]++;
            }
            while (g <= m) {
                pairStart[g++] = pairs;
            }
        }
    }

    /** All rows in one group (the intercept-only model). */
    private static CovariateGroups trivial(ModelFrame frame) {
        CovariateGroups g = new CovariateGroups(frame, new int[0], 1, new double[] {1}, new double[] {frame.n},
                new int[frame.positiveRows.length]);
        g.groupOf = new int[frame.n];
        return g;
    }

    static CovariateGroups of(ModelFrame frame, int[] vars) {
        CovariateGroups g = trivial(frame);
        for (int var : vars) {
            g = g.refine(var);
        }
        return g;
    }

    /** This grouping with one more variable, appended at the end of the model. */
    public CovariateGroups refine(int var) {
        return frame.design().isBinary(var) ? refineBinary(var) : refineByLevels(var);
    }

    private int[] extendedVars(int var) {
        int[] more = Arrays.copyOf(vars, vars.length + 1);
        more[vars.length] = var;
        return more;
    }

    private CovariateGroups refineBinary(int var) {
        int[] ones = frame.design().ones(var);
        double[] col = frame.design().column(var);
        int[] ids = groupOf();
        double[] inOnes = new double[m];
        for (int i : ones) {
            inOnes[ids[i]]++;
        }
        int[] zero = new int[m];
        int[] one = new int[m];
        int groups = 0;
        for (int g = 0; g < m; g++) {
            zero[g] = count[g] - inOnes[g] > 0 ? groups++ : -1;
            one[g] = inOnes[g] > 0 ? groups++ : -1;
        }
        int kk = k + 1;
        double[] nx = new double[groups * kk];
        double[] ncount = new double[groups];
        for (int g = 0; g < m; g++) {
            if (zero[g] >= 0) {
                System.arraycopy(x, g * k, nx, zero[g] * kk, k);
                ncount[zero[g]] = count[g] - inOnes[g];
            }
            if (one[g] >= 0) {
                System.arraycopy(x, g * k, nx, one[g] * kk, k);
                nx[one[g] * kk + k] = 1;
                ncount[one[g]] = inOnes[g];
            }
        }
        int[] rows = frame.positiveRows;
        int[] positiveGroup = new int[rows.length];
        for (int q = 0; q < rows.length; q++) {
            int r = rows[q];
            positiveGroup[q] = col[r] != 0 ? one[ids[r]] : zero[ids[r]];
        }
        CovariateGroups child = new CovariateGroups(frame, extendedVars(var), groups, nx, ncount, positiveGroup);
        child.parent = this;
        child.splitVar = var;
        child.zeroChild = zero;
        child.oneChild = one;
        return child;
    }

    private CovariateGroups refineByLevels(int var) {
        int[] ids = groupOf();
        int n = ids.length;
        int[] codes = frame.levelCodes(var);
        long levels = frame.levels(var);
        double[] col = frame.design().column(var);
        int[] next = new int[n];
        int[] representative = new int[n];
        int groups = 0;
        if (m * levels <= DENSE_LIMIT) {
            int[] map = new int[(int) (m * levels)];
            Arrays.fill(map, -1);
            for (int i = 0; i < n; i++) {
                int key = (int) (ids[i] * levels + codes[i]);
                int g = map[key];
                if (g < 0) {
                    g = groups++;
                    map[key] = g;
                    representative[g] = i;
                }
                next[i] = g;
            }
        } else {
            LongIntHash map = new LongIntHash(n);
            for (int i = 0; i < n; i++) {
                int g = map.putIfAbsent(ids[i] * levels + codes[i], groups);
                if (g == groups) {
                    groups++;
                    representative[g] = i;
                }
                next[i] = g;
            }
        }
        int kk = k + 1;
        double[] nx = new double[groups * kk];
        double[] ncount = new double[groups];
        for (int g = 0; g < groups; g++) {
            int r = representative[g];
            System.arraycopy(x, ids[r] * k, nx, g * kk, k);
            nx[g * kk + k] = col[r];
        }
        for (int i = 0; i < n; i++) {
            ncount[next[i]]++;
        }
        int[] rows = frame.positiveRows;
        int[] positiveGroup = new int[rows.length];
        for (int q = 0; q < rows.length; q++) {
            positiveGroup[q] = next[rows[q]];
        }
        CovariateGroups child = new CovariateGroups(frame, extendedVars(var), groups, nx, ncount, positiveGroup);
        child.groupOf = next;
        return child;
    }

    /** Per row, its group (materialized on first use; O(n)). */
    synchronized int[] groupOf() {
        if (groupOf == null) {
            int[] ids = parent.groupOf();
            double[] col = frame.design().column(splitVar);
            int[] out = new int[ids.length];
            for (int i = 0; i < ids.length; i++) {
                out[i] = col[i] != 0 ? oneChild[ids[i]] : zeroChild[ids[i]];
            }
            groupOf = out;
            parent = null;
            zeroChild = null;
            oneChild = null;
        }
        return groupOf;
    }

    /** The model's variables (design column indices), in model order. */
    public int[] vars() {
        return vars.clone();
    }

    /** The frame the rows come from. */
    public ModelFrame frame() {
        return frame;
    }

    /** Number of groups (distinct covariate rows). */
    public int groupCount() {
        return m;
    }

    /** Open-addressing map from non-negative long keys to ints, for refinements with many levels. */
    private static final class LongIntHash {
        private final long[] keys;
        private final int[] values;
        private final int mask;

        LongIntHash(int expected) {
            int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
            keys = new long[capacity];
            Arrays.fill(keys, -1);
            values = new int[capacity];
            mask = capacity - 1;
        }

        /** The value stored for key, storing {@code value} first when there is none. */
        int putIfAbsent(long key, int value) {
            int h = (int) (mix(key) & mask);
            while (keys[h] != -1) {
                if (keys[h] == key) {
                    return values[h];
                }
                h = (h + 1) & mask;
            }
            keys[h] = key;
            values[h] = value;
            return value;
        }

        private static long mix(long z) {
            z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
            z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
            return z ^ (z >>> 33);
        }
    }
}
