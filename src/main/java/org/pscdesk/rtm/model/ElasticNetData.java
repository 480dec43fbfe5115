package org.pscdesk.rtm.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@link Design} compressed for the elastic-net solver: rows with identical values in every variable form
 * one <em>group</em>, and each binary variable becomes the sorted list of groups where it is 1 (or, when that
 * list would be longer than half the groups, where it is 0, with a sign flip: a standardized column equals
 * minus its standardized complement).
 *
 * <p>The Poisson penalized likelihood depends on the rows only through each group's row count and event sum,
 * so a fit over groups is the same fit as over rows (sums are merely added in another order). Any subset of
 * rows (a cross-validation training set) is the same groups with other counts, so one compression serves
 * the full fit and every fold. Numeric (non-0/1) variables keep one value per group.
 *
 * <p>Groups are found by partition refinement, one variable at a time (binary: O(ones); numeric: O(n)),
 * and numbered by their first row. Immutable; safe to share between threads.
 */
final class ElasticNetData {

    final Design design;
    final int n;
    final int p;
    /** Number of groups. */
    final int groups;
    /** Group of each row. */
    final int[] groupOfRow;
    /** First row of each group. */
    final int[] firstRow;
    /** For a binary variable: the sorted groups of its list (ones, or zeros when {@link #complement}); else null. */
    final int[][] list;
    /** True when {@link #list} holds the groups where the variable is 0. */
    final boolean[] complement;
    /** For a numeric variable: its value in each group; else null. */
    final double[][] value;
    /** Row-wise view of the binary lists: group k is in the lists of {@code rowVar[rowStart[k] .. rowStart[k+1])}. */
    final int[] rowStart;
    /** The binary variables whose list holds each group, by group, in increasing variable order. */
    final int[] rowVar;

    private ElasticNetData(Design design, int groups, int[] groupOfRow, int[] firstRow, int[][] list,
            boolean[] complement, double[][] value) {
        this.design = design;
        this.n = design.n();
        this.p = design.p();
        this.groups = groups;
        this.groupOfRow = groupOfRow;
        this.firstRow = firstRow;
        this.list = list;
        this.complement = complement;
        this.value = value;
        rowStart = new int[groups + 1];
        for (int[] l : list) {
            if (l != null) {
                for (int k : l) {
                    rowStart[k + 1]++;
                }
            }
        }
        for (int k = 0; k < groups; k++) {
            rowStart[k + 1] += rowStart[k];
        }
        rowVar = new int[rowStart[groups]];
        int[] fill = Arrays.copyOf(rowStart, groups);
        for (int j = 0; j < list.length; j++) {
            if (list[j] != null) {
                for (int k : list[j]) {
                    rowVar[fill[k]++] = j;
                }
            }
        }
    }

    /** Compresses a design; throws if a value is not finite (glmnet refuses missing values). */
    static ElasticNetData of(Design design) {
        int n = design.n();
        int p = design.p();
        for (int j = 0; j < p; j++) {
            if (!design.isBinary(j)) {
                for (double x : design.column(j)) {
                    if (!Double.isFinite(x)) {
                        throw new IllegalArgumentException("variable " + design.name(j)
                                + " has a missing or infinite value; every cell needs a number");
                    }
                }
            }
        }
        int[] gid = new int[n];
        int[] size = new int[Math.max(n, 1)];
        int count = n > 0 ? 1 : 0;
        if (n > 0) {
            size[0] = n;
        }
        int[] touched = new int[Math.max(n, 1)];
        int[] newId = new int[Math.max(n, 1)];
        int[] touchedGroups = new int[Math.max(n, 1)];
        for (int j = 0; j < p; j++) {
            if (design.isBinary(j)) {
                count = refineBinary(design.ones(j), gid, size, count, touched, newId, touchedGroups);
            } else {
                count = refineNumeric(design.column(j), gid, size, count);
            }
        }
        // renumber groups by their first row, so the numbering depends only on the table
        int[] renumber = new int[Math.max(count, 1)];
        Arrays.fill(renumber, -1);
        int[] firstRow = new int[count];
        int next = 0;
        for (int i = 0; i < n; i++) {
            int g = gid[i];
            if (renumber[g] < 0) {
                renumber[g] = next;
                firstRow[next] = i;
                next++;
            }
            gid[i] = renumber[g];
        }
        int groups = next;
        firstRow = Arrays.copyOf(firstRow, groups);

        int[][] list = new int[p][];
        boolean[] complement = new boolean[p];
        double[][] value = new double[p][];
        int[] mark = new int[Math.max(groups, 1)];
        Arrays.fill(mark, -1);
        for (int j = 0; j < p; j++) {
            if (design.isBinary(j)) {
                int[] ones = design.ones(j);
                int[] buf = new int[ones.length];
                int k = 0;
                for (int i : ones) {
                    int g = gid[i];
                    if (mark[g] != j) {
                        mark[g] = j;
                        buf[k++] = g;
                    }
                }
                int[] onesGroups = Arrays.copyOf(buf, k);
                Arrays.sort(onesGroups);
                if (2 * k > groups) {
                    complement[j] = true;
                    int[] zeros = new int[groups - k];
                    int z = 0;
                    int o = 0;
                    for (int g = 0; g < groups; g++) {
                        if (o < k && onesGroups[o] == g) {
                            o++;
                        } else {
                            zeros[z++] = g;
                        }
                    }
                    list[j] = zeros;
                } else {
                    list[j] = onesGroups;
                }
            } else {
                double[] x = design.column(j);
                double[] v = new double[groups];
                for (int g = 0; g < groups; g++) {
                    v[g] = x[firstRow[g]];
                }
                value[j] = v;
            }
        }
        return new ElasticNetData(design, groups, gid, firstRow, list, complement, value);
    }

    /** Splits every group met by the ones into its rows with a one and the rest. */
    private static int refineBinary(int[] ones, int[] gid, int[] size, int count, int[] touched, int[] newId,
            int[] touchedGroups) {
        int nt = 0;
        for (int i : ones) {
            int g = gid[i];
            if (touched[g]++ == 0) {
                touchedGroups[nt++] = g;
            }
        }
        for (int t = 0; t < nt; t++) {
            int g = touchedGroups[t];
            if (touched[g] < size[g]) {
                newId[g] = count;
                size[count] = touched[g];
                size[g] -= touched[g];
                count++;
            } else {
                newId[g] = g;
            }
        }
        for (int i : ones) {
            gid[i] = newId[gid[i]];
        }
        for (int t = 0; t < nt; t++) {
            touched[touchedGroups[t]] = 0;
        }
        return count;
    }

    private record GroupValue(int group, long bits) {
    }

    /** Splits every group by the distinct values of a numeric variable (the first value met keeps the id). */
    private static int refineNumeric(double[] x, int[] gid, int[] size, int count) {
        int oldCount = count;
        long[] first = new long[oldCount];
        boolean[] seen = new boolean[oldCount];
        Map<GroupValue, Integer> ids = new HashMap<>();
        for (int i = 0; i < x.length; i++) {
            int g = gid[i];
            long bits = Double.doubleToLongBits(x[i] + 0.0); // + 0.0 turns −0 into 0: same products
            if (!seen[g]) {
                seen[g] = true;
                first[g] = bits;
            } else if (bits != first[g]) {
                Integer id = ids.get(new GroupValue(g, bits));
                if (id == null) {
                    id = count++;
                    ids.put(new GroupValue(g, bits), id);
                }
                size[g]--;
                size[id]++;
                gid[i] = id;
            }
        }
        return count;
    }

    /** Row counts and event sums of a set of rows, per group: what one fit needs from the rows. */
    record Counts(int rows, int[] count, double[] ySum, double[] yLogYSum) {
    }

    /**
     * Counts per group of the rows whose fold id differs from {@code excludedFold} (all rows when it matches
     * none), or, with {@code only} true, of the rows in that fold.
     *
     * @param foldOfRow fold id of each row (null: no folds; then every row counts)
     */
    Counts counts(int[] foldOfRow, int excludedFold, boolean only) {
        int[] c = new int[groups];
        double[] ys = new double[groups];
        double[] yly = new double[groups];
        int[] y = design.y();
        int rows = 0;
        for (int i = 0; i < n; i++) {
            boolean inFold = foldOfRow != null && foldOfRow[i] == excludedFold;
            if (inFold != only) {
                continue;
            }
            int g = groupOfRow[i];
            c[g]++;
            rows++;
            int yi = y[i];
            if (yi > 0) {
                ys[g] += yi;
                yly[g] += yi * Math.log(yi);
            }
        }
        return new Counts(rows, c, ys, yly);
    }
}
