package org.pscdesk.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Point;

/**
 * The SLMPD preset on the real St. Louis files, checked against counts made here independently with
 * commons-csv and a plain matching loop (and against the totals the data README gives).
 */
class SlmpdRealDataTest {

    private static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june",
            "july", "august", "september", "october", "november", "december");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    private static Path monthly() {
        return CsvReaderTest.sharedData().resolve("stl/crime/slmpd_monthly");
    }

    /** What a plain read of the files gives. */
    record Expected(Map<String, Long> rowsPerFile, long rows, long unmappable, long negatives, long matched,
                    long unmatched, long left, Map<String, Long> skips) {
    }

    /** Sorts by year then month from the names (e.g. may2017.csv), parses with commons-csv, pairs -1 rows. */
    static Expected countIndependently(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(p -> p.toString().endsWith(".csv")).sorted(Comparator.comparing(p -> {
                String n = p.getFileName().toString().replace(".csv", "");
                String year = n.substring(n.length() - 4);
                return year + String.format("%02d", MONTHS.indexOf(n.substring(0, n.length() - 4)));
            })).toList();
        }
        Map<String, Long> perFile = new LinkedHashMap<>();
        Map<String, Deque<Boolean>> open = new HashMap<>(); // key -> stack of "is at 0,0" of uncancelled rows
        long rows = 0;
        long zero = 0;
        long negatives = 0;
        long matched = 0;
        long unmatched = 0;
        long positives = 0;
        long positivesAtZero = 0;
        long cancelledAtZero = 0;
        for (Path f : files) {
            long n = 0;
            try (Reader in = Files.newBufferedReader(f, StandardCharsets.ISO_8859_1);
                 CSVParser parser = CSVParser.parse(in, FORMAT)) {
                Map<String, String> names = new HashMap<>();
                for (String h : parser.getHeaderNames()) {
                    names.put(h.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""), h);
                }
                for (CSVRecord r : parser) {
                    n++;
                    String crime = String.format("%06d", Integer.parseInt(r.get(names.get("crime")).trim()));
                    String key = r.get(names.get("complaint")).trim() + "/" + crime;
                    boolean atZero = Double.parseDouble(r.get(names.get("xcoord"))) == 0
                            && Double.parseDouble(r.get(names.get("ycoord"))) == 0;
                    if (atZero) {
                        zero++;
                    }
                    if (Integer.parseInt(r.get(names.get("count")).trim()) < 0) {
                        negatives++;
                        Deque<Boolean> stack = open.get(key);
                        if (stack == null || stack.isEmpty()) {
                            unmatched++;
                        } else {
                            matched++;
                            if (stack.pop()) {
                                cancelledAtZero++;
                            }
                        }
                    } else {
                        positives++;
                        if (atZero) {
                            positivesAtZero++;
                        }
                        open.computeIfAbsent(key, k -> new ArrayDeque<>()).push(atZero);
                    }
                }
            }
            perFile.put(f.getFileName().toString(), n);
            rows += n;
        }
        long unmappableLeft = positivesAtZero - cancelledAtZero;
        Map<String, Long> skips = new TreeMap<>();
        skips.put("cancellation", matched);
        skips.put("cancelled", matched);
        skips.put("unmatched_cancellation", unmatched);
        skips.put("unmappable", unmappableLeft);
        skips.values().removeIf(v -> v == 0);
        return new Expected(perFile, rows, zero, negatives, matched, unmatched,
                positives - matched - unmappableLeft, skips);
    }

    private static void assertReaderAgrees(Path folder) throws Exception {
        Expected expected = countIndependently(folder);
        try (SlmpdReader reader = SlmpdReader.open(List.of(folder), ReadOptions.DEFAULTS)) {
            SlmpdReader.Counts c = reader.counts();
            assertEquals(List.copyOf(expected.rowsPerFile().entrySet()), List.copyOf(c.rowsPerFile().entrySet()),
                    "rows per file, in reporting order");
            assertEquals(expected.rows(), c.rowsRead());
            assertEquals(expected.unmappable(), c.unmappable());
            assertEquals(expected.negatives(), c.cancellationRows());
            assertEquals(expected.matched(), c.cancelledPairs());
            assertEquals(expected.unmatched(), c.unmatchedCancellations());
            assertEquals(expected.left(), c.rowsLeft());

            List<SourceRecord> records = CsvReaderTest.readAll(reader);
            assertEquals(expected.rows(), records.size());
            assertEquals(expected.left(), records.stream().filter(SourceRecord::usable).count());
            assertEquals(expected.skips(), CsvReaderTest.skipCounts(records));
            for (SourceRecord r : records) {
                if (!r.usable()) {
                    assertEquals(r.row(), r.problem().row());
                    assertEquals(r.file(), r.problem().file());
                }
            }
        }
    }

    @Test
    void allThirtySixFilesGiveTheIndependentCounts() throws Exception {
        Expected e = countIndependently(monthly());
        // the data README's totals, a second independent source
        assertEquals(36, e.rowsPerFile().size());
        assertEquals(144_629, e.rows());
        assertEquals(3_857, e.unmappable());
        assertEquals(1_841, e.negatives());
        assertReaderAgrees(monthly());
    }

    /** One year's folder: cancellations of rows in an earlier year stay unmatched. Rows per the README. */
    @ParameterizedTest
    @CsvSource({"2017, 48986", "2018, 46742", "2019, 48901"})
    void eachYearGivesTheIndependentCounts(String year, long readmeRows) throws Exception {
        Path folder = monthly().resolve(year);
        assertEquals(readmeRows, countIndependently(folder).rows());
        assertReaderAgrees(folder);
    }

    /** may2017.csv: every value equals what a by-name commons-csv read of that file gives. */
    @Test
    void may2017ColumnsAndUnpaddedDatesMatchAPlainReadByName() throws Exception {
        Path may = monthly().resolve("2017/may2017.csv");
        DateTimeFormatter unpadded = DateTimeFormatter.ofPattern("M/d/yyyy H:mm");
        try (SlmpdReader reader = SlmpdReader.open(List.of(may), ReadOptions.DEFAULTS);
             Reader in = Files.newBufferedReader(may, StandardCharsets.ISO_8859_1);
             CSVParser parser = CSVParser.parse(in, FORMAT)) {
            int unpaddedSeen = 0;
            for (CSVRecord expected : parser) {
                SourceRecord r = reader.next();
                Map<String, Object> v = values(r);
                String date = expected.get("Date Occur");
                if (!date.startsWith("0") && date.indexOf('/') == 1) {
                    unpaddedSeen++;
                }
                assertEquals(LocalDateTime.parse(date, unpadded), v.get("occurred"));
                assertEquals(expected.get("Complaint").trim(), v.get("complaint"));
                assertEquals(expected.get("Coded Month").trim(), v.get("coded_month"));
                assertEquals(String.format("%06d", Integer.parseInt(expected.get("Crime").trim())), v.get("crime"));
                assertEquals(blankToNull(expected.get("Description")), v.get("description"));
                assertEquals(blankToNull(expected.get("ILEADS-Street")), v.get("ileads_street"));
                assertEquals(blankToNull(expected.get("Location Name")), v.get("location_name"));
                assertEquals(Long.valueOf(expected.get("District").trim()), v.get("district"));
                assertEquals(Long.valueOf(expected.get("Neighborhood").trim()), v.get("neighborhood"));
                if (r.usable()) {
                    Point p = (Point) r.geometry();
                    assertEquals(Double.parseDouble(expected.get("X-Coord")), p.getX());
                    assertEquals(Double.parseDouble(expected.get("Y-Coord")), p.getY());
                }
            }
            assertNull(reader.next());
            assertTrue(unpaddedSeen > 0, "may2017.csv has unpadded dates");
        }
    }

    /** Crime 31111 (written without its zero) is 031111, class 03, named as UCRCodes.csv names class 3. */
    @Test
    void crimeCodesGetTheirLeadingZeroAndUcrCategory() throws Exception {
        Path jan = monthly().resolve("2017/january2017.csv");
        String robbery = ucrCodesName(3);
        long seen = 0;
        try (SlmpdReader reader = SlmpdReader.open(List.of(jan), ReadOptions.DEFAULTS);
             Reader in = Files.newBufferedReader(jan, StandardCharsets.ISO_8859_1);
             CSVParser parser = CSVParser.parse(in, FORMAT)) {
            for (CSVRecord expected : parser) {
                Map<String, Object> v = values(reader.next());
                if (expected.get("Crime").trim().equals("31111")) {
                    seen++;
                    assertEquals("031111", v.get("crime"));
                    assertEquals("03", v.get("ucr_class"));
                    assertTrue(robbery.equalsIgnoreCase((String) v.get("category")), v.get("category") + " vs "
                            + robbery);
                }
            }
        }
        assertTrue(seen > 0, "january2017.csv has Crime 31111");
    }

    /** january2017.csv: windows-1252 apostrophes and quoted commas, compared with a windows-1252 read. */
    @Test
    void latin1TextAndQuotedCommasMatchAPlainWindows1252Read() throws Exception {
        Path jan = monthly().resolve("2017/january2017.csv");
        long withComma = 0;
        long nonAscii = 0;
        try (SlmpdReader reader = SlmpdReader.open(List.of(jan), ReadOptions.DEFAULTS);
             Reader in = Files.newBufferedReader(jan, Charset.forName("windows-1252"));
             CSVParser parser = CSVParser.parse(in, FORMAT)) {
            for (CSVRecord expected : parser) {
                Map<String, Object> v = values(reader.next());
                String description = blankToNull(expected.get("Description"));
                String place = blankToNull(expected.get("LocationName"));
                assertEquals(description, v.get("description"));
                assertEquals(place, v.get("location_name"));
                if (description != null && description.contains("$24,999")) {
                    withComma++;
                }
                if (place != null && !StandardCharsets.US_ASCII.newEncoder().canEncode(place)) {
                    nonAscii++;
                }
            }
        }
        assertTrue(withComma > 0 && nonAscii > 0, withComma + " quoted commas, " + nonAscii + " non-ASCII names");
    }

    private static Map<String, Object> values(SourceRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < SlmpdReader.FIELDS.size(); i++) {
            m.put(SlmpdReader.FIELDS.get(i).name(), r.values()[i]);
        }
        return m;
    }

    private static String blankToNull(String s) {
        String t = s.trim();
        return t.isEmpty() ? null : t;
    }

    /** The class name in the reference UCRCodes.csv (CR line endings), read with a plain split. */
    private static String ucrCodesName(int code) throws IOException {
        Path file = CsvReaderTest.sharedData().resolve("stl/crime/reference/UCRCodes.csv");
        List<String> names = new ArrayList<>();
        for (String line : Files.readString(file, StandardCharsets.ISO_8859_1).split("\r")) {
            String[] f = line.split(",");
            if (f[0].equals(Integer.toString(code))) {
                names.add(f[2]);
            }
        }
        assertEquals(1, names.size());
        return names.get(0);
    }
}
