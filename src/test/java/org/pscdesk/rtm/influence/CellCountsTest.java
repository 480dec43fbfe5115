package org.pscdesk.rtm.influence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.pscdesk.geo.Grid;
import org.pscdesk.geo.StudyMask;

class CellCountsTest {

    // 3 × 2 grid of 10-unit cells from (0, 0); the cell at column 2, row 1 is out of the study
    private static final Grid GRID = new Grid(0, 0, 10, 3, 2);
    private static final StudyMask MASK = StudyMask.of(GRID, new boolean[] {true, true, true, true, true, false},
            StudyMask.Membership.CENTRE);

    @Test
    void eventsOnSharedEdgesGoToTheCellWithTheLargerIndex() {
        double[] xs = {10, 20, 5, 10, 0};
        double[] ys = {5, 5, 10, 10, 0};

        CellCounts c = CellCounts.of(MASK, xs, ys);

        // (10,5) → col 1; (20,5) → col 2; (5,10) → row 1 col 0; (10,10) → row 1 col 1; (0,0) → cell 0
        assertArrayEquals(new int[] {1, 1, 1, 1, 1}, c.counts());
        assertEquals(5, c.counted());
    }

    @Test
    void eventsOutsideTheGridOrTheStudyOrInvalidAreDroppedAndCounted() {
        double[] xs = {30, 5, -0.001, 25, Double.NaN, 5};
        double[] ys = {5, 20, 5, 15, 5, 5};

        CellCounts c = CellCounts.of(MASK, xs, ys);

        // x = 30 and y = 20 are on the east and north edges of the grid: outside (half-open)
        assertEquals(3, c.outsideGrid());
        assertEquals(1, c.outsideStudy(), "(25, 15) is in the excluded cell");
        assertEquals(1, c.invalid());
        assertEquals(5, c.dropped());
        assertEquals(1, c.counted());
        assertArrayEquals(new int[] {1, 0, 0, 0, 0}, c.counts());
    }

    @Test
    void countsEqualTheNumberOfEventsInEachCellSquare() {
        SplittableRandom r = new SplittableRandom(3);
        StudyMask mask = ProximityLayerTest.randomMask(r);
        Grid g = mask.grid();
        int n = 20_000;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            // a quarter of the events exactly on an edge or corner
            xs[i] = r.nextInt(4) == 0 ? g.edgeX(r.nextInt(g.nx() + 1)) : r.nextDouble(-50, 1050);
            ys[i] = r.nextInt(4) == 0 ? g.edgeY(r.nextInt(g.ny() + 1)) : r.nextDouble(-50, 850);
        }

        CellCounts c = CellCounts.of(mask, xs, ys);

        int[] expected = new int[mask.size()];
        int outside = 0;
        for (int i = 0; i < n; i++) {
            boolean found = false;
            for (int k = 0; k < mask.size() && !found; k++) {
                int col = g.col(mask.cell(k));
                int row = g.row(mask.cell(k));
                if (g.edgeX(col) <= xs[i] && xs[i] < g.edgeX(col + 1) && g.edgeY(row) <= ys[i] && ys[i] < g.edgeY(row + 1)) {
                    expected[k]++;
                    found = true;
                }
            }
            outside += found ? 0 : 1;
        }
        assertArrayEquals(expected, c.counts());
        assertEquals(outside, c.dropped());
    }

    @Test
    void emptyStudyCountsNothing() {
        CellCounts c = CellCounts.of(StudyMask.of(java.util.List.of(), 10), new double[] {1, 2}, new double[] {1, 2});

        assertEquals(0, c.counts().length);
        assertEquals(2, c.outsideGrid());
    }
}
