package org.pscdesk.ui.meeting;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.shape.Polygon;

import com.gluonhq.maps.MapLayer;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.pscdesk.geo.CoordinateTransform;
import org.pscdesk.geo.Crs;

/**
 * The meeting's places on the console map: each drawn place's outline with its rank and name, so the room
 * sees what it has prioritized so far. Places typed without a shape are not drawn.
 */
final class MeetingPlacesLayer extends MapLayer {

    /** One place to draw: its rank, its name, its outline in the working CRS. */
    record Shape(int rank, String label, Geometry outline) {
    }

    private record Drawn(double[][] rings, Polygon[] outlines, double[] labelAt, Label tag) {
    }

    private final List<Drawn> drawn = new ArrayList<>();

    MeetingPlacesLayer(List<Shape> places, Crs crs) {
        setMouseTransparent(true);
        CoordinateTransform toWgs = new CoordinateTransform(crs, Crs.WGS84);
        for (Shape p : places) {
            if (p.outline() == null || p.outline().isEmpty()) {
                continue;
            }
            List<double[]> rings = new ArrayList<>();
            for (int g = 0; g < p.outline().getNumGeometries(); g++) {
                Geometry part = p.outline().getGeometryN(g);
                if (part instanceof org.locationtech.jts.geom.Polygon poly) {
                    rings.add(lonLat(poly.getExteriorRing().getCoordinates(), toWgs));
                }
            }
            Coordinate c = p.outline().getInteriorPoint().getCoordinate();
            double[] at = {c.x, c.y};
            toWgs.apply(at);
            Label tag = new Label(p.rank() + ". " + p.label());
            tag.getStyleClass().add("meeting-place-tag");
            Polygon[] outlines = new Polygon[rings.size()];
            for (int i = 0; i < outlines.length; i++) {
                outlines[i] = new Polygon();
                outlines[i].getStyleClass().add("meeting-place-outline");
                getChildren().add(outlines[i]);
            }
            getChildren().add(tag);
            drawn.add(new Drawn(rings.toArray(new double[0][]), outlines, at, tag));
        }
    }

    private static double[] lonLat(Coordinate[] ring, CoordinateTransform toWgs) {
        double[] xy = new double[ring.length * 2];
        for (int i = 0; i < ring.length; i++) {
            xy[2 * i] = ring[i].x;
            xy[2 * i + 1] = ring[i].y;
        }
        toWgs.applyInterleaved(xy);
        return xy;
    }

    @Override
    protected void layoutChildren() {
        layoutLayer();
    }

    /** Moves the outlines and tags to the map's current view (the nodes are made once). */
    @Override
    protected void layoutLayer() {
        for (Drawn d : drawn) {
            for (int r = 0; r < d.rings().length; r++) {
                double[] ring = d.rings()[r];
                double[] screen = new double[ring.length];
                for (int i = 0; i < ring.length; i += 2) {
                    Point2D p = getMapPoint(ring[i + 1], ring[i]);
                    if (p == null) {
                        return;
                    }
                    screen[i] = p.getX();
                    screen[i + 1] = p.getY();
                }
                java.util.List<Double> points = new ArrayList<>(screen.length);
                for (double v : screen) {
                    points.add(v);
                }
                if (!d.outlines()[r].getPoints().equals(points)) {
                    d.outlines()[r].getPoints().setAll(points);
                }
            }
            Point2D at = getMapPoint(d.labelAt()[1], d.labelAt()[0]);
            if (at != null) {
                d.tag().autosize();
                d.tag().relocate(at.getX() - d.tag().getWidth() / 2, at.getY() - d.tag().getHeight() / 2);
            }
        }
    }
}
