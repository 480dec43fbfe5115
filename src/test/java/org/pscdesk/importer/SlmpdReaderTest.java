package org.pscdesk.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Point;
import org.pscdesk.geo.Crs;
import org.pscdesk.store.FieldDef;

/** The SLMPD preset on small monthly files written for each case. */
class SlmpdReaderTest {

    static final String HEADER = "Complaint,CodedMonth,DateOccur,FlagCrime,FlagUnfounded,FlagAdministrative,Count,"
            + "FlagCleanup,Crime,District,Description,ILEADSAddress,ILEADSStreet,Neighborhood,LocationName,"
            + "LocationComment,CADAddress,CADStreet,XCoord,YCoord";

    @TempDir
    Path dir;

    /** One row in the 20-column layout of every month but May 2017. */
    static String row(String complaint, String month, String occurred, int count, String crime, String x,
                      String y) {
        return String.join(",", complaint, month, occurred, "Y", " ", " ", Integer.toString(count), " ", crime,
                "5", "\"LARCENY-FROM BUILDING $500 - $24,999\"", "5200", "PAULIAN PL", "52", " ", "APT 2",
                "1200", "PEGGY", x, y);
    }

    private Path month(String name, String... rows) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, HEADER + "\r\n" + String.join("\r\n", rows) + "\r\n", StandardCharsets.ISO_8859_1);
        return p;
    }

    private static Map<String, Object> byName(SourceRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < SlmpdReader.FIELDS.size(); i++) {
            m.put(SlmpdReader.FIELDS.get(i).name(), r.values()[i]);
        }
        return m;
    }

    private static List<SourceRecord> read(List<Path> inputs) throws ImportException {
        try (SlmpdReader reader = SlmpdReader.open(inputs, ReadOptions.DEFAULTS)) {
            return CsvReaderTest.readAll(reader);
        }
    }

    @Test
    void restoresCrimeCodesAndNamesTheirUcrClass() throws Exception {
        Path f = month("january2017.csv", row("17-000001", "2017-01", "01/05/2017 09:30", 1, " 31111",
                "906753.8", "1016999.3"));
        List<SourceRecord> rows = read(List.of(f));
        Map<String, Object> v = byName(rows.get(0));
        assertEquals("031111", v.get("crime"));
        assertEquals("03", v.get("ucr_class"));
        assertEquals(UcrClasses.all().get("03").name(), v.get("category"));
        assertEquals(LocalDateTime.of(2017, 1, 5, 9, 30), v.get("occurred"));
        assertEquals("LARCENY-FROM BUILDING $500 - $24,999", v.get("description"));
        assertEquals(5L, v.get("district"));
        assertEquals(52L, v.get("neighborhood"));
        assertNull(v.get("flag_unfounded"), "a blank flag ' ' is null");
        assertNull(v.get("location_name"));
        assertEquals("january2017.csv", v.get("source_file"));
        Point p = (Point) rows.get(0).geometry();
        assertEquals(906753.8, p.getX());
        assertEquals(1016999.3, p.getY());
    }

    @Test
    void leavesOutFreeTextCommentsAndTheCallersAddress() throws Exception {
        Path f = month("january2017.csv", row("17-000001", "2017-01", "01/05/2017 09:30", 1, "31111", "1", "2"));
        try (SlmpdReader reader = SlmpdReader.open(List.of(f), ReadOptions.DEFAULTS)) {
            List<String> names = reader.fields().stream().map(FieldDef::name).toList();
            assertTrue(names.contains("location_name"));
            assertTrue(names.stream().noneMatch(n -> n.contains("comment") || n.contains("cad")), names.toString());
            assertTrue(reader.notes().stream().anyMatch(p -> p.message().contains("LocationComment")));
        }
    }

    @Test
    void theCrsIsMissouriEastFeetUnlessGiven() throws Exception {
        Path f = month("january2017.csv", row("17-000001", "2017-01", "01/05/2017 09:30", 1, "31111", "1", "2"));
        try (SlmpdReader reader = SlmpdReader.open(List.of(f), ReadOptions.DEFAULTS)) {
            assertEquals(Crs.of("ESRI:102696"), reader.sourceCrs().orElseThrow());
        }
        try (SlmpdReader reader = SlmpdReader.open(List.of(f), ReadOptions.DEFAULTS.withCrs(Crs.of("EPSG:6512")))) {
            assertEquals(Crs.of("EPSG:6512"), reader.sourceCrs().orElseThrow());
        }
    }

    @Test
    void zeroZeroIsUnmappableAndReported() throws Exception {
        Path f = month("january2017.csv",
                row("17-000001", "2017-01", "01/05/2017 09:30", 1, "31111", "0", "0"),
                row("17-000002", "2017-01", "01/05/2017 09:30", 1, "31111", "1", "2"));
        try (SlmpdReader reader = SlmpdReader.open(List.of(f), ReadOptions.DEFAULTS)) {
            List<SourceRecord> rows = CsvReaderTest.readAll(reader);
            assertEquals("unmappable", rows.get(0).skipReason());
            assertEquals(new Problem("january2017.csv", 1, "XCoord", rows.get(0).problem().message()),
                    rows.get(0).problem());
            assertTrue(rows.get(1).usable());
            assertEquals(1, reader.counts().unmappable());
            assertEquals(1, reader.counts().rowsLeft());
        }
    }

    /**
     * Three rows share complaint and crime (per-victim records); one -1 removes the most recent earlier
     * one, which is in the previous month's file although that file is listed last.
     */
    @Test
    void aCancellationRemovesTheMostRecentEarlierRowWithTheSameComplaintAndCrime() throws Exception {
        Path jan = month("january2017.csv",
                row("17-000001", "2017-01", "01/05/2017 09:30", 1, "41100", "1", "1"),
                row("17-000001", "2017-01", "01/05/2017 09:30", 1, "41100", "2", "2"),
                row("17-000009", "2017-01", "01/06/2017 10:00", 1, "41100", "3", "3"));
        Path feb = month("february2017.csv",
                row("17-000001", "2017-02", "01/05/2017 09:30", 1, "41100", "4", "4"),
                row("17-000001", "2017-02", "01/05/2017 09:30", -1, " 41100", "4", "4"),
                row("17-000001", "2017-02", "01/05/2017 09:30", -1, "41100", "2", "2"),
                row("17-000001", "2017-02", "01/05/2017 09:30", -1, "41100", "1", "1"),
                row("17-000001", "2017-02", "01/05/2017 09:30", -1, "41100", "1", "1"),
                row("17-000009", "2017-02", "01/06/2017 10:00", -1, "41200", "3", "3"));
        try (SlmpdReader reader = SlmpdReader.open(List.of(feb, jan), ReadOptions.DEFAULTS)) {
            List<SourceRecord> rows = CsvReaderTest.readAll(reader);
            List<String> reasons = rows.stream().map(r -> r.usable() ? "ok" : r.skipReason()).toList();
            // january first (reporting order), then february
            assertEquals(List.of("cancelled", "cancelled", "ok",
                    "cancelled", "cancellation", "cancellation", "cancellation", "unmatched_cancellation",
                    "unmatched_cancellation"), reasons);
            assertEquals(List.of("january2017.csv", "january2017.csv", "january2017.csv", "february2017.csv"),
                    rows.subList(0, 4).stream().map(SourceRecord::file).toList());
            assertTrue(rows.get(4).problem().message().contains("february2017.csv row 1"),
                    rows.get(4).problem().message());
            assertTrue(rows.get(5).problem().message().contains("january2017.csv row 2"));
            assertEquals("Count", rows.get(7).problem().field());
            SlmpdReader.Counts c = reader.counts();
            assertEquals(Map.of("january2017.csv", 3L, "february2017.csv", 6L), c.rowsPerFile());
            assertEquals(9, c.rowsRead());
            assertEquals(5, c.cancellationRows());
            assertEquals(3, c.cancelledPairs());
            assertEquals(2, c.unmatchedCancellations());
            assertEquals(1, c.rowsLeft());
        }
    }

    @Test
    void aCancellationNeverReachesALaterRow() throws Exception {
        Path f = month("march2017.csv",
                row("17-000001", "2017-03", "03/05/2017 09:30", -1, "41100", "1", "1"),
                row("17-000001", "2017-03", "03/05/2017 09:30", 1, "41100", "1", "1"));
        List<SourceRecord> rows = read(List.of(f));
        assertEquals("unmatched_cancellation", rows.get(0).skipReason());
        assertTrue(rows.get(1).usable());
    }

    /** May 2017: 26 columns, other spellings, unpadded dates, space-padded text. */
    @Test
    void matchesMay2017HeadersByNormalisedName() throws Exception {
        String header = "Complaint,Coded Month,Date Occur,Flag-Crime,Flag-Unfounded,Flag-Administrative,Count,"
                + "Flag Cleanup,Crime,ILeads Add,ILeads Approve,District,Beat,Description,ILEADS-Address,"
                + "ILEADS-Street,Neighborhood,ILeads Asg,ILeads Type,Location Name,Location Comment,CAD-Address,"
                + "CAD-Street,X-Coord,Y-Coord,Date Crime Coded";
        String line = "17-022476,2017-05,5/12/2017 0:05,Y, , ,1, ,64601,5/12/2017 0:41,5/14/2017,2,224,"
                + "\"LARCENY-FROM MTR VEH $500 - $24,999               \",3951,GRAVOIS AVE         ,15,305,,"
                + "SCHNUCKS   , ,3951,GRAVOIS,889108.7,1005236,5/15/2017";
        Path f = dir.resolve("may2017.csv");
        Files.writeString(f, header + "\r\n" + line + "\r\n", StandardCharsets.ISO_8859_1);
        Map<String, Object> v = byName(read(List.of(f)).get(0));
        assertEquals(LocalDateTime.of(2017, 5, 12, 0, 5), v.get("occurred"));
        assertEquals("064601", v.get("crime"));
        assertEquals("LARCENY-FROM MTR VEH $500 - $24,999", v.get("description"));
        assertEquals("GRAVOIS AVE", v.get("ileads_street"));
        assertEquals("SCHNUCKS", v.get("location_name"));
        assertEquals(2L, v.get("district"));
        assertEquals(15L, v.get("neighborhood"));
    }

    @Test
    void readsFoldersRecursivelyAndZipsInMonthOrder() throws Exception {
        Path y2018 = Files.createDirectories(dir.resolve("all/2018"));
        Path y2017 = Files.createDirectories(dir.resolve("all/2017"));
        Files.writeString(y2018.resolve("january2018.csv"), HEADER + "\n"
                + row("18-000001", "2018-01", "01/05/2018 09:30", -1, "41100", "1", "1") + "\n");
        Files.writeString(y2017.resolve("december2017.csv"), HEADER + "\n"
                + row("18-000001", "2017-12", "12/05/2017 09:30", 1, "41100", "1", "1") + "\n");
        Files.writeString(y2017.resolve("may2017.csv"), HEADER + "\n"
                + row("17-000001", "2017-05", "05/05/2017 09:30", 1, "41100", "1", "1") + "\n");
        try (SlmpdReader reader = SlmpdReader.open(List.of(dir.resolve("all")), ReadOptions.DEFAULTS)) {
            assertEquals(List.of("may2017.csv", "december2017.csv", "january2018.csv"),
                    List.copyOf(reader.counts().rowsPerFile().keySet()));
            assertEquals(1, reader.counts().cancelledPairs());
        }
        Path zip = dir.resolve("slmpd.zip");
        CsvReaderTest.zip(zip, Map.of(
                "2018/january2018.csv", Files.readString(y2018.resolve("january2018.csv")),
                "2017/december2017.csv", Files.readString(y2017.resolve("december2017.csv"))));
        try (SlmpdReader reader = SlmpdReader.open(List.of(zip), ReadOptions.DEFAULTS)) {
            assertEquals(List.of("december2017.csv", "january2018.csv"),
                    List.copyOf(reader.counts().rowsPerFile().keySet()));
            assertEquals(1, reader.counts().cancelledPairs());
            assertEquals(2, CsvReaderTest.readAll(reader).stream().filter(r -> !r.usable()).count());
        }
    }

    @Test
    void aFileGivenTwiceIsReadOnce() throws Exception {
        Path f = month("january2017.csv", row("17-000001", "2017-01", "01/05/2017 09:30", 1, "31111", "1", "2"));
        try (SlmpdReader reader = SlmpdReader.open(List.of(f, dir, f), ReadOptions.DEFAULTS)) {
            assertEquals(1, reader.counts().rowsRead());
        }
    }

    @Test
    void unreadableValuesSkipTheRowNamingTheField() throws Exception {
        Path f = month("january2017.csv",
                row("17-000001", "2017-01", "31/01/2017 09:30", 1, "31111", "1", "2"),
                row("17-000002", "2017-01", "01/05/2017 09:30", 1, "3111A", "1", "2"),
                row("17-000003", "2017-01", "01/05/2017 09:30", 2, "31111", "1", "2"),
                row("17-000004", "2017-01", "01/05/2017 09:30", 1, "31111", "east", "2"));
        List<SourceRecord> rows = read(List.of(f));
        assertEquals(List.of("DateOccur", "Crime", "Count", "XCoord"),
                rows.stream().map(r -> r.problem().field()).toList());
        assertEquals(List.of("bad_value", "bad_value", "bad_value", "bad_coordinates"),
                rows.stream().map(SourceRecord::skipReason).toList());
    }

    @Test
    void windows1252TextIsDecoded() throws Exception {
        Path f = dir.resolve("january2017.csv");
        String line = row("17-000886", "2017-01", "12/29/2016 23:30", 1, " 67601", "885916", "1004889")
                .replace(",52, ,APT 2,", ",52,BOMBER O\u2019BRIEN\u2019S, ,");
        Files.writeString(f, HEADER + "\r\n" + line + "\r\n", Charset.forName("windows-1252"));
        Map<String, Object> v = byName(read(List.of(f)).get(0));
        assertEquals("BOMBER O\u2019BRIEN\u2019S", v.get("location_name"));
    }

    @Test
    void appendKeyNamesExistingFields() {
        List<String> names = SlmpdReader.FIELDS.stream().map(FieldDef::name).toList();
        assertTrue(names.containsAll(SlmpdReader.appendKey()), SlmpdReader.appendKey().toString());
        assertEquals(List.of("complaint", "crime", "occurred"), SlmpdReader.appendKey());
    }

    // ---- bad input ----

    @Test
    void aFileWithoutTheSlmpdColumnsIsRefusedListingWhatIsMissing() throws Exception {
        Path f = dir.resolve("stops.csv");
        Files.writeString(f, "stop_id,stop_lat,stop_lon\n1,38.6,-90.2\n");
        ImportException e = assertThrows(ImportException.class, () -> SlmpdReader.open(List.of(f),
                ReadOptions.DEFAULTS));
        assertTrue(e.getMessage().contains("complaint") && e.getMessage().contains("xcoord"), e.getMessage());
    }

    @Test
    void emptyHeaderOnlyBinaryAndBrokenFilesAreRefused() throws Exception {
        Path empty = dir.resolve("january2017.csv");
        Files.write(empty, new byte[0]);
        assertTrue(assertThrows(ImportException.class, () -> SlmpdReader.open(List.of(empty), ReadOptions.DEFAULTS))
                .getMessage().contains("empty"));

        Path header = dir.resolve("february2017.csv");
        Files.writeString(header, HEADER + "\n");
        assertTrue(assertThrows(ImportException.class, () -> SlmpdReader.open(List.of(header),
                ReadOptions.DEFAULTS)).getMessage().contains("no data rows"));

        Path junk = dir.resolve("march2017.csv");
        Files.write(junk, new byte[] {0x50, 0x4B, 3, 4, 0, 0, 0, 0, 1, 2, 3});
        assertTrue(assertThrows(ImportException.class, () -> SlmpdReader.open(List.of(junk), ReadOptions.DEFAULTS))
                .getMessage().contains("not a text file"));

        Path broken = month("april2017.csv",
                row("17-000001", "2017-04", "04/05/2017 09:30", 1, "31111", "1", "2"),
                row("17-000002", "2017-04", "04/05/2017 09:30", 1, "31111", "1", "2"),
                row("17-000003", "2017-04", "04/05/2017 09:30", 1, "31111", "1", "2").replace("PAULIAN", "\"PAULIAN"));
        ImportException e = assertThrows(ImportException.class, () -> SlmpdReader.open(List.of(broken),
                ReadOptions.DEFAULTS));
        assertEquals(3, e.problem().row());
        assertEquals("april2017.csv", e.problem().file());

        Path folder = Files.createDirectories(dir.resolve("nothing"));
        assertTrue(assertThrows(ImportException.class, () -> SlmpdReader.open(List.of(folder),
                ReadOptions.DEFAULTS)).getMessage().contains("no .csv"));
    }
}
