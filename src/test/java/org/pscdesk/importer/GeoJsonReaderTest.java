package org.pscdesk.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.pscdesk.geo.Crs;
import org.pscdesk.store.FieldDef;
import org.pscdesk.store.FieldType;
import org.pscdesk.store.GeometryType;

class GeoJsonReaderTest {

    @TempDir
    Path dir;

    /** File and row count as stated in shared/data/README.md §2 and §3d. */
    static Stream<Arguments> realFiles() {
        return Stream.of(
                Arguments.of("risk_factors/derived_geojson_2025/business_licenses_2025.geojson", 6239),
                Arguments.of("risk_factors/derived_geojson_2025/lra_parcels_2025.geojson", 9467),
                Arguments.of("risk_factors/derived_geojson_2025/parks_2025.geojson", 117),
                Arguments.of("risk_factors/derived_geojson_2025/schools_2025.geojson", 133),
                Arguments.of("risk_factors/derived_geojson_2025/tax_sales_2025.geojson", 2200),
                Arguments.of("boundaries/city/STL_BOUNDARY_City.geojson", 1));
    }

    @ParameterizedTest
    @MethodSource("realFiles")
    void readsEveryFeatureOfTheStLouisFiles(String file, int count) throws Exception {
        Path path = GeoTestSupport.stl(file);
        // an independent count: "type":"Feature" members, which are not "FeatureCollection"
        Matcher m = Pattern.compile("\"type\"\\s*:\\s*\"Feature\"").matcher(Files.readString(path));
        int features = 0;
        while (m.find()) {
            features++;
        }
        try (GeoJsonReader r = GeoJsonReader.open(path, ReadOptions.DEFAULTS)) {
            List<SourceRecord> records = GeoTestSupport.readAll(r);
            assertEquals(count, records.size());
            assertEquals(features, records.size());
            assertEquals("EPSG:4326", r.sourceCrs().orElseThrow().id());
            assertTrue(records.stream().allMatch(s -> s.usable() || "no_geometry".equals(s.skipReason())));
        }
    }

    @ParameterizedTest
    @MethodSource("realFiles")
    void stLouisFilesAgreeWithGdalOnFieldsAndCoordinates(String file, int count) throws Exception {
        GeoTestSupport.assumeGdal();
        Path path = GeoTestSupport.stl(file);
        try (GeoJsonReader r = GeoJsonReader.open(path, ReadOptions.DEFAULTS)) {
            List<SourceRecord> records = GeoTestSupport.readAll(r);
            assertEquals(GeoTestSupport.ogrFeatureCount(path), records.size());
            Map<String, FieldType> ours = r.fields().stream().collect(Collectors.toMap(FieldDef::name, FieldDef::type,
                    (a, b) -> a, LinkedHashMap::new));
            assertEquals(GeoTestSupport.ogrFields(path), ours);
            // ogrinfo prints 15 significant digits: 1e-12 degree is far below a millimetre
            double max = GeoTestSupport.compareWithGdal(records, GeoTestSupport.ogrGeometries(path));
            assertTrue(max < 1e-12, "max difference " + max);
        }
    }

    @Test
    void parcelsThatArePolygonsOrMultiPolygonsAreAllMultiPolygons() throws Exception {
        Path path = GeoTestSupport.stl("risk_factors/derived_geojson_2025/lra_parcels_2025.geojson");
        try (GeoJsonReader r = GeoJsonReader.open(path, ReadOptions.DEFAULTS)) {
            assertEquals(GeometryType.MULTIPOLYGON, r.geometryType());
            assertTrue(GeoTestSupport.readAll(r).stream().allMatch(s -> s.geometry() instanceof MultiPolygon));
        }
    }

    @Test
    void typesPropertiesOverEveryFeatureAndWidensDisagreements() throws Exception {
        Path path = write("""
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"i":1,"r":1,"mix":5820,"b":true,"o":{"a":[1,2]},"d":"2019-07-04",
                   "dt":"2019-07-04T21:30:00.000Z","notdate":"2019-07-04","n":null,"s":"x"},
                  "geometry":{"type":"Point","coordinates":[1,2]}},
                 {"type":"Feature","properties":{"i":2,"r":2.5,"mix":"bar","b":false,"o":[true],"d":"2020-02-29",
                   "dt":"2019-07-05","notdate":"July","n":null,"extra":7},
                  "geometry":{"type":"Point","coordinates":[3,4]}}]}""");
        try (GeoJsonReader r = GeoJsonReader.open(path, ReadOptions.DEFAULTS)) {
            Map<String, FieldType> types = r.fields().stream().collect(Collectors.toMap(FieldDef::name, FieldDef::type,
                    (a, b) -> a, LinkedHashMap::new));
            Map<String, FieldType> expected = new LinkedHashMap<>();
            expected.put("i", FieldType.INTEGER);
            expected.put("r", FieldType.REAL);
            expected.put("mix", FieldType.TEXT);
            expected.put("b", FieldType.BOOLEAN);
            expected.put("o", FieldType.TEXT);
            expected.put("d", FieldType.DATE);
            expected.put("dt", FieldType.DATETIME);
            expected.put("notdate", FieldType.TEXT);
            expected.put("n", FieldType.TEXT);
            expected.put("s", FieldType.TEXT);
            expected.put("extra", FieldType.INTEGER);
            assertEquals(expected, types);
            List<SourceRecord> records = GeoTestSupport.readAll(r);
            assertArrayEquals(new Object[] {1L, 1.0, "5820", true, "{\"a\":[1,2]}", LocalDate.of(2019, 7, 4),
                LocalDateTime.of(2019, 7, 4, 21, 30), "2019-07-04", null, "x", null}, records.get(0).values());
            assertArrayEquals(new Object[] {2L, 2.5, "bar", false, "[true]", LocalDate.of(2020, 2, 29),
                LocalDateTime.of(2019, 7, 5, 0, 0), "July", null, null, 7L}, records.get(1).values());
        }
    }

    @Test
    void readsEveryGeometryTypeIncludingCollections() throws Exception {
        Path path = write("""
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1,2,99]}},
                 {"type":"Feature","properties":{},"geometry":{"type":"MultiPoint","coordinates":[[1,2],[3,4]]}},
                 {"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[0,0],[3,4]]}},
                 {"type":"Feature","properties":{},"geometry":{"type":"MultiLineString","coordinates":[[[0,0],[1,0]],[[0,1],[0,3]]]}},
                 {"type":"Feature","properties":{},"geometry":{"type":"Polygon",
                   "coordinates":[[[0,0],[10,0],[10,10],[0,10],[0,0]],[[2,2],[2,4],[4,4],[4,2],[2,2]]]}},
                 {"type":"Feature","properties":{},"geometry":{"coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],
                   [[[5,5],[6,5],[6,6],[5,5]]]],"type":"MultiPolygon"}},
                 {"type":"Feature","properties":{},"geometry":{"type":"GeometryCollection","geometries":[
                   {"type":"Point","coordinates":[1,1]},{"type":"LineString","coordinates":[[0,0],[1,1]]}]}}]}""");
        try (GeoJsonReader r = GeoJsonReader.open(path, ReadOptions.DEFAULTS)) {
            assertEquals(GeometryType.GEOMETRY, r.geometryType());
            List<SourceRecord> records = GeoTestSupport.readAll(r);
            assertEquals(List.of("Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon",
                    "GeometryCollection"), records.stream().map(s -> s.geometry().getGeometryType()).toList());
            assertEquals(5.0, records.get(2).geometry().getLength(), 1e-12);
            assertEquals(3.0, records.get(3).geometry().getLength(), 1e-12);
            assertEquals(96.0, records.get(4).geometry().getArea(), 1e-12);
            assertEquals(1.0, records.get(5).geometry().getArea(), 1e-12);
            assertInstanceOf(GeometryCollection.class, records.get(6).geometry());
        }
    }

    @Test
    void skipsNullAndBrokenGeometriesButKeepsReading() throws Exception {
        Path path = write("""
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"n":1},"geometry":null},
                 {"type":"Feature","properties":{"n":2}},
                 {"type":"Feature","properties":{"n":3},"geometry":{"type":"Point","coordinates":["a","b"]}},
                 {"type":"Feature","properties":{"n":4},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,1],[0,0]]]}},
                 {"type":"Feature","properties":{"n":5},"geometry":{"type":"Circle","coordinates":[0,0]}},
                 {"type":"Feature","properties":{"n":6},"geometry":{"type":"Point","coordinates":[1e999,0]}},
                 {"type":"Feature","properties":{"n":7},"geometry":{"type":"Point","coordinates":[]}},
                 42,
                 {"type":"Feature","properties":{"n":9},"geometry":{"type":"Point","coordinates":[9,9]}}]}""");
        try (GeoJsonReader r = GeoJsonReader.open(path, ReadOptions.DEFAULTS)) {
            List<SourceRecord> records = GeoTestSupport.readAll(r);
            assertEquals(List.of("no_geometry", "no_geometry", "bad_coordinates", "bad_geometry", "bad_geometry",
                    "bad_coordinates", "no_geometry", "bad_feature"),
                    records.subList(0, 8).stream().map(SourceRecord::skipReason).toList());
            assertTrue(records.subList(0, 8).stream().allMatch(s -> s.problem() != null && s.problem().row() == s.row()));
            assertEquals(9L, records.get(8).values()[0]);
            assertTrue(records.get(8).usable());
        }
    }

    @Test
    void readsASingleFeatureAndABareGeometry() throws Exception {
        Path feature = write("""
                {"geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]},"properties":{"name":"Grand"},
                 "type":"Feature"}""");
        try (GeoJsonReader r = GeoJsonReader.open(feature, ReadOptions.DEFAULTS)) {
            List<SourceRecord> records = GeoTestSupport.readAll(r);
            assertEquals(1, records.size());
            assertEquals("Grand", records.get(0).values()[0]);
            assertEquals(GeometryType.LINESTRING, r.geometryType());
        }
        Path bare = write("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[2,0],[2,2],[0,0]]]}");
        try (GeoJsonReader r = GeoJsonReader.open(bare, ReadOptions.DEFAULTS)) {
            List<SourceRecord> records = GeoTestSupport.readAll(r);
            assertEquals(1, records.size());
            assertEquals(2.0, records.get(0).geometry().getArea(), 1e-12);
            assertTrue(r.fields().isEmpty());
        }
    }

    @Test
    void readsTheCrsMemberOfOldGeoJson() throws Exception {
        String body = "\"features\":[{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Point\","
                + "\"coordinates\":[742014.6,4282009.8]}}]}";
        Path utm = write("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":"
                + "\"urn:ogc:def:crs:EPSG::26915\"}}," + body);
        try (GeoJsonReader r = GeoJsonReader.open(utm, ReadOptions.DEFAULTS)) {
            assertEquals("EPSG:26915", r.sourceCrs().orElseThrow().id());
        }
        Path crs84 = GeoTestSupport.stl("boundaries/city/STL_BOUNDARY_City.geojson");
        try (GeoJsonReader r = GeoJsonReader.open(crs84, ReadOptions.DEFAULTS)) {
            assertEquals("EPSG:4326", r.sourceCrs().orElseThrow().id());
        }
        Path unknown = write("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":"
                + "\"urn:x-local:mine\"}}," + body);
        try (GeoJsonReader r = GeoJsonReader.open(unknown, ReadOptions.DEFAULTS)) {
            assertTrue(r.sourceCrs().isEmpty());
            assertTrue(r.notes().get(0).message().contains("--crs"));
        }
        try (GeoJsonReader r = GeoJsonReader.open(unknown, ReadOptions.DEFAULTS.withCrs(Crs.of("ESRI:102696")))) {
            assertEquals("ESRI:102696", r.sourceCrs().orElseThrow().id());
        }
    }

    @Test
    void recognisesTheCrsNamesInUse() {
        assertEquals("EPSG:4326", GeoJsonReader.crsFromName("urn:ogc:def:crs:OGC:1.3:CRS84").orElseThrow().id());
        assertEquals("EPSG:4326", GeoJsonReader.crsFromName("OGC:CRS84").orElseThrow().id());
        assertEquals("EPSG:4269", GeoJsonReader.crsFromName("EPSG:4269").orElseThrow().id());
        assertEquals("EPSG:26915", GeoJsonReader.crsFromName("urn:ogc:def:crs:EPSG:6.6:26915").orElseThrow().id());
        assertEquals("EPSG:3857", GeoJsonReader.crsFromName("http://www.opengis.net/def/crs/EPSG/0/3857")
                .orElseThrow().id());
        assertEquals("ESRI:102696", GeoJsonReader.crsFromName("urn:ogc:def:crs:ESRI::102696").orElseThrow().id());
        assertTrue(GeoJsonReader.crsFromName("EPSG:999999").isEmpty());
    }

    @Test
    void namesTheLineAndColumnOfBrokenJson() throws Exception {
        // line 3 is missing the comma after "a":1; the parser stops at the quote that starts "b"
        String text = "{\"type\":\"FeatureCollection\",\"features\":[\n"
                + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":null},\n"
                + "{\"type\":\"Feature\",\"properties\":{\"a\":1 \"b\":2},\"geometry\":null}]}\n";
        Path path = write(text);
        String line3 = text.split("\n")[2];
        int column = line3.indexOf("\"b\"") + 1;
        ImportException e = assertThrows(ImportException.class, () -> GeoJsonReader.open(path, ReadOptions.DEFAULTS));
        assertTrue(e.problem().message().contains("line 3, column " + column), e.problem().message());
        assertEquals(2, e.problem().row());
    }

    @Test
    void refusesEmptyAndNonGeoJsonFiles() throws Exception {
        for (String text : List.of("", "[1,2,3]", "{\"type\":\"Topology\"}", "{\"a\":1} trailing")) {
            Path path = write(text);
            ImportException e = assertThrows(ImportException.class, () -> GeoJsonReader.open(path, ReadOptions.DEFAULTS),
                    text);
            assertEquals(path.getFileName().toString(), e.problem().file());
        }
    }

    @Test
    void reportsProgressToTheEndOfTheFile() throws Exception {
        Path path = GeoTestSupport.stl("risk_factors/derived_geojson_2025/parks_2025.geojson");
        try (GeoJsonReader r = GeoJsonReader.open(path, ReadOptions.DEFAULTS)) {
            r.next();
            long[] halfway = r.progress();
            assertTrue(halfway[0] > 0 && halfway[0] < halfway[1]);
            GeoTestSupport.readAll(r);
            assertEquals(Files.size(path), r.progress()[0]);
        }
    }

    @Test
    void parsesIsoDatesAndDateTimesOnly() {
        assertEquals(LocalDateTime.of(2025, 10, 14, 0, 0), GeoJsonReader.parseDateTime("2025-10-14T00:00:00.000Z"));
        assertEquals(LocalDateTime.of(2018, 1, 1, 0, 48, 30), GeoJsonReader.parseDateTime("2018-01-01 00:48:30.0"));
        assertEquals(LocalDateTime.of(2019, 7, 4, 21, 30), GeoJsonReader.parseDateTime("2019-07-04T21:30-05:00"));
        assertNull(GeoJsonReader.parseDateTime("2019-02-30T00:00"));
        assertNull(GeoJsonReader.parseDateTime("10/1/1990"));
        assertNull(GeoJsonReader.parseDate("2019-13-01"));
    }

    @Test
    void declaresMultiTypesOnlyForOneFamily() {
        assertEquals(GeometryType.MULTIPOINT, GeoJsonReader.declaredType(
                java.util.EnumSet.of(GeometryType.POINT, GeometryType.MULTIPOINT)));
        assertEquals(GeometryType.GEOMETRY, GeoJsonReader.declaredType(
                java.util.EnumSet.of(GeometryType.POINT, GeometryType.POLYGON)));
        assertEquals(GeometryType.GEOMETRY, GeoJsonReader.declaredType(java.util.EnumSet.noneOf(GeometryType.class)));
        assertEquals(GeometryType.POLYGON, GeoJsonReader.declaredType(java.util.EnumSet.of(GeometryType.POLYGON)));
    }

    @Test
    void readsUtf8TextWithABom() throws Exception {
        Path path = dir.resolve("bom.geojson");
        byte[] body = ("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
                + "{\"name\":\"O'Fallon – Über\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2]}}]}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Files.write(path, withBom);
        try (GeoJsonReader r = GeoJsonReader.open(path, ReadOptions.DEFAULTS)) {
            assertEquals("O'Fallon – Über", r.next().values()[0]);
        }
    }

    @Test
    void promotesSinglePolygonsWhenMultiPolygonsArePresent() throws Exception {
        Path path = write("""
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}},
                 {"type":"Feature","properties":{},"geometry":{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]]]}}
                ]}""");
        try (GeoJsonReader r = GeoJsonReader.open(path, ReadOptions.DEFAULTS)) {
            List<SourceRecord> records = GeoTestSupport.readAll(r);
            assertInstanceOf(MultiPolygon.class, records.get(0).geometry());
            assertInstanceOf(Polygon.class, records.get(0).geometry().getGeometryN(0));
        }
    }

    private int files;

    private Path write(String text) throws Exception {
        Path path = dir.resolve("t" + (files++) + ".geojson");
        Files.writeString(path, text);
        return path;
    }
}
