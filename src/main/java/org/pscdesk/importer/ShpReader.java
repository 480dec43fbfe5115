package org.pscdesk.importer;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.PointLocation;
import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Sequential reader of an ESRI {@code .shp} file (ESRI Shapefile Technical Description, 1998): a 100-byte
 * big-endian header, then records of an 8-byte big-endian header and a little-endian body. Reads shape
 * types Point, MultiPoint, PolyLine and Polygon and their Z and M variants, keeping X and Y only.
 *
 * <p>Polygon rings are sorted into polygons the way the format defines them: clockwise rings are outer
 * rings, counter-clockwise rings are holes, and each hole goes to the smallest outer ring that contains
 * it. Two departures, both as GDAL does them, and both reported through {@link Shape#note}: a hole inside
 * no outer ring is kept as a polygon of its own (never dropped), and a record with no clockwise ring at
 * all (written by a tool that ignored the orientation rule) is organised by nesting depth instead.
 *
 * <p>Streams with a 64 KiB buffer; holds one record at a time. Not thread-safe.
 */
final class ShpReader implements AutoCloseable {

    static final int NULL_SHAPE = 0;
    private static final int FILE_CODE = 9994;
    private static final int HEADER_BYTES = 100;
    private static final int BUFFER_BYTES = 1 << 16;
    /** Largest record body read into one array; a longer length can only be damage. */
    private static final long MAX_RECORD_BYTES = Integer.MAX_VALUE - 64;

    /** One record as read: a geometry, or null with a reason (skip key and plain message). */
    record Shape(long recordNumber, Geometry geometry, String skipReason, String message, String note) {
    }

    private final InputStream in;
    private final String fileName;
    private final GeometryFactory factory;
    private final int shapeType;
    private final long declaredLength;
    private long position = HEADER_BYTES;
    private long ordinal;
    private byte[] body = new byte[256];

    ShpReader(InputStream raw, String fileName, long actualSize, GeometryFactory factory) throws ImportException {
        this.in = new BufferedInputStream(raw, BUFFER_BYTES);
        this.fileName = fileName;
        this.factory = factory;
        byte[] header = new byte[HEADER_BYTES];
        try {
            int n = in.readNBytes(header, 0, HEADER_BYTES);
            if (n < HEADER_BYTES) {
                throw fail(0, fileName + " is too short to be a shapefile (" + n + " bytes). Copy the .shp again"
                        + " from where it came from.");
            }
        } catch (IOException e) {
            throw fail(0, "Cannot read " + fileName + ": " + e.getMessage(), e);
        }
        ByteBuffer big = ByteBuffer.wrap(header).order(ByteOrder.BIG_ENDIAN);
        if (big.getInt(0) != FILE_CODE) {
            throw fail(0, fileName + " is not a shapefile .shp (its first bytes are wrong). Check that the file"
                    + " is the .shp of a shapefile.");
        }
        this.declaredLength = (big.getInt(24) & 0xFFFFFFFFL) * 2;
        ByteBuffer little = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        this.shapeType = little.getInt(32);
        if (!isKnownType(shapeType)) {
            throw fail(0, fileName + " holds shape type " + shapeType + (shapeType == 31 ? " (MultiPatch)" : "")
                    + ", which PSC Desk does not read. Export it as points, lines or polygons.");
        }
        if (actualSize >= 0 && actualSize < declaredLength) {
            throw fail(0, fileName + " is cut short: its header says " + declaredLength + " bytes but the file has "
                    + actualSize + ". Copy the .shp again from where it came from.");
        }
    }

    /** The file's shape type (1 Point, 3 PolyLine, 5 Polygon, 8 MultiPoint, +10 Z, +20 M). */
    int shapeType() {
        return shapeType;
    }

    /** Shape type without its Z/M variant: 1, 3, 5, 8 or 0. */
    static int baseType(int type) {
        return type == NULL_SHAPE ? 0 : type % 10;
    }

    long position() {
        return position;
    }

    long length() {
        return declaredLength;
    }

    /** The next record, or null after the last one. */
    Shape next() throws ImportException {
        if (position + 8 > declaredLength) {
            return null;
        }
        ordinal++;
        byte[] recordHeader = new byte[8];
        readFully(recordHeader, 8);
        long contentBytes = (ByteBuffer.wrap(recordHeader).order(ByteOrder.BIG_ENDIAN).getInt(4) & 0xFFFFFFFFL) * 2;
        if (contentBytes < 4 || position + 8 + contentBytes > declaredLength || contentBytes > MAX_RECORD_BYTES) {
            throw fail(ordinal, "Record " + ordinal + " of " + fileName + " is damaged (its length, " + contentBytes
                    + " bytes, runs past the end of the file). Copy the .shp again or repair it in a GIS.");
        }
        if (body.length < contentBytes) {
            body = new byte[(int) Math.min(MAX_RECORD_BYTES, Math.max(contentBytes, body.length * 2L))];
        }
        readFully(body, (int) contentBytes);
        position += 8 + contentBytes;
        ByteBuffer b = ByteBuffer.wrap(body, 0, (int) contentBytes).order(ByteOrder.LITTLE_ENDIAN);
        return decode(b, (int) contentBytes);
    }

    private void readFully(byte[] buffer, int length) throws ImportException {
        try {
            int n = in.readNBytes(buffer, 0, length);
            if (n < length) {
                throw new EOFException();
            }
        } catch (EOFException e) {
            throw fail(ordinal, fileName + " ends in the middle of record " + ordinal + ": the file is cut short."
                    + " Copy the .shp again from where it came from.", e);
        } catch (IOException e) {
            throw fail(ordinal, "Cannot read " + fileName + ": " + e.getMessage(), e);
        }
    }

    private Shape decode(ByteBuffer b, int length) {
        int type = b.getInt(0);
        if (type == NULL_SHAPE) {
            return new Shape(ordinal, null, "no_geometry", "This record has no shape (a null shape); it was not"
                    + " imported. Draw it in a GIS if it belongs on the map.", null);
        }
        if (!isKnownType(type) || type == 31) {
            return bad("its shape type " + type + " is not one a shapefile may hold");
        }
        return switch (baseType(type)) {
            case 1 -> point(b, length);
            case 8 -> multiPoint(b, length);
            case 3 -> lines(b, length);
            case 5 -> polygons(b, length);
            default -> bad("its shape type " + type + " is not supported");
        };
    }

    private Shape point(ByteBuffer b, int length) {
        if (length < 20) {
            return bad("the point record is too short");
        }
        double x = b.getDouble(4);
        double y = b.getDouble(12);
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return new Shape(ordinal, null, "bad_coordinates", "The point's coordinates are not numbers ("
                    + x + ", " + y + "); fix the point in a GIS.", null);
        }
        return ok(factory.createPoint(new Coordinate(x, y)), null);
    }

    private Shape multiPoint(ByteBuffer b, int length) {
        if (length < 40) {
            return bad("the multipoint record is too short");
        }
        int n = b.getInt(36);
        if (n < 0 || 40L + 16L * n > length) {
            return bad("it says it has " + n + " points, more than the record holds");
        }
        Point[] points = new Point[n];
        for (int i = 0; i < n; i++) {
            Coordinate c = coordinate(b, 40 + 16 * i);
            if (c == null) {
                return badCoordinates(i);
            }
            points[i] = factory.createPoint(c);
        }
        if (n == 0) {
            return new Shape(ordinal, null, "no_geometry", "This multipoint has no points; it was not imported.",
                    null);
        }
        return ok(factory.createMultiPoint(points), null);
    }

    private Coordinate coordinate(ByteBuffer b, int offset) {
        double x = b.getDouble(offset);
        double y = b.getDouble(offset + 8);
        return Double.isFinite(x) && Double.isFinite(y) ? new Coordinate(x, y) : null;
    }

    /** Parts as coordinate arrays, or a Shape explaining why they cannot be read. */
    private Object parts(ByteBuffer b, int length) {
        if (length < 44) {
            return bad("the record is too short");
        }
        int numParts = b.getInt(36);
        int numPoints = b.getInt(40);
        if (numParts < 0 || numPoints < 0 || 44L + 4L * numParts + 16L * numPoints > length) {
            return bad("it says it has " + numParts + " parts and " + numPoints + " points, more than the record"
                    + " holds");
        }
        if (numParts == 0 || numPoints == 0) {
            return new Shape(ordinal, null, "no_geometry", "This record has an empty shape; it was not imported.",
                    null);
        }
        int[] starts = new int[numParts + 1];
        for (int i = 0; i < numParts; i++) {
            starts[i] = b.getInt(44 + 4 * i);
        }
        starts[numParts] = numPoints;
        int pointsAt = 44 + 4 * numParts;
        Coordinate[][] parts = new Coordinate[numParts][];
        for (int i = 0; i < numParts; i++) {
            int from = starts[i];
            int to = starts[i + 1];
            if (from < 0 || from > to || to > numPoints) {
                return bad("its part " + (i + 1) + " starts at point " + from + ", outside the record");
            }
            Coordinate[] cs = new Coordinate[to - from];
            for (int j = from; j < to; j++) {
                Coordinate c = coordinate(b, pointsAt + 16 * j);
                if (c == null) {
                    return badCoordinates(j);
                }
                cs[j - from] = c;
            }
            parts[i] = cs;
        }
        return parts;
    }

    private Shape lines(ByteBuffer b, int length) {
        Object read = parts(b, length);
        if (read instanceof Shape s) {
            return s;
        }
        Coordinate[][] parts = (Coordinate[][]) read;
        List<LineString> lines = new ArrayList<>(parts.length);
        int dropped = 0;
        for (Coordinate[] part : parts) {
            if (part.length < 2) {
                dropped++;
            } else {
                lines.add(factory.createLineString(part));
            }
        }
        if (lines.isEmpty()) {
            return bad("none of its parts has two points");
        }
        String note = dropped == 0 ? null : dropped + " part(s) with a single point were left out of the line";
        Geometry g = lines.size() == 1 ? lines.get(0) : factory.createMultiLineString(lines.toArray(new LineString[0]));
        return ok(g, note);
    }

    private Shape polygons(ByteBuffer b, int length) {
        Object read = parts(b, length);
        if (read instanceof Shape s) {
            return s;
        }
        Coordinate[][] parts = (Coordinate[][]) read;
        List<Ring> rings = new ArrayList<>(parts.length);
        for (int i = 0; i < parts.length; i++) {
            Coordinate[] cs = close(parts[i]);
            if (cs.length < 4) {
                return bad("its ring " + (i + 1) + " has only " + parts[i].length + " points (a ring needs at"
                        + " least 3 corners)");
            }
            rings.add(new Ring(i, factory.createLinearRing(cs)));
        }
        return organise(rings);
    }

    private static Coordinate[] close(Coordinate[] cs) {
        if (cs.length == 0 || cs[0].equals2D(cs[cs.length - 1])) {
            return cs;
        }
        Coordinate[] closed = Arrays.copyOf(cs, cs.length + 1);
        closed[cs.length] = cs[0].copy();
        return closed;
    }

    /** A ring and what it became: an outer ring (with holes) or a hole of {@code parent}. */
    private static final class Ring {
        final int index;
        final LinearRing ring;
        final Envelope envelope;
        final double area;
        final boolean clockwise;
        final List<LinearRing> holes = new ArrayList<>();
        boolean shell;

        Ring(int index, LinearRing ring) {
            this.index = index;
            this.ring = ring;
            this.envelope = ring.getEnvelopeInternal();
            double signed = Area.ofRingSigned(ring.getCoordinateSequence());
            this.area = Math.abs(signed);
            this.clockwise = !Orientation.isCCW(ring.getCoordinateSequence());
        }

        boolean contains(Ring inner) {
            if (!envelope.covers(inner.envelope)) {
                return false;
            }
            Coordinate[] pts = ring.getCoordinates();
            for (Coordinate c : inner.ring.getCoordinates()) {
                int location = PointLocation.locateInRing(c, pts);
                if (location == Location.INTERIOR) {
                    return true;
                }
                if (location == Location.EXTERIOR) {
                    return false;
                }
            }
            return true;
        }
    }

    private Shape organise(List<Ring> rings) {
        String note = null;
        if (rings.size() == 1) {
            rings.get(0).shell = true;
        } else if (rings.stream().noneMatch(r -> r.clockwise)) {
            nestByDepth(rings);
            note = "its rings are all drawn counter-clockwise, so outer rings and holes were told apart by"
                    + " nesting";
        } else {
            List<Ring> shells = new ArrayList<>();
            List<Ring> holes = new ArrayList<>();
            for (Ring r : rings) {
                (r.clockwise ? shells : holes).add(r);
            }
            shells.forEach(r -> r.shell = true);
            List<Integer> orphans = new ArrayList<>();
            for (Ring hole : holes) {
                Ring owner = null;
                for (Ring shell : shells) {
                    if ((owner == null || shell.area < owner.area) && shell.contains(hole)) {
                        owner = shell;
                    }
                }
                if (owner == null) {
                    hole.shell = true;
                    orphans.add(hole.index + 1);
                } else {
                    owner.holes.add(hole.ring);
                }
            }
            if (!orphans.isEmpty()) {
                note = "ring(s) " + orphans + " are drawn as holes but lie inside no outer ring; they were kept as"
                        + " polygons of their own. Check the shape in a GIS";
            }
        }
        List<Polygon> polygons = new ArrayList<>();
        for (Ring r : rings) {
            if (r.shell) {
                polygons.add(factory.createPolygon(r.ring, r.holes.toArray(new LinearRing[0])));
            }
        }
        Geometry g = polygons.size() == 1 ? polygons.get(0)
                : factory.createMultiPolygon(polygons.toArray(new Polygon[0]));
        return ok(g, note);
    }

    /** Largest first; a ring inside an outer ring is its hole, a ring inside a hole is a new outer ring. */
    private static void nestByDepth(List<Ring> rings) {
        List<Ring> placed = new ArrayList<>();
        List<Ring> sorted = new ArrayList<>(rings);
        sorted.sort(Comparator.comparingDouble((Ring r) -> r.area).reversed());
        for (Ring r : sorted) {
            Ring parent = null;
            for (Ring p : placed) {
                if ((parent == null || p.area < parent.area) && p.contains(r)) {
                    parent = p;
                }
            }
            if (parent == null || !parent.shell) {
                r.shell = true;
            } else {
                parent.holes.add(r.ring);
            }
            placed.add(r);
        }
    }

    private Shape ok(Geometry g, String note) {
        return new Shape(ordinal, g, null, null, note);
    }

    private Shape bad(String why) {
        return new Shape(ordinal, null, "bad_geometry", "The shape cannot be read: " + why + ". Repair the"
                + " shapefile in a GIS (QGIS: Vector > Geometry Tools > Check Validity).", null);
    }

    private Shape badCoordinates(int pointIndex) {
        return new Shape(ordinal, null, "bad_coordinates", "Point " + (pointIndex + 1) + " of the shape has"
                + " coordinates that are not numbers; fix the shape in a GIS.", null);
    }

    private static boolean isKnownType(int type) {
        return switch (type) {
            case 0, 1, 3, 5, 8, 11, 13, 15, 18, 21, 23, 25, 28 -> true;
            default -> false;
        };
    }

    private ImportException fail(long row, String message) {
        return new ImportException(new Problem(fileName, row, null, message));
    }

    private ImportException fail(long row, String message, Throwable cause) {
        return new ImportException(new Problem(fileName, row, null, message), cause);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // nothing was written; a failed close of an input cannot lose data
        }
    }
}
