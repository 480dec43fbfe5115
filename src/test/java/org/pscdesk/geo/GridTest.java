package org.pscdesk.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class GridTest {

    @Test
    void pointOnASharedEdgeBelongsToTheCellWithTheLargerIndex() {
        Grid g = new Grid(100, 200, 10, 5, 4);

        assertEquals(g.index(1, 0), g.cellOf(110, 205), "on the edge between columns 0 and 1");
        assertEquals(g.index(0, 2), g.cellOf(105, 220), "on the edge between rows 1 and 2");
        assertEquals(g.index(3, 1), g.cellOf(130, 210), "on a corner shared by four cells");
        assertEquals(g.index(0, 0), g.cellOf(100, 200), "the origin is in cell 0");
    }

    @Test
    void pointOnTheEastOrNorthEdgeOfTheGridIsInNoCell() {
        Grid g = new Grid(100, 200, 10, 5, 4);

        assertEquals(-1, g.cellOf(150, 205));
        assertEquals(-1, g.cellOf(105, 240));
        assertEquals(g.index(4, 3), g.cellOf(Math.nextDown(150.0), Math.nextDown(240.0)));
        assertEquals(-1, g.cellOf(Math.nextDown(100.0), 205));
        assertEquals(-1, g.cellOf(Double.NaN, 205));
    }

    @Test
    void cellOfAgreesWithTheEdgesAsTheGridComputesThemEvenWhenDivisionRounds() {
        // 0.1-based grids are where (x − x0)/cs rounds across an integer
        Grid g = new Grid(0.1, 0.7, 0.1, 1000, 1000);
        SplittableRandom r = new SplittableRandom(1);
        for (int t = 0; t < 20_000; t++) {
            int col = r.nextInt(1000);
            double x = r.nextBoolean() ? g.edgeX(col) : Math.nextDown(g.edgeX(col + 1));
            int got = g.colOf(x);
            assertTrue(g.edgeX(got) <= x && x < g.edgeX(got + 1), "x " + x + " in column " + got);
            assertEquals(col, got);
        }
    }

    @Test
    void coveringGridHasTheBoxCornerAsOriginAndDropsRoundingSlivers() {
        Grid g = Grid.covering(735900, 4276800, 742900, 4281800, 100);

        assertEquals(new Grid(735900, 4276800, 100, 70, 50), g);
        assertEquals(71, Grid.covering(0, 0, 7000.5, 10, 100).nx(), "a real partial column is kept");
        assertEquals(1, Grid.covering(5, 5, 5, 5, 100).size(), "a degenerate box still has one cell");
    }

    @Test
    void centresAreHalfACellFromTheWestAndSouthEdges() {
        Grid g = new Grid(-50, 20, 4, 3, 3);

        assertEquals(-48, g.centreX(0));
        assertEquals(30, g.centreY(2));
        assertEquals(g.index(2, 1), g.cellOf(g.centreX(2), g.centreY(1)));
    }

    @Test
    void tooSmallACellSizeIsRefusedWithTheCellCountAndASizeThatFits() {
        GridTooLargeException e = assertThrows(GridTooLargeException.class,
                () -> Grid.covering(0, 0, 100_000, 130_000, 10));

        assertEquals(10_000L * 13_000, e.cells());
        assertEquals(Grid.MAX_CELLS, e.maxCells());
        double fit = e.fittingCellSize();
        Grid ok = Grid.covering(0, 0, 100_000, 130_000, fit);
        assertTrue(ok.size() <= Grid.MAX_CELLS, "the suggested size fits");
        assertTrue(fit < 30, "and is not far above the minimum: " + fit);
        assertTrue(e.getMessage().contains("130,000,000") && e.getMessage().contains(DistanceText.format(fit)),
                e.getMessage());
    }

    @Test
    void emptyGridHasNoCells() {
        Grid g = Grid.empty(100);

        assertTrue(g.isEmpty());
        assertEquals(0, g.size());
        assertEquals(-1, g.cellOf(0, 0));
    }

    @Test
    void invalidDimensionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Grid(0, 0, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Grid(0, 0, Double.NaN, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Grid(0, 0, 1, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> Grid.covering(0, 0, Double.POSITIVE_INFINITY, 1, 1));
    }
}
