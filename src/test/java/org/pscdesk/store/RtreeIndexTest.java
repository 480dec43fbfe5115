package org.pscdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.pscdesk.geo.Crs;

/** The packed R*Tree is a valid SQLite R*Tree that answers window queries exactly like brute force. */
class RtreeIndexTest {

    private static final GeometryFactory GF = new GeometryFactory();

    @TempDir
    Path dir;

    private static List<Feature> randomFeatures(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Feature> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double x = 738000 + r.nextDouble() * 7000;
            double y = 4280000 + r.nextDouble() * 5000;
            Geometry g = i % 5 == 0
                    ? GF.toGeometry(new Envelope(x, x + r.nextDouble() * 300, y, y + r.nextDouble() * 300))
                    : GF.createPoint(new Coordinate(x, y));
            out.add(new Feature(g, List.of((long) i)));
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = LayerWrite.Index.class, names = {"PACKED", "ROW_BY_ROW"})
    void indexPassesRtreecheckAndMatchesBruteForce(LayerWrite.Index index) throws Exception {
        Path file = dir.resolve("ws.gpkg");
        List<Feature> features = randomFeatures(20_000, 7);
        try (Workspace ws = Workspace.create(file, Crs.of("EPSG:26915"))) {
            ws.writeLayer(new NewLayer("things", "Things", LayerRole.FACTOR, GeometryType.GEOMETRY,
                    List.of(new FieldDef("n", FieldType.INTEGER)), Provenance.generated("t", null, null)), features,
                    new LayerWrite(LayerWrite.Mode.CREATE, null, index));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT rtreecheck('rtree_things_geom')")) {
                rs.next();
                assertEquals("ok", rs.getString(1));
            }
            assertEquals(20_000, scalar(st, "SELECT COUNT(*) FROM rtree_things_geom"));
            SplittableRandom r = new SplittableRandom(11);
            for (int q = 0; q < 25; q++) {
                double x = 738000 + r.nextDouble() * 7000;
                double y = 4280000 + r.nextDouble() * 5000;
                Envelope window = new Envelope(x, x + 400, y, y + 400);
                TreeSet<Long> expected = new TreeSet<>();
                for (int i = 0; i < features.size(); i++) {
                    if (features.get(i).geometry().getEnvelopeInternal().intersects(window)) {
                        expected.add((long) i + 1);
                    }
                }
                TreeSet<Long> got = new TreeSet<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM rtree_things_geom"
                        + " WHERE maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ?")) {
                    ps.setDouble(1, window.getMinX());
                    ps.setDouble(2, window.getMaxX());
                    ps.setDouble(3, window.getMinY());
                    ps.setDouble(4, window.getMaxY());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            got.add(rs.getLong(1));
                        }
                    }
                }
                // float rounding widens boxes outward only: every true hit is found, extras are edge cases
                assertTrue(got.containsAll(expected), "window " + q);
                assertTrue(got.size() - expected.size() <= 2, "window " + q + " extra hits " + (got.size() - expected.size()));
            }
        }
    }

    /** Features without geometry leave gaps in the ids the index holds; a replaced layer starts again. */
    @Test
    void packedIndexSkipsEmptyGeometriesAndSurvivesAReplace() throws Exception {
        Path file = dir.resolve("ws.gpkg");
        List<Feature> features = new ArrayList<>(randomFeatures(5_000, 9));
        for (int i = 0; i < features.size(); i += 3) {
            features.set(i, new Feature(GF.createPoint(), features.get(i).values()));
        }
        NewLayer spec = new NewLayer("things", "Things", LayerRole.FACTOR, GeometryType.GEOMETRY,
                List.of(new FieldDef("n", FieldType.INTEGER)), Provenance.generated("t", null, null));
        try (Workspace ws = Workspace.create(file, Crs.of("EPSG:26915"))) {
            ws.writeLayer(spec, features, LayerWrite.create());
            assertRtree(file, 5_000 - 1_667);
            ws.writeLayer(spec, randomFeatures(2_000, 10), new LayerWrite(LayerWrite.Mode.REPLACE, null,
                    LayerWrite.Index.PACKED));
            assertRtree(file, 2_000);
        }
    }

    private static void assertRtree(Path file, long entries) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            SpatialFunctions.register(c);
            try (ResultSet rs = st.executeQuery("SELECT rtreecheck('rtree_things_geom')")) {
                rs.next();
                assertEquals("ok", rs.getString(1));
            }
            assertEquals(entries, scalar(st, "SELECT COUNT(*) FROM rtree_things_geom"));
            assertEquals(0, scalar(st, "SELECT COUNT(*) FROM things t LEFT JOIN rtree_things_geom r ON r.id = t.fid"
                    + " WHERE (r.id IS NULL) = (ST_IsEmpty(t.geom) = 0)"), "indexed exactly the non-empty ones");
        }
    }

    @Test
    void triggersKeepThePackedIndexCurrentOnAppendAndDelete() throws Exception {
        Path file = dir.resolve("ws.gpkg");
        try (Workspace ws = Workspace.create(file, Crs.of("EPSG:26915"))) {
            NewLayer spec = new NewLayer("things", "Things", LayerRole.FACTOR, GeometryType.GEOMETRY,
                    List.of(new FieldDef("n", FieldType.INTEGER)), Provenance.generated("t", null, null));
            ws.createLayer(spec, randomFeatures(3_000, 3));
            AppendResult added = ws.appendFeatures("things", randomFeatures(200, 4).subList(0, 200).stream()
                    .map(f -> new Feature(f.geometry(), List.of(((Long) f.values().get(0)) + 100_000))).toList(),
                    List.of("n"), List.of("n"), List.of(List.of(5L), List.of(999_999L)));
            assertEquals(200, added.added());
            assertEquals(1, added.cancelled());
            assertEquals(1, added.unmatchedCancellations());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            assertEquals(3_199, scalar(st, "SELECT COUNT(*) FROM rtree_things_geom"));
            try (ResultSet rs = st.executeQuery("SELECT rtreecheck('rtree_things_geom')")) {
                rs.next();
                assertEquals("ok", rs.getString(1));
            }
        }
    }

    @Test
    void radixSortOrdersBySortValueAndKeepsTiesInOrder() {
        SplittableRandom r = new SplittableRandom(5);
        for (int n : new int[] {0, 1, 2, 7, 1000, 100_000}) {
            long[] keys = new long[n + 10];
            for (int i = 0; i < keys.length; i++) {
                // few distinct values (ties), negative ones, and the extremes of int
                int value = switch (r.nextInt(4)) {
                    case 0 -> r.nextInt(5) - 2;
                    case 1 -> Integer.MIN_VALUE + r.nextInt(3);
                    case 2 -> Integer.MAX_VALUE - r.nextInt(3);
                    default -> r.nextInt();
                };
                keys[i] = ((long) value << 32) | i;
            }
            long[] expected = keys.clone();
            // values, then original position: the order a stable sort of the values gives
            java.util.Arrays.sort(expected, 5, 5 + n);
            long[] got = keys.clone();
            RtreeIndex.radixSort(got, 5, 5 + n, new long[n]);
            assertTrue(java.util.Arrays.equals(expected, got), "n = " + n);
        }
    }

    @Test
    void floatRoundingNeverShrinksABox() {
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 100_000; i++) {
            double v = (r.nextDouble() - 0.5) * 2e7;
            assertTrue(RtreeIndex.down(v) <= v && RtreeIndex.up(v) >= v, "value " + v);
        }
    }

    private static long scalar(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
