package org.pscdesk.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes a byte stream as UTF-8, falling back to windows-1252 for each byte sequence that is not valid
 * UTF-8, or as windows-1252 throughout. Real files mix them: SLMPD's {@code january2017.csv} starts with a
 * UTF-8 byte-order mark yet writes {@code O’BRIEN} with the windows-1252 byte {@code 0x92}. Valid UTF-8 is
 * never altered by the fallback (an invalid sequence cannot be part of valid text), and no byte is dropped:
 * bytes windows-1252 leaves undefined map to the Latin-1 character of the same number.
 *
 * <p>Streams through a fixed 64 KiB buffer. Not thread-safe.
 */
final class TextDecoder extends Reader {

    private static final int BUFFER = 1 << 16;
    private static final char[] CP1252 = cp1252Table();

    private final InputStream in;
    private final boolean utf8;
    private final byte[] bytes;
    private int pos;
    private int limit;
    private boolean eof;
    private char pending;
    private long fallbacks;
    private long charsOut;
    private long firstFallbackAt = -1;

    /**
     * @param head bytes already read from the stream (used first), from {@code headStart} to {@code headEnd}
     * @param rest the remainder of the stream
     * @param utf8 UTF-8 with windows-1252 fallback when true; windows-1252 throughout when false
     */
    TextDecoder(byte[] head, int headStart, int headEnd, InputStream rest, boolean utf8) {
        this.in = rest;
        this.utf8 = utf8;
        int n = headEnd - headStart;
        this.bytes = new byte[Math.max(BUFFER, n + 8)];
        System.arraycopy(head, headStart, bytes, 0, n);
        this.limit = n;
    }

    /** How many bytes were read as windows-1252 because they were not valid UTF-8. */
    long fallbacks() {
        return fallbacks;
    }

    /** Index (in characters produced) of the first character read by the fallback, or -1. */
    long firstFallbackAt() {
        return firstFallbackAt;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int n = 0;
        while (n < len) {
            if (pending != 0) {
                cbuf[off + n++] = pending;
                pending = 0;
                continue;
            }
            if (limit - pos < 4 && !eof) {
                fill();
            }
            if (pos >= limit) {
                break;
            }
            int b = bytes[pos];
            if (b >= 0) {
                // ASCII run: the common case, copied without per-char branching beyond the sign test
                int end = Math.min(limit, pos + (len - n));
                int i = pos;
                while (i < end && bytes[i] >= 0) {
                    cbuf[off + n++] = (char) bytes[i++];
                }
                pos = i;
                continue;
            }
            b &= 0xFF;
            if (!utf8) {
                cbuf[off + n++] = CP1252[b];
                pos++;
                continue;
            }
            int cp = decodeUtf8(b);
            if (cp < 0) {
                if (fallbacks++ == 0) {
                    firstFallbackAt = charsOut + n;
                }
                cbuf[off + n++] = CP1252[b];
                pos++;
            } else if (cp < 0x10000) {
                cbuf[off + n++] = (char) cp;
            } else {
                cbuf[off + n++] = Character.highSurrogate(cp);
                if (n < len) {
                    cbuf[off + n++] = Character.lowSurrogate(cp);
                } else {
                    pending = Character.lowSurrogate(cp);
                }
            }
        }
        charsOut += n;
        return n == 0 ? -1 : n;
    }

    /** Decodes the sequence at {@code pos} (lead byte {@code b}) and advances, or returns -1 if invalid. */
    private int decodeUtf8(int b) {
        int need;
        int cp;
        int min;
        if (b >= 0xC2 && b <= 0xDF) {
            need = 1;
            cp = b & 0x1F;
            min = 0x80;
        } else if (b >= 0xE0 && b <= 0xEF) {
            need = 2;
            cp = b & 0x0F;
            min = 0x800;
        } else if (b >= 0xF0 && b <= 0xF4) {
            need = 3;
            cp = b & 0x07;
            min = 0x10000;
        } else {
            return -1;
        }
        if (pos + need >= limit) {
            return -1;
        }
        for (int i = 1; i <= need; i++) {
            int c = bytes[pos + i] & 0xFF;
            if ((c & 0xC0) != 0x80) {
                return -1;
            }
            cp = (cp << 6) | (c & 0x3F);
        }
        if (cp < min || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
            return -1;
        }
        pos += need + 1;
        return cp;
    }

    /** Moves the unread bytes to the front and reads until at least 4 are buffered or the stream ends. */
    private void fill() throws IOException {
        int rest = limit - pos;
        System.arraycopy(bytes, pos, bytes, 0, rest);
        pos = 0;
        limit = rest;
        while (limit < 4 && !eof) {
            int r = in.read(bytes, limit, bytes.length - limit);
            if (r < 0) {
                eof = true;
            } else {
                limit += r;
            }
        }
        if (!eof && limit < bytes.length / 2) {
            // top up in one more read so the ASCII loop runs over long stretches
            int r = in.read(bytes, limit, bytes.length - limit);
            if (r < 0) {
                eof = true;
            } else {
                limit += r;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** windows-1252, with the five bytes it leaves undefined mapped to Latin-1 (U+0081 ...). */
    private static char[] cp1252Table() {
        char[] table = new char[256];
        CharsetDecoder decoder = Charset.forName("windows-1252").newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        for (int b = 0; b < 256; b++) {
            try {
                CharBuffer out = decoder.decode(ByteBuffer.wrap(new byte[] {(byte) b}));
                table[b] = out.charAt(0);
            } catch (CharacterCodingException e) {
                table[b] = (char) b;
            }
        }
        return table;
    }
}
