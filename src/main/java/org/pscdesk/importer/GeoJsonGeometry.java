package org.pscdesk.importer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * GeoJSON geometry objects (RFC 7946 §3.1) read from a streaming parser into JTS. Members may come in any
 * order, so one geometry object is first read into a small tree ({@link Node}: type, nested coordinate
 * arrays with positions as {@code double[]}, member geometries), then built. Only X and Y are kept.
 *
 * <p>Wrong content (unknown type, a position that is not numbers, a ring with fewer than four positions,
 * a line with fewer than two) is reported as {@link Bad} with a skip reason and a plain message; the parser
 * is always left after the geometry object so the next feature can be read. Unclosed rings are closed.
 */
final class GeoJsonGeometry {

    /** Deeper coordinate nesting than MultiPolygon's four levels is wrong input, not data. */
    private static final int MAX_COORDINATE_DEPTH = 4;
    /** GeometryCollections nested deeper than this are refused (RFC 7946 advises against any nesting). */
    private static final int MAX_COLLECTION_DEPTH = 8;

    /** Marks a coordinate array that held something other than numbers or arrays. */
    private static final Object NOT_NUMBERS = new Object();

    /** Why a geometry could not be built. */
    static final class Bad extends Exception {
        private static final long serialVersionUID = 1L;
        final String reason;

        Bad(String reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }

    /** One geometry object as read: its type and either coordinates or member geometries. */
    static final class Node {
        String type;
        Object coordinates;
        List<Node> geometries;
        boolean hasGeometries;
        boolean badGeometries;
    }

    private final GeometryFactory factory;

    GeoJsonGeometry(GeometryFactory factory) {
        this.factory = factory;
    }

    /** Reads a geometry object; the parser is on its START_OBJECT and is left on its END_OBJECT. */
    Node read(JsonParser p, int depth) throws IOException {
        Node node = new Node();
        JsonToken t;
        while ((t = next(p)) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = next(p);
            switch (name) {
                case "type" -> node.type = value == JsonToken.VALUE_STRING ? p.getText() : String.valueOf(value);
                case "coordinates" -> node.coordinates = value == JsonToken.START_ARRAY ? coordinates(p, 1) : skip(p);
                case "geometries" -> readMembers(p, value, node, depth);
                default -> p.skipChildren();
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new JsonParseException(p, "a geometry object is not closed");
        }
        return node;
    }

    /** The next token; the end of input inside an object or array is broken JSON, never a null token. */
    static JsonToken next(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw new JsonParseException(p, "Unexpected end of the file inside an object or array");
        }
        return t;
    }

    private void readMembers(JsonParser p, JsonToken value, Node node, int depth) throws IOException {
        node.hasGeometries = true;
        if (value != JsonToken.START_ARRAY || depth >= MAX_COLLECTION_DEPTH) {
            node.badGeometries = true;
            p.skipChildren();
            return;
        }
        node.geometries = new ArrayList<>();
        JsonToken t;
        while ((t = next(p)) != JsonToken.END_ARRAY) {
            if (t == JsonToken.START_OBJECT) {
                node.geometries.add(read(p, depth + 1));
            } else {
                node.badGeometries = true;
                p.skipChildren();
            }
        }
    }

    private static Object skip(JsonParser p) throws IOException {
        p.skipChildren();
        return NOT_NUMBERS;
    }

    /** Parser on a START_ARRAY: a position as double[], a List of nested arrays, or NOT_NUMBERS. */
    private static Object coordinates(JsonParser p, int depth) throws IOException {
        if (depth > MAX_COORDINATE_DEPTH) {
            p.skipChildren();
            return NOT_NUMBERS;
        }
        JsonToken t = next(p);
        if (t == JsonToken.END_ARRAY) {
            return List.of();
        }
        if (t.isNumeric()) {
            double[] xy = new double[] {p.getDoubleValue(), Double.NaN};
            int n = 1;
            boolean numbers = true;
            while ((t = next(p)) != JsonToken.END_ARRAY) {
                if (t.isNumeric()) {
                    if (n == 1) {
                        xy[1] = p.getDoubleValue();
                    }
                    n++;
                } else {
                    numbers = false;
                    p.skipChildren();
                }
            }
            return numbers && n >= 2 ? xy : NOT_NUMBERS;
        }
        List<Object> list = new ArrayList<>();
        boolean ok = true;
        while (t != JsonToken.END_ARRAY) {
            if (t == JsonToken.START_ARRAY) {
                list.add(coordinates(p, depth + 1));
            } else {
                ok = false;
                p.skipChildren();
            }
            t = next(p);
        }
        return ok ? list : NOT_NUMBERS;
    }

    /** Builds the JTS geometry; an empty one when the coordinates are empty. */
    Geometry build(Node node) throws Bad {
        String type = node.type;
        if (type == null) {
            throw new Bad("bad_geometry", "The geometry has no \"type\"; give it one of Point, LineString,"
                    + " Polygon, MultiPoint, MultiLineString, MultiPolygon, GeometryCollection.");
        }
        if (type.equals("GeometryCollection")) {
            if (node.badGeometries || !node.hasGeometries) {
                throw new Bad("bad_geometry", "The GeometryCollection's \"geometries\" is not a list of geometry"
                        + " objects; fix the feature's geometry.");
            }
            Geometry[] parts = new Geometry[node.geometries.size()];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = build(node.geometries.get(i));
            }
            return factory.createGeometryCollection(parts);
        }
        Object c = node.coordinates;
        if (c == null) {
            throw new Bad("bad_geometry", "The " + type + " has no \"coordinates\"; fix the feature's geometry.");
        }
        if (c == NOT_NUMBERS) {
            throw badCoordinates(type);
        }
        return switch (type) {
            case "Point" -> point(c, type);
            case "MultiPoint" -> {
                List<Object> points = list(c, type);
                Point[] out = new Point[points.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = factory.createPoint(coordinate(points.get(i), type));
                }
                yield factory.createMultiPoint(out);
            }
            case "LineString" -> line(c, type);
            case "MultiLineString" -> {
                List<Object> lines = list(c, type);
                LineString[] out = new LineString[lines.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = line(lines.get(i), type);
                }
                yield factory.createMultiLineString(out);
            }
            case "Polygon" -> polygon(c, type);
            case "MultiPolygon" -> {
                List<Object> polys = list(c, type);
                Polygon[] out = new Polygon[polys.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = polygon(polys.get(i), type);
                }
                yield factory.createMultiPolygon(out);
            }
            default -> throw new Bad("bad_geometry", "\"" + type + "\" is not a GeoJSON geometry type; use Point,"
                    + " LineString, Polygon, MultiPoint, MultiLineString, MultiPolygon or GeometryCollection.");
        };
    }

    private Point point(Object c, String type) throws Bad {
        if (c instanceof List<?> l && l.isEmpty()) {
            return factory.createPoint();
        }
        return factory.createPoint(coordinate(c, type));
    }

    private LineString line(Object c, String type) throws Bad {
        Coordinate[] cs = positions(c, type);
        if (cs.length == 1) {
            throw new Bad("bad_geometry", "A line in the " + type + " has only one position; a line needs two or"
                    + " more.");
        }
        return factory.createLineString(cs);
    }

    private Polygon polygon(Object c, String type) throws Bad {
        List<Object> rings = list(c, type);
        if (rings.isEmpty()) {
            return factory.createPolygon();
        }
        LinearRing shell = ring(rings.get(0), type, 1);
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i), type, i + 1);
        }
        return factory.createPolygon(shell, holes);
    }

    private LinearRing ring(Object c, String type, int number) throws Bad {
        Coordinate[] cs = positions(c, type);
        if (cs.length > 0 && !cs[0].equals2D(cs[cs.length - 1])) {
            cs = Arrays.copyOf(cs, cs.length + 1);
            cs[cs.length - 1] = cs[0].copy();
        }
        if (cs.length < 4) {
            throw new Bad("bad_geometry", "Ring " + number + " of the " + type + " has " + cs.length + " positions;"
                    + " a ring needs at least four (three corners and the first again).");
        }
        return factory.createLinearRing(cs);
    }

    private Coordinate[] positions(Object c, String type) throws Bad {
        List<Object> list = list(c, type);
        Coordinate[] cs = new Coordinate[list.size()];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = coordinate(list.get(i), type);
        }
        return cs;
    }

    private static List<Object> list(Object c, String type) throws Bad {
        if (c instanceof List<?> l) {
            @SuppressWarnings("unchecked")
            List<Object> objects = (List<Object>) l;
            return objects;
        }
        throw wrongNesting(type);
    }

    private static Coordinate coordinate(Object c, String type) throws Bad {
        if (!(c instanceof double[] xy)) {
            throw c == NOT_NUMBERS ? badCoordinates(type) : wrongNesting(type);
        }
        if (!Double.isFinite(xy[0]) || !Double.isFinite(xy[1])) {
            throw new Bad("bad_coordinates", "A position of the " + type + " is out of range (" + xy[0] + ", "
                    + xy[1] + "); fix the coordinates.");
        }
        return new Coordinate(xy[0], xy[1]);
    }

    private static Bad badCoordinates(String type) {
        return new Bad("bad_coordinates", "The " + type + "'s coordinates hold something other than numbers;"
                + " each position must be [longitude, latitude].");
    }

    private static Bad wrongNesting(String type) {
        return new Bad("bad_geometry", "The " + type + "'s coordinates are not nested as a " + type + " needs"
                + " (RFC 7946 §3.1); fix the feature's geometry.");
    }
}
