package org.pscdesk.ui.analysis;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Point2D;
import javafx.scene.control.Label;

import com.gluonhq.maps.MapLayer;

import org.pscdesk.geo.CoordinateTransform;
import org.pscdesk.geo.Crs;
import org.pscdesk.report.PublicRun;

/** Numbered markers just above the centres of a run's priority places (at most ten nodes, never one per cell). */
public final class PlaceMarkers extends MapLayer {

    private final List<Label> labels = new ArrayList<>();
    private final List<double[]> lonLat = new ArrayList<>();

    public PlaceMarkers(PublicRun run, Crs crs) {
        setMouseTransparent(true);
        CoordinateTransform toWgs = new CoordinateTransform(crs, Crs.WGS84);
        for (PublicRun.Place p : run.places()) {
            double[] xy = {p.centreX(), p.centreY()};
            toWgs.apply(xy);
            Label l = new Label(String.valueOf(p.rank()));
            l.getStyleClass().add("place-marker");
            l.setAccessibleText("Place " + p.rank() + ": " + p.label());
            labels.add(l);
            lonLat.add(xy);
            getChildren().add(l);
        }
    }

    @Override
    protected void layoutChildren() {
        layoutLayer();
    }

    @Override
    protected void layoutLayer() {
        for (int i = 0; i < labels.size(); i++) {
            Point2D p = getMapPoint(lonLat.get(i)[1], lonLat.get(i)[0]);
            if (p == null) {
                continue;
            }
            Label l = labels.get(i);
            l.autosize();
            // above the place, like a pin, so a small place's cells stay visible under its number
            l.relocate(p.getX() - l.getWidth() / 2, p.getY() - l.getHeight() - 6);
        }
    }
}
