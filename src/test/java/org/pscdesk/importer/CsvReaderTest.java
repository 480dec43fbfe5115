package org.pscdesk.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Point;
import org.pscdesk.geo.Crs;
import org.pscdesk.store.FieldDef;
import org.pscdesk.store.FieldType;

/** CSV/TSV reading: delimiters, encodings, line endings, quoting, coordinates, column types. */
class CsvReaderTest {

    @TempDir
    Path dir;

    // ---- helpers shared with the other text-reader tests ----

    static List<SourceRecord> readAll(FeatureReader reader) throws ImportException {
        List<SourceRecord> out = new ArrayList<>();
        SourceRecord r;
        while ((r = reader.next()) != null) {
            out.add(r);
        }
        return out;
    }

    static List<SourceRecord> readCsv(Path file, ReadOptions options) throws ImportException {
        try (CsvReader reader = CsvReader.open(file, options)) {
            return readAll(reader);
        }
    }

    static Map<String, Long> skipCounts(List<SourceRecord> records) {
        Map<String, Long> out = new TreeMap<>();
        for (SourceRecord r : records) {
            if (!r.usable()) {
                out.merge(r.skipReason(), 1L, Long::sum);
            }
        }
        return out;
    }

    static Path sharedData() {
        String prop = System.getProperty("pscdesk.shared.data");
        Path p = prop == null ? null : Path.of(prop);
        Assumptions.assumeTrue(p != null && Files.isDirectory(p), "shared data not available");
        return p;
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static Object value(CsvReader reader, SourceRecord r, String field) {
        for (int i = 0; i < reader.fields().size(); i++) {
            if (reader.fields().get(i).name().equals(field)) {
                return r.values()[i];
            }
        }
        throw new AssertionError("no field " + field + " in " + reader.fields());
    }

    // ---- delimiters, line endings, quoting ----

    @ParameterizedTest
    @ValueSource(strings = {",", ";", "\t", "|"})
    void sniffsTheDelimiterEvenWhenQuotedValuesHoldOtherDelimiters(String d) throws Exception {
        String text = String.join(d, "name", "x", "y") + "\n"
                + String.join(d, "\"a, b; c|d\te\"", "1", "2") + "\n"
                + String.join(d, "plain", "3", "4") + "\n";
        Path file = write("d.csv", text);
        try (CsvReader reader = CsvReader.open(file, ReadOptions.DEFAULTS)) {
            List<SourceRecord> rows = readAll(reader);
            assertEquals(List.of("name", "x", "y"), reader.fields().stream().map(FieldDef::name).toList());
            assertEquals("a, b; c|d\te", value(reader, rows.get(0), "name"));
            assertEquals(3.0, ((Point) rows.get(1).geometry()).getX());
        }
    }

    @Test
    void readsTabSeparatedFilesWithATsvName() throws Exception {
        Path file = write("stops.tsv", "id\tlat\tlon\nA\t38.6\t-90.2\n");
        List<SourceRecord> rows = readCsv(file, ReadOptions.DEFAULTS);
        assertEquals(-90.2, ((Point) rows.get(0).geometry()).getX());
    }

    /** LF (Unix), CRLF (Windows) and a lone CR (old Mac, like UCRCodes.csv) all end a record. */
    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void everyLineEndingEndsARecord(String eol) throws Exception {
        String text = "id,x,y" + eol + "1,10,20" + eol + "2,11,21" + eol + eol + "3,12,22";
        List<SourceRecord> rows = readCsv(write("e.csv", text), ReadOptions.DEFAULTS.withCrs(Crs.of("EPSG:26915")));
        assertEquals(3, rows.size());
        assertEquals(List.of(1L, 2L, 3L), rows.stream().map(r -> (Long) r.values()[0]).toList());
        assertEquals(List.of(1L, 2L, 3L), rows.stream().map(SourceRecord::row).toList());
    }

    @Test
    void quotedValuesKeepCommasQuotesAndLineBreaksAndRowsCountRecordsNotLines() throws Exception {
        String text = "id,note,x,y\r\n"
                + "1,\"LARCENY-FROM BUILDING $500 - $24,999\",1,2\r\n"
                + "2,\"two\r\nlines, and \"\"quotes\"\"\",3,4\r\n"
                + "3,after,5,6\r\n";
        try (CsvReader reader = CsvReader.open(write("q.csv", text), ReadOptions.DEFAULTS)) {
            List<SourceRecord> rows = readAll(reader);
            assertEquals("LARCENY-FROM BUILDING $500 - $24,999", value(reader, rows.get(0), "note"));
            assertEquals("two\r\nlines, and \"quotes\"", value(reader, rows.get(1), "note"));
            assertEquals("after", value(reader, rows.get(2), "note"));
            assertEquals(3, rows.get(2).row());
        }
    }

    // ---- encodings ----

    @Test
    void stripsAUtf8ByteOrderMarkFromTheFirstHeader() throws Exception {
        byte[] body = "stop_id,stop_lat,stop_lon\n1787,38.606616,-90.285669\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        try (CsvReader reader = CsvReader.open(write("bom.csv", withBom), ReadOptions.DEFAULTS)) {
            assertEquals("stop_id", reader.fields().get(0).name());
            assertEquals(1787L, readAll(reader).get(0).values()[0]);
        }
    }

    @Test
    void readsUtf8WithoutAMarkAndSaysNothingAboutEncoding() throws Exception {
        Path file = write("u.csv", "name,x,y\nHôtel Lumière,1,2\n");
        try (CsvReader reader = CsvReader.open(file, ReadOptions.DEFAULTS)) {
            assertEquals("Hôtel Lumière", readAll(reader).get(0).values()[0]);
            assertTrue(reader.notes().stream().noneMatch(p -> p.message().contains("windows-1252")));
        }
    }

    @Test
    void readsLatin1BytesAsWindows1252AndSaysSo() throws Exception {
        Charset cp1252 = Charset.forName("windows-1252");
        Path file = write("l.csv", "name,x,y\nBOMBER O\u2019BRIEN\u2019S,1,2\nHOTEL LUMI\u00c8RE,3,4\n".getBytes(cp1252));
        try (CsvReader reader = CsvReader.open(file, ReadOptions.DEFAULTS)) {
            List<SourceRecord> rows = readAll(reader);
            assertEquals("BOMBER O\u2019BRIEN\u2019S", rows.get(0).values()[0]);
            assertEquals("HOTEL LUMI\u00c8RE", rows.get(1).values()[0]);
            assertTrue(reader.notes().stream().anyMatch(p -> p.message().contains("windows-1252")));
        }
    }

    /** Like SLMPD's january2017.csv: a UTF-8 mark, then one windows-1252 byte far past the sniffed head. */
    @Test
    void aLateNonUtf8ByteIsReadAsWindows1252AndItsRowIsNamed() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.write("name,x,y\n".getBytes(StandardCharsets.US_ASCII));
        int rows = 5000; // about 120 KB: beyond the 64 KB the sniffer looks at
        for (int i = 1; i <= rows; i++) {
            String name = i == 4321 ? "O\u2019BRIEN caf\u00e9" : "row " + i + " with some padding text to fill";
            Charset cs = i == 4321 ? Charset.forName("windows-1252") : StandardCharsets.UTF_8;
            out.write((name + "," + i + ",1\n").getBytes(cs));
        }
        out.write("Ünïcode,1,1\n".getBytes(StandardCharsets.UTF_8));
        try (CsvReader reader = CsvReader.open(write("late.csv", out.toByteArray()), ReadOptions.DEFAULTS)) {
            List<SourceRecord> all = readAll(reader);
            assertEquals("O\u2019BRIEN caf\u00e9", all.get(4320).values()[0]);
            assertEquals("Ünïcode", all.get(rows).values()[0], "valid UTF-8 after the fallback stays UTF-8");
            Problem note = reader.notes().stream().filter(p -> p.message().contains("windows-1252")).findFirst()
                    .orElseThrow();
            assertEquals(4321, note.row());
        }
    }

    @Test
    void readsUtf16WithAByteOrderMark() throws Exception {
        byte[] text = "name,lat,lon\nÉcole,38.6,-90.2\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[text.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(text, 0, bytes, 2, text.length);
        try (CsvReader reader = CsvReader.open(write("w.csv", bytes), ReadOptions.DEFAULTS)) {
            assertEquals("name", reader.fields().get(0).name());
            assertEquals("École", readAll(reader).get(0).values()[0]);
        }
    }

    @Test
    void aForcedEncodingIsUsedAsGiven() throws Exception {
        Path file = write("f.csv", "name,x,y\nAÃ©,1,2\n");
        ReadOptions latin1 = new ReadOptions(null, null, null, null, null, null, StandardCharsets.ISO_8859_1);
        assertEquals("AÃ\u0083Â©", readCsv(file, latin1).get(0).values()[0]);
    }

    // ---- header names ----

    @Test
    void headerNamesAreTrimmedAndBlankOrRepeatedNamesMadeUnique() throws Exception {
        Path file = write("h.csv", " Name ,,x,y,NAME,name\nA,B,1,2,C,D\n");
        try (CsvReader reader = CsvReader.open(file, ReadOptions.DEFAULTS)) {
            assertEquals(List.of("Name", "column_2", "x", "y", "NAME_2", "name_3"),
                    reader.fields().stream().map(FieldDef::name).toList());
        }
    }

    // ---- coordinates ----

    static Stream<Arguments> coordinateHeaders() {
        return Stream.of(
                Arguments.of("x", "y", false),
                Arguments.of("XCoord", "YCoord", false),           // SLMPD
                Arguments.of("X-Coord", "Y-Coord", false),         // SLMPD May 2017
                Arguments.of("x_coord", "y_coord", false),
                Arguments.of("Easting", "Northing", false),
                Arguments.of("lon", "lat", true),
                Arguments.of("Longitude", "Latitude", true),
                Arguments.of("lng", "lat", true),
                Arguments.of("LONG", "LAT", true),
                Arguments.of("stop_lon", "stop_lat", true));        // GTFS
    }

    @ParameterizedTest
    @MethodSource("coordinateHeaders")
    void findsCoordinateColumnsByCommonHeaderNames(String xName, String yName, boolean lonLat) throws Exception {
        double x = lonLat ? -90.2 : 906753.8;
        double y = lonLat ? 38.6 : 1016999.3;
        Path file = write("c.csv", "id," + yName + "," + xName + "\n1," + y + "," + x + "\n");
        try (CsvReader reader = CsvReader.open(file, ReadOptions.DEFAULTS)) {
            Point p = (Point) readAll(reader).get(0).geometry();
            assertEquals(x, p.getX());
            assertEquals(y, p.getY());
            assertEquals(lonLat, reader.sourceCrs().isPresent(), "lon/lat names imply EPSG:4326");
        }
    }

    @Test
    void latLonNamesMeanWgs84AndTheNotesSaySo() throws Exception {
        try (CsvReader reader = CsvReader.open(write("ll.csv", "lat,lon\n38.6,-90.2\n"), ReadOptions.DEFAULTS)) {
            assertEquals(Crs.WGS84, reader.sourceCrs().orElseThrow());
            assertTrue(reader.notes().stream().anyMatch(p -> p.message().contains("EPSG:4326")));
        }
    }

    @Test
    void xyValuesWithinLonLatRangeMeanWgs84() throws Exception {
        // part1_geocoded style: x = longitude, y = latitude
        Path file = write("p.csv", "x,y\n-90.2,38.6\n-90.3,38.7\n");
        try (CsvReader reader = CsvReader.open(file, ReadOptions.DEFAULTS)) {
            assertEquals(Crs.WGS84, reader.sourceCrs().orElseThrow());
            assertTrue(reader.notes().stream().anyMatch(p -> p.message().contains("±180")));
        }
    }

    @Test
    void projectedValuesWithoutACrsLeaveTheCrsToTheUser() throws Exception {
        Path file = write("p.csv", "XCoord,YCoord\n906753.8,1016999.3\n");
        try (CsvReader reader = CsvReader.open(file, ReadOptions.DEFAULTS)) {
            assertTrue(reader.sourceCrs().isEmpty());
        }
        try (CsvReader reader = CsvReader.open(file, ReadOptions.DEFAULTS.withCrs(Crs.of("ESRI:102696")))) {
            assertEquals("ESRI:102696", reader.sourceCrs().orElseThrow().id());
        }
    }

    @Test
    void chosenColumnsWinOverHeaderNames() throws Exception {
        // CSB 311 style: srx/sry are state-plane feet, not found by name
        Path file = write("csb.csv", "requestid,srx,sry,x,y\n1,906753.8,1016999.3,0,0\n");
        ReadOptions opts = new ReadOptions(Crs.of("ESRI:102696"), "srx", "SRY", null, null, null, null);
        Point p = (Point) readCsv(file, opts).get(0).geometry();
        assertEquals(906753.8, p.getX());
        assertEquals(1016999.3, p.getY());
    }

    @Test
    void aChosenColumnThatDoesNotExistIsAnErrorListingTheColumns() throws Exception {
        Path file = write("csb.csv", "requestid,srx,sry\n1,2,3\n");
        ReadOptions opts = new ReadOptions(null, "east", "sry", null, null, null, null);
        ImportException e = assertThrows(ImportException.class, () -> CsvReader.open(file, opts));
        assertTrue(e.getMessage().contains("east") && e.getMessage().contains("requestid, srx, sry"),
                e.getMessage());
    }

    @Test
    void aSemicolonFileMayUseDecimalCommasInCoordinates() throws Exception {
        Path file = write("eu.csv", "name;lat;lon\nA;38,6;-90,2\n");
        Point p = (Point) readCsv(file, ReadOptions.DEFAULTS).get(0).geometry();
        assertEquals(-90.2, p.getX());
        assertEquals(38.6, p.getY());
    }

    @Test
    void lonLatOutsideTheirRangeAreSkippedAsBadCoordinates() throws Exception {
        Path file = write("r.csv", "lat,lon\n38.6,-90.2\n95,-90.2\n");
        List<SourceRecord> rows = readCsv(file, ReadOptions.DEFAULTS);
        assertTrue(rows.get(0).usable());
        assertEquals("bad_coordinates", rows.get(1).skipReason());
        assertEquals("lat", rows.get(1).problem().field());
    }

    /** UCRCodes.csv: CR-only line endings, no coordinates. Compared with a plain split of the file. */
    @Test
    void theCrOnlyUcrCodesTableReadsAs26RowsWithoutCoordinates() throws Exception {
        Path file = sharedData().resolve("stl/crime/reference/UCRCodes.csv");
        String[] lines = Files.readString(file, StandardCharsets.ISO_8859_1).split("\r");
        try (CsvReader reader = CsvReader.open(file, ReadOptions.DEFAULTS)) {
            List<SourceRecord> rows = readAll(reader);
            assertFalse(reader.hasCoordinates());
            assertEquals(List.of(lines[0].split(",")),
                    reader.fields().stream().map(FieldDef::name).toList());
            assertEquals(lines.length - 1, rows.size());
            assertEquals(26, rows.size());
            for (int i = 0; i < rows.size(); i++) {
                SourceRecord r = rows.get(i);
                String[] expected = lines[i + 1].split(",");
                assertEquals("no_coordinates", r.skipReason());
                assertNull(r.geometry());
                assertEquals(Long.parseLong(expected[0]), r.values()[0]);
                assertEquals(Long.parseLong(expected[1]), r.values()[1]);
                assertEquals(expected[2], r.values()[2]);
            }
            assertTrue(reader.notes().stream().anyMatch(p -> p.message().contains("UCRCode, UCRType, UCRCrime")));
        }
    }

    /** part1_geocoded: x/y are lon/lat, NA where geocoding failed. Compared with a plain count of NA rows. */
    @Test
    void naCoordinatesInTheGeocodedPartOneFileAreReportedRowByRow() throws Exception {
        Path file = sharedData().resolve("stl/crime/part1_geocoded/part1_2017.csv");
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        List<String> header = List.of(lines.get(0).replace("\"", "").split(","));
        int xi = header.indexOf("x");
        int yi = header.indexOf("y");
        long expectedNa = lines.stream().skip(1).map(l -> l.split(",", -1))
                .filter(f -> f[f.length - header.size() + xi].equals("NA")
                        || f[f.length - header.size() + yi].equals("NA")).count();
        assertEquals(152, expectedNa, "the data README gives 152 NA rows for 2017");
        try (CsvReader reader = CsvReader.open(file, ReadOptions.DEFAULTS)) {
            List<SourceRecord> rows = readAll(reader);
            assertEquals(lines.size() - 1, rows.size());
            assertEquals(Map.of("bad_coordinates", expectedNa), skipCounts(rows));
            assertEquals(Crs.WGS84, reader.sourceCrs().orElseThrow());
            for (SourceRecord r : rows) {
                if (!r.usable()) {
                    assertTrue(r.problem().row() == r.row() && List.of("x", "y").contains(r.problem().field()));
                }
            }
        }
    }

    // ---- column types ----

    static Stream<Arguments> columnValues() {
        return Stream.of(
                Arguments.of(List.of("1", "-2", "30"), FieldType.INTEGER),
                Arguments.of(List.of("1", "2.5", "-3e2"), FieldType.REAL),
                Arguments.of(List.of("031111", "31111"), FieldType.TEXT),              // codes keep their zeros
                Arguments.of(List.of("12345678901234567890"), FieldType.TEXT),        // too long for a count
                Arguments.of(List.of("true", "FALSE"), FieldType.BOOLEAN),
                Arguments.of(List.of("Y", "N"), FieldType.TEXT),                      // flags are codes
                Arguments.of(List.of("2018-01-02", "2019-12-31"), FieldType.DATE),
                Arguments.of(List.of("2018-01-01 00:48:30.0", "2018-01-07 23:59:59.9"), FieldType.DATETIME),
                Arguments.of(List.of("01/31/2017 13:45", "5/9/2017 1:05"), FieldType.DATETIME),
                Arguments.of(List.of("1/2/2017", "13/2/2017"), FieldType.DATE),       // day first, shown by 13
                Arguments.of(List.of("13/2/2017", "2/13/2017"), FieldType.TEXT),      // both orders: not a date
                Arguments.of(List.of("2018-01-02", "2018-01-02 10:00"), FieldType.TEXT),
                Arguments.of(List.of("1", "NA", "", "N/A"), FieldType.INTEGER),       // missing markers
                Arguments.of(List.of("NA", ""), FieldType.TEXT),
                Arguments.of(List.of("1", "one"), FieldType.TEXT));
    }

    @ParameterizedTest
    @MethodSource("columnValues")
    void infersColumnTypesConservatively(List<String> values, FieldType expected) throws Exception {
        StringBuilder text = new StringBuilder("v,x,y\n");
        for (String v : values) {
            text.append('"').append(v).append("\",1,2\n");
        }
        try (CsvReader reader = CsvReader.open(write("t.csv", text.toString()), ReadOptions.DEFAULTS)) {
            assertEquals(expected, reader.fields().get(0).type());
            List<SourceRecord> rows = readAll(reader);
            assertEquals(values.size(), rows.stream().filter(SourceRecord::usable).count());
        }
    }

    @Test
    void typedValuesAreConverted() throws Exception {
        Path file = write("v.csv", "i,r,b,d,dt,us,t,x,y\n7,2.5,true,2018-01-02,2018-01-01 00:48:30.0,"
                + "1/5/2017 9:30,  padded  ,1,2\nNA,,false,,,,,3,4\n");
        List<SourceRecord> rows = readCsv(file, ReadOptions.DEFAULTS);
        assertArrayEquals(new Object[] {7L, 2.5, true, LocalDate.of(2018, 1, 2),
            LocalDateTime.of(2018, 1, 1, 0, 48, 30), LocalDateTime.of(2017, 1, 5, 9, 30), "padded", 1L, 2L},
                rows.get(0).values());
        assertArrayEquals(new Object[] {null, null, false, null, null, null, null, 3L, 4L}, rows.get(1).values());
    }

    @Test
    void aLateValueThatBreaksTheTypeMakesAFileColumnText() throws Exception {
        StringBuilder text = new StringBuilder("code,x,y\n");
        int rows = CsvReader.SAMPLE_ROWS + 500;
        for (int i = 1; i < rows; i++) {
            text.append(i).append(",1,2\n");
        }
        text.append("A17,1,2\n");
        try (CsvReader reader = CsvReader.open(write("late.csv", text.toString()), ReadOptions.DEFAULTS)) {
            assertEquals(FieldType.TEXT, reader.fields().get(0).type());
            List<SourceRecord> all = readAll(reader);
            assertEquals(rows, all.stream().filter(SourceRecord::usable).count());
            assertEquals("A17", all.get(rows - 1).values()[0]);
        }
    }

    @Test
    void aSpeculativeReadWhoseSampleTypesHoldGivesTheTwoPassRecords() throws Exception {
        StringBuilder text = new StringBuilder("code,when,x,y\n");
        for (int i = 1; i <= CsvReader.SAMPLE_ROWS + 500; i++) {
            text.append(i).append(",1/").append(1 + i % 28).append("/2018,1,2\n");
        }
        Path file = write("same.csv", text.toString());
        try (CsvReader exact = CsvReader.open(file, ReadOptions.DEFAULTS);
             CsvReader speculative = CsvReader.openSpeculative(file, ReadOptions.DEFAULTS)) {
            assertEquals(exact.fields(), speculative.fields());
            assertEquals(exact.notes(), speculative.notes());
            List<SourceRecord> a = readAll(exact);
            List<SourceRecord> b = readAll(speculative);
            assertEquals(a.size(), b.size());
            for (int i = 0; i < a.size(); i++) {
                assertArrayEquals(a.get(i).values(), b.get(i).values(), "row " + (i + 1));
            }
        }
    }

    @Test
    void aSpeculativeReadWhoseSampleTypesBreakLateSaysSoAtTheEnd() throws Exception {
        StringBuilder text = new StringBuilder("code,x,y\n");
        for (int i = 1; i < CsvReader.SAMPLE_ROWS + 500; i++) {
            text.append(i).append(",1,2\n");
        }
        text.append("A17,1,2\n");
        try (CsvReader reader = CsvReader.openSpeculative(write("late.csv", text.toString()), ReadOptions.DEFAULTS)) {
            assertEquals(FieldType.INTEGER, reader.fields().get(0).type());
            assertThrows(CsvReader.TypesChanged.class, () -> readAll(reader));
        }
    }

    @Test
    void aLateValueThatBreaksTheTypeInAStreamIsReportedNotDropped() throws Exception {
        StringBuilder text = new StringBuilder("code,x,y\n");
        int rows = CsvReader.SAMPLE_ROWS + 500;
        for (int i = 1; i < rows; i++) {
            text.append(i).append(",1,2\n");
        }
        text.append("A17,1,2\n");
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        try (CsvReader reader = CsvReader.open(new ByteArrayInputStream(bytes), "late.csv", ReadOptions.DEFAULTS)) {
            assertEquals(FieldType.INTEGER, reader.fields().get(0).type());
            List<SourceRecord> all = readAll(reader);
            SourceRecord last = all.get(rows - 1);
            assertEquals("bad_value", last.skipReason());
            assertEquals(new Problem("late.csv", rows, "code", last.problem().message()), last.problem());
            assertTrue(last.problem().message().contains("A17"));
            assertEquals(rows - 1, all.stream().filter(SourceRecord::usable).count());
        }
    }

    @Test
    void aRowWithMoreValuesThanColumnsIsReported() throws Exception {
        Path file = write("m.csv", "name,x,y\nA,1,2\nB, C,3,4\nD,5,6,,\n");
        List<SourceRecord> rows = readCsv(file, ReadOptions.DEFAULTS);
        assertEquals("bad_row", rows.get(1).skipReason());
        assertEquals(2, rows.get(1).problem().row());
        assertTrue(rows.get(2).usable(), "blank trailing values are harmless");
    }

    // ---- zips, progress ----

    @Test
    void readsTheOneCsvInAZipAndAsksWhichWhenThereAreSeveral() throws Exception {
        Path one = dir.resolve("one.zip");
        zip(one, Map.of("data/incidents.csv", "id,x,y\n1,2,3\n"));
        assertEquals(1, readCsv(one, ReadOptions.DEFAULTS).size());

        Path two = dir.resolve("two.zip");
        zip(two, Map.of("a.csv", "id,x,y\n1,2,3\n", "b.csv", "id,x,y\n1,2,3\n2,3,4\n"));
        ImportException e = assertThrows(ImportException.class, () -> CsvReader.open(two, ReadOptions.DEFAULTS));
        assertTrue(e.getMessage().contains("a.csv") && e.getMessage().contains("b.csv"), e.getMessage());
        assertEquals(2, readCsv(two, ReadOptions.DEFAULTS.withMember("b.csv")).size());
    }

    static void zip(Path target, Map<String, String> members) throws IOException {
        try (OutputStream out = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : new TreeMap<>(members).entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    @Test
    void progressEndsAtTheFileSize() throws Exception {
        StringBuilder text = new StringBuilder("id,x,y\n");
        for (int i = 0; i < 20_000; i++) {
            text.append(i).append(",1,2\n");
        }
        Path file = write("p.csv", text.toString());
        try (CsvReader reader = CsvReader.open(file, ReadOptions.DEFAULTS)) {
            long[] start = reader.progress();
            assertEquals(Files.size(file), start[1]);
            readAll(reader);
            assertArrayEquals(new long[] {Files.size(file), Files.size(file)}, reader.progress());
            assertNotNull(reader.fields());
        }
    }
}
