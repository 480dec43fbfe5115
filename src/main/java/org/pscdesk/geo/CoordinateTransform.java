package org.pscdesk.geo;

import org.locationtech.proj4j.BasicCoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Transforms coordinates between two {@link Crs}s with proj4j.
 *
 * <p>Not thread-safe (proj4j transforms keep scratch state): make one per thread.
 */
public final class CoordinateTransform {

    private final BasicCoordinateTransform transform;
    private final ProjCoordinate in = new ProjCoordinate();
    private final ProjCoordinate out = new ProjCoordinate();
    private final boolean identity;

    public CoordinateTransform(Crs from, Crs to) {
        this.identity = from.id().equals(to.id());
        this.transform = identity ? null : new BasicCoordinateTransform(from.toProj4j(), to.toProj4j());
    }

    /** Transforms {@code xy[0], xy[1]} in place. */
    public void apply(double[] xy) {
        if (identity) {
            return;
        }
        in.x = xy[0];
        in.y = xy[1];
        transform.transform(in, out);
        xy[0] = out.x;
        xy[1] = out.y;
    }

    /** Transforms interleaved x,y pairs in place. */
    public void applyInterleaved(double[] coords) {
        if (identity) {
            return;
        }
        for (int i = 0; i + 1 < coords.length; i += 2) {
            in.x = coords[i];
            in.y = coords[i + 1];
            transform.transform(in, out);
            coords[i] = out.x;
            coords[i + 1] = out.y;
        }
    }

    /** A JTS filter that transforms a geometry in place. */
    public org.locationtech.jts.geom.CoordinateSequenceFilter asJtsFilter() {
        return new org.locationtech.jts.geom.CoordinateSequenceFilter() {
            @Override
            public void filter(org.locationtech.jts.geom.CoordinateSequence seq, int i) {
                in.x = seq.getX(i);
                in.y = seq.getY(i);
                transform.transform(in, out);
                seq.setOrdinate(i, 0, out.x);
                seq.setOrdinate(i, 1, out.y);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        };
    }

    /** Transforms a copy of a JTS geometry. */
    public org.locationtech.jts.geom.Geometry apply(org.locationtech.jts.geom.Geometry g) {
        org.locationtech.jts.geom.Geometry copy = g.copy();
        if (!identity) {
            copy.apply(asJtsFilter());
            copy.geometryChanged();
        }
        return copy;
    }
}
