package org.pscdesk.store;

import java.sql.Connection;
import java.sql.SQLException;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.sqlite.Function;

/**
 * The SQL functions that GeoPackage R-tree triggers call ({@code ST_MinX}, {@code ST_MaxX}, {@code ST_MinY},
 * {@code ST_MaxY}, {@code ST_IsEmpty}), registered on our own connections so that inserts into layers with a
 * spatial index (ours, or adopted from GDAL) keep the index right.
 */
final class SpatialFunctions {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private SpatialFunctions() {
    }

    static void register(Connection c) throws SQLException {
        Function.create(c, "ST_IsEmpty", new Function() {
            @Override
            protected void xFunc() throws SQLException {
                byte[] blob = value_blob(0);
                if (blob == null) {
                    result();
                    return;
                }
                result(blob.length > 3 && (blob[3] & 0x10) != 0 ? 1 : 0);
            }
        });
        register(c, "ST_MinX", 0);
        register(c, "ST_MaxX", 1);
        register(c, "ST_MinY", 2);
        register(c, "ST_MaxY", 3);
    }

    private static void register(Connection c, String name, int which) throws SQLException {
        Function.create(c, name, new Function() {
            @Override
            protected void xFunc() throws SQLException {
                byte[] blob = value_blob(0);
                Envelope e = blob == null ? null : envelope(blob);
                if (e == null || e.isNull()) {
                    result();
                    return;
                }
                result(switch (which) {
                    case 0 -> e.getMinX();
                    case 1 -> e.getMaxX();
                    case 2 -> e.getMinY();
                    default -> e.getMaxY();
                });
            }
        });
    }

    /** The envelope of a GeoPackage blob: from its header when present, else from the geometry. */
    static Envelope envelope(byte[] blob) {
        Envelope header = GpkgGeometry.headerEnvelope(blob);
        if (header != null) {
            return header;
        }
        Geometry g = GpkgGeometry.decode(blob, FACTORY);
        return g == null ? null : g.getEnvelopeInternal();
    }
}
