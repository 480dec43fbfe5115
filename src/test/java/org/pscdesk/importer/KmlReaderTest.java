package org.pscdesk.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.pscdesk.store.FieldDef;
import org.pscdesk.store.GeometryType;

class KmlReaderTest {

    @TempDir
    Path dir;

    private static final String PLACEMARKS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2">
            <Document>
              <Schema name="bars" id="bars"><SimpleField name="license" type="string"/></Schema>
              <Folder><name>Bars</name>
                <Placemark>
                  <name>Blueberry Hill</name>
                  <description><![CDATA[<b>music</b> venue]]></description>
                  <ExtendedData><SchemaData schemaUrl="#bars"><SimpleData name="license">5820</SimpleData></SchemaData></ExtendedData>
                  <Point><coordinates>-90.3057, 38.6557, 0</coordinates></Point>
                </Placemark>
                <Placemark>
                  <name>Delmar Loop</name>
                  <ExtendedData><Data name="kind"><displayName>Kind</displayName><value>street</value></Data></ExtendedData>
                  <LineString><tessellate>1</tessellate><coordinates>
                    -90.31,38.655,0 -90.30,38.656,0
                    -90.29,38.657,0
                  </coordinates></LineString>
                </Placemark>
              </Folder>
              <Placemark>
                <name>Park with pond</name>
                <Polygon><outerBoundaryIs><LinearRing><coordinates>0,0 10,0 10,10 0,10 0,0</coordinates></LinearRing></outerBoundaryIs>
                  <innerBoundaryIs><LinearRing><coordinates>2,2 2,4 4,4 4,2 2,2</coordinates></LinearRing></innerBoundaryIs>
                  <innerBoundaryIs><LinearRing><coordinates>6,6 6,8 8,8 8,6</coordinates></LinearRing></innerBoundaryIs>
                </Polygon>
              </Placemark>
              <Placemark>
                <name>Two lots</name>
                <MultiGeometry>
                  <Polygon><outerBoundaryIs><LinearRing><coordinates>0,0 1,0 1,1 0,0</coordinates></LinearRing></outerBoundaryIs></Polygon>
                  <MultiGeometry><Polygon><outerBoundaryIs><LinearRing><coordinates>5,5 6,5 6,6 5,5</coordinates></LinearRing></outerBoundaryIs></Polygon></MultiGeometry>
                </MultiGeometry>
              </Placemark>
              <Placemark>
                <name>Mixed</name>
                <MultiGeometry><Point><coordinates>1,1</coordinates></Point><LineString><coordinates>0,0 1,1</coordinates></LineString></MultiGeometry>
              </Placemark>
              <Placemark>
                <name>Walk</name>
                <gx:Track><when>2019-01-01T00:00:00Z</when><gx:coord>-90.2 38.6 10</gx:coord><gx:coord>-90.1 38.7 12</gx:coord></gx:Track>
              </Placemark>
              <Placemark><name>No place</name><description>only text</description></Placemark>
            </Document>
            </kml>
            """;

    @Test
    void readsPlacemarksOfEveryGeometryKindWithTheirData() throws Exception {
        Path kml = write("places.kml", PLACEMARKS);
        try (KmlReader r = KmlReader.open(kml, ReadOptions.DEFAULTS)) {
            assertEquals(List.of("name", "description", "license", "kind"),
                    r.fields().stream().map(FieldDef::name).toList());
            assertEquals(GeometryType.GEOMETRY, r.geometryType());
            assertEquals("EPSG:4326", r.sourceCrs().orElseThrow().id());
            List<SourceRecord> records = GeoTestSupport.readAll(r);
            assertEquals(7, records.size());
            assertArrayEquals(new Object[] {"Blueberry Hill", "<b>music</b> venue", "5820", null},
                    records.get(0).values());
            assertEquals(new Coordinate(-90.3057, 38.6557), records.get(0).geometry().getCoordinate());
            assertInstanceOf(Point.class, records.get(0).geometry());
            assertArrayEquals(new Object[] {"Delmar Loop", null, null, "street"}, records.get(1).values());
            LineString loop = (LineString) records.get(1).geometry();
            assertEquals(3, loop.getNumPoints());
            Polygon park = (Polygon) records.get(2).geometry();
            assertEquals(2, park.getNumInteriorRing());
            assertEquals(100 - 4 - 4, park.getArea(), 1e-12);
            MultiPolygon lots = (MultiPolygon) records.get(3).geometry();
            assertEquals(2, lots.getNumGeometries());
            assertInstanceOf(GeometryCollection.class, records.get(4).geometry());
            assertEquals(2, ((LineString) records.get(5).geometry()).getNumPoints());
            assertEquals("no_geometry", records.get(6).skipReason());
            assertEquals(7, records.get(6).problem().row());
        }
    }

    @Test
    void skipsAPlacemarkWithABadCoordinateNamingItsLine() throws Exception {
        String text = """
                <kml xmlns="http://www.opengis.net/kml/2.2"><Document>
                <Placemark><name>good</name><Point><coordinates>-90.2,38.6</coordinates></Point></Placemark>
                <Placemark><name>bad</name><Point><coordinates>-90.2;38.6</coordinates></Point></Placemark>
                <Placemark><name>swapped</name><Point><coordinates>38.6,-90.2</coordinates></Point></Placemark>
                <Placemark><name>text</name><LineString><coordinates>-90.2,38.6 east,38.7</coordinates></LineString></Placemark>
                <Placemark><name>after</name><Point><coordinates>-90.1,38.5</coordinates></Point></Placemark>
                </Document></kml>""";
        Path kml = write("bad.kml", text);
        try (KmlReader r = KmlReader.open(kml, ReadOptions.DEFAULTS)) {
            List<SourceRecord> records = GeoTestSupport.readAll(r);
            assertEquals(List.of(true, false, false, false, true), records.stream().map(SourceRecord::usable).toList());
            SourceRecord bad = records.get(1);
            assertEquals("bad_coordinates", bad.skipReason());
            assertTrue(bad.problem().message().contains("\"-90.2;38.6\" (line 3)"), bad.problem().message());
            assertEquals(2, bad.problem().row());
            assertTrue(records.get(2).problem().message().contains("outside longitude"));
            assertTrue(records.get(3).problem().message().contains("east,38.7"));
        }
    }

    @Test
    void namesTheLineAndColumnOfBrokenXml() throws Exception {
        String text = "<kml>\n<Document>\n<Placemark><name>a</name></Placemark>\n<Placemark><name>b</nam></Placemark>\n";
        Path kml = write("broken.kml", text);
        ImportException e = assertThrows(ImportException.class, () -> KmlReader.open(kml, ReadOptions.DEFAULTS));
        assertTrue(e.problem().message().contains("line 4"), e.problem().message());
        assertEquals(2, e.problem().row());
    }

    @Test
    void refusesExternalEntities() throws Exception {
        Path secret = write("secret.txt", "do not read");
        String text = "<?xml version=\"1.0\"?>\n<!DOCTYPE kml [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<kml><Placemark><name>&x;</name><Point><coordinates>1,1</coordinates></Point></Placemark></kml>";
        Path kml = write("xxe.kml", text);
        try {
            try (KmlReader r = KmlReader.open(kml, ReadOptions.DEFAULTS)) {
                SourceRecord rec = r.next();
                assertFalse(String.valueOf(rec.values()[0]).contains("do not read"));
            }
        } catch (ImportException expected) {
            assertTrue(expected.problem().message().contains("xxe.kml"));
        }
    }

    @Test
    void readsTheDocumentInsideAKmz() throws Exception {
        Path kmz = dir.resolve("places.kmz");
        try (OutputStream out = Files.newOutputStream(kmz); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("files/icon.png"));
            z.write(new byte[] {1, 2, 3});
            z.closeEntry();
            z.putNextEntry(new ZipEntry("doc.kml"));
            z.write(PLACEMARKS.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("other.kml"));
            z.write(("<kml><Placemark><name>other</name><Point><coordinates>1,2</coordinates></Point></Placemark>"
                    + "</kml>").getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        try (KmlReader r = KmlReader.open(kmz, ReadOptions.DEFAULTS)) {
            List<SourceRecord> records = GeoTestSupport.readAll(r);
            assertEquals(7, records.size());
            assertEquals("places.kmz/doc.kml", records.get(0).file());
        }
        try (KmlReader r = KmlReader.open(kmz, ReadOptions.DEFAULTS.withMember("other.kml"))) {
            assertEquals("other", r.next().values()[0]);
        }
    }

    @Test
    void refusesXmlThatIsNotKml() throws Exception {
        Path xml = write("feed.kml", "<rss><channel><title>x</title></channel></rss>");
        ImportException e = assertThrows(ImportException.class, () -> KmlReader.open(xml, ReadOptions.DEFAULTS));
        assertTrue(e.problem().message().contains("not KML"));
    }

    @Test
    void kmlWrittenByGdalReadsAsGdalReadsIt() throws Exception {
        GeoTestSupport.assumeGdal();
        Path parks = GeoTestSupport.stl("risk_factors/derived_geojson_2025/parks_2025.geojson");
        Path kml = dir.resolve("parks.kml");
        GeoTestSupport.ogr2ogr("-f", "KML", kml.toString(), parks.toString());
        try (KmlReader r = KmlReader.open(kml, ReadOptions.DEFAULTS)) {
            List<SourceRecord> records = GeoTestSupport.readAll(r);
            assertEquals(GeoTestSupport.ogrFeatureCount(kml), records.size());
            assertTrue(r.fields().stream().map(FieldDef::name).toList().containsAll(List.of("OBJECTID", "NEW_CLASS")));
            double max = GeoTestSupport.compareWithGdal(records, GeoTestSupport.ogrGeometries(kml));
            assertTrue(max < 1e-12, "max difference " + max);
        }
    }

    private Path write(String name, String text) throws Exception {
        Path path = dir.resolve(name);
        Files.writeString(path, text);
        return path;
    }
}
