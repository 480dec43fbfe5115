package org.pscdesk.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated GeoJSON, KML and shapefiles (fixed seed: byte flips, truncation, inserted brackets, quotes and
 * NUL, deleted and repeated runs) must each end in records, with a problem for every skipped one, or in
 * an {@link ImportException}: never another exception, never a hang.
 */
class GeoFuzzTest {

    private static final long SEED = 0x5EED_2019L;
    private static final int CASES = 250;
    private static final int MAX_RECORDS = 100_000;
    private static final String[] INSERTS = {"{", "}", "[", "]", "\"", "\0", ",", ":", "<", ">", "&", "'", "/",
        "-", "e", "1e999", "null", "<!--", "]]>", "\\u"};

    private static final String GEOJSON = """
            {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},
             "features":[
              {"type":"Feature","properties":{"i":1,"r":2.5,"s":"Tower Grove – Über","b":true,"d":"2019-07-04",
                "o":{"k":[1,2]},"n":null},"geometry":{"type":"Point","coordinates":[-90.25,38.61]}},
              {"type":"Feature","properties":{"i":2,"r":3,"s":"x"},"geometry":{"type":"LineString",
                "coordinates":[[-90.2,38.6],[-90.1,38.7,5]]}},
              {"type":"Feature","properties":{"i":3},"geometry":{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],
                [0,10],[0,0]],[[2,2],[2,4],[4,4],[4,2],[2,2]]]}},
              {"type":"Feature","properties":{"i":4},"geometry":{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],
                [1,1],[0,0]]],[[[5,5],[6,5],[6,6],[5,5]]]]}},
              {"type":"Feature","properties":{"i":5},"geometry":{"type":"GeometryCollection","geometries":[
                {"type":"Point","coordinates":[1,1]},{"type":"MultiPoint","coordinates":[[1,2],[3,4]]}]}},
              {"type":"Feature","properties":{"i":6},"geometry":null}
             ]}
            """;

    private static final String KML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2">
            <Document><Schema name="s" id="s"><SimpleField name="code" type="int"/></Schema>
             <Folder><name>f</name>
              <Placemark><name>A &amp; B</name><description><![CDATA[<i>x</i>]]></description>
               <ExtendedData><Data name="kind"><value>bar</value></Data>
                <SchemaData schemaUrl="#s"><SimpleData name="code">5820</SimpleData></SchemaData></ExtendedData>
               <Point><coordinates>-90.25,38.61,0</coordinates></Point></Placemark>
              <Placemark><name>line</name><LineString><coordinates>-90.2,38.6 -90.1,38.7</coordinates></LineString></Placemark>
             </Folder>
             <Placemark><name>poly</name><Polygon><outerBoundaryIs><LinearRing><coordinates>0,0 10,0 10,10 0,10 0,0
              </coordinates></LinearRing></outerBoundaryIs><innerBoundaryIs><LinearRing><coordinates>2,2 2,4 4,4 4,2 2,2
              </coordinates></LinearRing></innerBoundaryIs></Polygon></Placemark>
             <Placemark><name>multi</name><MultiGeometry><Point><coordinates>1,1</coordinates></Point>
              <Point><coordinates>2,2</coordinates></Point></MultiGeometry></Placemark>
             <Placemark><name>track</name><gx:Track><gx:coord>1 2 3</gx:coord><gx:coord>2 3 4</gx:coord></gx:Track></Placemark>
            </Document></kml>
            """;

    @TempDir
    Path dir;

    /** Opens a file with one of the readers. */
    private interface Opener {
        FeatureReader open(Path path) throws ImportException;
    }

    @Test
    void mutatedGeoJsonEndsInRecordsOrAnImportException() throws Exception {
        fuzz(GEOJSON.getBytes(StandardCharsets.UTF_8), "geojson", p -> GeoJsonReader.open(p, ReadOptions.DEFAULTS),
                new Random(SEED));
    }

    @Test
    void mutatedKmlEndsInRecordsOrAnImportException() throws Exception {
        fuzz(KML.getBytes(StandardCharsets.UTF_8), "kml", p -> KmlReader.open(p, ReadOptions.DEFAULTS),
                new Random(SEED + 1));
    }

    @Test
    void mutatedShapefilesEndInRecordsOrAnImportException() throws Exception {
        Path seedDir = Files.createDirectory(dir.resolve("seed"));
        ShapefileTestWriter.of(5)
                .column("NAME", 'C', 12, 0).column("N", 'N', 6, 0).column("R", 'N', 10, 3).column("D", 'D', 8, 0)
                .column("L", 'L', 1, 0)
                .record(new double[][] {{0, 0, 0, 10, 10, 10, 10, 0, 0, 0}, {2, 2, 4, 2, 4, 4, 2, 4, 2, 2}},
                        "park", "1", "2.5", "20190704", "T")
                .record(new double[][] {{20, 0, 20, 10, 30, 10, 30, 0, 20, 0}, {40, 0, 40, 10, 50, 10, 50, 0, 40, 0}},
                        "lots", "2", "", "", "F")
                .record(null, "none", "3", "1", "20200101", "?")
                .write(seedDir, "seed");
        byte[] shp = Files.readAllBytes(seedDir.resolve("seed.shp"));
        byte[] dbf = Files.readAllBytes(seedDir.resolve("seed.dbf"));
        Random random = new Random(SEED + 2);
        int errors = 0;
        int read = 0;
        for (int i = 0; i < CASES; i++) {
            boolean mutateShp = i % 2 == 0;
            byte[] shpCase = mutateShp ? mutate(shp, random) : shp;
            byte[] dbfCase = mutateShp ? dbf : mutate(dbf, random);
            Path caseDir = Files.createDirectory(dir.resolve("shp" + i));
            Files.write(caseDir.resolve("c.shp"), shpCase);
            Files.write(caseDir.resolve("c.dbf"), dbfCase);
            String label = "shapefile case " + i + " (" + (mutateShp ? ".shp " : ".dbf ")
                    + HexFormat.of().formatHex(mutateShp ? shpCase : dbfCase) + ")";
            if (runCase(caseDir.resolve("c.shp"), p -> ShapefileReader.open(p, ReadOptions.DEFAULTS), label)) {
                read++;
            } else {
                errors++;
            }
        }
        assertTrue(read > 0 && errors > 0, "both outcomes occur: " + read + " read, " + errors + " refused");
    }

    private void fuzz(byte[] seed, String extension, Opener opener, Random random) throws Exception {
        // the unmutated seed must read fully, or the mutations test nothing
        Path original = dir.resolve("seed." + extension);
        Files.write(original, seed);
        try (FeatureReader r = opener.open(original)) {
            assertTrue(GeoTestSupport.readAll(r).size() >= 5);
        }
        int errors = 0;
        int read = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] mutated = mutate(seed, random);
            Path path = dir.resolve("case" + i + "." + extension);
            Files.write(path, mutated);
            String label = extension + " case " + i + ": " + new String(mutated, StandardCharsets.ISO_8859_1);
            if (runCase(path, opener, label)) {
                read++;
            } else {
                errors++;
            }
        }
        assertTrue(read > 0 && errors > 0, "both outcomes occur: " + read + " read, " + errors + " refused");
    }

    /** True when the input was read to its end, false when it was refused with an ImportException. */
    private static boolean runCase(Path path, Opener opener, String label) {
        return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (FeatureReader r = opener.open(path)) {
                int n = 0;
                SourceRecord rec;
                while ((rec = r.next()) != null) {
                    assertEquals(r.fields().size(), rec.values().length, label);
                    if (!rec.usable()) {
                        assertNotNull(rec.problem(), label);
                        assertNotNull(rec.skipReason(), label);
                    } else {
                        assertTrue(r.geometryType().accepts(rec.geometry()), label);
                    }
                    if (++n > MAX_RECORDS) {
                        fail("reader does not end: " + label);
                    }
                }
                assertNotNull(r.notes(), label);
                return true;
            } catch (ImportException e) {
                assertNotNull(e.problem().message(), label);
                return false;
            } catch (RuntimeException | Error e) {
                if (e instanceof AssertionError) {
                    throw e;
                }
                throw new AssertionError("unexpected " + e + " for " + label, e);
            }
        }, label);
    }

    /** One to four of: flip a byte, truncate, insert a token, delete a run, repeat a run. */
    static byte[] mutate(byte[] seed, Random random) {
        byte[] b = seed;
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations && b.length > 0; m++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(5)) {
                case 0 -> {
                    b = b.clone();
                    b[at] = random.nextBoolean() ? (byte) random.nextInt(256) : (byte) (b[at] ^ (1 << random.nextInt(8)));
                }
                case 1 -> b = Arrays.copyOf(b, at);
                case 2 -> {
                    byte[] token = INSERTS[random.nextInt(INSERTS.length)].getBytes(StandardCharsets.UTF_8);
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.write(b, 0, at);
                    out.writeBytes(token);
                    out.write(b, at, b.length - at);
                    b = out.toByteArray();
                }
                case 3 -> {
                    int end = Math.min(b.length, at + 1 + random.nextInt(40));
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.write(b, 0, at);
                    out.write(b, end, b.length - end);
                    b = out.toByteArray();
                }
                default -> {
                    int end = Math.min(b.length, at + 1 + random.nextInt(40));
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.write(b, 0, end);
                    out.write(b, at, b.length - at);
                    b = out.toByteArray();
                }
            }
        }
        return b;
    }
}
