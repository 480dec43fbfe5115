package org.pscdesk.geo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

class FeatureArraysTest {

    private static Point pt(double x, double y) {
        return RandomShapes.GF.createPoint(new Coordinate(x, y));
    }

    private static LineString line(double... xy) {
        Coordinate[] cs = new Coordinate[xy.length / 2];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
        }
        return RandomShapes.GF.createLineString(cs);
    }

    @Test
    void multiGeometriesAndCollectionsSplitIntoPartsAndEmptyOnesAreSkipped() {
        Polygon square = StudyMaskTest.square(0, 0, 10, 10);
        Geometry multiPoint = RandomShapes.GF.createMultiPoint(new Point[] {pt(1, 1), pt(2, 2)});
        Geometry collection = RandomShapes.GF.createGeometryCollection(new Geometry[] {pt(5, 5), line(0, 0, 3, 4)});

        FeatureArrays f = FeatureArrays.of(List.of(multiPoint, collection, square, RandomShapes.GF.createPoint()));

        assertEquals(3, f.featureCount(), "the empty point is not a feature");
        assertEquals(3, f.pointCount());
        assertEquals(1, f.lineCount());
        assertEquals(1, f.polygonCount());
        assertEquals(1 + 4, f.segmentCount(), "one line segment, then four polygon edges");
        assertArrayEquals(new int[] {0, 1}, f.lineStart());
        assertArrayEquals(new int[] {1, 5}, f.polygonStart());
        assertArrayEquals(new double[] {0, 0, 3, 4}, java.util.Arrays.copyOf(f.segments(), 4));
    }

    @Test
    void polygonEdgesIncludeHolesInTheSamePart() {
        Polygon withHole = RandomShapes.GF.createPolygon(
                RandomShapes.GF.createLinearRing(StudyMaskTest.square(0, 0, 10, 10).getCoordinates()),
                new org.locationtech.jts.geom.LinearRing[] {RandomShapes.GF.createLinearRing(
                        StudyMaskTest.square(4, 4, 6, 6).getCoordinates())});

        FeatureArrays f = FeatureArrays.of(List.of(withHole));

        assertArrayEquals(new int[] {0, 8}, f.polygonStart());
    }

    @Test
    void lineIsSampledEvenlyAtNoMoreThanTheSpacing() {
        // an L of length 10 + 5 = 15, spacing 4: ⌈15/4⌉ = 4 samples at arc lengths 1.875, 5.625, 9.375, 13.125
        FeatureArrays f = FeatureArrays.of(List.of(line(0, 0, 10, 0, 10, 5)));

        FeatureArrays.Points p = f.densityPoints(4);

        assertArrayEquals(new double[] {1.875, 5.625, 9.375, 10}, p.x(), 1e-12);
        assertArrayEquals(new double[] {0, 0, 0, 3.125}, p.y(), 1e-12);
    }

    @Test
    void polygonCountsAsOnePointInsideItEvenWhenItsCentroidIsOutside() {
        // a U shape: its centroid lies in the notch
        Polygon u = RandomShapes.GF.createPolygon(new Coordinate[] {new Coordinate(0, 0), new Coordinate(30, 0),
            new Coordinate(30, 30), new Coordinate(20, 30), new Coordinate(20, 5), new Coordinate(10, 5),
            new Coordinate(10, 30), new Coordinate(0, 30), new Coordinate(0, 0)});
        Polygon square = StudyMaskTest.square(100, 100, 110, 120);

        FeatureArrays.Points p = FeatureArrays.of(List.of(u, square, pt(7, 8))).densityPoints(1);

        assertEquals(3, p.size());
        assertEquals(7, p.x()[0], "points come first");
        assertEquals(105, p.x()[2]);
        assertEquals(110, p.y()[2], "the square's centroid");
        Coordinate c = new Coordinate(p.x()[1], p.y()[1]);
        assertEquals(Location.INTERIOR, new IndexedPointInAreaLocator(u).locate(c));
        assertTrue(u.getCentroid().getY() > 5, "the case has its centroid in the notch");
        assertEquals(Location.EXTERIOR, new IndexedPointInAreaLocator(u).locate(u.getCentroid().getCoordinate()));
    }

    @Test
    void coordinateArraysSkipNonFinitePoints() {
        FeatureArrays f = FeatureArrays.ofPoints(new double[] {1, Double.NaN, 3}, new double[] {1, 2, 3});

        assertEquals(2, f.featureCount());
        assertArrayEquals(new double[] {1, 3}, f.pointX());
    }
}
