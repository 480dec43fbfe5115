package org.pscdesk.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;

/** The direct point encoding writes what the general WKBWriter path writes. */
class GpkgGeometryTest {

    private static final GeometryFactory GF = new GeometryFactory();

    /** The general path: header without envelope, then WKBWriter's little-endian 2D WKB. */
    private static byte[] viaWkbWriter(Point p, int srsId) {
        byte[] wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN).write(p);
        ByteBuffer buf = ByteBuffer.allocate(8 + wkb.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) 1).putInt(srsId).put(wkb);
        return buf.array();
    }

    @Test
    void pointBlobMatchesWkbWriterByteForByte() {
        double[][] points = {
            {744591.40, 4272500.22}, // projected metres
            {-90.2, 38.6},           // lon/lat
            {0.0, -0.0},             // signed zero kept
            {Double.NaN, 1.0},       // NaN written canonical, as WKBWriter does
            {Double.MAX_VALUE, Double.MIN_VALUE},
        };
        for (double[] xy : points) {
            Point p = GF.createPoint(new Coordinate(xy[0], xy[1]));
            assertArrayEquals(viaWkbWriter(p, 26915), GpkgGeometry.encode(p, 26915), xy[0] + " " + xy[1]);
        }
    }

    @Test
    void pointBlobDecodesToTheSamePoint() {
        Point p = GF.createPoint(new Coordinate(735012.5, 4272999.75));
        Point back = (Point) GpkgGeometry.decode(GpkgGeometry.encode(p, 26915), GF);
        assertEquals(p.getCoordinate(), back.getCoordinate());
    }
}
