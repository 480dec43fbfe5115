package org.pscdesk.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

class StudyGridTest {

    private static final GeometryFactory GF = new GeometryFactory();

    /** An L: 400 × 200 m with a 200 × 200 m block on top of its western half, origin (1000, 2000). */
    private static Polygon lShape() {
        return GF.createPolygon(new Coordinate[] {new Coordinate(1000, 2000), new Coordinate(1400, 2000),
            new Coordinate(1400, 2200), new Coordinate(1200, 2200), new Coordinate(1200, 2400),
            new Coordinate(1000, 2400), new Coordinate(1000, 2000)});
    }

    @Test
    void originIsTheBoundingBoxMinimumAndCellsCoverIt() {
        StudyGrid grid = StudyGrid.of(lShape(), 100);

        assertEquals(1000, grid.x0());
        assertEquals(2000, grid.y0());
        assertEquals(4, grid.nx());
        assertEquals(4, grid.ny());
    }

    @Test
    void aCellIsInTheStudyWhenItsCentreIsInsideThePolygon() {
        StudyGrid grid = StudyGrid.of(lShape(), 100);

        // the L covers 12 of the 16 cells: both lower rows (8) and the upper western 2 × 2 block (4)
        assertEquals(12, grid.studyCells());
        assertTrue(grid.inStudy(grid.cellOf(1350, 2150)), "lower east");
        assertTrue(grid.inStudy(grid.cellOf(1150, 2350)), "upper west");
        assertFalse(grid.inStudy(grid.cellOf(1350, 2350)), "the notch");
    }

    @Test
    void pointsOnAnEdgeGoToTheCellWithTheLargerIndex() {
        StudyGrid grid = StudyGrid.of(lShape(), 100);

        assertEquals(grid.cellOf(1150, 2050), grid.cellOf(1100, 2050), "x on the edge between columns 0 and 1");
        assertEquals(grid.cellOf(1050, 2150), grid.cellOf(1050, 2100), "y on the edge between rows 0 and 1");
        assertEquals(-1, grid.cellOf(999.999, 2050), "west of the grid");
        assertEquals(-1, grid.cellOf(1400, 2050), "the east edge of the grid is outside (half-open)");
    }

    @Test
    void centresAreHalfACellFromTheOrigin() {
        StudyGrid grid = StudyGrid.of(lShape(), 100);

        assertEquals(1050, grid.centreX(0));
        assertEquals(2350, grid.centreY(3));
        assertEquals(3 * grid.nx() + 0, grid.cellOf(grid.centreX(0), grid.centreY(3)));
    }
}
