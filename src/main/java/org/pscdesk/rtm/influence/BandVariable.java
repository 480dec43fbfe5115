package org.pscdesk.rtm.influence;

import java.util.Arrays;
import java.util.Objects;

/**
 * One binary RTM variable over the in-study cells (rtm-method.md §1.3), stored as the sorted table indices of
 * the cells where it is 1.
 *
 * @param name {@code <factor>_proximity_<d>} or {@code <factor>_density_<d>}, d as {@link
 *     org.pscdesk.geo.DistanceText#format}
 * @param factor the factor label
 * @param operationalization {@link Operationalization#PROXIMITY} or {@link Operationalization#DENSITY}
 * @param band 1-based band index within the factor and operationalization (d ascending)
 * @param distance d, the band distance (proximity) or bandwidth (density), in working-CRS units
 * @param cells n, the number of in-study cells (the column length)
 * @param ones the table indices where the variable is 1, strictly increasing (copied in and out)
 * @param cut for density, the density cut that was applied (see {@link DensityThreshold}); NaN for proximity
 */
public record BandVariable(String name, String factor, Operationalization operationalization, int band,
                           double distance, int cells, int[] ones, double cut) {

    public BandVariable {
        Objects.requireNonNull(name);
        Objects.requireNonNull(factor);
        if (operationalization == Operationalization.BOTH || operationalization == null) {
            throw new IllegalArgumentException("a variable is either proximity or density");
        }
        ones = ones.clone();
        for (int i = 0; i < ones.length; i++) {
            if (ones[i] < 0 || ones[i] >= cells || (i > 0 && ones[i] <= ones[i - 1])) {
                throw new IllegalArgumentException("ones must be increasing table indices below " + cells);
            }
        }
    }

    /** The table indices where the variable is 1 (a copy). */
    @Override
    public int[] ones() {
        return ones.clone();
    }

    /** The number of cells where the variable is 1. */
    public int count() {
        return ones.length;
    }

    /** True when the variable is 0 everywhere or 1 everywhere (no information for a model). */
    public boolean isConstant() {
        return ones.length == 0 || ones.length == cells;
    }

    /** The value at table index k. */
    public boolean get(int k) {
        return Arrays.binarySearch(ones, k) >= 0;
    }

    /** The variable as a 0/1 column of length n, for {@link org.pscdesk.rtm.model.Design}. */
    public double[] column() {
        double[] x = new double[cells];
        for (int k : ones) {
            x[k] = 1;
        }
        return x;
    }

    /** The variable as flags over the in-study cells. */
    public boolean[] flags() {
        boolean[] x = new boolean[cells];
        for (int k : ones) {
            x[k] = true;
        }
        return x;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BandVariable v && v.name.equals(name) && v.factor.equals(factor)
                && v.operationalization == operationalization && v.band == band
                && Double.compare(v.distance, distance) == 0 && v.cells == cells && Arrays.equals(v.ones, ones)
                && Double.compare(v.cut, cut) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, band, cells, Arrays.hashCode(ones));
    }

    @Override
    public String toString() {
        return name + " (" + ones.length + " of " + cells + " cells)";
    }
}
