package org.pscdesk.geo;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Distances as people write them ({@code 250m}, {@code 500ft}, {@code 0.5km}, {@code 400}) and as variable
 * names show them ({@code 500}, {@code 228.6}).
 *
 * <p>Parsing converts to working-CRS units. A number without a suffix is already in those units. {@code ft}
 * is the CRS's own foot when the CRS is in feet (US survey or international, so {@code 500ft} is exactly
 * 500 units in ESRI:102696) and otherwise the international foot, 0.3048 m; {@code m} and {@code km} use the
 * CRS's metres per unit. Formatting rounds to 10 significant digits and drops trailing zeros, so that
 * 1.5 × 152.4 prints as {@code 228.6}, not {@code 228.60000000000002}. Stateless and thread-safe.
 */
public final class DistanceText {

    private static final Pattern DISTANCE =
            Pattern.compile("\\s*([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE]([+-]?[0-9]+))?\\s*([a-zA-Z]*)\\s*");
    private static final double FOOT_M = 0.3048;
    /** Significant digits kept in names: far below any meaningful distance, far above double noise. */
    private static final MathContext NAME_DIGITS = new MathContext(10);

    private DistanceText() {
    }

    /**
     * A positive distance in working-CRS units.
     *
     * @param text a number with an optional unit suffix {@code m}, {@code km} or {@code ft}
     * @param crs the working CRS (projected)
     * @throws IllegalArgumentException with a plain message for malformed text, an unknown unit, a geographic
     *     CRS with a unit suffix, or a distance that is not positive
     */
    public static double parse(String text, Crs crs) {
        Matcher m = DISTANCE.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a distance; write a number with an optional"
                    + " unit, for example 400, 250m or 500ft.");
        }
        double value = Double.parseDouble(m.group(1) + (m.group(2) == null ? "" : "e" + m.group(2)));
        String unit = m.group(3).toLowerCase(Locale.ROOT);
        double units;
        if (unit.isEmpty()) {
            units = value;
        } else {
            if (crs.isGeographic()) {
                throw new IllegalArgumentException("the working CRS " + crs.id() + " is in degrees; distances"
                        + " with a unit need a projected CRS");
            }
            double mPerUnit = crs.metresPerUnit();
            units = switch (unit) {
                case "m" -> value / mPerUnit;
                case "km" -> value * 1000 / mPerUnit;
                case "ft" -> crs.unitLabel().equals("ft") ? value : value * FOOT_M / mPerUnit;
                default -> throw new IllegalArgumentException("unknown unit '" + m.group(3) + "' in '" + text
                        + "'; use m, km or ft, or no unit for working-CRS units (" + crs.unitLabel() + ")");
            };
        }
        if (!(units > 0) || Double.isInfinite(units)) {
            throw new IllegalArgumentException("a distance must be positive: '" + text + "'");
        }
        return units;
    }

    /**
     * The distance rounded to 10 significant digits, without trailing zeros or exponent: 500.0 → {@code 500},
     * 166.5 → {@code 166.5}, 228.60000000000002 → {@code 228.6}.
     */
    public static String format(double d) {
        if (!Double.isFinite(d)) {
            return Double.toString(d);
        }
        if (d == 0) {
            return "0";
        }
        return new BigDecimal(d).round(NAME_DIGITS).stripTrailingZeros().toPlainString();
    }
}
