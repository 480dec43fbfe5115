package org.pscdesk.rtm.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The data every model stage fits: n cells (rows) with an event count each, and p candidate variables
 * (columns), each belonging to a risk factor (for the one-operationalization-per-factor rule).
 *
 * <p>Columns are stored column-major as {@code double[p][n]}; binary columns (all values 0 or 1) also keep
 * the sorted row indices of their ones, because sums over binary variables are sums over those rows
 * (rtm-method §8.4). Immutable after construction (arrays are copied in, never handed out for writing:
 * {@link #column(int)} returns the internal array, which callers must not modify).
 */
public final class Design {

    private final int[] y;
    private final double[][] columns;
    private final List<String> names;
    private final List<String> factors;
    private final int[][] ones;

    /**
     * @param y event count per row, non-negative
     * @param names variable names, one per column, unique
     * @param factors the factor each variable belongs to
     * @param columns {@code columns[j][i]} = value of variable j in row i; every column has length n
     */
    public Design(int[] y, List<String> names, List<String> factors, double[][] columns) {
        Objects.requireNonNull(y);
        if (names.size() != columns.length || factors.size() != columns.length) {
            throw new IllegalArgumentException("names, factors and columns differ in number");
        }
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("variable names must be unique");
        }
        for (int v : y) {
            if (v < 0) {
                throw new IllegalArgumentException("event counts must be non-negative");
            }
        }
        this.y = y.clone();
        this.names = List.copyOf(names);
        this.factors = List.copyOf(factors);
        this.columns = new double[columns.length][];
        this.ones = new int[columns.length][];
        for (int j = 0; j < columns.length; j++) {
            if (columns[j].length != y.length) {
                throw new IllegalArgumentException("column " + names.get(j) + " has " + columns[j].length
                        + " rows, not " + y.length);
            }
            this.columns[j] = columns[j].clone();
            this.ones[j] = binaryOnes(this.columns[j]);
        }
    }

    private static int[] binaryOnes(double[] x) {
        int count = 0;
        for (double v : x) {
            if (v == 1.0) {
                count++;
            } else if (v != 0.0) {
                return null;
            }
        }
        int[] idx = new int[count];
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] == 1.0) {
                idx[k++] = i;
            }
        }
        return idx;
    }

    /** Number of rows (cells). */
    public int n() {
        return y.length;
    }

    /** Number of candidate variables. */
    public int p() {
        return columns.length;
    }

    /** The event counts (the internal array: do not modify). */
    public int[] y() {
        return y;
    }

    /** Variable j's values (the internal array: do not modify). */
    public double[] column(int j) {
        return columns[j];
    }

    public String name(int j) {
        return names.get(j);
    }

    public String factor(int j) {
        return factors.get(j);
    }

    public List<String> names() {
        return names;
    }

    public List<String> factors() {
        return factors;
    }

    /** True when variable j takes only the values 0 and 1. */
    public boolean isBinary(int j) {
        return ones[j] != null;
    }

    /** For a binary variable, the sorted rows where it is 1 (the internal array: do not modify); else null. */
    public int[] ones(int j) {
        return ones[j];
    }

    /** The design restricted to some rows (e.g. a CV training fold), in the given order. */
    public Design rows(int[] rows) {
        int[] sy = new int[rows.length];
        double[][] sc = new double[columns.length][rows.length];
        for (int k = 0; k < rows.length; k++) {
            sy[k] = y[rows[k]];
            for (int j = 0; j < columns.length; j++) {
                sc[j][k] = columns[j][rows[k]];
            }
        }
        return new Design(sy, names, factors, sc);
    }

    /** The design restricted to some variables, in the given order. */
    public Design variables(int[] vars) {
        double[][] sc = new double[vars.length][];
        String[] sn = new String[vars.length];
        String[] sf = new String[vars.length];
        for (int k = 0; k < vars.length; k++) {
            sc[k] = columns[vars[k]];
            sn[k] = names.get(vars[k]);
            sf[k] = factors.get(vars[k]);
        }
        return new Design(y, Arrays.asList(sn), Arrays.asList(sf), sc);
    }
}
