package org.pscdesk.ui.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.pscdesk.store.GeometryType;
import org.pscdesk.store.LayerRole;

/**
 * The wizard's first guesses from the files alone, so that an obvious file needs no choices: the preset,
 * the role, a safe layer name and the coordinate columns. Every guess can be changed by the user.
 */
final class SourceGuess {

    /** Longest suggested layer name; long table names are hard to read in lists. */
    static final int MAX_NAME = 48;

    // The header names CsvReader finds coordinates by (keep in step with CsvReader.LON_NAMES etc.).
    private static final List<String> LON = List.of("longitude", "lon", "lng", "long", "stoplon");
    private static final List<String> LAT = List.of("latitude", "lat", "stoplat");
    private static final List<String> X = List.of("x", "xcoord", "xcoordinate", "easting", "pointx");
    private static final List<String> Y = List.of("y", "ycoord", "ycoordinate", "northing", "pointy");
    private static final Set<String> TEXT_EXTENSIONS = Set.of("csv", "tsv", "txt", "tab");
    private static final Pattern AREA_WORDS = Pattern.compile("boundary|boundaries|city_limits|limits|study_area|studyarea|outline");
    private static final Pattern REFERENCE_WORDS = Pattern.compile("neighbo(u)?rhood|nhood|district|tract|ward|zip|block_group|precinct");
    private static final Pattern OUTCOME_WORDS = Pattern.compile("crime|incident|offen[cs]e|shooting|robber|burglar|assault|calls_for_service|part1");

    private SourceGuess() {
    }

    /** Which columns hold the coordinates. {@code latLon} means x is the longitude and y the latitude. */
    record Coordinates(String x, String y, boolean latLon) {
    }

    /**
     * The preset the files alone call for: a folder or several files mean SLMPD monthly files,
     * {@code stops.txt} GTFS.
     */
    static Preset presetOf(List<Path> files) {
        if (files.isEmpty()) {
            return Preset.NONE;
        }
        if (files.stream().anyMatch(Files::isDirectory)) {
            return Preset.SLMPD;
        }
        if (files.size() == 1 && files.get(0).getFileName().toString().equalsIgnoreCase("stops.txt")) {
            return Preset.GTFS;
        }
        // Only the SLMPD preset merges several files; other several-file picks fail with its message.
        if (files.size() > 1) {
            return Preset.SLMPD;
        }
        return Preset.NONE;
    }

    /** True when the columns are those of the St. Louis police monthly files. */
    static boolean looksLikeSlmpd(List<String> columns) {
        Set<String> names = new HashSet<>();
        for (String c : columns) {
            names.add(normalise(c));
        }
        return names.contains("complaint") && (names.contains("codedmonth") || names.contains("dateoccur"))
                && names.contains("xcoord");
    }

    /** True when the source is read as delimited text, where the user may have to name the coordinate columns. */
    static boolean isDelimitedText(List<Path> files, Preset preset) {
        if (preset != Preset.NONE || files.size() != 1 || Files.isDirectory(files.get(0))) {
            return false;
        }
        String name = files.get(0).getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return !name.equals("stops.txt") && dot > 0 && TEXT_EXTENSIONS.contains(name.substring(dot + 1));
    }

    /** The coordinate columns CsvReader would pick by name, or null when none are recognisable. */
    static Coordinates coordinates(List<String> columns, boolean projectedCrs) {
        Coordinates lonLat = pair(columns, LON, LAT, true);
        Coordinates xy = pair(columns, X, Y, false);
        Coordinates first = projectedCrs ? xy : lonLat;
        return first != null ? first : projectedCrs ? lonLat : xy;
    }

    private static Coordinates pair(List<String> columns, List<String> xs, List<String> ys, boolean latLon) {
        String x = find(columns, xs);
        String y = find(columns, ys);
        return x != null && y != null && !x.equals(y) ? new Coordinates(x, y, latLon) : null;
    }

    private static String find(List<String> columns, List<String> names) {
        for (String name : names) {
            for (String c : columns) {
                if (normalise(c).equals(name)) {
                    return c;
                }
            }
        }
        return null;
    }

    /** What the layer most likely is, from the preset, the file name and the geometry type. */
    static LayerRole role(List<Path> files, Preset preset, GeometryType geometry) {
        if (preset == Preset.SLMPD) {
            return LayerRole.OUTCOME;
        }
        if (preset == Preset.GTFS || files.isEmpty()) {
            return LayerRole.FACTOR;
        }
        String name = safeName(stem(files.get(0)));
        boolean polygons = geometry == GeometryType.POLYGON || geometry == GeometryType.MULTIPOLYGON;
        // "neighborhood_boundaries" are reference areas, so districts and the like are looked for first.
        if (REFERENCE_WORDS.matcher(name).find() && (geometry == null || polygons || geometry == GeometryType.GEOMETRY)) {
            return LayerRole.REFERENCE;
        }
        if (AREA_WORDS.matcher(name).find() && (geometry == null || polygons)) {
            return LayerRole.AREA;
        }
        if (OUTCOME_WORDS.matcher(name).find()) {
            return LayerRole.OUTCOME;
        }
        return LayerRole.FACTOR;
    }

    /**
     * A layer name from the files: the file's name (the folder's for a folder or several files), made a safe
     * table name. A name that would start with a digit ({@code 2018}) gets the role's word in front.
     */
    static String layerName(List<Path> files, LayerRole role) {
        if (files.isEmpty()) {
            return "";
        }
        Path first = files.get(0);
        String base;
        if (files.size() > 1 && first.toAbsolutePath().getParent() != null) {
            base = first.toAbsolutePath().getParent().getFileName().toString();
        } else if (Files.isDirectory(first)) {
            base = first.getFileName().toString();
        } else {
            base = stem(first);
        }
        String name = clean(base);
        if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
            name = roleWord(role) + (name.isEmpty() ? "" : "_" + name);
        }
        return safeName(name);
    }

    /**
     * A table name as the workspace stores it: lower-case letters, digits and underscores, accents removed,
     * not starting with a reserved prefix, at most {@link #MAX_NAME} characters.
     */
    static String safeName(String text) {
        String name = clean(text);
        // the workspace's own table-name rule (reserved prefixes, leading letter) on the cleaned name
        return name.isEmpty() ? name : org.pscdesk.store.Workspace.tableNameFor(name);
    }

    /** Lower case, accents removed, runs of other characters as one underscore, at most {@link #MAX_NAME} long. */
    private static String clean(String text) {
        String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String name = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (name.length() > MAX_NAME) {
            name = name.substring(0, MAX_NAME).replaceAll("_+$", "");
        }
        return name;
    }

    private static String roleWord(LayerRole role) {
        if (role == null) {
            return "layer";
        }
        return switch (role) {
            case OUTCOME -> "incidents";
            case FACTOR -> "factor";
            case AREA -> "area";
            case REFERENCE -> "reference";
            case RESULT -> "result";
        };
    }

    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Lower-case letters and digits only: the importer's own rule for matching header names. */
    static String normalise(String name) {
        return org.pscdesk.importer.ReadOptions.normaliseColumnName(name);
    }
}
