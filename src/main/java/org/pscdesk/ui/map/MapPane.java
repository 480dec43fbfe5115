package org.pscdesk.ui.map;

import java.util.Map;

import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;

import com.gluonhq.maps.MapLayer;
import com.gluonhq.maps.MapView;

import org.pscdesk.ui.fx.Theme;

/**
 * The Gluon {@link MapView} of one workspace with its {@link FeatureOverlay}. The view is placed
 * {@link #EDGE} pixels larger on every side and clipped: Gluon's BaseMap drops tiles whose edge falls in
 * its last 10 pixels, which otherwise leaves blank strips at the right and bottom (deps doc 2.10).
 * The first layout fits the view to the workspace's extent.
 */
public final class MapPane extends Pane {

    /** Overhang on every side that hides Gluon's edge bug. */
    public static final double EDGE = 16;
    /** Free space kept around the study area when fitting, in pixels. */
    private static final double FIT_MARGIN = 28;
    private static final double MIN_ZOOM = 2;
    private static final double MAX_ZOOM = 19;
    /** Scroll distance JavaFX reports for one mouse-wheel notch. */
    private static final double WHEEL_NOTCH = 40;

    private final MapView mapView = new MapView();
    /** During a pan or zoom gesture: one picture of tiles and layers, moved instead of both (see movePicture). */
    private final javafx.scene.image.ImageView picture = new javafx.scene.image.ImageView();
    private javafx.scene.image.WritableImage pictureImage;
    private boolean pictureShown;
    /** A fresh gesture picture after a pan of a third of the view… */
    private static final double REFRESH_SHARE = 3;
    /** …or a zoom by this factor (bench/frames.sh: fewer refreshes, fewer slow frames; more, fresher edges). */
    private static final double REFRESH_ZOOM = 1.4;
    private double pictureK = 1;
    private double pictureTx;
    private double pictureTy;
    private final java.util.List<MapLayer> extras = new java.util.ArrayList<>();
    private final FeatureOverlay overlay;
    private final MapData data;
    private final ObjectProperty<Point2D> cursor = new SimpleObjectProperty<>(this, "cursor");
    private final LongProperty viewChanges = new SimpleLongProperty(this, "viewChanges");
    private Insets fitInsets = new Insets(FIT_MARGIN);
    /** Until the user pans or zooms, the view follows size changes by fitting again. */
    private boolean userMoved;
    private double fittedWidth;
    private double fittedHeight;

    private SurfaceImage surface;

    public MapPane(MapData data, Map<String, LayerStyle> styles, Theme theme) {
        this(data, styles, theme, FeatureOverlay.LABEL_SIZE);
    }

    /** @param labelSize size of area names in pixels (larger on the projector) */
    public MapPane(MapData data, Map<String, LayerStyle> styles, Theme theme, double labelSize) {
        this.data = data;
        this.overlay = new FeatureOverlay(data, styles, theme, labelSize);
        setId("map");
        setMinSize(0, 0);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        mapView.addLayer(overlay);
        mapView.setManaged(false);
        getChildren().add(mapView);
        picture.setManaged(false);
        picture.setVisible(false);
        picture.setMouseTransparent(true);
        getChildren().add(picture);
        overlay.setMotionHandler(new FeatureOverlay.MotionHandler() {
            @Override
            public void moved(double k, double tx, double ty) {
                movePicture(k, tx, ty);
            }

            @Override
            public void settled() {
                endPicture();
            }
        });
        overlay.setOnPaint(() -> viewChanges.set(viewChanges.get() + 1));
        // Gluon zooms a tenth of a level per wheel notch; half a level feels like a map.
        mapView.addEventFilter(ScrollEvent.SCROLL, e -> {
            e.consume();
            double steps = Math.max(-1, Math.min(1, e.getDeltaY() / WHEEL_NOTCH * 0.5));
            double target = zoom() + steps;
            if (steps != 0 && target >= MIN_ZOOM && target <= MAX_ZOOM) {
                zoomAround(steps, e.getX(), e.getY());
            }
        });
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            userMoved = true;
            overlay.setDeferRepaints(true);
        });
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> cursor.set(lonLatAt(e.getX(), e.getY())));
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            overlay.setDeferRepaints(true); // still dragging, even after a pause that let the map settle
            cursor.set(lonLatAt(e.getX(), e.getY()));
        });
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> cursor.set(null));
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (w <= 0 || h <= 0) {
            return;
        }
        mapView.resizeRelocate(-EDGE, -EDGE, w + 2 * EDGE, h + 2 * EDGE);
        if (!userMoved && (w != fittedWidth || h != fittedHeight)) {
            fitToView();
        }
    }

    /** Centres and zooms the map on the workspace (its study area when it has one). */
    public void fit() {
        userMoved = false;
        fitToView();
    }

    private void fitToView() {
        double w = getWidth();
        double h = getHeight();
        fittedWidth = w;
        fittedHeight = h;
        double[] e = data.extent();
        if (e == null || w <= 0 || h <= 0) {
            zoomTo(MIN_ZOOM, 20, 0);
            return;
        }
        double dx = Math.max(e[2] - e[0], 1e-9);
        double dy = Math.max(e[3] - e[1], 1e-9);
        Insets in = fitInsets;
        double freeW = Math.max(40, w - in.getLeft() - in.getRight());
        double freeH = Math.max(40, h - in.getTop() - in.getBottom());
        double zoom = Math.log(Math.min(freeW / (dx * 256), freeH / (dy * 256))) / Math.log(2);
        zoom = Math.max(MIN_ZOOM, Math.min(15, zoom));
        // Centre the extent in the free part of the view, not under the legend.
        double scale = 256 * Math.pow(2, zoom);
        double shiftX = (in.getRight() - in.getLeft()) / 2 / scale;
        double shiftY = (in.getBottom() - in.getTop()) / 2 / scale;
        zoomTo(zoom, WebMercator.lat((e[1] + e[3]) / 2 + shiftY), WebMercator.lon((e[0] + e[2]) / 2 + shiftX));
    }

    public Insets getFitInsets() {
        return fitInsets;
    }

    /** Space to keep free around the workspace when fitting (e.g. room for a legend on the right). */
    public void setFitInsets(Insets insets) {
        this.fitInsets = insets;
    }

    /** Zooms by {@code steps} levels around the centre of the view. */
    public void zoomBy(double steps) {
        userMoved = true;
        Point2D centre = lonLatAt(getWidth() / 2, getHeight() / 2);
        if (centre == null) {
            return;
        }
        double zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom() + steps));
        zoomTo(zoom, centre.getY(), centre.getX());
    }

    private void zoomTo(double zoom, double lat, double lon) {
        zoomTo(zoom, lat, lon, false);
    }

    private void zoomTo(double zoom, double lat, double lon, boolean interactive) {
        overlay.setDeferRepaints(interactive);
        // Gluon applies zoom and centre from property listeners, which ignore an unchanged value; stepping
        // through a nearby value makes a repeated "fit" work after the user has panned.
        mapView.setZoom(zoom + 1e-7);
        mapView.setZoom(zoom);
        mapView.setCenter(lat + 1e-7, lon);
        mapView.setCenter(lat, lon);
    }

    /** The current zoom level (fractional), from the drawn overlay; 0 before the first paint. */
    public double zoom() {
        double s = overlay.scale();
        return s <= 0 ? 0 : Math.log(s / 256) / Math.log(2);
    }

    /** Ground metres per screen pixel at the centre of the view, or NaN before the first paint. */
    public double metresPerPixel() {
        Point2D centre = lonLatAt(getWidth() / 2, getHeight() / 2);
        if (centre == null) {
            return Double.NaN;
        }
        return WebMercator.metresPerUnit(centre.getY()) / overlay.scale();
    }

    /** Longitude (x) and latitude (y) under a point of this pane, or null before the first paint. */
    public Point2D lonLatAt(double x, double y) {
        if (overlay.scale() <= 0) {
            return null;
        }
        double mx = overlay.mercatorX(x + EDGE);
        double my = overlay.mercatorY(y + EDGE);
        if (my < 0 || my > 1) {
            return null;
        }
        return new Point2D(WebMercator.lon(mx), WebMercator.lat(my));
    }

    /** Lon/lat under the mouse, or null when the mouse is outside the map. */
    public ReadOnlyObjectProperty<Point2D> pointerLonLatProperty() {
        return cursor;
    }

    /** Increments after every repaint (pan, zoom, resize, layer toggled). */
    public ReadOnlyLongProperty viewChangesProperty() {
        return viewChanges;
    }

    /**
     * Shows coloured cells (a risk surface, hot spots, quadrants) under the vector layers, replacing the
     * previous ones; null removes them.
     */
    public void setSurface(CellSurface cells, double opacity) {
        surface = cells == null ? null : new SurfaceImage(cells);
        if (surface != null) {
            surface.setSurfaceOpacity(opacity);
        }
        overlay.setSurface(surface);
    }

    /** The cell surface shown, if any. */
    public java.util.Optional<SurfaceImage> surface() {
        return java.util.Optional.ofNullable(surface);
    }

    /** Adds a layer above everything (place markers, the pointer). */
    public void addTopLayer(MapLayer layer) {
        extras.add(layer);
        mapView.addLayer(layer);
    }

    public void removeTopLayer(MapLayer layer) {
        extras.remove(layer);
        mapView.removeLayer(layer);
    }

    /** Centres the map on a lon/lat at a zoom level. */
    public void centreOn(double lat, double lon, double zoom) {
        userMoved = true;
        zoomTo(Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom)), lat, lon);
    }

    /**
     * One step of a gesture. On the software renderer each full-window layer costs several milliseconds a
     * frame, and Gluon's tiles plus our canvas are two; so while the map moves, one snapshot of both is moved
     * and scaled instead, and both are shown again when it stops. After a move of a quarter of the view (or a
     * zoom by a quarter) a fresh picture is taken, so a long drag shows the map it reaches.
     */
    private void movePicture(double k, double tx, double ty) {
        double w = getWidth();
        double h = getHeight();
        if (w <= 0 || h <= 0) {
            return;
        }
        // the move since the picture was taken: p → K·p + T
        double kk = k / pictureK;
        double ttx = tx - kk * pictureTx;
        double tty = ty - kk * pictureTy;
        if (!pictureShown || Math.abs(ttx) > w / REFRESH_SHARE || Math.abs(tty) > h / REFRESH_SHARE
                || kk < 1 / REFRESH_ZOOM || kk > REFRESH_ZOOM) {
            // a fresh picture of the tiles and of the (moved) canvas, as they are now
            mapView.setOpacity(1);
            picture.setVisible(false);
            int iw = (int) Math.ceil(w);
            int ih = (int) Math.ceil(h);
            if (pictureImage == null || pictureImage.getWidth() != iw || pictureImage.getHeight() != ih) {
                pictureImage = new javafx.scene.image.WritableImage(iw, ih);
            }
            javafx.scene.SnapshotParameters params = new javafx.scene.SnapshotParameters();
            params.setViewport(new javafx.geometry.Rectangle2D(EDGE, EDGE, iw, ih));
            mapView.snapshot(params, pictureImage);
            picture.setImage(pictureImage);
            picture.getTransforms().clear();
            picture.relocate(0, 0);
            picture.setVisible(true);
            // opacity 0, not invisible: the map view must keep receiving the drag and the wheel; Prism skips
            // drawing a fully transparent node
            mapView.setOpacity(0);
            pictureShown = true;
            pictureK = k;
            pictureTx = tx;
            pictureTy = ty;
            return;
        }
        // picture pixel q is map-view pixel q + EDGE, shown at K·(q + EDGE) + T − EDGE in this pane
        picture.getTransforms().setAll(new javafx.scene.transform.Affine(kk, 0, kk * EDGE + ttx - EDGE, 0, kk,
                kk * EDGE + tty - EDGE));
    }

    /** True while a gesture picture stands in for the map (for tests). */
    public boolean isShowingGesturePicture() {
        return pictureShown;
    }

    private void endPicture() {
        if (pictureShown) {
            pictureShown = false;
            mapView.setOpacity(1);
            picture.setVisible(false);
        }
    }

    /** Zooms by {@code steps} levels keeping the point (x, y) of the map view in place, as the mouse wheel does. */
    public void zoomAround(double steps, double x, double y) {
        userMoved = true;
        overlay.setDeferRepaints(true);
        overlay.zoomAround(steps, x, y);
    }

    /** Moves the view by a number of pixels (for the frame-time benchmark and keyboard panning). */
    public void panBy(double dx, double dy) {
        Point2D centre = lonLatAt(getWidth() / 2 + dx, getHeight() / 2 + dy);
        if (centre != null) {
            userMoved = true;
            zoomTo(zoom(), centre.getY(), centre.getX(), true);
        }
    }

    public FeatureOverlay overlay() {
        return overlay;
    }

    public MapData data() {
        return data;
    }

    /** True once the layers have been drawn at least once. */
    public boolean isDrawn() {
        return overlay.paintCount() > 0;
    }
}
