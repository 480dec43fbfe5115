package org.pscdesk.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated text files (byte flips, truncations, inserted quotes, delimiters, NULs, line breaks, high bytes,
 * deleted and repeated spans; fixed seeds) fed to each text reader. Every input must end in records with
 * well-formed problems, or in an {@link ImportException} with a message; never in another exception.
 */
class TextFuzzTest {

    static final int CASES_PER_READER = 300;

    @TempDir
    Path dir;

    /** How one reader is run over one file. */
    interface Run {
        FeatureReader open(Path file) throws ImportException, IOException;
    }

    static final String CSV = "\uFEFFid,name,lat,lon,when,amount,flag\r\n"
            + "1,\"Hôtel, \"\"Lumière\"\"\",38.6,-90.2,2019-01-02,1.5,true\r\n"
            + "2,\"two\nlines\",38.61,-90.21,2019-01-03,,false\r\n"
            + "3,plain,NA,-90.22,2019-01-04,3,true\r\n"
            + "4,O'Brien's,38.63,-90.23,,4e2,\r\n";

    static final String SLMPD = SlmpdReaderTest.HEADER + "\r\n"
            + SlmpdReaderTest.row("17-000001", "2017-01", "01/05/2017 09:30", 1, " 31111", "906753.8", "1016999.3")
            + "\r\n"
            + SlmpdReaderTest.row("17-000001", "2017-01", "1/5/2017 9:30", 1, "31111", "0", "0") + "\r\n"
            + SlmpdReaderTest.row("17-000001", "2017-01", "01/05/2017 09:30", -1, "31111", "906753.8", "1016999.3")
            + "\r\n"
            + SlmpdReaderTest.row("17-000002", "2017-01", "01/06/2017 10:00", -1, "41100", "1", "2") + "\r\n";

    static final String STOPS = "\uFEFFstop_id,stop_code,stop_name,stop_desc,stop_lat,stop_lon\n"
            + "1787,1787,ARSENAL @ DALTON EB,FAR SIDE ARSENAL @ DALTON EB,38.606616,-90.285669\n"
            + "9310,9310,\"BROADWAY @ DORCAS, SB\",,38.597352,-90.209063\n"
            + "14,,UNION STATION,,38.62,-90.21\n";

    @Test
    void mutatedCsvFilesEndInRecordsOrAClearError() throws Exception {
        fuzz("incidents.csv", CSV.getBytes(StandardCharsets.UTF_8), 1L,
                file -> CsvReader.open(file, ReadOptions.DEFAULTS));
    }

    @Test
    void mutatedCsvStreamsEndInRecordsOrAClearError() throws Exception {
        fuzz("incidents.csv", CSV.getBytes(StandardCharsets.UTF_8), 2L,
                file -> CsvReader.open(new ByteArrayInputStream(Files.readAllBytes(file)), "incidents.csv",
                        ReadOptions.DEFAULTS));
    }

    @Test
    void mutatedSlmpdFilesEndInRecordsOrAClearError() throws Exception {
        fuzz("january2017.csv", SLMPD.getBytes(Charset.forName("windows-1252")), 3L,
                file -> SlmpdReader.open(List.of(file), ReadOptions.DEFAULTS));
    }

    @Test
    void mutatedGtfsStopsEndInRecordsOrAClearError() throws Exception {
        fuzz("stops.txt", STOPS.getBytes(StandardCharsets.UTF_8), 4L,
                file -> GtfsStopsReader.open(file, ReadOptions.DEFAULTS));
    }

    private void fuzz(String name, byte[] base, long seed, Run run) throws Exception {
        Random random = new Random(seed);
        int refused = 0;
        int read = 0;
        for (int i = 0; i < CASES_PER_READER; i++) {
            byte[] input = mutate(base, random);
            Path file = dir.resolve(name);
            Files.write(file, input);
            try (FeatureReader reader = run.open(file)) {
                SourceRecord r;
                long count = 0;
                while ((r = reader.next()) != null) {
                    count++;
                    assertEquals(reader.fields().size(), r.values().length, "case " + i);
                    if (!r.usable()) {
                        assertNotNull(r.problem(), "case " + i + ": a skipped record says why");
                        assertNotNull(r.skipReason(), "case " + i);
                        assertTrue(!r.problem().message().isBlank(), "case " + i);
                    }
                    assertTrue(count < 10_000, "case " + i + " does not end");
                }
                reader.notes().forEach(p -> assertNotNull(p.message()));
                read++;
            } catch (ImportException e) {
                assertNotNull(e.problem(), "case " + i);
                assertTrue(!e.problem().message().isBlank(), "case " + i);
                refused++;
            } catch (RuntimeException | Error e) {
                fail("case " + i + " (seed " + seed + ") threw " + e + " on input: "
                        + new String(input, StandardCharsets.ISO_8859_1), e);
            }
        }
        assertEquals(CASES_PER_READER, read + refused);
        // the mutations are mild enough that many inputs still read, and harsh enough that some are refused
        assertTrue(read > 0 && refused > 0, read + " read, " + refused + " refused");
    }

    /** One to four mutations of the base bytes. */
    static byte[] mutate(byte[] base, Random random) {
        byte[] b = base.clone();
        int n = 1 + random.nextInt(4);
        for (int k = 0; k < n; k++) {
            b = mutateOnce(b, random);
        }
        return b;
    }

    private static byte[] mutateOnce(byte[] b, Random random) {
        if (b.length == 0) {
            return new byte[] {(byte) random.nextInt(256)};
        }
        int at = random.nextInt(b.length + 1);
        return switch (random.nextInt(10)) {
            case 0 -> flip(b, random);
            case 1 -> Arrays.copyOf(b, at);                              // truncate
            case 2 -> insert(b, at, new byte[] {'"'});
            case 3 -> insert(b, at, new byte[] {(byte) ",;\t|".charAt(random.nextInt(4))});
            case 4 -> insert(b, at, new byte[] {0});
            case 5 -> insert(b, at, new byte[] {(byte) (random.nextBoolean() ? '\r' : '\n')});
            case 6 -> insert(b, at, new byte[] {(byte) (0x80 + random.nextInt(128))});
            case 7 -> delete(b, at, random.nextInt(12));
            case 8 -> repeat(b, at, random.nextInt(40));
            default -> insert(b, at, "NaN,1e999,\"\"".substring(random.nextInt(6)).getBytes(StandardCharsets.US_ASCII));
        };
    }

    private static byte[] flip(byte[] b, Random random) {
        byte[] out = b.clone();
        out[random.nextInt(out.length)] = (byte) random.nextInt(256);
        return out;
    }

    private static byte[] insert(byte[] b, int at, byte[] what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + what.length);
        out.write(b, 0, at);
        out.write(what, 0, what.length);
        out.write(b, at, b.length - at);
        return out.toByteArray();
    }

    private static byte[] delete(byte[] b, int at, int len) {
        int end = Math.min(b.length, at + len);
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, at);
        out.write(b, end, b.length - end);
        return out.toByteArray();
    }

    private static byte[] repeat(byte[] b, int at, int len) {
        int end = Math.min(b.length, at + len);
        return insert(b, end, Arrays.copyOfRange(b, at, end));
    }
}
