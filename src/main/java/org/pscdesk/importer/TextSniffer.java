package org.pscdesk.importer;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Looks at the first bytes and characters of a text file to tell what it is: binary data with a text name,
 * its encoding (a byte-order mark, valid UTF-8, or windows-1252), and its delimiter ({@code ,} {@code ;} tab
 * {@code |}).
 *
 * <p>Stateless and thread-safe.
 */
final class TextSniffer {

    /** Bytes examined for encoding and binary content. */
    static final int HEAD_BYTES = 1 << 16;
    /** Records examined for the delimiter. */
    private static final int SNIFF_RECORDS = 50;
    private static final char[] DELIMITERS = {',', '\t', ';', '|'};

    private TextSniffer() {
    }

    /** How to decode a file. */
    enum Kind { UTF8, WINDOWS_1252, UTF16LE, UTF16BE }

    /**
     * The encoding decision.
     *
     * @param kind how to decode
     * @param bomLength bytes of byte-order mark to skip
     * @param note a plain sentence for the report when the encoding was assumed, or null
     */
    record Encoding(Kind kind, int bomLength, String note) {
        Charset charset() {
            return switch (kind) {
                case UTF8 -> StandardCharsets.UTF_8;
                case WINDOWS_1252 -> Charset.forName("windows-1252");
                case UTF16LE -> StandardCharsets.UTF_16LE;
                case UTF16BE -> StandardCharsets.UTF_16BE;
            };
        }
    }

    /**
     * Decides the encoding from the head of the file, or throws when the bytes are not text at all.
     *
     * @param head the first bytes, {@code len} of them; {@code complete} when that is the whole file
     */
    static Encoding encoding(byte[] head, int len, boolean complete, String fileName) throws ImportException {
        if (startsWith(head, len, 0xEF, 0xBB, 0xBF)) {
            return utf8OrFallback(head, 3, len, complete);
        }
        if (startsWith(head, len, 0xFF, 0xFE)) {
            return new Encoding(Kind.UTF16LE, 2, null);
        }
        if (startsWith(head, len, 0xFE, 0xFF)) {
            return new Encoding(Kind.UTF16BE, 2, null);
        }
        String binary = binaryKind(head, len);
        if (binary != null) {
            throw new ImportException(Problem.ofFile(fileName, "This is not a text file: it looks like "
                    + binary + " with a ." + extension(fileName) + " name. Open it in the program that made it,"
                    + " save it as CSV (comma-separated text) and import that file."));
        }
        Kind utf16 = utf16WithoutBom(head, len);
        if (utf16 != null) {
            return new Encoding(utf16, 0, "The file has no byte-order mark but its bytes are UTF-16 text;"
                    + " it was read as " + (utf16 == Kind.UTF16LE ? "UTF-16LE" : "UTF-16BE") + ".");
        }
        return utf8OrFallback(head, 0, len, complete);
    }

    private static Encoding utf8OrFallback(byte[] head, int from, int len, boolean complete) {
        if (validUtf8(head, from, len, complete)) {
            return new Encoding(Kind.UTF8, from, null);
        }
        return new Encoding(Kind.WINDOWS_1252, from, "The file is not UTF-8; it was read as windows-1252"
                + " (Latin-1, Western European). If accented letters look wrong, choose the file's encoding.");
    }

    /** True when every sequence is valid UTF-8; a sequence cut by the end of an incomplete head is allowed. */
    static boolean validUtf8(byte[] b, int from, int len, boolean complete) {
        int i = from;
        while (i < len) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int need;
            if (c >= 0xC2 && c <= 0xDF) {
                need = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                need = 2;
            } else if (c >= 0xF0 && c <= 0xF4) {
                need = 3;
            } else {
                return false;
            }
            if (i + need >= len) {
                return !complete;
            }
            int cp = c & (0x3F >> need);
            for (int k = 1; k <= need; k++) {
                int d = b[i + k] & 0xFF;
                if ((d & 0xC0) != 0x80) {
                    return false;
                }
                cp = (cp << 6) | (d & 0x3F);
            }
            int min = need == 1 ? 0x80 : need == 2 ? 0x800 : 0x10000;
            if (cp < min || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
                return false;
            }
            i += need + 1;
        }
        return true;
    }

    /** A plain name for well-known binary formats, "binary data" for other non-text bytes, or null. */
    private static String binaryKind(byte[] b, int len) {
        if (startsWith(b, len, 'P', 'K', 3, 4) || startsWith(b, len, 'P', 'K', 5, 6)) {
            return "a zip archive (or an Excel .xlsx / OpenDocument spreadsheet)";
        }
        if (startsWith(b, len, 0xD0, 0xCF, 0x11, 0xE0)) {
            return "an old Excel .xls workbook";
        }
        if (startsWith(b, len, '%', 'P', 'D', 'F')) {
            return "a PDF document";
        }
        if (startsWith(b, len, 'S', 'Q', 'L', 'i', 't', 'e')) {
            return "a SQLite database or GeoPackage";
        }
        if (startsWith(b, len, 0x1F, 0x8B)) {
            return "a gzip-compressed file";
        }
        if (startsWith(b, len, 0x00, 0x00, 0x27, 0x0A)) {
            return "a shapefile geometry (.shp) file";
        }
        int nul = 0;
        int control = 0;
        for (int i = 0; i < len; i++) {
            int c = b[i] & 0xFF;
            if (c == 0) {
                nul++;
            } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1A) {
                control++;
            }
        }
        if (nul > 0 && utf16WithoutBom(b, len) != null) {
            return null;
        }
        // real text has no NUL bytes and almost no control characters
        if (nul > 0 || control * 100L > len) {
            return "binary data";
        }
        return null;
    }

    /** UTF-16 without a mark: every other byte is zero (ASCII-range text). */
    private static Kind utf16WithoutBom(byte[] b, int len) {
        if (len < 8) {
            return null;
        }
        int evenZero = 0;
        int oddZero = 0;
        int pairs = len / 2;
        for (int i = 0; i + 1 < len; i += 2) {
            if (b[i] == 0) {
                evenZero++;
            }
            if (b[i + 1] == 0) {
                oddZero++;
            }
        }
        if (oddZero * 10L >= pairs * 9L && evenZero == 0) {
            return Kind.UTF16LE;
        }
        if (evenZero * 10L >= pairs * 9L && oddZero == 0) {
            return Kind.UTF16BE;
        }
        return null;
    }

    /**
     * The delimiter that splits the first records into the same number of fields most often; comma when
     * nothing fits (a one-column file). Quotes are honoured, so commas inside quoted text do not count.
     *
     * @param preferTab true for .tsv/.tab files: tab wins ties
     */
    static char delimiter(char[] text, int len, boolean preferTab) {
        char best = preferTab ? '\t' : ',';
        int bestScore = 0;
        for (char d : DELIMITERS) {
            int score = consistency(text, len, d);
            if (score > bestScore || (score == bestScore && score > 0 && preferTab && d == '\t')) {
                best = d;
                bestScore = score;
            }
        }
        return best;
    }

    /** Records among the first ones whose field count equals the header's, if the header has 2+ fields. */
    private static int consistency(char[] text, int len, char delimiter) {
        int headerFields = -1;
        int fields = 1;
        int agreeing = 0;
        int records = 0;
        boolean quoted = false;
        boolean blank = true;
        for (int i = 0; i < len && records < SNIFF_RECORDS; i++) {
            char c = text[i];
            if (c == '"') {
                quoted = !quoted;
                blank = false;
            } else if (quoted) {
                continue;
            } else if (c == delimiter) {
                fields++;
                blank = false;
            } else if (c == '\n' || c == '\r') {
                if (!blank) {
                    if (headerFields < 0) {
                        headerFields = fields;
                    } else if (fields == headerFields) {
                        agreeing++;
                    }
                    records++;
                }
                fields = 1;
                blank = true;
            } else {
                blank = false;
            }
        }
        if (headerFields < 0 && !blank) {
            headerFields = fields;
        } else if (!blank && fields == headerFields && len > 0) {
            agreeing++;
        }
        if (headerFields < 2) {
            return 0;
        }
        // a header alone still tells: weight it below any agreeing data row
        return agreeing * 2 + 1;
    }

    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "csv" : fileName.substring(dot + 1);
    }

    private static boolean startsWith(byte[] b, int len, int... prefix) {
        if (len < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
