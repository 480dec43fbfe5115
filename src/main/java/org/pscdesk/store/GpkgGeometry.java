package org.pscdesk.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * GeoPackage geometry blobs (OGC 12-128r18 §2.1.3): an 8-byte header ("GP", version, flags, srs_id), an
 * optional envelope, then standard little-endian WKB. Points carry no envelope; other types carry
 * [minx, maxx, miny, maxy].
 */
final class GpkgGeometry {

    private static final byte FLAG_LITTLE_ENDIAN = 0x01;
    private static final int ENVELOPE_XY = 1;
    private static final byte FLAG_EMPTY = 0x10;

    private GpkgGeometry() {
    }

    static byte[] encode(Geometry geometry, int srsId) {
        if (geometry instanceof Point p && !p.isEmpty()) {
            return encodePoint(p.getX(), p.getY(), srsId);
        }
        boolean empty = geometry.isEmpty();
        boolean withEnvelope = !empty && !(geometry instanceof Point);
        byte[] wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN).write(geometry);
        int headerLength = 8 + (withEnvelope ? 32 : 0);
        ByteBuffer buf = ByteBuffer.allocate(headerLength + wkb.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.put((byte) 'G').put((byte) 'P').put((byte) 0);
        byte flags = FLAG_LITTLE_ENDIAN;
        if (withEnvelope) {
            flags |= (byte) (ENVELOPE_XY << 1);
        }
        if (empty) {
            flags |= FLAG_EMPTY;
        }
        buf.put(flags);
        buf.putInt(srsId);
        if (withEnvelope) {
            Envelope e = geometry.getEnvelopeInternal();
            buf.putDouble(e.getMinX()).putDouble(e.getMaxX()).putDouble(e.getMinY()).putDouble(e.getMaxY());
        }
        buf.put(wkb);
        return buf.array();
    }

    /**
     * A 2D point's blob written directly, byte for byte what the general path writes (NaN canonical, as
     * WKBWriter writes it): a WKBWriter per point showed high in profiles of a million-point import.
     */
    static byte[] encodePoint(double x, double y, int srsId) {
        ByteBuffer buf = ByteBuffer.allocate(8 + 21).order(ByteOrder.LITTLE_ENDIAN);
        buf.put((byte) 'G').put((byte) 'P').put((byte) 0).put(FLAG_LITTLE_ENDIAN).putInt(srsId);
        buf.put((byte) 1).putInt(1); // WKB: little-endian, type 1 = Point
        buf.putLong(Double.doubleToLongBits(x)).putLong(Double.doubleToLongBits(y));
        return buf.array();
    }

    static Geometry decode(byte[] blob, GeometryFactory factory) {
        if (blob == null) {
            return null;
        }
        if (blob.length < 8 || blob[0] != 'G' || blob[1] != 'P') {
            throw new IllegalArgumentException("not a GeoPackage geometry blob");
        }
        int flags = blob[3];
        int envelopeIndicator = (flags >> 1) & 0x07;
        int envelopeBytes = switch (envelopeIndicator) {
            case 0 -> 0;
            case 1 -> 32;
            case 2, 3 -> 48;
            case 4 -> 64;
            default -> throw new IllegalArgumentException("bad envelope indicator " + envelopeIndicator);
        };
        int offset = 8 + envelopeBytes;
        byte[] wkb = new byte[blob.length - offset];
        System.arraycopy(blob, offset, wkb, 0, wkb.length);
        try {
            return new WKBReader(factory).read(wkb);
        } catch (ParseException e) {
            throw new IllegalArgumentException("corrupt WKB in geometry blob: " + e.getMessage(), e);
        }
    }

    /** The XY envelope stored in a blob's header, or null when the header has none. */
    static Envelope headerEnvelope(byte[] blob) {
        if (blob.length < 8 || blob[0] != 'G' || blob[1] != 'P') {
            return null;
        }
        int indicator = (blob[3] >> 1) & 0x07;
        if (indicator == 0 || blob.length < 8 + 32) {
            return null;
        }
        ByteOrder order = (blob[3] & FLAG_LITTLE_ENDIAN) != 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        ByteBuffer b = ByteBuffer.wrap(blob, 8, 32).order(order);
        double minX = b.getDouble();
        double maxX = b.getDouble();
        double minY = b.getDouble();
        double maxY = b.getDouble();
        return new Envelope(minX, maxX, minY, maxY);
    }

    /** The srs_id written in a blob's header. */
    static int srsId(byte[] blob) {
        ByteOrder order = (blob[3] & FLAG_LITTLE_ENDIAN) != 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        return ByteBuffer.wrap(blob, 4, 4).order(order).getInt();
    }
}
