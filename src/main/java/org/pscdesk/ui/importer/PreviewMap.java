package org.pscdesk.ui.importer;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.StrokeLineJoin;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.pscdesk.store.LayerRole;
import org.pscdesk.ui.fx.Theme;
import org.pscdesk.ui.map.LayerShapes;
import org.pscdesk.ui.map.MapData;
import org.pscdesk.ui.map.Parts;
import org.pscdesk.ui.map.WebMercator;

/**
 * A small map of the previewed features over the workspace's study area and reference layers, drawn on a
 * canvas in Web Mercator (no tiles, so it is instant and works offline). Incidents are drawn as the
 * {@value #INCIDENT_SQUARE_METRES} m squares they fall in, never as points, as on the main map.
 */
final class PreviewMap extends Region {

    /** Side of the squares incidents are previewed as: coarse enough that no square locates one event. */
    static final double INCIDENT_SQUARE_METRES = 1000;
    private static final double MARGIN = 18;
    /** Smallest span fitted, in normalised Mercator units (about 1.5 km at St. Louis): one point is not zoomed to a house. */
    private static final double MIN_SPAN = 5e-5;

    private final Canvas canvas = new Canvas();
    private final Theme theme;
    private MapData context;
    private List<Geometry> features = List.of();
    private boolean incidents;
    private int drawn;

    PreviewMap(Theme theme) {
        this.theme = theme;
        getStyleClass().add(ImportStyles.PREVIEW_MAP);
        getChildren().add(canvas);
        setMinSize(120, 120);
    }

    /** Shows these features (longitude/latitude; null entries are skipped) over the workspace's shapes. */
    void show(MapData workspace, List<Geometry> lonLat, boolean asIncidents) {
        this.context = workspace;
        this.features = lonLat == null ? List.of() : lonLat;
        this.incidents = asIncidents;
        draw();
    }

    /** Features (or incident squares) drawn by the last paint; for tests. */
    int drawnCount() {
        return drawn;
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(theme.color("-psc-basemap-bg"));
        g.fillRect(0, 0, w, h);
        drawn = 0;
        if (w <= 2 * MARGIN || h <= 2 * MARGIN) {
            return;
        }
        double[] box = PreviewPlace.mercator(PreviewPlace.lonLatEnvelope(features));
        double[] area = context == null ? null : context.extent();
        if (box == null) {
            box = area;
        } else if (area != null && PreviewPlace.near(box, area)) {
            // Near the workspace: show both, so the broker sees the features in their city.
            box = new double[] {Math.min(box[0], area[0]), Math.min(box[1], area[1]), Math.max(box[2], area[2]),
                    Math.max(box[3], area[3])};
        }
        if (box == null) {
            return;
        }
        View v = View.fit(box, w, h, MARGIN, MIN_SPAN);
        g.setLineJoin(StrokeLineJoin.ROUND);
        drawContext(g, v);
        if (incidents) {
            drawIncidentSquares(g, v);
        } else {
            for (Geometry geom : features) {
                if (geom != null && !geom.isEmpty()) {
                    drawGeometry(g, v, geom);
                    drawn++;
                }
            }
        }
    }

    private void drawContext(GraphicsContext g, View v) {
        if (context == null) {
            return;
        }
        for (LayerShapes l : context.layers()) {
            if (l.role() == LayerRole.AREA) {
                g.setFill(theme.color("-psc-basemap-land"));
                g.setStroke(theme.color("-psc-map-boundary"));
                g.setLineWidth(1.5);
                rings(g, v, l.rings(), true);
            }
        }
        for (LayerShapes l : context.layers()) {
            if (l.role() == LayerRole.REFERENCE) {
                g.setStroke(theme.color("-psc-basemap-street"));
                g.setLineWidth(1);
                lines(g, v, l.lines());
                lines(g, v, l.majorLines());
                g.setStroke(theme.color("-psc-basemap-boundary"));
                rings(g, v, l.rings(), false);
            }
        }
    }

    private static void rings(GraphicsContext g, View v, Parts rings, boolean fill) {
        if (rings.isEmpty()) {
            return;
        }
        g.setFillRule(FillRule.EVEN_ODD);
        g.beginPath();
        for (int i = 0; i < rings.size(); i++) {
            for (int k = rings.start(i); k < rings.end(i); k++) {
                double x = v.x(rings.x(k));
                double y = v.y(rings.y(k));
                if (k == rings.start(i)) {
                    g.moveTo(x, y);
                } else {
                    g.lineTo(x, y);
                }
            }
            g.closePath();
        }
        if (fill) {
            g.fill();
        }
        g.stroke();
    }

    private static void lines(GraphicsContext g, View v, Parts lines) {
        for (int i = 0; i < lines.size(); i++) {
            g.beginPath();
            for (int k = lines.start(i); k < lines.end(i); k++) {
                if (k == lines.start(i)) {
                    g.moveTo(v.x(lines.x(k)), v.y(lines.y(k)));
                } else {
                    g.lineTo(v.x(lines.x(k)), v.y(lines.y(k)));
                }
            }
            g.stroke();
        }
    }

    private void drawGeometry(GraphicsContext g, View v, Geometry geom) {
        Color accent = theme.color("-psc-accent");
        if (geom instanceof Point p) {
            double x = v.x(WebMercator.x(p.getX()));
            double y = v.y(WebMercator.y(p.getY()));
            g.setFill(theme.color("-psc-map-halo"));
            g.fillOval(x - 5, y - 5, 10, 10);
            g.setFill(accent);
            g.fillOval(x - 3.5, y - 3.5, 7, 7);
        } else if (geom instanceof Polygon poly) {
            g.setFill(theme.color("-psc-accent", 0.22));
            g.setStroke(accent);
            g.setLineWidth(1.2);
            g.setFillRule(FillRule.EVEN_ODD);
            g.beginPath();
            path(g, v, poly.getExteriorRing(), true);
            for (int i = 0; i < poly.getNumInteriorRing(); i++) {
                path(g, v, poly.getInteriorRingN(i), true);
            }
            g.fill();
            g.stroke();
        } else if (geom instanceof LineString line) {
            g.setStroke(accent);
            g.setLineWidth(2);
            g.beginPath();
            path(g, v, line, false);
            g.stroke();
        } else if (geom instanceof GeometryCollection gc) {
            for (int i = 0; i < gc.getNumGeometries(); i++) {
                drawGeometry(g, v, gc.getGeometryN(i));
            }
        }
    }

    private static void path(GraphicsContext g, View v, LineString line, boolean close) {
        for (int i = 0; i < line.getNumPoints(); i++) {
            Coordinate c = line.getCoordinateN(i);
            double x = v.x(WebMercator.x(c.x));
            double y = v.y(WebMercator.y(c.y));
            if (i == 0) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
        }
        if (close) {
            g.closePath();
        }
    }

    /** Incidents as the squares they fall in (a grid of {@link #INCIDENT_SQUARE_METRES} at their latitude). */
    private void drawIncidentSquares(GraphicsContext g, View v) {
        Envelope env = PreviewPlace.lonLatEnvelope(features);
        if (env == null) {
            return;
        }
        double cell = INCIDENT_SQUARE_METRES / WebMercator.metresPerUnit(env.centre().y);
        Set<Long> squares = new HashSet<>();
        for (Geometry geom : features) {
            if (geom == null || geom.isEmpty()) {
                continue;
            }
            Coordinate c = geom.getInteriorPoint().getCoordinate();
            long ix = (long) Math.floor(WebMercator.x(c.x) / cell);
            long iy = (long) Math.floor(WebMercator.y(c.y) / cell);
            squares.add((ix << 32) | (iy & 0xFFFFFFFFL));
        }
        g.setFill(theme.color("-psc-count-3", 0.55));
        g.setStroke(theme.color("-psc-count-4"));
        g.setLineWidth(1);
        for (long key : squares) {
            long ix = key >> 32;
            long iy = (int) key;
            double x0 = v.x(ix * cell);
            double y0 = v.y(iy * cell);
            double x1 = v.x((ix + 1) * cell);
            double y1 = v.y((iy + 1) * cell);
            g.fillRect(x0, y0, x1 - x0, y1 - y0);
            g.strokeRect(x0, y0, x1 - x0, y1 - y0);
        }
        drawn = squares.size();
    }

    /** Normalised Mercator to canvas pixels: a uniform scale and an offset. */
    private record View(double scale, double offsetX, double offsetY) {
        static View fit(double[] box, double w, double h, double margin, double minSpan) {
            double cx = (box[0] + box[2]) / 2;
            double cy = (box[1] + box[3]) / 2;
            double dx = Math.max(box[2] - box[0], minSpan);
            double dy = Math.max(box[3] - box[1], minSpan);
            double scale = Math.min((w - 2 * margin) / dx, (h - 2 * margin) / dy);
            return new View(scale, w / 2 - cx * scale, h / 2 - cy * scale);
        }

        double x(double mx) {
            return mx * scale + offsetX;
        }

        double y(double my) {
            return my * scale + offsetY;
        }
    }
}
