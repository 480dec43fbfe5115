package org.pscdesk.importer;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits delimited text into records (RFC 4180): fields may be quoted, a quoted field may hold delimiters,
 * line breaks and doubled quotes ({@code ""}); records end at LF, CRLF or a lone CR (old Mac files such as
 * {@code UCRCodes.csv}); blank lines are skipped. Lenient where spreadsheets are: a quote inside an unquoted
 * field is kept as a character, and text after a closing quote is appended to the field.
 *
 * <p>Streams through a fixed buffer. A record longer than {@link #MAX_RECORD_CHARS} stops the read with an
 * {@link ImportException}, so a quote that is never closed cannot pull a whole multi-gigabyte file into
 * memory; the message names the row where that quote opened.
 *
 * <p>Not thread-safe.
 */
final class CsvTokenizer {

    /** Longest record accepted (16 M characters, 32 MB of heap): far beyond any real row. */
    static final int MAX_RECORD_CHARS = 1 << 24;
    /** Most fields accepted in one record. */
    static final int MAX_FIELDS = 1 << 16;
    private static final int BUFFER = 1 << 16;

    private final Reader in;
    private final char delimiter;
    private final String fileName;
    private final char[] buf;
    private int pos;
    private int limit;
    private boolean eof;
    private final StringBuilder field = new StringBuilder(64);
    private final List<String> fields = new ArrayList<>();
    private int recordChars;
    /** Records returned so far, the header included. */
    private long records;
    /** 1-based line of the current position, counting CR, LF and CRLF as one break each. */
    private long line = 1;
    private long recordLine;
    private boolean lastWasCr;
    /** Characters read from {@code in} into the buffer so far, the head included. */
    private long charsRead;

    /**
     * @param head characters already read from {@code in} (used first)
     */
    CsvTokenizer(char[] head, int headLen, Reader in, char delimiter, String fileName) {
        this.in = in;
        this.delimiter = delimiter;
        this.fileName = fileName;
        this.buf = new char[Math.max(BUFFER, headLen)];
        System.arraycopy(head, 0, buf, 0, headLen);
        this.limit = headLen;
        this.charsRead = headLen;
    }

    /** Characters consumed so far: the position just after the last returned record. */
    long consumed() {
        return charsRead - (limit - pos);
    }

    /**
     * The next record's fields, or null at the end of the input.
     *
     * @throws ImportException when a quote is never closed or a record is absurdly long
     */
    String[] next() throws ImportException {
        try {
            if (!skipBlankLines()) {
                return null;
            }
            recordLine = line;
            fields.clear();
            recordChars = 0;
            while (true) {
                int end = readField();
                if (fields.size() >= MAX_FIELDS) {
                    throw tooLong("has more than " + MAX_FIELDS + " fields");
                }
                fields.add(field.toString());
                if (end != delimiter) {
                    break;
                }
            }
            records++;
            return fields.toArray(new String[0]);
        } catch (IOException e) {
            throw new ImportException(Problem.ofFile(fileName, "The file could not be read to the end ("
                    + e.getMessage() + "). Check that it is complete and not in use, then import again."), e);
        }
    }

    /** Skips line breaks before a record; false at the end of input. */
    private boolean skipBlankLines() throws IOException {
        while (true) {
            if (pos >= limit && !fill()) {
                return false;
            }
            char c = buf[pos];
            if (c == '\n' || c == '\r') {
                pos++;
                lineBreak(c);
            } else {
                lastWasCr = false;
                return true;
            }
        }
    }

    /**
     * Reads one field into {@link #field}; returns what ended it: the delimiter, '\n' for a line break, or
     * -1 for the end of input.
     */
    private int readField() throws IOException, ImportException {
        field.setLength(0);
        if (pos >= limit && !fill()) {
            return -1;
        }
        if (buf[pos] == '"') {
            pos++;
            readQuoted();
        }
        // unquoted text (or text after a closing quote, kept as Excel does)
        while (true) {
            int start = pos;
            while (pos < limit) {
                char c = buf[pos];
                if (c == delimiter || c == '\n' || c == '\r') {
                    break;
                }
                pos++;
            }
            append(start, pos);
            if (pos < limit) {
                char c = buf[pos++];
                if (c == delimiter) {
                    return delimiter;
                }
                lineBreak(c);
                return '\n';
            }
            if (!fill()) {
                return -1;
            }
        }
    }

    private void readQuoted() throws IOException, ImportException {
        long openRow = records; // data row = records returned so far (the header is record 0 of data)
        long openLine = line;
        while (true) {
            int start = pos;
            while (pos < limit && buf[pos] != '"') {
                char c = buf[pos];
                if (c == '\n') {
                    if (!lastWasCr) {
                        line++;
                    }
                    lastWasCr = false;
                } else if (c == '\r') {
                    line++;
                    lastWasCr = true;
                } else {
                    lastWasCr = false;
                }
                pos++;
            }
            append(start, pos);
            if (pos < limit) {
                pos++; // the quote
                if (pos >= limit && !fill()) {
                    return; // closing quote at the end of the input
                }
                if (buf[pos] == '"') {
                    appendChar('"');
                    pos++;
                    continue;
                }
                lastWasCr = false;
                return;
            }
            if (!fill()) {
                throw unterminated(openRow, openLine);
            }
        }
    }

    private ImportException unterminated(long openRow, long openLine) {
        String where = openRow == 0 ? "the header" : "row " + openRow;
        return new ImportException(new Problem(fileName, openRow, null, "A quote (\") opened in " + where
                + " (line " + openLine + " of the file) is never closed, so the rest of the file would be read"
                + " as one value. Close that quote, or write a quote inside a value as two quotes (\"\"),"
                + " and import again."));
    }

    private ImportException tooLong(String what) {
        long row = records;
        String where = row == 0 ? "The header" : "Row " + row;
        return new ImportException(new Problem(fileName, row, null, where + " (starting on line " + recordLine
                + ") " + what + ". Either a quote (\") opened there is never closed, or this is not a"
                + " delimited text file. Check that row and import again."));
    }

    private void append(int from, int to) throws ImportException {
        int n = to - from;
        if (n == 0) {
            return;
        }
        recordChars += n;
        if (recordChars > MAX_RECORD_CHARS || recordChars < 0) {
            throw tooLong("is longer than " + MAX_RECORD_CHARS + " characters");
        }
        field.append(buf, from, n);
    }

    private void appendChar(char c) throws ImportException {
        if (++recordChars > MAX_RECORD_CHARS) {
            throw tooLong("is longer than " + MAX_RECORD_CHARS + " characters");
        }
        field.append(c);
    }

    /** Counts a line break; a LF right after a CR belongs to it. */
    private void lineBreak(char c) throws IOException {
        if (c == '\r') {
            line++;
            // swallow the LF of a CRLF now, so the next record starts cleanly
            if (pos >= limit) {
                fill();
            }
            if (pos < limit && buf[pos] == '\n') {
                pos++;
            }
            lastWasCr = false;
        } else if (!lastWasCr) {
            line++;
        } else {
            lastWasCr = false;
        }
    }

    /** Reads more characters; false at the end of input. Leaves {@code pos} at the first new character. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        pos = 0;
        limit = 0;
        while (limit == 0) {
            int r = in.read(buf, 0, buf.length);
            if (r < 0) {
                eof = true;
                return false;
            }
            limit = r;
        }
        charsRead += limit;
        return true;
    }
}
