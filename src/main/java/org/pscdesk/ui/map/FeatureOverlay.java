package org.pscdesk.ui.map;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.Parent;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.scene.transform.Affine;

import com.gluonhq.maps.MapLayer;

import org.pscdesk.store.LayerRole;
import org.pscdesk.ui.fx.Theme;

/**
 * Draws every layer of the workspace on one {@link Canvas} above the basemap, never a node per feature.
 * Coordinates were projected to Web Mercator once ({@link MapDataLoader}); each repaint only finds the
 * affine mercator-to-pixel mapping from two {@code getMapPoint} calls and multiplies.
 *
 * <p>Paint order, bottom to top: park fills, reference lines, incident count squares, reference outlines,
 * study area, factor polygons, factor lines, points, names.
 */
public final class FeatureOverlay extends MapLayer {

    /** Latitude whose Mercator y is 0.25: with (0°, 0°) at 0.5 it gives a well-conditioned pair of points. */
    private static final double LAT_AT_QUARTER = WebMercator.lat(0.25);
    /** Vertices closer than this (pixels) to the previous one are skipped: invisible, and cheaper to draw. */
    private static final double MIN_STEP_PX = 0.6;
    /** Main roads are drawn this much wider than other lines of their layer. */
    private static final double MAJOR_WIDTH = 1.8;
    /**
     * Pixels drawn beyond each edge of the view, shown when the picture is moved before a repaint. Larger
     * margins cost frame time on the software renderer (bench/frames.sh: 0 → 20 ms, 256 → 22 ms median).
     */
    static final double MARGIN = 128;
    /** Quiet time after the last pan or zoom step before the layers are redrawn. */
    static final double SETTLE_MS = 120;
    /** Label size on the broker's screen; the projector asks for larger ones. */
    public static final double LABEL_SIZE = 11.5;

    private final Canvas canvas = new Canvas();
    private final MapData data;
    private final Map<String, LayerStyle> styles;
    private final Set<String> hidden = new HashSet<>();
    private final Map<String, Integer> drawn = new HashMap<>();
    private final Map<String, Double> labelWidths = new HashMap<>();
    private final Color labelColor;
    private final Color haloColor;
    private final Font labelFont;

    private double scale;
    private double offsetX;
    private double offsetY;
    private double paintedScale;
    private double paintedOffsetX;
    private double paintedOffsetY;
    private boolean deferRepaints;
    private SurfaceImage surface;
    private MotionHandler motion;
    private final javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(
            javafx.util.Duration.millis(SETTLE_MS));
    private long paints;
    private boolean repaintRequested;
    private Runnable onPaint = () -> { };

    public FeatureOverlay(MapData data, Map<String, LayerStyle> styles, Theme theme) {
        this(data, styles, theme, LABEL_SIZE);
    }

    /** @param labelSize size of area names in pixels (the projector uses at least 28 at 1080p) */
    public FeatureOverlay(MapData data, Map<String, LayerStyle> styles, Theme theme, double labelSize) {
        this.data = data;
        this.labelFont = Font.font("System", FontWeight.SEMI_BOLD, labelSize);
        this.styles = Map.copyOf(styles);
        this.labelColor = theme.color("-psc-map-label");
        this.haloColor = theme.color("-psc-map-halo");
        canvas.setMouseTransparent(true);
        settle.setOnFinished(e -> {
            // the gesture is over: later layout passes repaint at once until the next drag or scroll
            deferRepaints = false;
            if (motion != null) {
                motion.settled();
            }
            // repaint now rather than on a later layout pass, which a still map may never get
            repaintRequested = true;
            layoutLayer();
            if (repaintRequested) {
                requestRepaint(); // not laid out yet (no parent or map): the next pass paints
            }
        });
        setMouseTransparent(true);
        getChildren().add(canvas);
        Text measure = new Text();
        measure.setFont(labelFont);
        for (LayerShapes layer : data.layers()) {
            for (LayerShapes.Label label : layer.labels()) {
                measure.setText(label.text());
                labelWidths.put(label.text(), measure.getLayoutBounds().getWidth());
            }
        }
        parentProperty().addListener((o, was, now) -> {
            if (now instanceof Region region) {
                region.widthProperty().addListener(x -> requestRepaint());
                region.heightProperty().addListener(x -> requestRepaint());
            }
        });
    }

    /** Draws a cell surface under the vector layers (null removes it); redrawn in the next pulse. */
    void setSurface(SurfaceImage surface) {
        if (this.surface != null) {
            this.surface.setOnChange(() -> { });
        }
        this.surface = surface;
        if (surface != null) {
            surface.setOnChange(this::requestRepaint);
        }
        requestRepaint();
    }

    /** Shows or hides a layer; the map is redrawn in the next pulse. */
    public void setLayerVisible(String layer, boolean visible) {
        boolean changed = visible ? hidden.remove(layer) : hidden.add(layer);
        if (changed) {
            requestRepaint();
        }
    }

    public boolean isLayerVisible(String layer) {
        return !hidden.contains(layer);
    }

    /** Features (or count squares) of a layer drawn in the last repaint; 0 when hidden or out of view. */
    public int drawnCount(String layer) {
        return drawn.getOrDefault(layer, 0);
    }

    /** How many times the canvas was painted. */
    public long paintCount() {
        return paints;
    }

    /** Pixels per unit of normalised Web Mercator (256 · 2^zoom); 0 before the first paint. */
    public double scale() {
        return scale;
    }

    /** Pixel position (in map view coordinates) of mercator x. */
    public double pixelX(double mercatorX) {
        return offsetX + mercatorX * scale;
    }

    public double pixelY(double mercatorY) {
        return offsetY + mercatorY * scale;
    }

    public double mercatorX(double pixelX) {
        return (pixelX - offsetX) / scale;
    }

    public double mercatorY(double pixelY) {
        return (pixelY - offsetY) / scale;
    }

    /** Called after every repaint (the view moved or a layer was toggled). */
    public void setOnPaint(Runnable onPaint) {
        this.onPaint = onPaint == null ? () -> { } : onPaint;
    }

    /** The canvas, for tests that inspect what was drawn. */
    public Canvas canvas() {
        return canvas;
    }

    /** Zooms the map by {@code delta} levels keeping the point (x, y) of the map view in place. */
    void zoomAround(double delta, double x, double y) {
        if (baseMap != null) {
            baseMap.zoom(delta, x, y);
        }
    }

    void requestRepaint() {
        repaintRequested = true;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        // MapLayer's own dirty flag is never cleared; this one is.
        if (repaintRequested) {
            layoutLayer();
        }
    }

    @Override
    protected void layoutLayer() {
        boolean forced = repaintRequested;
        repaintRequested = false;
        Parent parent = getParent();
        if (!(parent instanceof Region region) || baseMap == null) {
            repaintRequested = forced; // not placed yet: keep the request for the next pass
            return;
        }
        Point2D a = getMapPoint(0, 0);
        Point2D b = getMapPoint(LAT_AT_QUARTER, 90);
        if (a == null || b == null) {
            repaintRequested = forced;
            return;
        }
        double newScale = (b.getX() - a.getX()) / 0.25;
        double newOffsetX = a.getX() - 0.5 * newScale;
        double newOffsetY = a.getY() - 0.5 * newScale;
        double w = Math.ceil(region.getWidth());
        double h = Math.ceil(region.getHeight());
        if (deferRepaints && !forced && paints > 0 && canvas.getWidth() == w + 2 * MARGIN && canvas.getHeight() == h + 2 * MARGIN
                && newScale / paintedScale < maxRatio() && paintedScale / newScale < maxRatio()) {
            // While the user drags or scrolls, move and scale the last picture (one transform, no redraw) and
            // redraw once the map stands still: a full repaint of every layer each pulse is what made panning
            // slow on the software renderer.
            scale = newScale;
            offsetX = newOffsetX;
            offsetY = newOffsetY;
            double k = newScale / paintedScale;
            double tx = newOffsetX - paintedOffsetX * k;
            double ty = newOffsetY - paintedOffsetY * k;
            if (k == 1 && Math.abs(tx) < 0.01 && Math.abs(ty) < 0.01 && settle.getStatus() != javafx.animation.Animation.Status.RUNNING) {
                return; // a layout pass without a move: the picture on screen is right
            }
            moveCanvas(k, tx, ty);
            if (motion != null) {
                motion.moved(k, tx, ty);
            }
            settle.playFromStart();
            onPaint.run();
            return;
        }
        settle.stop();
        if (motion != null) {
            motion.settled(); // a full repaint ends any gesture picture: it would be stale
        }
        scale = newScale;
        offsetX = newOffsetX;
        offsetY = newOffsetY;
        if (canvas.getWidth() != w + 2 * MARGIN || canvas.getHeight() != h + 2 * MARGIN) {
            canvas.setWidth(w + 2 * MARGIN);
            canvas.setHeight(h + 2 * MARGIN);
        }
        canvas.getTransforms().clear();
        canvas.setLayoutX(-MARGIN);
        canvas.setLayoutY(-MARGIN);
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.save();
        gc.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        gc.translate(MARGIN, MARGIN);
        paint(w, h);
        gc.restore();
        paintedScale = scale;
        paintedOffsetX = offsetX;
        paintedOffsetY = offsetY;
        paints++;
        onPaint.run();
    }

    /**
     * While true, pans and zooms move the last picture and the layers are redrawn {@link #SETTLE_MS} after the
     * map stops (the map sets it while the user drags or scrolls); programmatic moves repaint at once.
     */
    void setDeferRepaints(boolean defer) {
        this.deferRepaints = defer;
    }

    /** Told about each step of a gesture, to move one composed picture instead of the canvas (MapPane). */
    interface MotionHandler {
        /** The view moved by {@code p → k·p + (tx, ty)} (map-view pixels) since the last repaint. */
        void moved(double k, double tx, double ty);

        /** The gesture ended; the layers are repainted right after. */
        void settled();
    }

    void setMotionHandler(MotionHandler handler) {
        this.motion = handler;
    }

    /**
     * How far a gesture may zoom before the layers are redrawn mid-gesture: twice when the canvas itself is
     * shown scaled, further when the map shows a gesture picture (a redraw costs a frame of 50–100 ms).
     */
    private double maxRatio() {
        return motion == null ? 2 : 16;
    }

    /** Moves and scales the last picture: {@code p → k·p + (tx, ty)} in map-view pixels. */
    private void moveCanvas(double k, double tx, double ty) {
        canvas.getTransforms().setAll(new Affine(k, 0, tx + MARGIN * (1 - k), 0, k, ty + MARGIN * (1 - k)));
    }

    /** True when the picture on screen was drawn for the current view (no deferred repaint pending). */
    public boolean isSettled() {
        return settle.getStatus() != javafx.animation.Animation.Status.RUNNING;
    }

    private void paint(double w, double h) {
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.setGlobalAlpha(1);
        drawn.clear();
        if (scale <= 0 || w <= 0 || h <= 0) {
            return;
        }
        gc.setLineCap(StrokeLineCap.ROUND);
        gc.setLineJoin(StrokeLineJoin.ROUND);
        gc.setFillRule(FillRule.EVEN_ODD);
        // the margin around the view is drawn too, so a short pan shows drawn map before the repaint
        double pad = (12 + MARGIN) / scale;
        View v = new View(mercatorX(0) - pad, mercatorY(0) - pad, mercatorX(w) + pad, mercatorY(h) + pad);

        for (LayerShapes l : shown(LayerRole.REFERENCE)) {
            LayerStyle s = styles.get(l.name());
            if (s.fill() != null && s.fillOpacity() > 0) {
                fill(gc, l, l.rings(), s.fill(), s.fillOpacity(), v);
            }
        }
        // the cells over park fills, under streets, outlines, factors and names
        if (surface != null) {
            double[] box = surface.box();
            gc.setImageSmoothing(false); // crisp cell edges when zoomed in
            gc.setGlobalAlpha(surface.opacity());
            gc.drawImage(surface.image(), pixelX(box[0]), pixelY(box[1]), (box[2] - box[0]) * scale,
                    (box[3] - box[1]) * scale);
            gc.setGlobalAlpha(1);
            gc.setImageSmoothing(true);
        }
        for (LayerShapes l : shown(LayerRole.REFERENCE)) {
            stroke(gc, l, l.lines(), styles.get(l.name()), 1, false, v);
            stroke(gc, l, l.majorLines(), styles.get(l.name()), MAJOR_WIDTH, false, v);
        }
        for (LayerShapes l : shown(LayerRole.OUTCOME)) {
            if (l.grid() != null) {
                grid(gc, l, styles.get(l.name()), v);
            }
        }
        for (LayerShapes l : shown(LayerRole.REFERENCE)) {
            stroke(gc, l, l.rings(), styles.get(l.name()), 1, true, v);
        }
        for (LayerShapes l : shown(LayerRole.AREA)) {
            stroke(gc, l, l.rings(), styles.get(l.name()), 1, true, v);
            stroke(gc, l, l.lines(), styles.get(l.name()), 1, false, v);
        }
        for (LayerShapes l : shown(LayerRole.FACTOR)) {
            LayerStyle s = styles.get(l.name());
            fill(gc, l, l.rings(), s.fill(), s.fillOpacity(), v);
            stroke(gc, l, l.rings(), s, 1, true, v);
        }
        for (LayerShapes l : shown(LayerRole.FACTOR)) {
            stroke(gc, l, l.lines(), styles.get(l.name()), 1, false, v);
            stroke(gc, l, l.majorLines(), styles.get(l.name()), MAJOR_WIDTH, false, v);
        }
        double zoom = Math.log(scale / 256) / Math.log(2);
        for (LayerRole role : new LayerRole[] {LayerRole.REFERENCE, LayerRole.AREA, LayerRole.FACTOR}) {
            for (LayerShapes l : shown(role)) {
                points(gc, l, styles.get(l.name()), zoom, v);
            }
        }
        for (LayerShapes l : shown(LayerRole.REFERENCE)) {
            if (styles.get(l.name()).labels()) {
                labels(gc, l, v);
            }
        }
    }

    private List<LayerShapes> shown(LayerRole role) {
        return data.layers().stream().filter(l -> l.role() == role && !hidden.contains(l.name())).toList();
    }

    private record View(double minX, double minY, double maxX, double maxY) {
    }

    private void fill(GraphicsContext gc, LayerShapes l, Parts rings, Color color, double opacity, View v) {
        if (rings.isEmpty() || color == null || opacity <= 0) {
            return;
        }
        gc.beginPath();
        int n = path(gc, rings, v, true);
        gc.setGlobalAlpha(opacity);
        gc.setFill(color);
        gc.fill();
        gc.setGlobalAlpha(1);
        count(l, n);
    }

    private void stroke(GraphicsContext gc, LayerShapes l, Parts parts, LayerStyle s, double widthFactor, boolean closed,
                        View v) {
        if (parts.isEmpty() || s.stroke() == null || s.lineWidth() <= 0) {
            return;
        }
        gc.beginPath();
        int n = path(gc, parts, v, closed);
        gc.setStroke(s.stroke());
        gc.setLineWidth(s.lineWidth() * widthFactor);
        gc.stroke();
        count(l, n);
    }

    /** Adds the visible parts to the current path; returns how many were added. */
    private int path(GraphicsContext gc, Parts parts, View v, boolean closed) {
        int added = 0;
        for (int i = 0; i < parts.size(); i++) {
            if (!parts.intersects(i, v.minX, v.minY, v.maxX, v.maxY)) {
                continue;
            }
            int start = parts.start(i);
            int end = parts.end(i);
            double lastX = pixelX(parts.x(start));
            double lastY = pixelY(parts.y(start));
            gc.moveTo(lastX, lastY);
            for (int k = start + 1; k < end; k++) {
                double x = pixelX(parts.x(k));
                double y = pixelY(parts.y(k));
                if (k < end - 1 && Math.abs(x - lastX) < MIN_STEP_PX && Math.abs(y - lastY) < MIN_STEP_PX) {
                    continue;
                }
                gc.lineTo(x, y);
                lastX = x;
                lastY = y;
            }
            if (closed) {
                gc.closePath();
            }
            added++;
        }
        return added;
    }

    private void grid(GraphicsContext gc, LayerShapes l, LayerStyle s, View v) {
        CountGrid grid = l.grid();
        Parts squares = grid.squares();
        int n = 0;
        for (int cls = 0; cls < grid.classCount(); cls++) {
            gc.beginPath();
            for (int i = 0; i < squares.size(); i++) {
                if (grid.squareClass(i) != cls || !squares.intersects(i, v.minX, v.minY, v.maxX, v.maxY)) {
                    continue;
                }
                int start = squares.start(i);
                gc.moveTo(pixelX(squares.x(start)), pixelY(squares.y(start)));
                for (int k = start + 1; k < squares.end(i); k++) {
                    gc.lineTo(pixelX(squares.x(k)), pixelY(squares.y(k)));
                }
                gc.closePath();
                n++;
            }
            gc.setGlobalAlpha(s.fillOpacity());
            gc.setFill(s.ramp().get(grid.rampIndex(cls)));
            gc.fill();
            // A hairline between squares keeps them readable as squares, not blobs.
            if (CountGrid.CELL_METRES * scale / WebMercator.metresPerUnit(centreLat()) > 8) {
                gc.setGlobalAlpha(0.5);
                gc.setStroke(haloColor);
                gc.setLineWidth(0.6);
                gc.stroke();
            }
            gc.setGlobalAlpha(1);
        }
        count(l, n);
    }

    private double centreLat() {
        Parent parent = getParent();
        double h = parent instanceof Region r ? r.getHeight() : 0;
        return WebMercator.lat(mercatorY(h / 2));
    }

    private void points(GraphicsContext gc, LayerShapes l, LayerStyle s, double zoom, View v) {
        Parts pts = l.points();
        if (pts.isEmpty() || s.fill() == null) {
            return;
        }
        // Smaller symbols when the whole city is in view, so clusters stay readable; larger at street level.
        double r = s.pointRadius() * (zoom < 12 ? 0.7 : zoom < 13.5 ? 0.85 : zoom < 16 ? 1 : 1.3);
        gc.setFill(s.fill());
        gc.setStroke(s.pointOutline() == null ? s.fill() : s.pointOutline());
        gc.setLineWidth(0.9);
        int n = 0;
        for (int i = 0; i < pts.size(); i++) {
            if (!pts.intersects(i, v.minX, v.minY, v.maxX, v.maxY)) {
                continue;
            }
            int k = pts.start(i);
            double x = pixelX(pts.x(k));
            double y = pixelY(pts.y(k));
            gc.fillOval(x - r, y - r, 2 * r, 2 * r);
            gc.strokeOval(x - r, y - r, 2 * r, 2 * r);
            n++;
        }
        count(l, n);
    }

    private void labels(GraphicsContext gc, LayerShapes l, View v) {
        gc.setFont(labelFont);
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        gc.setLineWidth(Math.max(3, labelFont.getSize() / 4));
        gc.setStroke(haloColor);
        gc.setFill(labelColor);
        for (LayerShapes.Label label : l.labels()) {
            if (label.x() < v.minX || label.x() > v.maxX || label.y() < v.minY || label.y() > v.maxY) {
                continue;
            }
            double textWidth = labelWidths.getOrDefault(label.text(), 0.0);
            // Names appear once their area is wide enough on screen to hold them.
            if (label.width() * scale < textWidth + 12 || label.height() * scale < 22) {
                continue;
            }
            double x = pixelX(label.x());
            double y = pixelY(label.y());
            gc.strokeText(label.text(), x, y);
            gc.fillText(label.text(), x, y);
        }
    }

    private void count(LayerShapes l, int n) {
        drawn.merge(l.name(), n, Integer::sum);
    }
}
