package org.pscdesk.importer;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.regex.Pattern;

/**
 * Strict parsers for the values found in text files (numbers, booleans, dates, coordinates), shared by the
 * CSV, SLMPD and GTFS readers. Each returns null (or NaN for coordinates) when the text does not fit, never
 * throws, and never guesses: {@code 007} is not an integer (it is a code), {@code 1e999} is not a number.
 *
 * <p>Stateless and thread-safe.
 */
final class TextValues {

    /** Longest integer accepted as INTEGER; longer digit strings are identifiers and stay text. */
    private static final int MAX_INTEGER_DIGITS = 18;

    private static final Pattern NON_FINITE_WORD = Pattern.compile("(?i)[+-]?(inf|infinity|nan|1\\.#inf|1\\.#ind)");

    private TextValues() {
    }

    /** Empty, or a common "no value" marker written by R, pandas, databases and spreadsheets. */
    static boolean isMissing(String s) {
        if (s.isEmpty()) {
            return true;
        }
        if (s.length() > 4) {
            return false;
        }
        return s.equalsIgnoreCase("NA") || s.equalsIgnoreCase("N/A") || s.equalsIgnoreCase("NULL")
                || s.equalsIgnoreCase("NaN");
    }

    /** What a number-looking token is; decides INTEGER vs REAL vs text. */
    enum NumberShape { NONE, INTEGER, CODE, DECIMAL }

    /**
     * Classifies a stripped token: INTEGER ({@code -12}), CODE (digits with a leading zero such as
     * {@code 031111}, or too many digits to be a count), DECIMAL ({@code 1.5}, {@code -3e4}) or NONE.
     */
    static NumberShape numberShape(String s) {
        int n = s.length();
        if (n == 0) {
            return NumberShape.NONE;
        }
        int i = 0;
        char c = s.charAt(0);
        if (c == '+' || c == '-') {
            i++;
        }
        int digitsStart = i;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        int intDigits = i - digitsStart;
        if (i == n) {
            if (intDigits == 0) {
                return NumberShape.NONE;
            }
            boolean leadingZero = intDigits > 1 && s.charAt(digitsStart) == '0';
            return leadingZero || intDigits > MAX_INTEGER_DIGITS ? NumberShape.CODE : NumberShape.INTEGER;
        }
        int fracDigits = 0;
        if (s.charAt(i) == '.') {
            i++;
            int fracStart = i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            fracDigits = i - fracStart;
        }
        if (intDigits + fracDigits == 0) {
            return NumberShape.NONE;
        }
        boolean exponent = i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E');
        if (exponent) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int expStart = i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            if (i == expStart) {
                return NumberShape.NONE;
            }
        }
        if (i != n) {
            return NumberShape.NONE;
        }
        if (intDigits > 1 && s.charAt(digitsStart) == '0') {
            return NumberShape.CODE;
        }
        if (!exponent && intDigits <= 300) {
            return NumberShape.DECIMAL; // no exponent and < 1e300: finite without parsing it
        }
        return Double.isFinite(Double.parseDouble(s)) ? NumberShape.DECIMAL : NumberShape.NONE;
    }

    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
        1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /**
     * {@link Double#parseDouble} of a token {@link #numberShape} accepted as INTEGER or DECIMAL, faster for the
     * common case: a plain decimal of at most 15 digits is {@code m / 10^k} with m and 10^k exact doubles, and
     * one IEEE division of exact operands is correctly rounded (Clinger's fast path), so the result is the same
     * double. Anything else goes to {@code Double.parseDouble}. A million-row import parses a few million.
     */
    static double parseNumber(String s) {
        int n = s.length();
        int i = 0;
        boolean negative = false;
        if (n > 0 && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            negative = s.charAt(0) == '-';
            i++;
        }
        long m = 0;
        int digits = 0;
        int frac = -1;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                m = m * 10 + (c - '0');
                digits++;
                if (frac >= 0) {
                    frac++;
                }
            } else if (c == '.' && frac < 0) {
                frac = 0;
            } else {
                return Double.parseDouble(s); // exponent or anything unusual
            }
        }
        if (digits == 0 || digits > 15) {
            return Double.parseDouble(s);
        }
        double v = frac <= 0 ? m : m / POW10[frac];
        return negative ? -v : v;
    }

    /** A plain integer (no leading zero, at most 18 digits), else null. */
    static Long parseLong(String s) {
        return numberShape(s) == NumberShape.INTEGER ? Long.valueOf(Long.parseLong(s)) : null;
    }

    /** A finite decimal or plain integer, else null. */
    static Double parseReal(String s) {
        NumberShape shape = numberShape(s);
        if (shape == NumberShape.INTEGER || shape == NumberShape.DECIMAL) {
            return parseNumber(s);
        }
        return null;
    }

    /** {@code true}/{@code false} in any case, else null (Y/N and 0/1 are codes, not booleans). */
    static Boolean parseBoolean(String s) {
        if (s.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (s.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        return null;
    }

    /** Why a coordinate could not be read. */
    enum CoordinateFault { NONE, EMPTY, NOT_A_NUMBER, NOT_FINITE }

    /** Classifies a coordinate's text; {@link #parseCoordinate} gives its value when NONE. */
    static CoordinateFault coordinateFault(String s, boolean decimalComma) {
        String t = s.strip();
        if (isMissing(t)) {
            return t.equalsIgnoreCase("NaN") ? CoordinateFault.NOT_FINITE : CoordinateFault.EMPTY;
        }
        if (decimalComma) {
            t = t.replace(',', '.');
        }
        if (numberShape(t) != NumberShape.NONE) {
            // a leading zero (CODE) is still a number here: 090.5 is a valid coordinate
            return Double.isFinite(parseNumber(t)) ? CoordinateFault.NONE : CoordinateFault.NOT_FINITE;
        }
        if (NON_FINITE_WORD.matcher(t).matches() || looksLikeOverflow(t)) {
            return CoordinateFault.NOT_FINITE;
        }
        return CoordinateFault.NOT_A_NUMBER;
    }

    /** The coordinate's value, or NaN when {@link #coordinateFault} is not NONE. */
    static double parseCoordinate(String s, boolean decimalComma) {
        // the same test as coordinateFault(s) == NONE, parsing the number once
        String t = s.strip();
        if (isMissing(t)) {
            return Double.NaN;
        }
        if (decimalComma) {
            t = t.replace(',', '.');
        }
        if (numberShape(t) == NumberShape.NONE) {
            return Double.NaN;
        }
        double v = parseNumber(t);
        return Double.isFinite(v) ? v : Double.NaN;
    }

    private static boolean looksLikeOverflow(String t) {
        try {
            return Double.isInfinite(Double.parseDouble(t));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** {@code yyyy-MM-dd}, else null. */
    static LocalDate parseIsoDate(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int y = digits(s, 0, 4);
        int m = digits(s, 5, 7);
        int d = digits(s, 8, 10);
        return date(y, m, d);
    }

    /** {@code yyyy-MM-dd HH:mm[:ss[.fraction]]} with a space or {@code T}, no zone; else null. */
    static LocalDateTime parseIsoDateTime(String s) {
        if (s.length() < 16 || (s.charAt(10) != ' ' && s.charAt(10) != 'T')) {
            return null;
        }
        LocalDate date = parseIsoDate(s.substring(0, 10));
        if (date == null) {
            return null;
        }
        return atTime(date, s, 11, false);
    }

    /**
     * {@code M/D/YYYY} (month first) or {@code D/M/YYYY}, padded or not, else null.
     *
     * @param monthFirst US order when true
     */
    static LocalDate parseSlashDate(String s, boolean monthFirst) {
        int slash1 = s.indexOf('/');
        if (slash1 < 1 || slash1 > 2) {
            return null;
        }
        int slash2 = s.indexOf('/', slash1 + 1);
        if (slash2 - slash1 < 2 || slash2 - slash1 > 3 || s.length() - slash2 != 5) {
            return null;
        }
        int a = digits(s, 0, slash1);
        int b = digits(s, slash1 + 1, slash2);
        int y = digits(s, slash2 + 1, s.length());
        return monthFirst ? date(y, a, b) : date(y, b, a);
    }

    /** A slash date followed by a space and {@code H:mm[:ss[.fraction]]}, optionally {@code AM}/{@code PM}. */
    static LocalDateTime parseSlashDateTime(String s, boolean monthFirst) {
        int space = s.indexOf(' ');
        if (space < 8) {
            return null;
        }
        LocalDate date = parseSlashDate(s.substring(0, space), monthFirst);
        if (date == null) {
            return null;
        }
        return atTime(date, s, space + 1, true);
    }

    private static LocalDateTime atTime(LocalDate date, String s, int from, boolean allowAmPm) {
        String t = s.substring(from);
        int half = 0;
        if (allowAmPm && t.length() > 3) {
            String tail = t.substring(t.length() - 3);
            if (tail.equalsIgnoreCase(" AM")) {
                half = 1;
                t = t.substring(0, t.length() - 3);
            } else if (tail.equalsIgnoreCase(" PM")) {
                half = 2;
                t = t.substring(0, t.length() - 3);
            }
        }
        int colon = t.indexOf(':');
        if (colon < 1 || colon > 2 || t.length() < colon + 3) {
            return null;
        }
        int hour = digits(t, 0, colon);
        int minute = digits(t, colon + 1, colon + 3);
        int second = 0;
        int nano = 0;
        int i = colon + 3;
        if (i < t.length()) {
            if (t.charAt(i) != ':' || t.length() < i + 3) {
                return null;
            }
            second = digits(t, i + 1, i + 3);
            i += 3;
            if (i < t.length()) {
                if (t.charAt(i) != '.' || t.length() == i + 1 || t.length() > i + 10) {
                    return null;
                }
                int frac = digits(t, i + 1, t.length());
                if (frac < 0) {
                    return null;
                }
                nano = frac * (int) Math.pow(10, 9 - (t.length() - i - 1));
            }
        }
        if (hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        if (half != 0) {
            if (hour < 1 || hour > 12) {
                return null;
            }
            hour = hour % 12 + (half == 2 ? 12 : 0);
        }
        if (hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        return date.atTime(hour, minute, second, nano);
    }

    private static LocalDate date(int y, int m, int d) {
        if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31) {
            return null;
        }
        try {
            return LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The non-negative number written by {@code s[from, to)}, or -1 if any char is not a digit. */
    private static int digits(String s, int from, int to) {
        if (from >= to || to > s.length() || to - from > 9) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
