package org.pscdesk.store;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The GeoPackage spatial index of a feature table ({@code gpkg_rtree_index} extension): an SQLite R*Tree
 * virtual table {@code rtree_<table>_<column>} plus the triggers that keep it current.
 *
 * <p>{@link #createPacked} builds the tree bottom-up with Sort-Tile-Recursive packing and writes the
 * R*Tree's node blobs straight into its shadow tables, as GDAL 3.7+ does: about ten times faster than
 * inserting a million rows one by one, and it gives full, well-clustered nodes. The node format is SQLite's
 * (rtree.c): 2 bytes tree depth (root only), 2 bytes cell count, then cells of an 8-byte id and four 4-byte
 * floats, all big-endian; minima rounded down and maxima up to float. {@link #createRowByRow} is the plain
 * {@code INSERT ... SELECT} kept for comparison in benchmarks. Both end with {@code rtreecheck} in tests.
 */
final class RtreeIndex {

    /** SQLite's RTREE_MAXCELLS: nodes never hold more cells, whatever the page size. */
    private static final int MAX_CELLS = 51;
    private static final int CELL_BYTES = 8 + 4 * 4;

    private RtreeIndex() {
    }

    static String tableName(String table, String column) {
        return "rtree_" + table + "_" + column;
    }

    /** Entries to index: feature ids and their envelopes, grown as features are written. */
    static final class Entries {
        private long[] ids = new long[1024];
        private double[] box = new double[4 * 1024];
        private int size;

        /** Adds an entry; ids come in increasing order (the order features are written in). */
        void add(long id, double minX, double maxX, double minY, double maxY) {
            if (size > 0 && id <= ids[size - 1]) {
                throw new IllegalArgumentException("R-tree entries must come in increasing id order: " + id
                        + " after " + ids[size - 1]);
            }
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                box = Arrays.copyOf(box, size * 8);
            }
            ids[size] = id;
            box[4 * size] = minX;
            box[4 * size + 1] = maxX;
            box[4 * size + 2] = minY;
            box[4 * size + 3] = maxY;
            size++;
        }

        int size() {
            return size;
        }
    }

    /** Creates the index, fills it packed from {@code entries} and adds the triggers and extension row. */
    static void createPacked(Connection c, String table, String column, Entries entries) throws SQLException {
        String rtree = tableName(table, column);
        createVirtualTable(c, rtree);
        if (entries.size > 0) {
            int nodeSize = nodeSize(c, rtree);
            writePacked(c, rtree, entries, nodeSize);
        }
        finish(c, table, column);
    }

    /** Creates the index and fills it with one INSERT per feature (SQLite's own insertion algorithm). */
    static void createRowByRow(Connection c, String table, String column, String idColumn) throws SQLException {
        String rtree = tableName(table, column);
        createVirtualTable(c, rtree);
        try (Statement st = c.createStatement()) {
            st.execute("INSERT INTO " + q(rtree) + " SELECT " + q(idColumn) + ", ST_MinX(" + q(column) + "), ST_MaxX("
                    + q(column) + "), ST_MinY(" + q(column) + "), ST_MaxY(" + q(column) + ") FROM " + q(table)
                    + " WHERE " + q(column) + " NOT NULL AND NOT ST_IsEmpty(" + q(column) + ")");
        }
        finish(c, table, column);
    }

    /** Drops the index of a table, if any (before the table itself is dropped or replaced). */
    static void drop(Connection c, String table, String column) throws SQLException {
        String rtree = tableName(table, column);
        try (Statement st = c.createStatement()) {
            for (String suffix : new String[] {"insert", "update1", "update2", "update3", "update4", "update5",
                    "update6", "update7", "delete"}) {
                st.execute("DROP TRIGGER IF EXISTS " + q(rtree + "_" + suffix));
            }
            st.execute("DROP TABLE IF EXISTS " + q(rtree));
            if (tableExists(c, "gpkg_extensions")) {
                try (PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM gpkg_extensions WHERE table_name = ? AND extension_name = 'gpkg_rtree_index'")) {
                    ps.setString(1, table);
                    ps.executeUpdate();
                }
            }
        }
    }

    private static void createVirtualTable(Connection c, String rtree) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE VIRTUAL TABLE " + q(rtree) + " USING rtree(id, minx, maxx, miny, maxy)");
        }
    }

    private static int nodeSize(Connection c, String rtree) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT length(data) FROM " + q(rtree + "_node") + " WHERE nodeno = 1")) {
            if (!rs.next()) {
                throw new SQLException("R*Tree " + rtree + " has no root node");
            }
            return rs.getInt(1);
        }
    }

    private static void writePacked(Connection c, String rtree, Entries entries, int nodeSize) throws SQLException {
        int perNode = Math.min(MAX_CELLS, (nodeSize - 4) / CELL_BYTES);
        // Level 0: the features, with float-rounded boxes exactly as SQLite stores them. Its "ids" are the
        // features' positions in entries (in fid order), so that a leaf finds each feature's _rowid row directly.
        int n = entries.size;
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
        }
        float[] box = new float[4 * n];
        for (int i = 0; i < n; i++) {
            box[4 * i] = down(entries.box[4 * i]);
            box[4 * i + 1] = up(entries.box[4 * i + 1]);
            box[4 * i + 2] = down(entries.box[4 * i + 2]);
            box[4 * i + 3] = up(entries.box[4 * i + 3]);
        }
        List<Level> levels = new ArrayList<>();
        Level current = new Level(ids, box, null, null);
        levels.add(current);
        do {
            current = pack(current, perNode);
            levels.add(current);
        } while (current.count() > 1);
        // levels: [features, leaves, ..., root]; the root is node 1, the rest are numbered from 2.
        int depth = levels.size() - 2;
        long next = 2;
        long[][] nodeNumbers = new long[levels.size()][];
        for (int l = levels.size() - 1; l >= 1; l--) {
            Level level = levels.get(l);
            nodeNumbers[l] = new long[level.count()];
            for (int i = 0; i < level.count(); i++) {
                nodeNumbers[l][i] = (l == levels.size() - 1) ? 1 : next++;
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("DELETE FROM " + q(rtree + "_node"));
            st.execute("DELETE FROM " + q(rtree + "_parent"));
            st.execute("DELETE FROM " + q(rtree + "_rowid"));
        }
        // Leaf of each feature, by its position in fid order: the _rowid rows are written in rowid order, since
        // a million inserts in leaf (random) order cost seven times as many B-tree seeks and page splits.
        long[] leafOf = new long[n];
        try (PreparedStatement node = c.prepareStatement("INSERT INTO " + q(rtree + "_node") + " (nodeno, data) VALUES (?, ?)");
             RowWriter parent = new RowWriter(c, rtree + "_parent", "nodeno", "parentnode")) {
            for (int l = 1; l < levels.size(); l++) {
                Level level = levels.get(l);
                Level children = levels.get(l - 1);
                boolean root = l == levels.size() - 1;
                for (int i = 0; i < level.count(); i++) {
                    int from = level.childFrom[i];
                    int to = level.childTo[i];
                    ByteBuffer data = ByteBuffer.allocate(nodeSize);
                    data.putShort((short) (root ? depth : 0));
                    data.putShort((short) (to - from));
                    long nodeNo = nodeNumbers[l][i];
                    for (int k = from; k < to; k++) {
                        long childId = l == 1 ? entries.ids[(int) children.ids[k]] : nodeNumbers[l - 1][k];
                        data.putLong(childId);
                        data.putFloat(children.box[4 * k]);
                        data.putFloat(children.box[4 * k + 1]);
                        data.putFloat(children.box[4 * k + 2]);
                        data.putFloat(children.box[4 * k + 3]);
                        if (l == 1) {
                            leafOf[(int) children.ids[k]] = nodeNo;
                        } else {
                            parent.add(childId, nodeNo);
                        }
                    }
                    node.setLong(1, nodeNo);
                    node.setBytes(2, data.array());
                    node.addBatch();
                }
                node.executeBatch();
            }
        }
        writeRowids(c, rtree + "_rowid", entries.ids, leafOf, n);
    }

    /**
     * Writes the {@code _rowid} table (feature id → leaf node) in id order. When the ids run on without a gap
     * (in a new layer they do, unless some features have no geometry) every row after the first gives only its
     * leaf and SQLite numbers it one past the last rowid, which is its id: half the values to bind (a million
     * rows in 0.15 s instead of 0.25 s).
     */
    private static void writeRowids(Connection c, String table, long[] ids, long[] leafOf, int n) throws SQLException {
        boolean runOn = ids[n - 1] - ids[0] == n - 1;
        try (RowWriter numbered = new RowWriter(c, table, "rowid", "nodeno");
             RowWriter next = new RowWriter(c, table, "nodeno")) {
            for (int k = 0; k < n; k++) {
                if (runOn && k > 0) {
                    next.add(leafOf[k]);
                } else {
                    numbered.add(ids[k], leafOf[k]);
                    if (runOn) {
                        numbered.flush();
                    }
                }
            }
        }
    }

    /**
     * Writes rows of integers with multi-row INSERTs: a million single-row inserts cost half a second more.
     * Rows are written in the order they are added; {@link #flush} writes the pending ones now.
     */
    private static final class RowWriter implements AutoCloseable {
        private static final int ROWS = 500;
        private final PreparedStatement full;
        private final Connection c;
        private final String sqlHead;
        private final String tuple;
        private final int width;
        private final long[] pending;
        private int size;

        RowWriter(Connection c, String table, String... columns) throws SQLException {
            this.c = c;
            this.width = columns.length;
            this.sqlHead = "INSERT INTO " + q(table) + " (" + String.join(", ", columns) + ") VALUES ";
            this.tuple = "(?" + ", ?".repeat(width - 1) + ")";
            this.pending = new long[width * ROWS];
            this.full = c.prepareStatement(sqlHead + tuple + (", " + tuple).repeat(ROWS - 1));
        }

        void add(long... row) throws SQLException {
            System.arraycopy(row, 0, pending, width * size, width);
            if (++size == ROWS) {
                write(full);
            }
        }

        void flush() throws SQLException {
            if (size > 0) {
                try (PreparedStatement rest = c.prepareStatement(sqlHead + tuple + (", " + tuple).repeat(size - 1))) {
                    write(rest);
                }
            }
        }

        private void write(PreparedStatement ps) throws SQLException {
            for (int i = 0; i < width * size; i++) {
                ps.setLong(i + 1, pending[i]);
            }
            ps.executeUpdate();
            size = 0;
        }

        @Override
        public void close() throws SQLException {
            try {
                flush();
            } finally {
                full.close();
            }
        }
    }

    /**
     * One level of the tree: its entries (ids and float boxes) and, above the features, each entry's range
     * of children in the level below ({@code childFrom[i]} inclusive to {@code childTo[i]} exclusive).
     */
    private static final class Level {
        final long[] ids;
        final float[] box;
        final int[] childFrom;
        final int[] childTo;

        Level(long[] ids, float[] box, int[] childFrom, int[] childTo) {
            this.ids = ids;
            this.box = box;
            this.childFrom = childFrom;
            this.childTo = childTo;
        }

        int count() {
            return ids.length;
        }
    }

    /**
     * Sort-Tile-Recursive: reorders the entries of {@code below} in place (keeping their child ranges with
     * them) into runs of at most {@code perNode} and returns the level of nodes above those runs, each with
     * the union box of its children.
     */
    private static Level pack(Level below, int perNode) {
        int n = below.count();
        int nodes = (n + perNode - 1) / perNode;
        int slices = (int) Math.ceil(Math.sqrt(nodes));
        int perSlice = slices * perNode;
        float[] b = below.box;
        // Sort by centre x, then each slice by centre y; keys pack (sortable float bits, index) into a long so
        // that a primitive sort does it (a million boxed comparisons cost a second).
        long[] keys = new long[n];
        long[] scratch = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = key(b[4 * i] + b[4 * i + 1], i);
        }
        radixSort(keys, 0, n, scratch);
        for (int s = 0; s < n; s += perSlice) {
            int end = Math.min(n, s + perSlice);
            for (int k = s; k < end; k++) {
                int i = (int) keys[k];
                keys[k] = key(b[4 * i + 2] + b[4 * i + 3], i);
            }
            radixSort(keys, s, end, scratch);
        }
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = (int) keys[k];
        }
        long[] ids = new long[n];
        float[] box = new float[4 * n];
        int[] from = below.childFrom == null ? null : new int[n];
        int[] to = below.childTo == null ? null : new int[n];
        for (int i = 0; i < n; i++) {
            int o = order[i];
            ids[i] = below.ids[o];
            System.arraycopy(b, 4 * o, box, 4 * i, 4);
            if (from != null) {
                from[i] = below.childFrom[o];
                to[i] = below.childTo[o];
            }
        }
        System.arraycopy(ids, 0, below.ids, 0, n);
        System.arraycopy(box, 0, below.box, 0, 4 * n);
        if (from != null) {
            System.arraycopy(from, 0, below.childFrom, 0, n);
            System.arraycopy(to, 0, below.childTo, 0, n);
        }
        // runs never cross slice boundaries, so nodes stay compact
        List<int[]> runs = new ArrayList<>();
        for (int s = 0; s < n; s += perSlice) {
            int end = Math.min(n, s + perSlice);
            for (int k = s; k < end; k += perNode) {
                runs.add(new int[] {k, Math.min(end, k + perNode)});
            }
        }
        int count = runs.size();
        int[] upFrom = new int[count];
        int[] upTo = new int[count];
        float[] upBox = new float[4 * count];
        for (int i = 0; i < count; i++) {
            upFrom[i] = runs.get(i)[0];
            upTo[i] = runs.get(i)[1];
            float minX = Float.POSITIVE_INFINITY;
            float maxX = Float.NEGATIVE_INFINITY;
            float minY = Float.POSITIVE_INFINITY;
            float maxY = Float.NEGATIVE_INFINITY;
            for (int k = upFrom[i]; k < upTo[i]; k++) {
                minX = Math.min(minX, below.box[4 * k]);
                maxX = Math.max(maxX, below.box[4 * k + 1]);
                minY = Math.min(minY, below.box[4 * k + 2]);
                maxY = Math.max(maxY, below.box[4 * k + 3]);
            }
            upBox[4 * i] = minX;
            upBox[4 * i + 1] = maxX;
            upBox[4 * i + 2] = minY;
            upBox[4 * i + 3] = maxY;
        }
        return new Level(new long[count], upBox, upFrom, upTo);
    }

    /**
     * Sorts {@code keys[from, to)} by their sort value (the high 32 bits, a signed int), keeping the order of
     * equal values: a least-significant-digit radix sort in byte passes, a pass skipped when all keys share
     * its byte. On a million keys it is several times faster than {@code Arrays.sort} (0.1 s in a million-row
     * import), which cannot use that only 32 of the 64 bits need ordering. {@code scratch} holds {@code to - from}.
     */
    static void radixSort(long[] keys, int from, int to, long[] scratch) {
        int n = to - from;
        if (n < 2) {
            return;
        }
        long[] src = keys;
        int srcAt = from;
        long[] dst = scratch;
        int dstAt = 0;
        int[] start = new int[257];
        for (int shift = 32; shift < 64; shift += 8) {
            java.util.Arrays.fill(start, 0);
            for (int k = srcAt; k < srcAt + n; k++) {
                start[digit(src[k], shift) + 1]++;
            }
            if (start[digit(src[srcAt], shift) + 1] == n) {
                continue;
            }
            for (int d = 0; d < 256; d++) {
                start[d + 1] += start[d];
            }
            for (int k = srcAt; k < srcAt + n; k++) {
                long v = src[k];
                dst[dstAt + start[digit(v, shift)]++] = v;
            }
            long[] a = src;
            src = dst;
            dst = a;
            int at = srcAt;
            srcAt = dstAt;
            dstAt = at;
        }
        if (src != keys) {
            System.arraycopy(src, srcAt, keys, from, n);
        }
    }

    /** The byte of a key's sort value at {@code shift}, in unsigned order (the sign bit flipped). */
    private static int digit(long key, int shift) {
        return (int) ((key ^ Long.MIN_VALUE) >>> shift) & 0xff;
    }

    /** A sort key: the float's bits made to order like the float, then the index. */
    private static long key(float value, int index) {
        int bits = Float.floatToIntBits(value);
        bits ^= (bits >> 31) & 0x7fffffff;
        return ((long) bits << 32) | (index & 0xffffffffL);
    }

    /** Largest float not above {@code v} (SQLite's rtreeValueDown). */
    static float down(double v) {
        float f = (float) v;
        return f > v ? Math.nextDown(f) : f;
    }

    /** Smallest float not below {@code v} (SQLite's rtreeValueUp). */
    static float up(double v) {
        float f = (float) v;
        return f < v ? Math.nextUp(f) : f;
    }

    private static void finish(Connection c, String table, String column) throws SQLException {
        String rtree = tableName(table, column);
        String t = q(table);
        String g = q(column);
        String r = q(rtree);
        String i = "fid";
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS gpkg_extensions (table_name TEXT, column_name TEXT,"
                    + " extension_name TEXT NOT NULL, definition TEXT NOT NULL, scope TEXT NOT NULL,"
                    + " CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))");
            st.execute("INSERT OR REPLACE INTO gpkg_extensions VALUES ('" + table.replace("'", "''") + "', '"
                    + column.replace("'", "''") + "', 'gpkg_rtree_index',"
                    + " 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')");
            String box = "ST_MinX(NEW." + g + "), ST_MaxX(NEW." + g + "), ST_MinY(NEW." + g + "), ST_MaxY(NEW." + g + ")";
            // The GeoPackage 1.2/1.3 trigger set (spec annex F.3).
            st.execute("CREATE TRIGGER " + q(rtree + "_insert") + " AFTER INSERT ON " + t
                    + " WHEN (NEW." + g + " NOT NULL AND NOT ST_IsEmpty(NEW." + g + ")) BEGIN"
                    + " INSERT OR REPLACE INTO " + r + " VALUES (NEW." + i + ", " + box + "); END");
            st.execute("CREATE TRIGGER " + q(rtree + "_update1") + " AFTER UPDATE OF " + g + " ON " + t
                    + " WHEN OLD." + i + " = NEW." + i + " AND (NEW." + g + " NOTNULL AND NOT ST_IsEmpty(NEW." + g + "))"
                    + " BEGIN INSERT OR REPLACE INTO " + r + " VALUES (NEW." + i + ", " + box + "); END");
            st.execute("CREATE TRIGGER " + q(rtree + "_update2") + " AFTER UPDATE OF " + g + " ON " + t
                    + " WHEN OLD." + i + " = NEW." + i + " AND (NEW." + g + " ISNULL OR ST_IsEmpty(NEW." + g + "))"
                    + " BEGIN DELETE FROM " + r + " WHERE id = OLD." + i + "; END");
            st.execute("CREATE TRIGGER " + q(rtree + "_update3") + " AFTER UPDATE ON " + t
                    + " WHEN OLD." + i + " != NEW." + i + " AND (NEW." + g + " NOTNULL AND NOT ST_IsEmpty(NEW." + g + "))"
                    + " BEGIN DELETE FROM " + r + " WHERE id = OLD." + i + "; INSERT OR REPLACE INTO " + r
                    + " VALUES (NEW." + i + ", " + box + "); END");
            st.execute("CREATE TRIGGER " + q(rtree + "_update4") + " AFTER UPDATE ON " + t
                    + " WHEN OLD." + i + " != NEW." + i + " AND (NEW." + g + " ISNULL OR ST_IsEmpty(NEW." + g + "))"
                    + " BEGIN DELETE FROM " + r + " WHERE id IN (OLD." + i + ", NEW." + i + "); END");
            st.execute("CREATE TRIGGER " + q(rtree + "_delete") + " AFTER DELETE ON " + t
                    + " WHEN OLD." + g + " NOT NULL BEGIN DELETE FROM " + r + " WHERE id = OLD." + i + "; END");
        }
    }

    private static boolean tableExists(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String q(String identifier) {
        return Workspace.quote(identifier);
    }
}
