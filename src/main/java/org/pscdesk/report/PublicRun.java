package org.pscdesk.report;

import java.util.List;
import java.util.Objects;

import org.pscdesk.analysis.LoadedRun;
import org.pscdesk.geo.Grid;

/**
 * A run as a public room may see it, made only by {@link PrivacyFilter}: risk classes and quadrants per cell,
 * event counts that leave out sensitive categories and say "fewer than N" for small numbers, the model's
 * factors, ranked places with the names residents use, and a data note. It holds no incident location, no
 * incident attribute and no personal field: there is nothing in it to leak.
 *
 * @param name the run's id
 * @param grid the run's grid (in the working CRS)
 * @param cells grid index of each in-study cell
 * @param classes risk class code per cell (1 low .. 4 highest)
 * @param quadrants quadrant code per cell (1 priority .. 4 neither), hot spots from non-sensitive events only
 * @param rrs relative risk score per cell (a model output, not a count)
 * @param counts events per cell, sensitive categories left out, or {@link #SUPPRESSED} below the threshold
 * @param minCount the suppression threshold: counts below it are never shown
 * @param terms the model's factors with their relative risk values
 * @param places priority places, highest risk first
 * @param workingCrs the grid's CRS id
 * @param dataNote period, source, cell size and the privacy rules, in one plain paragraph
 * @param period the events' period in words ("1 Jan 2024 to 31 Oct 2025"), or empty
 * @param tally events of groups of cells, as suppressed sums only
 */
public record PublicRun(String name, Grid grid, int[] cells, int[] classes, int[] quadrants, double[] rrs,
                        int[] counts, int minCount, List<LoadedRun.Term> terms, List<Place> places,
                        String workingCrs, String dataNote, String period, EventTally tally) {

    /** A count too small to show. */
    public static final int SUPPRESSED = -1;

    public PublicRun {
        Objects.requireNonNull(name);
        terms = List.copyOf(terms);
        places = List.copyOf(places);
    }

    /** The events of a group of cells (table indices) in words: the number, or "fewer than 11". */
    public String eventsText(int[] tableIndices) {
        return tally.sumText(tableIndices);
    }

    /**
     * Events per cell without sensitive categories, kept private: a place drawn in the room is a sum over its
     * cells, and the sum, like any count, is only ever given in words with the threshold applied.
     */
    public static final class EventTally {
        private final int[] perCell;
        private final int minCount;

        EventTally(int[] perCell, int minCount) {
            this.perCell = perCell.clone();
            this.minCount = minCount;
        }

        /** The sum over some cells (table indices): the number, or "fewer than 11". */
        public String sumText(int[] tableIndices) {
            int sum = 0;
            for (int k : tableIndices) {
                sum += perCell[k];
            }
            return PrivacyFilter.countText(sum, minCount);
        }
    }

    /** A count as the room reads it: the number, or "fewer than 11". */
    public String countText(int k) {
        return PrivacyFilter.countText(counts[k], minCount);
    }

    /**
     * A group of touching priority (or highest-risk) cells.
     *
     * @param rank 1 = highest risk
     * @param label the neighbourhood (or other reference area) it lies in, or "Area N"
     * @param cells table indices of its cells
     * @param centreX centre of its cells, working CRS
     * @param centreY centre of its cells, working CRS
     * @param maxRrs its highest relative risk score
     * @param countText its events in words ("fewer than 11" or the number)
     */
    public record Place(int rank, String label, int[] cells, double centreX, double centreY, double maxRrs,
                        String countText) {
    }
}
