package org.pscdesk.ui.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pscdesk.geo.Crs;

/**
 * The coordinate systems a broker is likely to meet, described in plain words, and the parsing of what
 * the CRS field holds: a listed line, or any {@code EPSG:n} / {@code ESRI:n} typed freely.
 */
final class CrsChoices {

    /** One offered CRS: its code and what it is. */
    record Choice(String code, String description) {
        String label() {
            return code + " — " + description;
        }
    }

    static final List<Choice> COMMON = common();

    /** A code at the start of the text: {@code EPSG:26915}, {@code epsg 26915}, {@code ESRI:102696}, or a bare number. */
    private static final Pattern CODE = Pattern.compile("(?i)^\\s*(?:(EPSG|ESRI)\\s*[: ]\\s*)?(\\d{4,6})\\b.*");

    private CrsChoices() {
    }

    private static List<Choice> common() {
        List<Choice> list = new ArrayList<>();
        list.add(new Choice("EPSG:4326", "WGS 84 longitude/latitude (GPS, web maps, GeoJSON)"));
        list.add(new Choice("EPSG:4269", "NAD83 longitude/latitude (US federal data)"));
        list.add(new Choice("ESRI:102696", "NAD83 / Missouri East, US feet (St. Louis city and police X/Y)"));
        list.add(new Choice("EPSG:6512", "NAD83(2011) / Missouri East, metres"));
        list.add(new Choice("EPSG:26915", "NAD83 / UTM zone 15N, metres (St. Louis region)"));
        list.add(new Choice("EPSG:26916", "NAD83 / UTM zone 16N, metres"));
        list.add(new Choice("EPSG:3857", "Web Mercator (web map tiles; not for distances)"));
        for (int zone = 10; zone <= 19; zone++) {
            if (zone != 15 && zone != 16) {
                list.add(new Choice("EPSG:" + (26900 + zone), "NAD83 / UTM zone " + zone + "N, metres"));
            }
        }
        for (int zone = 10; zone <= 19; zone++) {
            list.add(new Choice("EPSG:" + (32600 + zone), "WGS 84 / UTM zone " + zone + "N, metres"));
        }
        return List.copyOf(list);
    }

    /** The choices whose line holds every word typed (any order, any case); all of them for blank input. */
    static List<Choice> search(String text) {
        String[] words = text == null ? new String[0] : text.toLowerCase(Locale.ROOT).trim().split("[\\s—,()]+");
        List<Choice> out = new ArrayList<>();
        for (Choice c : COMMON) {
            String line = c.label().toLowerCase(Locale.ROOT);
            boolean all = true;
            for (String w : words) {
                if (!w.isEmpty() && !line.contains(w)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * The CRS the text names: empty for blank text (use what the file says).
     *
     * @throws IllegalArgumentException with a plain message when the text names no CRS PSC Desk knows
     */
    static Optional<Crs> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Matcher m = CODE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text.strip() + "' is not a coordinate system code. Pick one from"
                    + " the list, or type a code such as EPSG:26915 or ESRI:102696.");
        }
        String authority = m.group(1) == null ? "EPSG" : m.group(1).toUpperCase(Locale.ROOT);
        return Optional.of(Crs.of(authority + ":" + m.group(2)));
    }

    /** A CRS's name for reading: ESRI-style names ({@code NAD_1983_StatePlane_...}) with spaces. */
    static String name(Crs crs) {
        return crs.name().replace('_', ' ');
    }

    /** How the field shows a CRS: the listed line when it is listed, else its code and name. */
    static String label(Crs crs) {
        for (Choice c : COMMON) {
            if (c.code().equals(crs.id())) {
                return c.label();
            }
        }
        return crs.id() + " — " + name(crs);
    }
}
