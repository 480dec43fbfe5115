package org.pscdesk.importer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes small shapefiles byte by byte from the ESRI technical description (1998), independently of the
 * reader, so shapefile tests also run where GDAL is not installed. Z values are written as the vertex
 * index and M values as 100 + index, so a reader that mixed them into X/Y would be caught.
 */
final class ShapefileTestWriter {

    /** A .dbf column. */
    record Column(String name, char type, int length, int decimals) {
    }

    private final int shapeType;
    private final List<double[][]> shapes = new ArrayList<>();
    private final List<String[]> rows = new ArrayList<>();
    private final List<Column> columns = new ArrayList<>();
    private final Set<Integer> deleted = new HashSet<>();
    private Charset charset = StandardCharsets.ISO_8859_1;
    private int languageDriver;

    private ShapefileTestWriter(int shapeType) {
        this.shapeType = shapeType;
    }

    static ShapefileTestWriter of(int shapeType) {
        return new ShapefileTestWriter(shapeType);
    }

    ShapefileTestWriter column(String name, char type, int length, int decimals) {
        columns.add(new Column(name, type, length, decimals));
        return this;
    }

    /** One record: parts as flat x,y arrays (null for a null shape) and raw .dbf texts (null = blank). */
    ShapefileTestWriter record(double[][] parts, String... values) {
        shapes.add(parts);
        rows.add(values);
        return this;
    }

    ShapefileTestWriter deleted(int index) {
        deleted.add(index);
        return this;
    }

    ShapefileTestWriter charset(Charset cs, int ldid) {
        this.charset = cs;
        this.languageDriver = ldid;
        return this;
    }

    /** Writes base.shp, base.shx and base.dbf into dir; returns the .shp. */
    Path write(Path dir, String base) throws IOException {
        List<byte[]> contents = new ArrayList<>();
        for (double[][] parts : shapes) {
            contents.add(parts == null ? nullShape() : content(parts));
        }
        long shpLength = 100;
        for (byte[] c : contents) {
            shpLength += 8 + c.length;
        }
        ByteBuffer shp = ByteBuffer.allocate((int) shpLength);
        ByteBuffer shx = ByteBuffer.allocate(100 + 8 * contents.size());
        header(shp, shpLength);
        header(shx, 100 + 8L * contents.size());
        int offset = 100;
        for (int i = 0; i < contents.size(); i++) {
            byte[] c = contents.get(i);
            shp.order(ByteOrder.BIG_ENDIAN).putInt(i + 1).putInt(c.length / 2);
            shp.put(c);
            shx.order(ByteOrder.BIG_ENDIAN).putInt(offset / 2).putInt(c.length / 2);
            offset += 8 + c.length;
        }
        Path shpPath = dir.resolve(base + ".shp");
        Files.write(shpPath, shp.array());
        Files.write(dir.resolve(base + ".shx"), shx.array());
        Files.write(dir.resolve(base + ".dbf"), dbf());
        return shpPath;
    }

    private void header(ByteBuffer b, long length) {
        b.order(ByteOrder.BIG_ENDIAN).putInt(9994);
        for (int i = 0; i < 5; i++) {
            b.putInt(0);
        }
        b.putInt((int) (length / 2));
        b.order(ByteOrder.LITTLE_ENDIAN).putInt(1000).putInt(shapeType);
        double[] box = bbox(allPoints());
        b.putDouble(box[0]).putDouble(box[1]).putDouble(box[2]).putDouble(box[3]);
        b.putDouble(0).putDouble(0).putDouble(0).putDouble(0);
    }

    private double[][] allPoints() {
        List<double[]> all = new ArrayList<>();
        for (double[][] s : shapes) {
            if (s != null) {
                all.addAll(List.of(s));
            }
        }
        return all.toArray(new double[0][]);
    }

    private static double[] bbox(double[][] parts) {
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (double[] part : parts) {
            for (int i = 0; i + 1 < part.length; i += 2) {
                box[0] = Math.min(box[0], part[i]);
                box[1] = Math.min(box[1], part[i + 1]);
                box[2] = Math.max(box[2], part[i]);
                box[3] = Math.max(box[3], part[i + 1]);
            }
        }
        return parts.length == 0 ? new double[4] : box;
    }

    private static byte[] nullShape() {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0).array();
    }

    private byte[] content(double[][] parts) {
        int base = shapeType % 10;
        boolean z = shapeType / 10 == 1;
        boolean m = shapeType / 10 == 2 || z;
        int numPoints = 0;
        for (double[] p : parts) {
            numPoints += p.length / 2;
        }
        int size;
        if (base == 1) {
            size = 20 + (z ? 8 : 0) + (m ? 8 : 0);
        } else if (base == 8) {
            size = 40 + 16 * numPoints + (z ? 16 + 8 * numPoints : 0) + (m ? 16 + 8 * numPoints : 0);
        } else {
            size = 44 + 4 * parts.length + 16 * numPoints + (z ? 16 + 8 * numPoints : 0) + (m ? 16 + 8 * numPoints : 0);
        }
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(shapeType);
        if (base == 1) {
            b.putDouble(parts[0][0]).putDouble(parts[0][1]);
            if (z) {
                b.putDouble(0);
            }
            if (m) {
                b.putDouble(100);
            }
            return b.array();
        }
        double[] box = bbox(parts);
        b.putDouble(box[0]).putDouble(box[1]).putDouble(box[2]).putDouble(box[3]);
        if (base != 8) {
            b.putInt(parts.length);
        }
        b.putInt(numPoints);
        if (base != 8) {
            int start = 0;
            for (double[] p : parts) {
                b.putInt(start);
                start += p.length / 2;
            }
        }
        for (double[] p : parts) {
            for (double v : p) {
                b.putDouble(v);
            }
        }
        if (z) {
            b.putDouble(0).putDouble(numPoints - 1);
            for (int i = 0; i < numPoints; i++) {
                b.putDouble(i);
            }
        }
        if (m) {
            b.putDouble(100).putDouble(100 + numPoints - 1);
            for (int i = 0; i < numPoints; i++) {
                b.putDouble(100 + i);
            }
        }
        return b.array();
    }

    private byte[] dbf() {
        int recordLength = 1;
        for (Column c : columns) {
            recordLength += c.length;
        }
        int headerLength = 32 + 32 * columns.size() + 1;
        ByteBuffer b = ByteBuffer.allocate(headerLength + recordLength * rows.size() + 1).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 3).put((byte) 124).put((byte) 1).put((byte) 1);
        b.putInt(rows.size()).putShort((short) headerLength).putShort((short) recordLength);
        b.put(new byte[17]);
        b.put((byte) languageDriver);
        b.put(new byte[2]);
        for (Column c : columns) {
            byte[] name = new byte[11];
            byte[] raw = c.name.getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(raw, 0, name, 0, Math.min(10, raw.length));
            b.put(name).put((byte) c.type).putInt(0).put((byte) c.length).put((byte) c.decimals).put(new byte[14]);
        }
        b.put((byte) 0x0D);
        for (int r = 0; r < rows.size(); r++) {
            b.put((byte) (deleted.contains(r) ? '*' : ' '));
            String[] values = rows.get(r);
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                String v = i < values.length && values[i] != null ? values[i] : "";
                byte[] text = v.getBytes(c.type == 'C' ? charset : StandardCharsets.US_ASCII);
                byte[] field = new byte[c.length];
                java.util.Arrays.fill(field, (byte) ' ');
                int n = Math.min(text.length, c.length);
                // text left-aligned, numbers right-aligned, as dBase writes them
                int at = c.type == 'C' || c.type == 'D' || c.type == 'L' ? 0 : c.length - n;
                System.arraycopy(text, 0, field, at, n);
                b.put(field);
            }
        }
        b.put((byte) 0x1A);
        return b.array();
    }
}
