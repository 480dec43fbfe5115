package org.pscdesk.geo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/** The cell universe against its definitions, checked cell by cell with JTS predicates. */
class StudyMaskTest {

    @Test
    void centreRuleKeepsExactlyTheCellsWhoseCentreIsInsideSomeArea() {
        for (int seed = 1; seed <= 5; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            List<Geometry> areas = randomAreas(r);
            double cs = r.nextDouble(3, 12);

            StudyMask mask = StudyMask.of(areas, cs);

            Grid g = mask.grid();
            boolean[] flags = mask.flags();
            int inside = 0;
            for (int i = 0; i < g.size(); i++) {
                Coordinate c = new Coordinate(g.centreX(g.col(i)), g.centreY(g.row(i)));
                boolean expected = false;
                for (Geometry a : areas) {
                    expected |= new IndexedPointInAreaLocator(a).locate(c) == Location.INTERIOR;
                }
                assertEquals(expected, flags[i], "seed " + seed + " cell " + i);
                inside += expected ? 1 : 0;
            }
            assertEquals(inside, mask.size());
            assertTrue(inside > 0 && inside < g.size(), "the case has cells on both sides");
        }
    }

    @Test
    void anyOverlapRuleKeepsExactlyTheCellsSharingAreaWithTheStudy() {
        for (int seed = 1; seed <= 5; seed++) {
            SplittableRandom r = new SplittableRandom(100 + seed);
            List<Geometry> areas = randomAreas(r);
            double cs = r.nextDouble(3, 12);

            StudyMask mask = StudyMask.of(areas, cs, StudyMask.Membership.ANY_OVERLAP);

            Grid g = mask.grid();
            boolean[] flags = mask.flags();
            int extra = 0;
            StudyMask centre = StudyMask.of(areas, cs);
            for (int i = 0; i < g.size(); i++) {
                int col = g.col(i);
                int row = g.row(i);
                Polygon cell = RandomShapes.GF.createPolygon(new Coordinate[] {
                    new Coordinate(g.edgeX(col), g.edgeY(row)), new Coordinate(g.edgeX(col + 1), g.edgeY(row)),
                    new Coordinate(g.edgeX(col + 1), g.edgeY(row + 1)), new Coordinate(g.edgeX(col), g.edgeY(row + 1)),
                    new Coordinate(g.edgeX(col), g.edgeY(row))});
                boolean expected = false;
                for (Geometry a : areas) {
                    expected |= cell.relate(a).matches("T********");
                }
                assertEquals(expected, flags[i], "seed " + seed + " cell " + col + "," + row);
                if (expected && !centre.contains(i)) {
                    extra++;
                }
            }
            assertTrue(extra > 0, "overlap adds cells whose centre is outside");
        }
    }

    @Test
    void cellTouchingTheAreaOnlyAlongAnEdgeIsNotAnOverlap() {
        // a 10 × 10 square on cell edges: the ring of cells around it only touches it
        Polygon square = square(0, 0, 10, 10);
        Grid g = new Grid(-10, -10, 10, 3, 3);

        StudyMask mask = StudyMask.of(g, List.of(square), StudyMask.Membership.ANY_OVERLAP);

        assertEquals(1, mask.size());
        assertEquals(g.index(1, 1), mask.cell(0));
    }

    @Test
    void tableOrderIsRowMajorOverTheInStudyCellsAndInvertsTableIndex() {
        boolean[] in = {false, true, true, true, false, false, true, false, true};
        Grid g = new Grid(0, 0, 1, 3, 3);

        StudyMask mask = StudyMask.of(g, in, StudyMask.Membership.CENTRE);

        assertArrayEquals(new int[] {1, 2, 3, 6, 8}, mask.cells());
        for (int k = 0; k < mask.size(); k++) {
            assertEquals(k, mask.tableIndex(mask.cell(k)));
        }
        assertEquals(-1, mask.tableIndex(0));
        assertEquals(g.centreX(0), mask.centreX(2));
        assertEquals(g.centreY(1), mask.centreY(2));
    }

    @Test
    void severalAreasActAsTheirUnionEvenWhenTheyOverlap() {
        Polygon a = square(0, 0, 30, 30);
        Polygon b = square(20, 20, 50, 50);

        StudyMask mask = StudyMask.of(List.of(a, b), 10);

        // two 3×3 blocks of cells sharing the cell centred at (25, 25)
        assertEquals(new Grid(0, 0, 10, 5, 5), mask.grid());
        assertTrue(mask.contains(mask.grid().cellOf(25, 25)), "a cell inside both areas is in");
        assertTrue(mask.contains(mask.grid().cellOf(45, 45)));
        assertFalse(mask.contains(mask.grid().cellOf(45, 5)));
        assertEquals(17, mask.size());
        assertEquals(countCentresInside(mask, List.of(a, b)), mask.size());
    }

    @Test
    void emptyStudyAreaGivesAnEmptyMask() {
        StudyMask none = StudyMask.of(List.of(), 100);
        StudyMask emptyPolygon = StudyMask.of(List.of(RandomShapes.GF.createPolygon()), 100);

        assertTrue(none.isEmpty());
        assertEquals(0, none.grid().size());
        assertTrue(emptyPolygon.isEmpty());
    }

    @Test
    void areaSmallerThanACellMayHaveNoCellUnderTheCentreRule() {
        Polygon tiny = square(1, 1, 3, 3);

        StudyMask centre = StudyMask.of(List.of(tiny), 100);
        StudyMask overlap = StudyMask.of(List.of(tiny), 100, StudyMask.Membership.ANY_OVERLAP);

        assertEquals(0, centre.size());
        assertEquals(1, overlap.size());
    }

    @Test
    void nonArealStudyAreaIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> StudyMask.of(List.of(RandomShapes.GF.createPoint(new Coordinate(1, 1))), 10));
    }

    @Test
    void tooFineACellSizeIsRefused() {
        Polygon city = square(0, 0, 100_000, 130_000);

        assertThrows(GridTooLargeException.class, () -> StudyMask.of(List.of(city), 1));
    }

    private static int countCentresInside(StudyMask mask, List<Polygon> areas) {
        Grid g = mask.grid();
        int n = 0;
        for (int i = 0; i < g.size(); i++) {
            Coordinate c = new Coordinate(g.centreX(g.col(i)), g.centreY(g.row(i)));
            boolean in = false;
            for (Polygon a : areas) {
                in |= new IndexedPointInAreaLocator(a).locate(c) == Location.INTERIOR;
            }
            n += in ? 1 : 0;
        }
        return n;
    }

    static Polygon square(double x0, double y0, double x1, double y1) {
        return RandomShapes.GF.createPolygon(new Coordinate[] {new Coordinate(x0, y0), new Coordinate(x1, y0),
            new Coordinate(x1, y1), new Coordinate(x0, y1), new Coordinate(x0, y0)});
    }

    /** Two to four overlapping star polygons with holes, one as a MultiPolygon of two parts. */
    private static List<Geometry> randomAreas(SplittableRandom r) {
        List<Geometry> areas = new ArrayList<>();
        int n = 2 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            areas.add(RandomShapes.polygon(r, 0, 0, 200, 150, 80));
        }
        Polygon p = RandomShapes.polygon(r, 300, 0, 320, 20, 20);
        Polygon q = RandomShapes.polygon(r, 380, 100, 400, 120, 20);
        areas.add(RandomShapes.GF.createMultiPolygon(new Polygon[] {p, q}));
        return areas;
    }
}
