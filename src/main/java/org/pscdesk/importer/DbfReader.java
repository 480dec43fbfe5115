package org.pscdesk.importer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.pscdesk.store.FieldType;

/**
 * Sequential reader of a dBase III/IV {@code .dbf} table, the attribute half of a shapefile. Our own
 * rather than javadbf's {@code DBFReader}: that one stops the whole file at the first unreadable number
 * (the stream is then mid-record) and keeps the language-driver byte private; here a bad value becomes
 * null and is counted per column ({@link #badValueNotes}), and deleted rows stay aligned with the
 * {@code .shp}. javadbf's code-page table ({@code DBFCharsetHelper}) is still used for the language driver.
 *
 * <p>Types: C text (trailing blanks removed; blank = null), N with decimals or longer than 18 digits and F
 * real, N otherwise integer, D date (YYYYMMDD), L boolean (T/Y/F/N, ? = null), I integer, O real, T
 * date-time (Visual FoxPro). Memo columns (M, G, P, B other than 8-byte doubles) point into a separate
 * .dbt/.fpt file that is not read; they are left out and listed by {@link #droppedColumns}.
 *
 * <p>Not thread-safe.
 */
final class DbfReader implements AutoCloseable {

    /** Longest N column (digits) still read as an integer: 18 digits always fit in a long. */
    private static final int MAX_INTEGER_DIGITS = 18;
    private static final int BUFFER_BYTES = 1 << 16;
    /** How much of a .dbf is looked at to tell UTF-8 from a one-byte code page: plenty of names. */
    private static final long SNIFF_BYTES = 64L << 20;
    private static final byte DELETED = '*';
    private static final byte END_OF_FILE = 0x1A;

    /** A column kept in {@link #fields}: where it sits in the record and how to read it. */
    record Column(String name, char type, int offset, int length, int decimals, FieldType fieldType) {
    }

    /** One record: its values (aligned with the kept columns) and whether it is marked deleted. */
    record Row(boolean deleted, Object[] values) {
    }

    private final InputStream in;
    private final String fileName;
    private final int recordCount;
    private final int recordLength;
    private final int languageDriver;
    private final List<RawColumn> rawColumns;
    private final List<Column> columns = new ArrayList<>();
    private final List<String> droppedColumns = new ArrayList<>();
    private final Map<String, BadValues> bad = new LinkedHashMap<>();
    private Charset charset = StandardCharsets.ISO_8859_1;
    private byte[] record;
    private int read;

    private record RawColumn(byte[] name, char type, int offset, int length, int decimals) {
    }

    private static final class BadValues {
        long count;
        long firstRow;
        String firstValue;
    }

    DbfReader(InputStream raw, String fileName) throws ImportException {
        this.in = new BufferedInputStream(raw, BUFFER_BYTES);
        this.fileName = fileName;
        byte[] head = readN(32, "its header");
        ByteBuffer h = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        int count = h.getInt(4);
        int headerLength = h.getShort(8) & 0xFFFF;
        this.recordLength = h.getShort(10) & 0xFFFF;
        this.languageDriver = head[29] & 0xFF;
        if (count < 0 || headerLength < 33 || recordLength < 1) {
            throw damaged("its header is damaged");
        }
        this.recordCount = count;
        byte[] descriptors = readN(headerLength - 32, "its column list");
        List<RawColumn> list = new ArrayList<>();
        int offset = 1;
        for (int at = 0; at + 32 <= descriptors.length && descriptors[at] != 0x0D; at += 32) {
            int nameEnd = 0;
            while (nameEnd < 11 && descriptors[at + nameEnd] != 0) {
                nameEnd++;
            }
            byte[] name = java.util.Arrays.copyOfRange(descriptors, at, at + nameEnd);
            char type = (char) (descriptors[at + 11] & 0xFF);
            int length = descriptors[at + 16] & 0xFF;
            int decimals = descriptors[at + 17] & 0xFF;
            if (type == 'C') {
                // dBase stores text widths above 255 in the decimals byte as the high byte
                length += decimals << 8;
                decimals = 0;
            }
            list.add(new RawColumn(name, Character.toUpperCase(type), offset, length, decimals));
            offset += length;
        }
        if (offset > recordLength) {
            throw damaged("its columns (" + (offset - 1) + " bytes) do not fit in its records (" + recordLength
                    + " bytes)");
        }
        this.rawColumns = list;
        this.record = new byte[recordLength];
        setCharset(charset);
    }

    /** The code-page byte at offset 29 (0 when the writer left it blank). */
    int languageDriver() {
        return languageDriver;
    }

    /** Records the header announces, deleted ones included. */
    int recordCount() {
        return recordCount;
    }

    /** Decodes text and column names with this charset from now on. */
    void setCharset(Charset cs) {
        this.charset = cs;
        columns.clear();
        droppedColumns.clear();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (RawColumn c : rawColumns) {
            String name = new String(c.name, cs).strip();
            if (name.isEmpty()) {
                name = "field";
            }
            FieldType type = fieldType(c);
            if (type == null) {
                droppedColumns.add(name);
                continue;
            }
            // dBase allows two columns with one name; the layer cannot
            int n = seen.merge(name.toLowerCase(Locale.ROOT), 1, Integer::sum);
            if (n > 1) {
                name = name + "_" + n;
            }
            columns.add(new Column(name, c.type, c.offset, c.length, c.decimals, type));
        }
    }

    private static FieldType fieldType(RawColumn c) {
        return switch (c.type) {
            case 'C' -> FieldType.TEXT;
            case 'N' -> c.decimals > 0 || c.length > MAX_INTEGER_DIGITS ? FieldType.REAL : FieldType.INTEGER;
            case 'F', 'O' -> FieldType.REAL;
            case 'B' -> c.length == 8 ? FieldType.REAL : null;
            case 'D' -> FieldType.DATE;
            case 'L' -> FieldType.BOOLEAN;
            case 'I', '+' -> FieldType.INTEGER;
            case 'T' -> FieldType.DATETIME;
            case 'M', 'G', 'P', '@', '0' -> null;
            default -> FieldType.TEXT;
        };
    }

    List<Column> columns() {
        return columns;
    }

    /** Names of memo and binary columns that were left out. */
    List<String> droppedColumns() {
        return droppedColumns;
    }

    /** The next record, or null after the last. */
    Row next() throws ImportException {
        if (read >= recordCount) {
            return null;
        }
        int n;
        try {
            n = in.readNBytes(record, 0, recordLength);
        } catch (IOException e) {
            throw new ImportException(new Problem(fileName, read + 1, null, "Cannot read " + fileName + ": "
                    + e.getMessage()), e);
        }
        if (n == 0 || n == 1 && record[0] == END_OF_FILE) {
            throw damaged("it holds " + read + " of the " + recordCount + " records its header announces (the file is"
                    + " cut short)");
        }
        if (n < recordLength) {
            throw damaged("it ends in the middle of record " + (read + 1) + " (the file is cut short)");
        }
        read++;
        if (record[0] == DELETED) {
            return new Row(true, null);
        }
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value(columns.get(i), read);
        }
        return new Row(false, values);
    }

    private Object value(Column c, long row) {
        int from = c.offset;
        int to = from + c.length;
        switch (c.type) {
            case 'I', '+' -> {
                return c.length == 4 ? (long) little(from, 4).getInt() : null;
            }
            case 'O', 'B' -> {
                return c.length == 8 ? little(from, 8).getDouble() : null;
            }
            case 'T' -> {
                return dateTime(c, row);
            }
            default -> {
                // text-encoded types follow
            }
        }
        if (c.fieldType == FieldType.TEXT) {
            int end = to;
            while (end > from && (record[end - 1] == ' ' || record[end - 1] == 0)) {
                end--;
            }
            return end == from ? null : new String(record, from, end - from, charset);
        }
        String text = new String(record, from, c.length, StandardCharsets.ISO_8859_1).replace('\0', ' ').strip();
        if (text.isEmpty()) {
            return null;
        }
        return switch (c.fieldType) {
            case INTEGER -> integer(c, text, row);
            case REAL -> real(c, text, row);
            case DATE -> date(c, text, row);
            case BOOLEAN -> bool(c, text, row);
            default -> text;
        };
    }

    private ByteBuffer little(int from, int length) {
        return ByteBuffer.wrap(record, from, length).order(ByteOrder.LITTLE_ENDIAN);
    }

    private Object integer(Column c, String text, long row) {
        try {
            return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            Double d = parseDouble(text);
            if (d != null && d == Math.rint(d) && Math.abs(d) < 9.0e15) {
                return d.longValue();
            }
            return badValue(c, text, row);
        }
    }

    private Object real(Column c, String text, long row) {
        Double d = parseDouble(text);
        return d != null && Double.isFinite(d) ? d : badValue(c, text, row);
    }

    private static Double parseDouble(String text) {
        // some writers use a decimal comma
        String t = text.indexOf(',') >= 0 && text.indexOf('.') < 0 ? text.replace(',', '.') : text;
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (!(ch >= '0' && ch <= '9' || ch == '.' || ch == '-' || ch == '+' || ch == 'e' || ch == 'E')) {
                return null;
            }
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Object date(Column c, String text, long row) {
        if (text.equals("00000000")) {
            return null;
        }
        String digits = text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-'
                ? text.substring(0, 4) + text.substring(5, 7) + text.substring(8, 10) : text;
        if (digits.length() != 8 || !digits.chars().allMatch(Character::isDigit)) {
            return badValue(c, text, row);
        }
        try {
            return LocalDate.of(Integer.parseInt(digits.substring(0, 4)), Integer.parseInt(digits.substring(4, 6)),
                    Integer.parseInt(digits.substring(6, 8)));
        } catch (DateTimeException e) {
            return badValue(c, text, row);
        }
    }

    private Object bool(Column c, String text, long row) {
        return switch (text.charAt(0)) {
            case 'T', 't', 'Y', 'y' -> Boolean.TRUE;
            case 'F', 'f', 'N', 'n' -> Boolean.FALSE;
            case '?' -> null;
            default -> badValue(c, text, row);
        };
    }

    private Object dateTime(Column c, long row) {
        if (c.length != 8) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(record, c.offset, 8).order(ByteOrder.LITTLE_ENDIAN);
        int julianDay = b.getInt();
        int millis = b.getInt();
        if (julianDay == 0 && millis == 0) {
            return null;
        }
        // Julian day 2440588 is 1970-01-01
        try {
            return LocalDateTime.of(LocalDate.ofEpochDay(julianDay - 2440588L), java.time.LocalTime.MIDNIGHT)
                    .plusNanos(Math.floorMod(millis, 86_400_000) * 1_000_000L);
        } catch (DateTimeException e) {
            return badValue(c, julianDay + "/" + millis, row);
        }
    }

    private Object badValue(Column c, String text, long row) {
        BadValues b = bad.computeIfAbsent(c.name, k -> new BadValues());
        if (b.count++ == 0) {
            b.firstRow = row;
            b.firstValue = text;
        }
        return null;
    }

    /** One problem per column that had unreadable values (those values were left empty). */
    List<Problem> badValueNotes() {
        List<Problem> notes = new ArrayList<>();
        for (Map.Entry<String, BadValues> e : bad.entrySet()) {
            BadValues b = e.getValue();
            Column c = columns.stream().filter(col -> col.name.equals(e.getKey())).findFirst().orElseThrow();
            notes.add(new Problem(fileName, b.firstRow, e.getKey(), b.count + " value(s) could not be read as "
                    + kind(c.fieldType) + " (the first, in row " + b.firstRow + ", is \"" + b.firstValue + "\"); they"
                    + " were left empty. Correct them in the .dbf if they matter."));
        }
        return notes;
    }

    private static String kind(FieldType t) {
        return switch (t) {
            case INTEGER -> "whole numbers";
            case REAL -> "numbers";
            case DATE -> "dates (YYYYMMDD)";
            case DATETIME -> "date-times";
            case BOOLEAN -> "yes/no values";
            case TEXT -> "text";
        };
    }

    /**
     * Whether the text columns of a .dbf are UTF-8, judged on its first 64 MiB: TRUE when some bytes are
     * non-ASCII and all form UTF-8 sequences (a sequence cut by the column width is allowed), FALSE when
     * some do not, null when all text is ASCII (then any of the usual code pages reads it the same).
     */
    static Boolean sniffUtf8(InputStream raw, String fileName) throws ImportException {
        try (DbfReader probe = new DbfReader(raw, fileName)) {
            boolean nonAscii = false;
            long records = Math.min(probe.recordCount, SNIFF_BYTES / probe.recordLength + 1);
            for (long r = 0; r < records; r++) {
                int n;
                try {
                    n = probe.in.readNBytes(probe.record, 0, probe.recordLength);
                } catch (IOException e) {
                    break;
                }
                if (n < probe.recordLength) {
                    break;
                }
                for (RawColumn c : probe.rawColumns) {
                    if (c.type != 'C') {
                        continue;
                    }
                    int state = utf8State(probe.record, c.offset, c.offset + c.length);
                    if (state < 0) {
                        return Boolean.FALSE;
                    }
                    nonAscii |= state > 0;
                }
            }
            return nonAscii ? Boolean.TRUE : null;
        }
    }

    /** -1 invalid UTF-8, 0 all ASCII, 1 valid UTF-8 with non-ASCII bytes. */
    private static int utf8State(byte[] b, int from, int to) {
        int result = 0;
        int i = from;
        while (i < to) {
            int x = b[i] & 0xFF;
            if (x < 0x80) {
                i++;
                continue;
            }
            int follow;
            if (x >= 0xC2 && x <= 0xDF) {
                follow = 1;
            } else if (x >= 0xE0 && x <= 0xEF) {
                follow = 2;
            } else if (x >= 0xF0 && x <= 0xF4) {
                follow = 3;
            } else {
                return -1;
            }
            for (int k = 1; k <= follow; k++) {
                if (i + k >= to) {
                    // cut by the column width: tolerated
                    return 1;
                }
                if ((b[i + k] & 0xC0) != 0x80) {
                    return -1;
                }
            }
            result = 1;
            i += follow + 1;
        }
        return result;
    }

    private byte[] readN(int n, String what) throws ImportException {
        try {
            byte[] b = in.readNBytes(n);
            if (b.length < n) {
                throw damaged(what + " is cut short");
            }
            return b;
        } catch (IOException e) {
            throw new ImportException(Problem.ofFile(fileName, "Cannot read " + fileName + ": " + e.getMessage()), e);
        }
    }

    private ImportException damaged(String why) {
        return new ImportException(Problem.ofFile(fileName, fileName + " cannot be read: " + why + ". Copy the .dbf"
                + " again from where it came from."));
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // an input stream: nothing to lose
        }
    }
}
