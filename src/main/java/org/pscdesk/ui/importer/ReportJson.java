package org.pscdesk.ui.importer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import org.pscdesk.importer.ImportReport;
import org.pscdesk.importer.Problem;

/**
 * Reads back what an import stored with its layer: the report ({@link ImportReport#toJson()}) and the
 * options, for the layer details view. Unknown keys are skipped, so older and newer reports both read.
 */
final class ReportJson {

    private static final JsonFactory JSON = new JsonFactory();

    /** One option as the details view lists it. */
    record Option(String key, String label, String value) {
    }

    private ReportJson() {
    }

    /**
     * Parses a stored report.
     *
     * @throws IllegalArgumentException when the text is not a report
     */
    static ImportReport report(String json) {
        String layer = null;
        long read = 0;
        long imported = 0;
        Map<String, Long> skipped = new LinkedHashMap<>();
        long outside = -1;
        long cancelled = 0;
        long repaired = 0;
        List<String> dropped = new ArrayList<>();
        String sourceCrs = null;
        String workingCrs = null;
        List<Problem> problems = new ArrayList<>();
        try (JsonParser p = JSON.createParser(json)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken t = p.nextToken();
                switch (key) {
                    case "layer" -> layer = p.getValueAsString();
                    case "read" -> read = p.getValueAsLong();
                    case "imported" -> imported = p.getValueAsLong();
                    case "outside_area" -> outside = t == JsonToken.VALUE_NULL ? -1 : p.getValueAsLong();
                    case "cancelled" -> cancelled = p.getValueAsLong();
                    case "repaired" -> repaired = p.getValueAsLong();
                    case "source_crs" -> sourceCrs = p.getValueAsString();
                    case "working_crs" -> workingCrs = p.getValueAsString();
                    case "skipped" -> {
                        expect(t, JsonToken.START_OBJECT);
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String reason = p.currentName();
                            p.nextToken();
                            skipped.put(reason, p.getValueAsLong());
                        }
                    }
                    case "dropped_columns" -> {
                        expect(t, JsonToken.START_ARRAY);
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            dropped.add(p.getValueAsString());
                        }
                    }
                    case "problems" -> {
                        expect(t, JsonToken.START_ARRAY);
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            problems.add(problem(p));
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("The stored import report cannot be read (" + e.getMessage() + ").", e);
        }
        return new ImportReport(layer, read, imported, skipped, outside, cancelled, repaired, dropped, sourceCrs,
                workingCrs, problems);
    }

    private static Problem problem(JsonParser p) throws IOException {
        String file = "";
        long row = 0;
        String field = null;
        String message = "";
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            switch (key) {
                case "file" -> file = t == JsonToken.VALUE_NULL ? "" : p.getValueAsString();
                case "row" -> row = p.getValueAsLong();
                case "field" -> field = t == JsonToken.VALUE_NULL ? null : p.getValueAsString();
                case "message" -> message = t == JsonToken.VALUE_NULL ? "" : p.getValueAsString();
                default -> p.skipChildren();
            }
        }
        return new Problem(file, row, field, message);
    }

    /**
     * The options an import was run with, in stored order and plain words; empty for no or unreadable JSON
     * (the details view then shows the raw text).
     */
    static List<Option> options(String json) {
        List<Option> out = new ArrayList<>();
        if (json == null || json.isBlank()) {
            return out;
        }
        try (JsonParser p = JSON.createParser(json)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                String value = text(p);
                if (!value.isEmpty()) {
                    out.add(new Option(key, optionLabel(key), value));
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return out;
    }

    /** A value as one line: scalars as written, lists comma-separated, objects as {@code key: values; ...}. */
    private static String text(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_ARRAY) {
            List<String> items = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                items.add(text(p));
            }
            return String.join(", ", items);
        }
        if (t == JsonToken.START_OBJECT) {
            List<String> items = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                items.add(key + ": " + text(p));
            }
            return String.join("; ", items);
        }
        if (t == JsonToken.VALUE_NULL) {
            return "";
        }
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return t == JsonToken.VALUE_TRUE ? "yes" : "no";
        }
        return p.getValueAsString("");
    }

    static String optionLabel(String key) {
        return switch (key) {
            case "role" -> "Role";
            case "name" -> "Layer name";
            case "crs" -> "Coordinate system of the file";
            case "preset" -> "Kind of file";
            case "x" -> "X column";
            case "y" -> "Y column";
            case "lat" -> "Latitude column";
            case "lon" -> "Longitude column";
            case "member" -> "Part of the file";
            case "date_from" -> "Dates from";
            case "date_to" -> "Dates to";
            case "date_column" -> "Date column";
            case "category_column" -> "Category column";
            case "inside_area" -> "Only inside the study area";
            case "mode" -> "Written as";
            case "filters" -> "Filters";
            case "keep_columns" -> "Personal columns kept";
            default -> key.replace('_', ' ');
        };
    }

    private static void expect(JsonToken actual, JsonToken wanted) throws IOException {
        if (actual != wanted) {
            throw new IOException("expected " + wanted + " but found " + actual);
        }
    }
}
