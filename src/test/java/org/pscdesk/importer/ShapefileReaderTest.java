package org.pscdesk.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.pscdesk.geo.Crs;
import org.pscdesk.store.FieldDef;
import org.pscdesk.store.FieldType;
import org.pscdesk.store.GeometryType;

class ShapefileReaderTest {

    @TempDir
    Path dir;

    // clockwise (outer) and counter-clockwise (hole) squares, closed
    private static double[] cw(double x0, double y0, double x1, double y1) {
        return new double[] {x0, y0, x0, y1, x1, y1, x1, y0, x0, y0};
    }

    private static double[] ccw(double x0, double y0, double x1, double y1) {
        return new double[] {x0, y0, x1, y0, x1, y1, x0, y1, x0, y0};
    }

    private static double[][] parts(double[]... parts) {
        return parts;
    }

    /** Path, feature count and CRS as stated in shared/data/README.md §2 and §3b. */
    static Stream<Arguments> realShapefiles() {
        return Stream.of(
                Arguments.of("boundaries/city/STL_BOUNDARY_City.shp", 1, "EPSG:4269"),
                Arguments.of("boundaries/police_districts_2014/GIS.STL.POLICE_DISTRICTS_2014.shp", 6, "ESRI:102696"),
                Arguments.of("boundaries/census_tracts_2010/St_Louis_City.shp", 106, "EPSG:4269"),
                Arguments.of("boundaries/neighborhoods_79_shp/STL_DEMOS_Nhoods.shp", 79, "EPSG:26915"),
                Arguments.of("risk_factors/schools_public_2018/STL_EDU_Public.shp", 112, "EPSG:26915"));
    }

    @ParameterizedTest
    @MethodSource("realShapefiles")
    void readsEveryStLouisShapefileWithTheReadmeCountAndCrs(String file, int count, String crs) throws Exception {
        try (ShapefileReader r = ShapefileReader.open(GeoTestSupport.stl(file), ReadOptions.DEFAULTS)) {
            List<SourceRecord> records = GeoTestSupport.readAll(r);
            assertEquals(count, records.size());
            assertTrue(records.stream().allMatch(SourceRecord::usable));
            assertEquals(crs, r.sourceCrs().orElseThrow().id());
        }
    }

    @ParameterizedTest
    @MethodSource("realShapefiles")
    void stLouisShapefilesAgreeWithGdalOnCountFieldsAndCoordinates(String file, int count, String crs)
            throws Exception {
        GeoTestSupport.assumeGdal();
        Path path = GeoTestSupport.stl(file);
        try (ShapefileReader r = ShapefileReader.open(path, ReadOptions.DEFAULTS)) {
            List<SourceRecord> records = GeoTestSupport.readAll(r);
            assertEquals(GeoTestSupport.ogrFeatureCount(path), records.size());
            Map<String, FieldType> gdalFields = GeoTestSupport.ogrFields(path);
            assertEquals(gdalFields, r.fields().stream().collect(Collectors.toMap(FieldDef::name, FieldDef::type,
                    (a, b) -> a, java.util.LinkedHashMap::new)));
            // 0.1 mm in lon/lat, 1 micrometre/microfoot in projected units
            double tolerance = Crs.of(crs).isGeographic() ? 1e-9 : 1e-6;
            double max = GeoTestSupport.compareWithGdal(records, GeoTestSupport.ogrGeometries(path));
            assertTrue(max <= tolerance, "max coordinate difference " + max);
        }
    }

    @Test
    void policeDistrictsAreReadInTheCpgEncodingWithTheirSixDistricts() throws Exception {
        Path path = GeoTestSupport.stl("boundaries/police_districts_2014/GIS.STL.POLICE_DISTRICTS_2014.shp");
        try (ShapefileReader r = ShapefileReader.open(path, ReadOptions.DEFAULTS)) {
            List<SourceRecord> records = GeoTestSupport.readAll(r);
            int distno = fieldIndex(r, "DISTNO");
            assertEquals(List.of("1", "2", "3", "4", "5", "6"),
                    records.stream().map(s -> (String) s.values()[distno]).sorted().toList());
            assertTrue(r.notes().stream().noneMatch(p -> p.message().contains("encod")), r.notes().toString());
        }
    }

    @Test
    void schoolsKeepPrincipalAndEmailColumnsForThePipelineToDrop() throws Exception {
        Path path = GeoTestSupport.stl("risk_factors/schools_public_2018/STL_EDU_Public.shp");
        try (ShapefileReader r = ShapefileReader.open(path, ReadOptions.DEFAULTS)) {
            SourceRecord first = r.next();
            assertTrue(((String) first.values()[fieldIndex(r, "Email")]).contains("@"));
            assertFalse(((String) first.values()[fieldIndex(r, "Principal")]).isBlank());
        }
    }

    @Test
    void tractsWithUnknownDatumOnGrs80AreReadAsNad83WithANote() throws Exception {
        Path path = GeoTestSupport.stl("boundaries/census_tracts_2010/St_Louis_City.shp");
        try (ShapefileReader r = ShapefileReader.open(path, ReadOptions.DEFAULTS)) {
            assertEquals("EPSG:4269", r.sourceCrs().orElseThrow().id());
            assertTrue(r.notes().stream().anyMatch(p -> p.message().contains("NAD83")));
        }
    }

    @Test
    void sortsRingsIntoAPolygonWithAHoleAndAMultiPolygon() throws Exception {
        Path shp = ShapefileTestWriter.of(5).column("ID", 'N', 5, 0)
                .record(parts(cw(0, 0, 10, 10), ccw(2, 2, 4, 4)), "1")
                .record(parts(cw(20, 0, 30, 10), cw(40, 0, 50, 10)), "2")
                .write(dir, "holes");
        try (ShapefileReader r = ShapefileReader.open(shp, ReadOptions.DEFAULTS)) {
            assertEquals(GeometryType.MULTIPOLYGON, r.geometryType());
            List<SourceRecord> records = GeoTestSupport.readAll(r);
            Geometry withHole = records.get(0).geometry();
            assertEquals(1, withHole.getNumGeometries());
            assertEquals(1, ((Polygon) withHole.getGeometryN(0)).getNumInteriorRing());
            assertEquals(100 - 4, withHole.getArea(), 1e-12);
            assertEquals(2, records.get(1).geometry().getNumGeometries());
            assertEquals(200, records.get(1).geometry().getArea(), 1e-12);
        }
    }

    @Test
    void givesEachHoleToTheSmallestOuterRingAroundIt() throws Exception {
        // an outer ring with a hole, an island inside that hole, and the island's own hole
        Path shp = ShapefileTestWriter.of(5).column("ID", 'N', 5, 0)
                .record(parts(cw(0, 0, 100, 100), ccw(10, 10, 90, 90), cw(20, 20, 80, 80), ccw(30, 30, 70, 70)), "1")
                .write(dir, "nested");
        try (ShapefileReader r = ShapefileReader.open(shp, ReadOptions.DEFAULTS)) {
            Geometry g = r.next().geometry();
            assertInstanceOf(MultiPolygon.class, g);
            assertEquals(2, g.getNumGeometries());
            assertEquals((10000 - 6400) + (3600 - 1600), g.getArea(), 1e-9);
            assertTrue(g.isValid());
        }
    }

    @Test
    void keepsAHoleOutsideEveryOuterRingAsItsOwnPolygonAndSaysSo() throws Exception {
        Path shp = ShapefileTestWriter.of(5).column("ID", 'N', 5, 0)
                .record(parts(cw(0, 0, 10, 10), ccw(20, 20, 30, 30)), "1")
                .write(dir, "orphan");
        try (ShapefileReader r = ShapefileReader.open(shp, ReadOptions.DEFAULTS)) {
            SourceRecord rec = r.next();
            assertEquals(2, rec.geometry().getNumGeometries());
            assertEquals(200, rec.geometry().getArea(), 1e-12);
            assertTrue(r.notes().stream().anyMatch(p -> p.row() == 1 && p.message().contains("inside no outer ring")),
                    r.notes().toString());
        }
    }

    @Test
    void nestsRingsByDepthWhenNoRingIsClockwise() throws Exception {
        Path shp = ShapefileTestWriter.of(5).column("ID", 'N', 5, 0)
                .record(parts(ccw(0, 0, 10, 10), ccw(2, 2, 4, 4)), "1")
                .write(dir, "allccw");
        try (ShapefileReader r = ShapefileReader.open(shp, ReadOptions.DEFAULTS)) {
            assertEquals(GeometryType.POLYGON, r.geometryType());
            Polygon p = (Polygon) r.next().geometry();
            assertEquals(1, p.getNumInteriorRing());
            assertEquals(96, p.getArea(), 1e-12);
        }
    }

    @Test
    void declaresPolygonWhenEveryRecordIsOnePolygon() throws Exception {
        Path shp = ShapefileTestWriter.of(5).column("ID", 'N', 5, 0)
                .record(parts(cw(0, 0, 1, 1)), "1").record(parts(cw(5, 5, 6, 6), ccw(5.2, 5.2, 5.4, 5.4)), "2")
                .write(dir, "single");
        try (ShapefileReader r = ShapefileReader.open(shp, ReadOptions.DEFAULTS)) {
            assertEquals(GeometryType.POLYGON, r.geometryType());
            assertTrue(GeoTestSupport.readAll(r).stream().allMatch(s -> s.geometry() instanceof Polygon));
        }
    }

    @Test
    void readsMultiPointsAndMultiPartLines() throws Exception {
        Path mp = ShapefileTestWriter.of(8).column("ID", 'N', 5, 0)
                .record(parts(new double[] {1, 2, 3, 4, 5, 6}), "1").write(dir, "mp");
        try (ShapefileReader r = ShapefileReader.open(mp, ReadOptions.DEFAULTS)) {
            assertEquals(GeometryType.MULTIPOINT, r.geometryType());
            MultiPoint g = (MultiPoint) r.next().geometry();
            assertArrayEquals(new Coordinate[] {new Coordinate(1, 2), new Coordinate(3, 4), new Coordinate(5, 6)},
                    g.getCoordinates());
        }
        Path lines = ShapefileTestWriter.of(3).column("ID", 'N', 5, 0)
                .record(parts(new double[] {0, 0, 1, 1}), "1")
                .record(parts(new double[] {0, 0, 1, 0}, new double[] {2, 0, 3, 0, 4, 1}), "2")
                .write(dir, "lines");
        try (ShapefileReader r = ShapefileReader.open(lines, ReadOptions.DEFAULTS)) {
            assertEquals(GeometryType.MULTILINESTRING, r.geometryType());
            List<SourceRecord> records = GeoTestSupport.readAll(r);
            assertEquals(1, records.get(0).geometry().getNumGeometries());
            MultiLineString two = (MultiLineString) records.get(1).geometry();
            assertEquals(2, two.getNumGeometries());
            assertEquals(1 + 1 + Math.sqrt(2), two.getLength(), 1e-12);
        }
    }

    /** Z and M variants of Point, PolyLine, Polygon and MultiPoint. */
    @ParameterizedTest
    @ValueSource(ints = {11, 13, 15, 18, 21, 23, 25, 28})
    void zAndMShapesKeepTheirXAndY(int shapeType) throws Exception {
        double[][] geometry = switch (shapeType % 10) {
            case 1 -> parts(new double[] {7, 8});
            case 3 -> parts(new double[] {0, 0, 3, 4, 6, 0});
            case 5 -> parts(cw(0, 0, 10, 10), ccw(2, 2, 4, 4));
            default -> parts(new double[] {1, 2, 3, 4});
        };
        Path shp = ShapefileTestWriter.of(shapeType).column("ID", 'N', 5, 0).record(geometry, "1")
                .write(dir, "zm" + shapeType);
        try (ShapefileReader r = ShapefileReader.open(shp, ReadOptions.DEFAULTS)) {
            Geometry g = r.next().geometry();
            List<Double> xy = new ArrayList<>();
            for (Coordinate c : g.getCoordinates()) {
                xy.add(c.x);
                xy.add(c.y);
            }
            List<Double> written = new ArrayList<>();
            for (double[] part : geometry) {
                for (double v : part) {
                    written.add(v);
                }
            }
            assertEquals(written, xy);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"XYZ", "XYM"})
    void gdalWrittenZAndMShapefilesMatchGdal(String dimension) throws Exception {
        GeoTestSupport.assumeGdal();
        Map<String, String> inputs = Map.of(
                "pt", "{\"type\":\"Point\",\"coordinates\":[-90.2,38.6,150]}",
                "ln", "{\"type\":\"LineString\",\"coordinates\":[[-90.2,38.6,1],[-90.1,38.7,2],[-90.0,38.6,3]]}",
                "pg", "{\"type\":\"Polygon\",\"coordinates\":[[[-90.3,38.5,1],[-90.1,38.5,1],[-90.1,38.7,1],"
                        + "[-90.3,38.7,1],[-90.3,38.5,1]],[[-90.25,38.55,2],[-90.25,38.6,2],[-90.2,38.6,2],"
                        + "[-90.2,38.55,2],[-90.25,38.55,2]]]}",
                "mp", "{\"type\":\"MultiPoint\",\"coordinates\":[[-90.2,38.6,1],[-90.3,38.7,2]]}");
        for (Map.Entry<String, String> e : inputs.entrySet()) {
            Path json = dir.resolve(e.getKey() + dimension + ".geojson");
            Files.writeString(json, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                    + "\"properties\":{\"n\":1},\"geometry\":" + e.getValue() + "}]}");
            Path shp = dir.resolve(e.getKey() + dimension + ".shp");
            GeoTestSupport.ogr2ogr("-f", "ESRI Shapefile", "-dim", dimension, shp.toString(), json.toString());
            try (ShapefileReader r = ShapefileReader.open(shp, ReadOptions.DEFAULTS)) {
                List<SourceRecord> records = GeoTestSupport.readAll(r);
                assertEquals(0.0, GeoTestSupport.compareWithGdal(records, GeoTestSupport.ogrGeometries(shp)), 1e-12);
            }
        }
    }

    @Test
    void skipsNullShapesAsNoGeometry() throws Exception {
        Path shp = ShapefileTestWriter.of(1).column("ID", 'N', 5, 0)
                .record(parts(new double[] {1, 1}), "1").record(null, "2").write(dir, "nulls");
        try (ShapefileReader r = ShapefileReader.open(shp, ReadOptions.DEFAULTS)) {
            List<SourceRecord> records = GeoTestSupport.readAll(r);
            assertTrue(records.get(0).usable());
            assertEquals("no_geometry", records.get(1).skipReason());
            assertEquals(2L, records.get(1).values()[0]);
            assertEquals(2, records.get(1).problem().row());
        }
    }

    @Test
    void leavesOutRowsMarkedDeletedAndCountsThem() throws Exception {
        Path shp = ShapefileTestWriter.of(1).column("ID", 'N', 5, 0)
                .record(parts(new double[] {1, 1}), "1").record(parts(new double[] {2, 2}), "2")
                .record(parts(new double[] {3, 3}), "3").deleted(1).write(dir, "deleted");
        try (ShapefileReader r = ShapefileReader.open(shp, ReadOptions.DEFAULTS)) {
            List<SourceRecord> records = GeoTestSupport.readAll(r);
            assertEquals(List.of(1L, 3L), records.stream().map(s -> s.values()[0]).toList());
            assertEquals(3.0, records.get(1).geometry().getCoordinate().x);
            assertTrue(r.notes().stream().anyMatch(p -> p.message().startsWith("1 row(s) are marked deleted")));
        }
    }

    @Test
    void readsEachDbfTypeAndReportsUnreadableValues() throws Exception {
        Path shp = ShapefileTestWriter.of(1)
                .column("NAME", 'C', 12, 0).column("COUNT", 'N', 6, 0).column("SCORE", 'N', 10, 2)
                .column("BIG", 'N', 20, 0).column("RATE", 'F', 12, 4).column("SINCE", 'D', 8, 0)
                .column("OPEN", 'L', 1, 0)
                .record(parts(new double[] {1, 1}), "  Bar 21  ", "42", "3.25", "12345678901234567890", "0.5",
                        "20190704", "T")
                .record(parts(new double[] {2, 2}), "", "12a", "", "", "", "", "?")
                .write(dir, "types");
        try (ShapefileReader r = ShapefileReader.open(shp, ReadOptions.DEFAULTS)) {
            assertEquals(List.of(FieldType.TEXT, FieldType.INTEGER, FieldType.REAL, FieldType.REAL, FieldType.REAL,
                    FieldType.DATE, FieldType.BOOLEAN), r.fields().stream().map(FieldDef::type).toList());
            List<SourceRecord> records = GeoTestSupport.readAll(r);
            assertArrayEquals(new Object[] {"  Bar 21", 42L, 3.25, 1.2345678901234567e19, 0.5, LocalDate.of(2019, 7, 4),
                true}, records.get(0).values());
            assertArrayEquals(new Object[7], records.get(1).values());
            Problem note = r.notes().stream().filter(p -> "COUNT".equals(p.field())).findFirst().orElseThrow();
            assertEquals(2, note.row());
            assertTrue(note.message().contains("12a"));
        }
    }

    @Test
    void decodesTextWithTheCpgEncoding() throws Exception {
        Path shp = ShapefileTestWriter.of(1).column("NAME", 'C', 30, 0).charset(StandardCharsets.UTF_8, 0)
                .record(parts(new double[] {1, 1}), "Downtown West – Über").write(dir, "utf");
        Files.writeString(dir.resolve("utf.cpg"), "UTF-8");
        try (ShapefileReader r = ShapefileReader.open(shp, ReadOptions.DEFAULTS)) {
            assertEquals("Downtown West – Über", r.next().values()[0]);
            assertTrue(r.notes().stream().noneMatch(p -> p.message().contains("encod")), r.notes().toString());
        }
    }

    @Test
    void usesTheLanguageDriverByteWhenThereIsNoCpg() throws Exception {
        // language driver 0x03 = Windows ANSI (code page 1252)
        Path shp = ShapefileTestWriter.of(1).column("NAME", 'C', 20, 0).charset(StandardCharsets.ISO_8859_1, 0x03)
                .record(parts(new double[] {1, 1}), "Café").write(dir, "ldid");
        try (ShapefileReader r = ShapefileReader.open(shp, ReadOptions.DEFAULTS)) {
            assertEquals("Café", r.next().values()[0]);
        }
    }

    @Test
    void guessesUtf8OrLatin1WithoutCpgAndSaysWhich() throws Exception {
        Path utf = ShapefileTestWriter.of(1).column("NAME", 'C', 20, 0).charset(StandardCharsets.UTF_8, 0)
                .record(parts(new double[] {1, 1}), "Über").write(dir, "sniffutf");
        try (ShapefileReader r = ShapefileReader.open(utf, ReadOptions.DEFAULTS)) {
            assertEquals("Über", r.next().values()[0]);
            assertTrue(r.notes().stream().anyMatch(p -> p.message().contains("read as UTF-8")));
        }
        Path latin = ShapefileTestWriter.of(1).column("NAME", 'C', 20, 0).charset(StandardCharsets.ISO_8859_1, 0)
                .record(parts(new double[] {1, 1}), "Über").write(dir, "snifflatin");
        try (ShapefileReader r = ShapefileReader.open(latin, ReadOptions.DEFAULTS)) {
            assertEquals("Über", r.next().values()[0]);
            assertTrue(r.notes().stream().anyMatch(p -> p.message().contains("Latin-1")));
        }
    }

    @Test
    void aForcedCharsetWinsOverTheCpg() throws Exception {
        Path shp = ShapefileTestWriter.of(1).column("NAME", 'C', 20, 0).charset(StandardCharsets.ISO_8859_1, 0)
                .record(parts(new double[] {1, 1}), "Über").write(dir, "forced");
        Files.writeString(dir.resolve("forced.cpg"), "UTF-8");
        ReadOptions latin1 = new ReadOptions(null, null, null, null, null, null, StandardCharsets.ISO_8859_1);
        try (ShapefileReader r = ShapefileReader.open(shp, latin1)) {
            assertEquals("Über", r.next().values()[0]);
        }
    }

    @Test
    void understandsTheUsualCpgSpellings() {
        assertEquals(StandardCharsets.UTF_8, ShapefileReader.cpgCharset("UTF-8"));
        assertEquals(StandardCharsets.UTF_8, ShapefileReader.cpgCharset("utf8\r\n"));
        assertEquals(StandardCharsets.UTF_8, ShapefileReader.cpgCharset("65001"));
        assertEquals("windows-1252", ShapefileReader.cpgCharset("1252").name());
        assertEquals("windows-1252", ShapefileReader.cpgCharset("ANSI 1252").name());
        assertEquals(StandardCharsets.ISO_8859_1, ShapefileReader.cpgCharset("88591"));
        assertEquals(StandardCharsets.ISO_8859_1, ShapefileReader.cpgCharset("ISO 8859-1"));
        assertNull(ShapefileReader.cpgCharset("no such encoding"));
    }

    @Test
    void refusesAShapefileWithoutDbfSayingWhatToCopy() throws Exception {
        Path shp = ShapefileTestWriter.of(1).column("ID", 'N', 5, 0).record(parts(new double[] {1, 1}), "1")
                .write(dir, "nodbf");
        Files.delete(dir.resolve("nodbf.dbf"));
        ImportException e = assertThrows(ImportException.class, () -> ShapefileReader.open(shp, ReadOptions.DEFAULTS));
        assertEquals("nodbf.shp", e.problem().file());
        assertTrue(e.problem().message().contains("has no .dbf: copy the .dbf beside the .shp"));
    }

    @Test
    void leavesTheCrsEmptyWithoutPrjAndAsksForIt() throws Exception {
        Path shp = ShapefileTestWriter.of(1).column("ID", 'N', 5, 0).record(parts(new double[] {1, 1}), "1")
                .write(dir, "noprj");
        try (ShapefileReader r = ShapefileReader.open(shp, ReadOptions.DEFAULTS)) {
            assertTrue(r.sourceCrs().isEmpty());
            assertTrue(r.notes().stream().anyMatch(p -> p.message().contains("no .prj") && p.message().contains("--crs")));
            assertTrue(r.next().usable());
        }
        try (ShapefileReader r = ShapefileReader.open(shp, ReadOptions.DEFAULTS.withCrs(Crs.of("EPSG:26915")))) {
            assertEquals("EPSG:26915", r.sourceCrs().orElseThrow().id());
            assertTrue(r.notes().isEmpty());
        }
    }

    @Test
    void findsSidecarsWhateverTheirLetterCase() throws Exception {
        ShapefileTestWriter.of(1).column("ID", 'N', 5, 0).record(parts(new double[] {1, 1}), "7").write(dir, "tmp");
        Files.move(dir.resolve("tmp.shp"), dir.resolve("UPPER.SHP"));
        Files.move(dir.resolve("tmp.dbf"), dir.resolve("UPPER.DBF"));
        Files.writeString(dir.resolve("UPPER.PRJ"), "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID["
                + "\"WGS_1984\",6378137,298.257223563]],PRIMEM[\"Greenwich\",0],UNIT[\"Degree\",0.017453292519943295]]");
        try (ShapefileReader r = ShapefileReader.open(dir.resolve("UPPER.SHP"), ReadOptions.DEFAULTS)) {
            assertEquals(7L, r.next().values()[0]);
            assertEquals("EPSG:4326", r.sourceCrs().orElseThrow().id());
        }
    }

    @Test
    void readsTheOneShapefileInAZip() throws Exception {
        Path a = ShapefileTestWriter.of(1).column("ID", 'N', 5, 0).record(parts(new double[] {1, 1}), "1")
                .record(parts(new double[] {2, 2}), "2").write(dir, "a");
        Path zip = zip("one.zip", Map.of("data/a.shp", a, "data/a.dbf", dir.resolve("a.dbf"),
                "data/a.shx", dir.resolve("a.shx")));
        try (ShapefileReader r = ShapefileReader.open(zip, ReadOptions.DEFAULTS)) {
            List<SourceRecord> records = GeoTestSupport.readAll(r);
            assertEquals(2, records.size());
            assertEquals("one.zip/data/a.shp", records.get(0).file());
        }
    }

    @Test
    void asksWhichShapefileWhenAZipHoldsTwoAndReadsTheMemberNamed() throws Exception {
        ShapefileTestWriter.of(1).column("ID", 'N', 5, 0).record(parts(new double[] {1, 1}), "1").write(dir, "first");
        ShapefileTestWriter.of(1).column("ID", 'N', 5, 0).record(parts(new double[] {2, 2}), "8")
                .record(parts(new double[] {3, 3}), "9").write(dir, "second");
        Path zip = zip("two.zip", Map.of("first.shp", dir.resolve("first.shp"), "first.dbf", dir.resolve("first.dbf"),
                "second.shp", dir.resolve("second.shp"), "second.dbf", dir.resolve("second.dbf")));
        ImportException e = assertThrows(ImportException.class, () -> ShapefileReader.open(zip, ReadOptions.DEFAULTS));
        String message = e.problem().message();
        assertTrue(message.contains("first.shp") && message.contains("second.shp") && message.contains("--member"),
                message);
        for (String member : List.of("second.shp", "second", "SECOND.SHP")) {
            try (ShapefileReader r = ShapefileReader.open(zip, ReadOptions.DEFAULTS.withMember(member))) {
                assertEquals(List.of(8L, 9L), GeoTestSupport.readAll(r).stream().map(s -> s.values()[0]).toList());
            }
        }
        ImportException unknown = assertThrows(ImportException.class,
                () -> ShapefileReader.open(zip, ReadOptions.DEFAULTS.withMember("third")));
        assertTrue(unknown.problem().message().contains("first.shp, second.shp"));
    }

    @Test
    void refusesACutShortShpBeforeReadingAnything() throws Exception {
        Path shp = ShapefileTestWriter.of(5).column("ID", 'N', 5, 0)
                .record(parts(cw(0, 0, 1, 1)), "1").record(parts(cw(2, 2, 3, 3)), "2").write(dir, "cut");
        long size = Files.size(shp);
        try (FileChannel ch = FileChannel.open(shp, StandardOpenOption.WRITE)) {
            ch.truncate(size - 20);
        }
        ImportException e = assertThrows(ImportException.class, () -> ShapefileReader.open(shp, ReadOptions.DEFAULTS));
        assertTrue(e.problem().message().contains("cut short"), e.problem().message());
    }

    @Test
    void stopsWithAnErrorWhenARecordRunsPastTheEnd() throws Exception {
        // header length left intact but the last record's length made larger than the file
        Path shp = ShapefileTestWriter.of(1).column("ID", 'N', 5, 0).record(parts(new double[] {1, 1}), "1")
                .record(parts(new double[] {2, 2}), "2").write(dir, "badlen");
        byte[] bytes = Files.readAllBytes(shp);
        int second = 100 + 8 + 20;
        bytes[second + 4] = 0x7F;
        Files.write(shp, bytes);
        try (ShapefileReader r = ShapefileReader.open(shp, ReadOptions.DEFAULTS)) {
            assertTrue(r.next().usable());
            ImportException e = assertThrows(ImportException.class, r::next);
            assertEquals(2, e.problem().row());
        }
    }

    @Test
    void refusesACutShortDbf() throws Exception {
        Path shp = ShapefileTestWriter.of(1).column("NAME", 'C', 30, 0).record(parts(new double[] {1, 1}), "a")
                .record(parts(new double[] {2, 2}), "b").write(dir, "cutdbf");
        Path dbf = dir.resolve("cutdbf.dbf");
        try (FileChannel ch = FileChannel.open(dbf, StandardOpenOption.WRITE)) {
            ch.truncate(Files.size(dbf) - 15);
        }
        try (ShapefileReader r = ShapefileReader.open(shp, ReadOptions.DEFAULTS)) {
            assertEquals("a", r.next().values()[0]);
            ImportException e = assertThrows(ImportException.class, r::next);
            assertTrue(e.problem().message().contains("cut short"));
        }
    }

    @Test
    void refusesAFileThatIsNotAShapefile() throws Exception {
        Path shp = dir.resolve("junk.shp");
        Files.write(shp, new byte[300]);
        Files.write(dir.resolve("junk.dbf"), new byte[300]);
        ImportException e = assertThrows(ImportException.class, () -> ShapefileReader.open(shp, ReadOptions.DEFAULTS));
        assertTrue(e.problem().message().contains("not a shapefile"));
    }

    @Test
    void notesWhenTheGivenCrsOverridesThePrj() throws Exception {
        Path shp = GeoTestSupport.stl("risk_factors/schools_public_2018/STL_EDU_Public.shp");
        try (ShapefileReader r = ShapefileReader.open(shp, ReadOptions.DEFAULTS.withCrs(Crs.of("EPSG:32615")))) {
            assertEquals("EPSG:32615", r.sourceCrs().orElseThrow().id());
            assertTrue(r.notes().stream().anyMatch(p -> p.message().contains("EPSG:26915")));
        }
    }

    @Test
    void reportsProgressThroughTheShp() throws Exception {
        Path shp = GeoTestSupport.stl("boundaries/neighborhoods_79_shp/STL_DEMOS_Nhoods.shp");
        try (ShapefileReader r = ShapefileReader.open(shp, ReadOptions.DEFAULTS)) {
            assertEquals(Files.size(shp), r.progress()[1]);
            GeoTestSupport.readAll(r);
            assertEquals(Files.size(shp), r.progress()[0]);
        }
    }

    private static int fieldIndex(FeatureReader r, String name) {
        for (int i = 0; i < r.fields().size(); i++) {
            if (r.fields().get(i).name().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no field " + name + " in " + r.fields());
    }

    private Path zip(String name, Map<String, Path> entries) throws IOException {
        Path zip = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, Path> e : new java.util.TreeMap<>(entries).entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(Files.readAllBytes(e.getValue()));
                z.closeEntry();
            }
        }
        return zip;
    }
}
