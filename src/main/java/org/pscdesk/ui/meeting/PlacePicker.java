package org.pscdesk.ui.meeting;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;

import javafx.event.EventHandler;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.shape.Polygon;

import com.gluonhq.maps.MapLayer;

import org.pscdesk.geo.CoordinateTransform;
import org.pscdesk.geo.Crs;
import org.pscdesk.geo.Grid;
import org.pscdesk.report.AreaNames;
import org.pscdesk.report.PlaceDrafts;
import org.pscdesk.ui.map.MapPane;

/**
 * Picking a place on the console map: each click on a cell of the run adds it (a second click takes it off),
 * outlined on the map; the last click also names the neighbourhood under it, which can be taken whole. Clicks
 * are caught before the map's other handlers while picking, so the risk panel does not describe the cell too.
 */
final class PlacePicker {

    private final MapPane map;
    private final PlaceDrafts drafts;
    private final Crs crs;
    private final CoordinateTransform toWorking;
    private final CoordinateTransform toWgs;
    private final Set<Integer> picked = new LinkedHashSet<>();
    private final Outline outline = new Outline();
    private final IntConsumer changed;
    private final EventHandler<MouseEvent> click = this::clicked;
    private final EventHandler<MouseEvent> box = this::boxed;
    private final javafx.scene.shape.Rectangle band = new javafx.scene.shape.Rectangle();
    private double[] lastClick;
    private double[] bandFrom;

    /**
     * @param changed told the number of picked cells after every click, −1 after a click outside the run
     */
    PlacePicker(MapPane map, PlaceDrafts drafts, Crs crs, IntConsumer changed) {
        this.map = map;
        this.drafts = drafts;
        this.crs = crs;
        this.changed = changed;
        toWorking = new CoordinateTransform(Crs.WGS84, crs);
        toWgs = new CoordinateTransform(crs, Crs.WGS84);
        map.addEventFilter(MouseEvent.MOUSE_CLICKED, click);
        map.addEventFilter(MouseEvent.ANY, box);
        map.addTopLayer(outline);
        band.getStyleClass().add("picked-band");
        band.setMouseTransparent(true);
        band.setManaged(false);
    }

    /** Stops picking: the outline leaves the map, clicks go back to the map. */
    void stop() {
        map.removeEventFilter(MouseEvent.MOUSE_CLICKED, click);
        map.removeEventFilter(MouseEvent.ANY, box);
        map.getChildren().remove(band);
        map.removeTopLayer(outline);
    }

    /**
     * Shift + drag picks every cell in a box (a large place in one gesture); the map does not pan meanwhile,
     * since the events stop here.
     */
    private void boxed(MouseEvent e) {
        if (e.getEventType() == MouseEvent.MOUSE_PRESSED && e.isShiftDown() && e.getButton() == MouseButton.PRIMARY) {
            bandFrom = new double[] {e.getX(), e.getY()};
            band.setX(e.getX());
            band.setY(e.getY());
            band.setWidth(0);
            band.setHeight(0);
            if (!map.getChildren().contains(band)) {
                map.getChildren().add(band);
            }
            e.consume();
        } else if (e.getEventType() == MouseEvent.MOUSE_DRAGGED && bandFrom != null) {
            band.setX(Math.min(bandFrom[0], e.getX()));
            band.setY(Math.min(bandFrom[1], e.getY()));
            band.setWidth(Math.abs(e.getX() - bandFrom[0]));
            band.setHeight(Math.abs(e.getY() - bandFrom[1]));
            e.consume();
        } else if (e.getEventType() == MouseEvent.MOUSE_RELEASED && bandFrom != null) {
            pickBox(bandFrom[0], bandFrom[1], e.getX(), e.getY());
            bandFrom = null;
            map.getChildren().remove(band);
            e.consume();
        }
    }

    /** Adds the cells whose centres lie in a box of the map pane (pane coordinates). */
    void pickBox(double x0, double y0, double x1, double y1) {
        double[] corners = {Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.min(y0, y1),
            Math.max(x0, x1), Math.max(y0, y1), Math.min(x0, x1), Math.max(y0, y1)};
        org.locationtech.jts.geom.Coordinate[] ring = new org.locationtech.jts.geom.Coordinate[5];
        for (int i = 0; i < 4; i++) {
            Point2D lonLat = map.lonLatAt(corners[2 * i], corners[2 * i + 1]);
            if (lonLat == null) {
                return;
            }
            double[] xy = {lonLat.getX(), lonLat.getY()};
            toWorking.apply(xy);
            ring[i] = new org.locationtech.jts.geom.Coordinate(xy[0], xy[1]);
        }
        ring[4] = ring[0];
        org.locationtech.jts.geom.Polygon area = new org.locationtech.jts.geom.GeometryFactory().createPolygon(ring);
        PlaceDrafts.Draft inside = drafts.ofArea(area, null).orElse(null);
        if (inside != null && area.getArea() > 0) {
            for (int k : inside.tableIndices()) {
                picked.add(k);
            }
        }
        outline.sync();
        changed.accept(picked.size());
    }

    private void clicked(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) {
            return; // a drag pans the map as usual
        }
        Point2D lonLat = map.lonLatAt(e.getX(), e.getY());
        if (lonLat != null) {
            double[] xy = {lonLat.getX(), lonLat.getY()};
            toWorking.apply(xy);
            toggleAt(xy[0], xy[1]);
        }
        e.consume();
    }

    /** Adds or takes off the cell under a point of the working CRS; returns whether a cell was there. */
    boolean toggleAt(double x, double y) {
        lastClick = new double[] {x, y};
        int k = drafts.cellAt(x, y);
        if (k < 0) {
            changed.accept(-1);
            return false;
        }
        if (!picked.remove(k)) {
            picked.add(k);
        }
        outline.sync();
        changed.accept(picked.size());
        return true;
    }

    /** Outlines a place chosen another way (a suggested place, a neighbourhood) instead of the clicked cells. */
    void outline(int[] tableIndices) {
        picked.clear();
        for (int k : tableIndices) {
            picked.add(k);
        }
        outline.sync();
    }

    int size() {
        return picked.size();
    }

    /** The place of the picked cells. */
    Optional<PlaceDrafts.Draft> draftOfCells() {
        return drafts.ofCells(picked.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The neighbourhood under the last click, if any. */
    Optional<AreaNames.Area> areaOfLastClick() {
        return lastClick == null ? Optional.empty() : drafts.areas().areaAt(lastClick[0], lastClick[1]);
    }

    /** The place of the whole neighbourhood under the last click. */
    Optional<PlaceDrafts.Draft> draftOfArea() {
        return areaOfLastClick().flatMap(a -> drafts.ofArea(a.outline(), a.name()));
    }

    /**
     * Outlines of the picked cells, above the risk colours: a node per picked cell, made when it is picked; a
     * pan or zoom only moves the corners.
     */
    private final class Outline extends MapLayer {
        private final java.util.Map<Integer, double[]> corners = new java.util.HashMap<>();
        private final java.util.Map<Integer, Polygon> squares = new java.util.HashMap<>();

        Outline() {
            setMouseTransparent(true);
        }

        /** Nodes for the cells picked now; the others go. */
        void sync() {
            squares.keySet().retainAll(picked);
            corners.keySet().retainAll(picked);
            Grid grid = drafts.run().grid();
            for (int k : picked) {
                if (!squares.containsKey(k)) {
                    int cell = drafts.run().cells()[k];
                    double x0 = grid.edgeX(grid.col(cell));
                    double y0 = grid.edgeY(grid.row(cell));
                    double size = grid.cellSize();
                    double[] lonLat = {x0, y0, x0 + size, y0, x0 + size, y0 + size, x0, y0 + size};
                    toWgs.applyInterleaved(lonLat);
                    corners.put(k, lonLat);
                    Polygon square = new Polygon();
                    square.getStyleClass().add("picked-cell"); // outline colour from the theme
                    squares.put(k, square);
                }
            }
            getChildren().setAll(squares.values());
            layoutLayer();
        }

        @Override
        protected void layoutLayer() {
            for (java.util.Map.Entry<Integer, Polygon> e : squares.entrySet()) {
                double[] lonLat = corners.get(e.getKey());
                Double[] points = new Double[lonLat.length];
                for (int i = 0; i < lonLat.length; i += 2) {
                    Point2D p = getMapPoint(lonLat[i + 1], lonLat[i]);
                    if (p == null) {
                        return;
                    }
                    points[i] = p.getX();
                    points[i + 1] = p.getY();
                }
                e.getValue().getPoints().setAll(points);
            }
        }
    }
}
