package org.pscdesk.importer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A delimited text file opened for reading: encoding and delimiter sniffed (unless forced), header read and
 * cleaned, then records one by one with their 1-based data row. The common ground of the CSV, SLMPD and GTFS
 * readers.
 *
 * <p>Streams: holds one 64 KiB byte buffer, one char buffer and the current record. Not thread-safe.
 */
final class TextTable implements AutoCloseable {

    private final String fileName;
    private final CountingStream counter;
    private final long totalBytes;
    private final TextDecoder decoder;
    private final CsvTokenizer tokenizer;
    private final char delimiter;
    private final List<String> rawHeader;
    private final List<String> header;
    private final List<Problem> notes = new ArrayList<>();
    private long row;
    private boolean fallbackNoted;

    private TextTable(String fileName, CountingStream counter, long totalBytes, TextDecoder decoder,
                      CsvTokenizer tokenizer, char delimiter, List<String> rawHeader, List<Problem> notes) {
        this.fileName = fileName;
        this.counter = counter;
        this.totalBytes = totalBytes;
        this.decoder = decoder;
        this.tokenizer = tokenizer;
        this.delimiter = delimiter;
        this.rawHeader = rawHeader;
        this.header = cleanHeader(rawHeader);
        this.notes.addAll(notes);
        noteFallback();
    }

    /**
     * Opens a table and reads its header. Closes {@code in} when it fails.
     *
     * @param in the file's bytes (this table closes it)
     * @param fileName the name used in problems
     * @param totalBytes the file's size for progress, or -1
     * @param forcedCharset the user's encoding, or null to sniff
     * @param forcedDelimiter the delimiter, or 0 to sniff
     * @throws ImportException when the file is empty, not text, or broken in its header
     */
    static TextTable open(InputStream in, String fileName, long totalBytes, Charset forcedCharset,
                          char forcedDelimiter) throws ImportException {
        CountingStream counter = new CountingStream(in);
        try {
            byte[] head = new byte[TextSniffer.HEAD_BYTES];
            int len = readFully(counter, head);
            boolean complete = len < head.length;
            if (isBlank(head, len)) {
                throw new ImportException(Problem.ofFile(fileName, "The file is empty: it has no header and no"
                        + " rows. Check that you picked the right file and that it was saved completely."));
            }
            List<Problem> notes = new ArrayList<>();
            Reader reader;
            TextDecoder decoder = null;
            if (forcedCharset != null) {
                int bom = forcedCharset.equals(StandardCharsets.UTF_8) && len >= 3 && (head[0] & 0xFF) == 0xEF
                        && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
                InputStream all = new SequenceInputStream(new ByteArrayInputStream(head, bom, len - bom), counter);
                reader = new InputStreamReader(all, forcedCharset);
            } else {
                TextSniffer.Encoding enc = TextSniffer.encoding(head, len, complete, fileName);
                if (enc.note() != null) {
                    notes.add(Problem.ofFile(fileName, enc.note()));
                }
                if (enc.kind() == TextSniffer.Kind.UTF8 || enc.kind() == TextSniffer.Kind.WINDOWS_1252) {
                    decoder = new TextDecoder(head, enc.bomLength(), len, counter,
                            enc.kind() == TextSniffer.Kind.UTF8);
                    reader = decoder;
                } else {
                    InputStream all = new SequenceInputStream(
                            new ByteArrayInputStream(head, enc.bomLength(), len - enc.bomLength()), counter);
                    reader = new InputStreamReader(all, enc.charset());
                }
            }
            char[] chars = new char[TextSniffer.HEAD_BYTES];
            int clen = readFully(reader, chars);
            if (clen > 0 && chars[0] == '\uFEFF') {
                // a mark in a forced or UTF-16 encoding: drop it like the UTF-8 one
                System.arraycopy(chars, 1, chars, 0, clen - 1);
                clen--;
            }
            char delimiter = forcedDelimiter != 0 ? forcedDelimiter
                    : TextSniffer.delimiter(chars, clen, isTabName(fileName));
            CsvTokenizer tokenizer = new CsvTokenizer(chars, clen, reader, delimiter, fileName);
            String[] first = tokenizer.next();
            if (first == null) {
                throw new ImportException(Problem.ofFile(fileName, "The file is empty: it has no header and no"
                        + " rows. Check that you picked the right file and that it was saved completely."));
            }
            return new TextTable(fileName, counter, totalBytes, decoder, tokenizer, delimiter, List.of(first),
                    notes);
        } catch (IOException e) {
            closeQuietly(counter);
            throw new ImportException(Problem.ofFile(fileName, "The file could not be read (" + e.getMessage()
                    + "). Check that it exists and is not in use, then import again."), e);
        } catch (ImportException | RuntimeException e) {
            closeQuietly(counter);
            throw e;
        }
    }

    String fileName() {
        return fileName;
    }

    /** The header as written (BOM removed). */
    List<String> rawHeader() {
        return rawHeader;
    }

    /** The header cleaned for use as field names: trimmed, blanks named, duplicates made unique. */
    List<String> header() {
        return header;
    }

    char delimiter() {
        return delimiter;
    }

    /**
     * The next record's raw fields (any count: callers compare with the header), or null at the end.
     *
     * @throws ImportException when the structure breaks (an unterminated quote) or reading fails
     */
    String[] next() throws ImportException {
        String[] r = tokenizer.next();
        if (r == null) {
            return null;
        }
        row++;
        noteFallback();
        return r;
    }

    /** Notes the first record (header or row) holding bytes read by the windows-1252 fallback. */
    private void noteFallback() {
        if (fallbackNoted || decoder == null || decoder.fallbacks() == 0
                || decoder.firstFallbackAt() >= tokenizer.consumed()) {
            return;
        }
        fallbackNoted = true;
        String where = row == 0 ? "The header" : "Row " + row;
        notes.add(new Problem(fileName, row, null, where + " is the first part of the file with bytes that are"
                + " not UTF-8; they and any later ones were read as windows-1252 (Western European) letters. If"
                + " accented letters look wrong, choose the file's encoding."));
    }

    /** 1-based data row of the last record returned (header excluded). */
    long row() {
        return row;
    }

    List<Problem> notes() {
        return notes;
    }

    long bytesRead() {
        return counter.count();
    }

    long totalBytes() {
        return totalBytes;
    }

    @Override
    public void close() {
        closeQuietly(counter);
    }

    /**
     * Header names fit for a layer: BOM and surrounding blanks removed; a blank name becomes
     * {@code column_N}; repeats (compared without case, as SQLite does) get {@code _2}, {@code _3}...
     */
    static List<String> cleanHeader(List<String> raw) {
        List<String> out = new ArrayList<>(raw.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String name = raw.get(i).replace("\uFEFF", "").strip();
            if (name.isEmpty()) {
                name = "column_" + (i + 1);
            }
            String unique = name;
            for (int k = 2; !seen.add(unique.toLowerCase(Locale.ROOT)); k++) {
                unique = name + "_" + k;
            }
            out.add(unique);
        }
        return List.copyOf(out);
    }

    /** Lower-case letters and digits only: {@code X-Coord}, {@code X Coord} and {@code XCOORD} all match. */
    static String normalise(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    private static boolean isTabName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".tsv") || lower.endsWith(".tab");
    }

    private static boolean isBlank(byte[] b, int len) {
        boolean bom = len >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
        for (int i = bom ? 3 : 0; i < len; i++) {
            int c = b[i];
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return false;
            }
        }
        return true;
    }

    private static int readFully(InputStream in, byte[] b) throws IOException {
        int n = 0;
        while (n < b.length) {
            int r = in.read(b, n, b.length - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        return n;
    }

    private static int readFully(Reader in, char[] b) throws IOException {
        int n = 0;
        while (n < b.length) {
            int r = in.read(b, n, b.length - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        return n;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // nothing to do: the read is over either way
        }
    }
}
