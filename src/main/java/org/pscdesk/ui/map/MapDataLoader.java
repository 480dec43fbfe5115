package org.pscdesk.ui.map;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.pscdesk.geo.CoordinateTransform;
import org.pscdesk.geo.Crs;
import org.pscdesk.store.LayerInfo;
import org.pscdesk.store.LayerRole;
import org.pscdesk.store.Workspace;
import org.pscdesk.store.WorkspaceException;
import org.pscdesk.ui.fx.TaskProgress;

/**
 * Reads every layer of a workspace once and transforms it to Web Mercator for drawing. Runs off the UI
 * thread; the result is immutable. Outcome layers are counted into a {@link CountGrid} here, so their
 * points never leave this class.
 */
public final class MapDataLoader {

    /** Bump when the basemap's look changes, so cached tiles are redrawn. */
    static final String BASEMAP_STYLE_VERSION = "basemap-2";

    private MapDataLoader() {
    }

    public static MapData load(Workspace workspace, List<LayerInfo> layers, TaskProgress progress)
            throws WorkspaceException {
        List<LayerShapes> shapes = new ArrayList<>();
        int n = layers.size();
        for (int i = 0; i < n; i++) {
            LayerInfo info = layers.get(i);
            progress.update("Reading " + info.title() + " (" + (i + 1) + " of " + n + ")…", (i + 0.5) / Math.max(1, n));
            shapes.add(load(workspace, info));
        }
        return new MapData(shapes, extent(shapes), fingerprint(shapes));
    }

    static LayerShapes load(Workspace workspace, LayerInfo info) throws WorkspaceException {
        Crs crs;
        try {
            crs = Crs.of(info.srs());
        } catch (IllegalArgumentException e) {
            return new LayerShapes(info, Parts.EMPTY, Parts.EMPTY, Parts.EMPTY, Parts.EMPTY, List.of(), null,
                    "its coordinate system " + info.srs() + " is unknown");
        }
        if (info.role() == LayerRole.OUTCOME) {
            return new LayerShapes(info, Parts.EMPTY, Parts.EMPTY, Parts.EMPTY, Parts.EMPTY, List.of(),
                    countGrid(workspace, info, crs), null);
        }
        CoordinateTransform toWgs = new CoordinateTransform(crs, Crs.WGS84);
        Parts.Builder points = new Parts.Builder();
        Parts.Builder lines = new Parts.Builder();
        Parts.Builder major = new Parts.Builder();
        Parts.Builder rings = new Parts.Builder();
        List<LayerShapes.Label> labels = new ArrayList<>();
        int labelField = LayerKinds.labelField(info);
        int classField = LayerKinds.roadClassField(info);
        double[] xy = new double[2];
        workspace.forEachFeature(info.name(), feature -> {
            Geometry g = feature.geometry();
            boolean isMajor = classField >= 0 && LayerKinds.isMajorRoad(feature.values().get(classField));
            add(g, toWgs, xy, points, isMajor ? major : lines, rings);
            if (labelField >= 0 && !g.isEmpty() && feature.values().get(labelField) != null) {
                String text = feature.values().get(labelField).toString().strip();
                if (!text.isEmpty()) {
                    labels.add(label(text, g, toWgs, xy));
                }
            }
        });
        return new LayerShapes(info, points.build(), lines.build(), major.build(), rings.build(), labels, null, null);
    }

    private static void add(Geometry g, CoordinateTransform t, double[] xy, Parts.Builder points, Parts.Builder lines,
                            Parts.Builder rings) {
        if (g.isEmpty()) {
            return;
        }
        if (g instanceof Point p) {
            points.beginPart();
            vertex(p.getX(), p.getY(), t, xy, points);
            points.endPart();
        } else if (g instanceof Polygon poly) {
            ring(poly.getExteriorRing(), t, xy, rings);
            for (int i = 0; i < poly.getNumInteriorRing(); i++) {
                ring(poly.getInteriorRingN(i), t, xy, rings);
            }
        } else if (g instanceof LineString line) {
            ring(line, t, xy, lines);
        } else if (g instanceof GeometryCollection gc) {
            for (int i = 0; i < gc.getNumGeometries(); i++) {
                add(gc.getGeometryN(i), t, xy, points, lines, rings);
            }
        }
    }

    private static void ring(LineString line, CoordinateTransform t, double[] xy, Parts.Builder into) {
        into.beginPart();
        for (int i = 0; i < line.getNumPoints(); i++) {
            Coordinate c = line.getCoordinateN(i);
            vertex(c.x, c.y, t, xy, into);
        }
        into.endPart();
    }

    private static void vertex(double x, double y, CoordinateTransform t, double[] xy, Parts.Builder into) {
        xy[0] = x;
        xy[1] = y;
        t.apply(xy);
        if (Double.isFinite(xy[0]) && Double.isFinite(xy[1])) {
            into.add(WebMercator.x(xy[0]), WebMercator.y(xy[1]));
        }
    }

    private static LayerShapes.Label label(String text, Geometry g, CoordinateTransform t, double[] xy) {
        Point inside = g.getInteriorPoint();
        Envelope e = g.getEnvelopeInternal();
        xy[0] = inside.getX();
        xy[1] = inside.getY();
        t.apply(xy);
        double x = WebMercator.x(xy[0]);
        double y = WebMercator.y(xy[1]);
        xy[0] = e.getMinX();
        xy[1] = e.getMinY();
        t.apply(xy);
        double x0 = WebMercator.x(xy[0]);
        double y0 = WebMercator.y(xy[1]);
        xy[0] = e.getMaxX();
        xy[1] = e.getMaxY();
        t.apply(xy);
        double x1 = WebMercator.x(xy[0]);
        double y1 = WebMercator.y(xy[1]);
        return new LayerShapes.Label(text, x, y, Math.abs(x1 - x0), Math.abs(y1 - y0));
    }

    /** Counts incidents per square of the layer's own projected grid; see {@link CountGrid}. */
    static CountGrid countGrid(Workspace workspace, LayerInfo info, Crs crs) throws WorkspaceException {
        Crs gridCrs = crs;
        if (crs.isGeographic()) {
            Envelope e = info.extent();
            gridCrs = e == null ? Crs.of("EPSG:3857") : Crs.utmFor(e.centre().x, e.centre().y);
        }
        CoordinateTransform toGrid = new CoordinateTransform(crs, gridCrs);
        double cell = CountGrid.CELL_METRES / gridCrs.metresPerUnit();
        Map<Long, int[]> counts = new HashMap<>();
        double[] xy = new double[2];
        workspace.forEachFeature(info.name(), feature -> {
            Geometry g = feature.geometry();
            if (g.isEmpty()) {
                return;
            }
            Coordinate c = g instanceof Point p ? p.getCoordinate() : g.getInteriorPoint().getCoordinate();
            xy[0] = c.x;
            xy[1] = c.y;
            toGrid.apply(xy);
            if (!Double.isFinite(xy[0]) || !Double.isFinite(xy[1])) {
                return;
            }
            long ix = (long) Math.floor(xy[0] / cell);
            long iy = (long) Math.floor(xy[1] / cell);
            counts.computeIfAbsent(key(ix, iy), k -> new int[1])[0]++;
        });
        // Sorted, so the drawing order (and any snapshot) is the same on every run.
        Map<Long, int[]> sorted = new TreeMap<>(counts);
        CoordinateTransform toWgs = new CoordinateTransform(gridCrs, Crs.WGS84);
        Parts.Builder squares = new Parts.Builder();
        List<Integer> shown = new ArrayList<>();
        int hidden = 0;
        for (Map.Entry<Long, int[]> entry : sorted.entrySet()) {
            int count = entry.getValue()[0];
            if (count < CountGrid.MIN_SHOWN) {
                hidden++;
                continue;
            }
            long ix = entry.getKey() >> 32;
            long iy = (int) (long) entry.getKey();
            double x0 = ix * cell;
            double y0 = iy * cell;
            squares.beginPart();
            vertex(x0, y0, toWgs, xy, squares);
            vertex(x0 + cell, y0, toWgs, xy, squares);
            vertex(x0 + cell, y0 + cell, toWgs, xy, squares);
            vertex(x0, y0 + cell, toWgs, xy, squares);
            squares.endPart();
            shown.add(count);
        }
        return new CountGrid(squares.build(), shown.stream().mapToInt(Integer::intValue).toArray(), hidden);
    }

    private static long key(long ix, long iy) {
        return (ix << 32) | (iy & 0xFFFFFFFFL);
    }

    private static double[] extent(List<LayerShapes> layers) {
        double[] area = new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (LayerShapes l : layers) {
            if (l.role() == LayerRole.AREA) {
                expand(area, l);
            }
        }
        if (area[0] <= area[2]) {
            return area;
        }
        for (LayerShapes l : layers) {
            expand(area, l);
        }
        return area[0] <= area[2] ? area : null;
    }

    private static void expand(double[] box, LayerShapes l) {
        for (Parts parts : new Parts[] {l.points(), l.lines(), l.majorLines(), l.rings(),
                l.grid() == null ? Parts.EMPTY : l.grid().squares()}) {
            for (int i = 0; i < parts.size(); i++) {
                box[0] = Math.min(box[0], parts.minX(i));
                box[1] = Math.min(box[1], parts.minY(i));
                box[2] = Math.max(box[2], parts.maxX(i));
                box[3] = Math.max(box[3], parts.maxY(i));
            }
        }
    }

    /** Hash of what the generated basemap draws: the study area and the reference layers. */
    private static String fingerprint(List<LayerShapes> layers) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(BASEMAP_STYLE_VERSION.getBytes(StandardCharsets.UTF_8));
            ByteBuffer buffer = ByteBuffer.allocate(8 * 1024);
            for (LayerShapes l : layers) {
                if (l.role() != LayerRole.AREA && l.role() != LayerRole.REFERENCE) {
                    continue;
                }
                digest.update((l.name() + "|" + l.info().title() + "|").getBytes(StandardCharsets.UTF_8));
                for (Parts parts : new Parts[] {l.points(), l.lines(), l.majorLines(), l.rings()}) {
                    for (double v : parts.coordinates()) {
                        if (buffer.remaining() < 8) {
                            buffer.flip();
                            digest.update(buffer);
                            buffer.clear();
                        }
                        buffer.putDouble(v);
                    }
                    buffer.flip();
                    digest.update(buffer);
                    buffer.clear();
                    digest.update((byte) '/');
                }
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
