package org.pscdesk.ui.importer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The importer's messages are shared with the command line and name its options ({@code --crs},
 * {@code --keep-columns}...). In the app the same advice points at the wizard's fields instead, so a
 * broker who never saw the command line can follow it.
 */
final class AppWording {

    private static final Map<Pattern, String> RULES = rules();

    private AppWording() {
    }

    private static Map<Pattern, String> rules() {
        Map<Pattern, String> r = new LinkedHashMap<>();
        r.put(Pattern.compile("import again with --keep-columns ([^\\s.,;]+)"),
                "tick “keep anyway” on the column $1 in the preview and import again");
        r.put(Pattern.compile("\\(--x and --y, or --lat and --lon\\)"),
                "(under “Where the features are”: X and Y, or longitude and latitude)");
        r.put(Pattern.compile("name them with --x and --y or --lat and --lon"),
                "choose them under “Where the features are”");
        r.put(Pattern.compile("--x and --y or --lat and --lon"), "the coordinate columns under “Where the features are”");
        r.put(Pattern.compile("create the workspace with --crs"), "create the workspace with a coordinate system");
        r.put(Pattern.compile("the CRS given with --crs"), "the coordinate system you chose");
        r.put(Pattern.compile("(?i)(give it|given) with --crs"), "$1 under “Coordinate system”");
        r.put(Pattern.compile("(?i)give --crs"), "choose the coordinate system");
        r.put(Pattern.compile("with --crs"), "under “Coordinate system”");
        r.put(Pattern.compile("--crs (?=[A-Z]+:)"), "");
        r.put(Pattern.compile("(?:use )?--preset slmpd"), "the kind “SLMPD police monthly files”");
        r.put(Pattern.compile("(?:choose (?:one|it) )?with --member(?: NAME)?"),
                "under “More options ▸ Part of the file”");
        r.put(Pattern.compile("--member (?=\\S)"), "");
        r.put(Pattern.compile("give --date-column"), "choose the “Date column”");
        r.put(Pattern.compile("for --date-column"), "for the date");
        r.put(Pattern.compile("for --category-column"), "for the category");
        r.put(Pattern.compile("for --filter"), "for a filter");
        r.put(Pattern.compile("without --append"), "as a new layer");
        r.put(Pattern.compile("--crs"), "“Coordinate system”");
        return r;
    }

    /** The message with command-line advice replaced by the wizard's field names. */
    static String forApp(String message) {
        if (message == null || !message.contains("--")) {
            return message;
        }
        String out = message;
        for (Map.Entry<Pattern, String> rule : RULES.entrySet()) {
            Matcher m = rule.getKey().matcher(out);
            out = m.replaceAll(rule.getValue());
        }
        return out;
    }
}
