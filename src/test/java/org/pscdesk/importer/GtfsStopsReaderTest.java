package org.pscdesk.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Point;
import org.pscdesk.geo.Crs;
import org.pscdesk.store.FieldDef;
import org.pscdesk.store.FieldType;

/** GTFS stops: the real Metro St. Louis feed and small feeds written for each case. */
class GtfsStopsReaderTest {

    @TempDir
    Path dir;

    private static List<SourceRecord> read(Path input) throws ImportException {
        try (GtfsStopsReader reader = GtfsStopsReader.open(input, ReadOptions.DEFAULTS)) {
            return CsvReaderTest.readAll(reader);
        }
    }

    /** Every stop of the real feed, compared with a plain line-by-line read of stops.txt. */
    @Test
    void readsEveryRealMetroStopWithTheByteOrderMarkStripped() throws Exception {
        Path stops = CsvReaderTest.sharedData().resolve("stl/risk_factors/metro_gtfs_2019_01/stops.txt");
        List<String> lines = Files.readAllLines(stops, StandardCharsets.UTF_8);
        assertTrue(lines.get(0).startsWith("\uFEFFstop_id"), "the feed starts with a byte-order mark");
        List<String> data = lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).toList();
        assertEquals(7_448, data.size(), "the data README's count");
        try (GtfsStopsReader reader = GtfsStopsReader.open(stops, ReadOptions.DEFAULTS)) {
            assertEquals(List.of("stop_id", "stop_code", "stop_name", "stop_desc"),
                    reader.fields().stream().map(FieldDef::name).toList());
            assertEquals(Crs.WGS84, reader.sourceCrs().orElseThrow());
            List<SourceRecord> records = CsvReaderTest.readAll(reader);
            assertEquals(data.size(), records.size());
            for (int i = 0; i < data.size(); i++) {
                String[] f = data.get(i).split(",", -1);
                SourceRecord r = records.get(i);
                assertTrue(r.usable(), "row " + r.row());
                assertEquals(f[0], r.values()[0]);
                Point p = (Point) r.geometry();
                assertEquals(Double.parseDouble(f[f.length - 1]), p.getX(), "stop_lon is x");
                assertEquals(Double.parseDouble(f[f.length - 2]), p.getY(), "stop_lat is y");
            }
        }
    }

    @Test
    void readsAFeedFolderOrZipAndKeepsLocationTypeAndParentStation() throws Exception {
        String stops = "stop_id,stop_name,stop_lat,stop_lon,location_type,parent_station,zone_id\r\n"
                + "S1,Central Station,38.6,-90.2,1,,Z1\r\n"
                + "P1,\"Central, platform 1\",38.6001,-90.2001,0,S1,Z1\r\n"
                + "N1,Node,,,3,S1,\r\n";
        Path feed = Files.createDirectories(dir.resolve("feed"));
        Files.writeString(feed.resolve("stops.txt"), stops);
        Files.writeString(feed.resolve("agency.txt"), "agency_id,agency_name\n1,Metro\n");
        Path zip = dir.resolve("feed.zip");
        CsvReaderTest.zip(zip, Map.of("metro/stops.txt", stops, "metro/agency.txt", "agency_id\n1\n"));

        for (Path input : List.of(feed, zip)) {
            try (GtfsStopsReader reader = GtfsStopsReader.open(input, ReadOptions.DEFAULTS)) {
                assertEquals(List.of("stop_id", "stop_code", "stop_name", "stop_desc", "location_type",
                        "parent_station"), reader.fields().stream().map(FieldDef::name).toList());
                assertEquals(FieldType.INTEGER, reader.fields().get(4).type());
                List<SourceRecord> rows = CsvReaderTest.readAll(reader);
                assertEquals(1L, rows.get(0).values()[4]);
                assertEquals("Central, platform 1", rows.get(1).values()[2]);
                assertEquals("S1", rows.get(1).values()[5]);
                assertEquals("bad_coordinates", rows.get(2).skipReason());
                assertEquals(new Problem("stops.txt", 3, "stop_lon", rows.get(2).problem().message()),
                        rows.get(2).problem());
                assertTrue(reader.notes().stream().anyMatch(p -> p.message().contains("zone_id")));
            }
        }
    }

    @Test
    void badInputIsRefusedWithAClearMessage() throws Exception {
        Path noStops = Files.createDirectories(dir.resolve("empty-feed"));
        assertTrue(assertThrows(ImportException.class, () -> read(noStops)).getMessage().contains("no stops.txt"));

        Path empty = dir.resolve("stops.txt");
        Files.write(empty, new byte[0]);
        assertTrue(assertThrows(ImportException.class, () -> read(empty)).getMessage().contains("empty"));

        Files.writeString(empty, "stop_id,stop_name,stop_lat,stop_lon\n");
        assertTrue(assertThrows(ImportException.class, () -> read(empty)).getMessage().contains("no stops"));

        Files.writeString(empty, "id,name\n1,a\n");
        assertTrue(assertThrows(ImportException.class, () -> read(empty)).getMessage().contains("stop_lat"));

        Files.writeString(empty, "stop_id,stop_name,stop_lat,stop_lon\n1,\"open,38.6,-90.2\n2,b,38.6,-90.2\n");
        ImportException broken = assertThrows(ImportException.class, () -> read(empty));
        assertEquals(1, broken.problem().row());

        Files.writeString(empty, "stop_id,stop_lat,stop_lon\n1,38.6,-90.2\n2,north,-90.2\n3,38.6,Infinity\n");
        List<SourceRecord> rows = read(empty);
        assertTrue(rows.get(0).usable());
        assertEquals("stop_lat", rows.get(1).problem().field());
        assertEquals("stop_lon", rows.get(2).problem().field());
        assertEquals(3, rows.get(2).problem().row());
    }
}
