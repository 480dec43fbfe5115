package org.pscdesk.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The "Bad input" list of issue 4 for text files, each on a file written to disk. */
class CsvBadInputTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static String fail(Path file) {
        ImportException e = assertThrows(ImportException.class, () -> CsvReader.open(file, ReadOptions.DEFAULTS)
                .close());
        assertEquals(file.getFileName().toString(), e.problem().file());
        return e.problem().message();
    }

    /** Empty, blank, or only a byte-order mark. */
    @ParameterizedTest
    @ValueSource(strings = {"", "\n\r\n  \n", "\uFEFF"})
    void anEmptyFileIsRefusedAsEmpty(String content) throws Exception {
        String message = fail(write("empty.csv", content));
        assertTrue(message.contains("empty"), message);
    }

    @Test
    void aHeaderWithoutRowsIsRefusedNamingTheHeader() throws Exception {
        String message = fail(write("header.csv", "Complaint,CodedMonth,XCoord,YCoord\r\n"));
        assertTrue(message.contains("no data rows") && message.contains("Complaint, CodedMonth, XCoord, YCoord"),
                message);
    }

    @Test
    void aRealPdfWithACsvNameIsRefusedAsNotText() throws Exception {
        Path pdf = CsvReaderTest.sharedData().resolve("stl/crime/reference/CrimeDataFrequentlyAskedQuestions.pdf");
        String message = fail(write("crimes.csv", Files.readAllBytes(pdf)));
        assertTrue(message.contains("not a text file") && message.contains("PDF"), message);
    }

    @Test
    void aRealShapefileWithACsvNameIsRefusedAsNotText() throws Exception {
        Path shp = CsvReaderTest.sharedData().resolve("stl/boundaries/city/STL_BOUNDARY_City.shp");
        String message = fail(write("boundary.csv", Files.readAllBytes(shp)));
        assertTrue(message.contains("not a text file"), message);
    }

    @Test
    void randomBytesWithACsvNameAreRefusedAsNotText() throws Exception {
        byte[] junk = new byte[4096];
        new Random(4).nextBytes(junk);
        String message = fail(write("junk.csv", junk));
        assertTrue(message.contains("not a text file") && message.contains("binary"), message);
    }

    @Test
    void aZipOrSpreadsheetWithACsvNameIsNamedAsSuch() throws Exception {
        Path zip = dir.resolve("book.zip");
        CsvReaderTest.zip(zip, Map.of("xl/workbook.xml", "<workbook/>"));
        String message = fail(write("book.csv", Files.readAllBytes(zip)));
        assertTrue(message.toLowerCase(Locale.ROOT).contains("xlsx"), message);
    }

    /**
     * An unterminated quote stops the read, naming the data row where it opened; rows and lines differ
     * because an earlier value spans two lines.
     */
    @Test
    void anUnterminatedQuoteNamesTheRowWhereItOpened() throws Exception {
        String text = "id,note,x,y\n"
                + "1,\"two\nlines\",1,2\n"
                + "2,fine,1,2\n"
                + "3,\"never closed,1,2\n"
                + "4,more,1,2\n"
                + "5,more,1,2\n";
        Path file = write("broken.csv", text);
        ImportException e = assertThrows(ImportException.class, () -> CsvReader.open(file, ReadOptions.DEFAULTS));
        assertEquals(3, e.problem().row());
        assertTrue(e.getMessage().contains("row 3") && e.getMessage().contains("line 5"), e.getMessage());
    }

    @Test
    void anUnterminatedQuoteInAStreamStopsTheReadAtThatRow() throws Exception {
        StringBuilder text = new StringBuilder("id,note,x,y\n");
        for (int i = 1; i <= CsvReader.SAMPLE_ROWS + 10; i++) {
            text.append(i).append(i == CsvReader.SAMPLE_ROWS + 5 ? ",\"open" : ",ok").append(",1,2\n");
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        CsvReader reader = CsvReader.open(new ByteArrayInputStream(bytes), "s.csv", ReadOptions.DEFAULTS);
        ImportException e = assertThrows(ImportException.class, () -> CsvReaderTest.readAll(reader));
        reader.close();
        assertEquals(CsvReader.SAMPLE_ROWS + 5, e.problem().row());
    }

    @Test
    void aQuoteInTheHeaderThatNeverClosesIsNamed() throws Exception {
        String message = fail(write("h.csv", "id,\"note,x,y\n1,a,1,2\n"));
        assertTrue(message.contains("header"), message);
    }

    /** Each bad coordinate skips its row with a problem naming the row and the column. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "abc;      x",   // text
        "'';       x",   // empty
        "NA;       x",   // R's missing value
        "NaN;      x",   // not finite
        "Infinity; x",
        "-inf;     x",
        "1e999;    x",   // overflows to infinity
        "12 N;     x"})
    void textOrNonFiniteCoordinatesSkipTheRowNamingRowAndField(String bad, String field) throws Exception {
        String text = "id,x,y\n1,10,20\n2," + bad + ",21\n3,12,22\n";
        Path file = write("c.csv", text);
        List<SourceRecord> rows = CsvReaderTest.readCsv(file, ReadOptions.DEFAULTS);
        assertEquals(3, rows.size());
        SourceRecord skipped = rows.get(1);
        assertEquals("bad_coordinates", skipped.skipReason());
        assertEquals(2, skipped.problem().row());
        assertEquals(field, skipped.problem().field());
        assertEquals("c.csv", skipped.problem().file());
        assertTrue(rows.get(0).usable() && rows.get(2).usable());
    }

    @Test
    void aMissingFileOrAFolderIsAClearError() throws Exception {
        ImportException missing = assertThrows(ImportException.class,
                () -> CsvReader.open(dir.resolve("nope.csv"), ReadOptions.DEFAULTS));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        ImportException folder = assertThrows(ImportException.class, () -> CsvReader.open(dir, ReadOptions.DEFAULTS));
        assertTrue(folder.getMessage().contains("folder"), folder.getMessage());
    }
}
