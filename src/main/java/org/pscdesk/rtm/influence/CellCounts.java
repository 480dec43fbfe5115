package org.pscdesk.rtm.influence;

import java.util.Arrays;

import org.pscdesk.geo.StudyMask;

/**
 * Outcome events per in-study cell (rtm-method.md §1.4): y(c) = the number of events whose point lies in cell
 * c under the grid's half-open rule (a point on a shared edge goes to the cell with the larger column or row
 * index). Events in no in-study cell are dropped and counted: outside the grid, or in a grid cell that is not
 * in the study (so "outside the study area" means outside the cell universe, the area as the model sees it).
 * Events with a non-finite coordinate are dropped as invalid.
 *
 * @param counts y per in-study cell, in table order (copied in and out)
 * @param events the number of events given
 * @param outsideGrid events outside the grid's extent
 * @param outsideStudy events in a grid cell that is not in the study
 * @param invalid events with a NaN or infinite coordinate
 */
public record CellCounts(int[] counts, int events, int outsideGrid, int outsideStudy, int invalid) {

    public CellCounts {
        counts = counts.clone();
    }

    /**
     * Counts events per in-study cell.
     *
     * @param xs event x coordinates in the working CRS
     * @param ys event y coordinates
     */
    public static CellCounts of(StudyMask mask, double[] xs, double[] ys) {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("x and y differ in length");
        }
        int[] y = new int[mask.size()];
        int outsideGrid = 0;
        int outsideStudy = 0;
        int invalid = 0;
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) {
                invalid++;
                continue;
            }
            int cell = mask.grid().cellOf(xs[i], ys[i]);
            if (cell < 0) {
                outsideGrid++;
                continue;
            }
            int k = mask.tableIndex(cell);
            if (k < 0) {
                outsideStudy++;
            } else {
                y[k]++;
            }
        }
        return new CellCounts(y, xs.length, outsideGrid, outsideStudy, invalid);
    }

    /** y per in-study cell (a copy). */
    @Override
    public int[] counts() {
        return counts.clone();
    }

    /** The number of events counted in some in-study cell. */
    public int counted() {
        return events - dropped();
    }

    /** The number of events dropped: outside the grid, outside the study, or invalid. */
    public int dropped() {
        return outsideGrid + outsideStudy + invalid;
    }

    /** The number of in-study cells with at least one event. */
    public int nonEmptyCells() {
        int n = 0;
        for (int c : counts) {
            n += c > 0 ? 1 : 0;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CellCounts c && Arrays.equals(c.counts, counts) && c.events == events
                && c.outsideGrid == outsideGrid && c.outsideStudy == outsideStudy && c.invalid == invalid;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts) * 31 + events;
    }

    @Override
    public String toString() {
        return "CellCounts[" + counted() + " of " + events + " events in " + counts.length + " cells, "
                + dropped() + " dropped]";
    }
}
