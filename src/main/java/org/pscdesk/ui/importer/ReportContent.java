package org.pscdesk.ui.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pscdesk.geo.Crs;
import org.pscdesk.importer.ImportReport;
import org.pscdesk.importer.Problem;
import org.pscdesk.store.LayerInfo;
import org.pscdesk.store.Provenance;

/**
 * What the report view shows, in plain words: headline, the figures of an import, skipped rows by reason,
 * the problems with where they are, and for a stored layer where it came from. Built without JavaFX, so it is
 * tested on its own.
 *
 * @param headline the first line ("Imported 1,234 features into “bars”.")
 * @param warning true when the headline is bad news (nothing imported)
 * @param lead one or two sentences under the headline: source and coordinate conversion, or why there is no report
 * @param figures the counts, in reading order
 * @param skipped skipped rows by reason, most first
 * @param dropped personal-data columns not imported
 * @param problems every located problem (at most 200 per kind, as stored)
 * @param facts where a stored layer came from (empty right after an import, where the wizard shows it)
 */
record ReportContent(String headline, boolean warning, String lead, List<Figure> figures, List<Reason> skipped,
                     List<String> dropped, List<Problem> problems, List<Fact> facts) {

    /** A count with its label; {@code attention} when it deserves a look (skipped rows, outside the area). */
    record Figure(String label, String value, boolean attention) {
    }

    /** Rows skipped for one reason. */
    record Reason(String key, String words, long rows) {
    }

    /** One line of provenance. */
    record Fact(String label, String value) {
    }

    private static final Pattern TIMESTAMP = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}).*?(Z)?$");

    ReportContent {
        figures = List.copyOf(figures);
        skipped = List.copyOf(skipped);
        dropped = List.copyOf(dropped);
        problems = List.copyOf(problems);
        facts = List.copyOf(facts);
    }

    /**
     * The report of an import that just ran.
     *
     * @param why for an import that kept nothing, the importer's explanation (shown first), else null
     */
    static ReportContent ofImport(ImportReport report, String headline, boolean nothingImported, String why) {
        String lead = sourceLine(null, report);
        if (why != null && !why.isBlank()) {
            lead = why.strip() + " " + lead;
        }
        return build(report, headline, nothingImported, lead, List.of());
    }

    /** "Layer details…": the layer's provenance and its stored report, if it has one. */
    static ReportContent ofLayer(LayerInfo layer) {
        Provenance p = layer.provenance();
        List<Fact> facts = facts(layer);
        String headline = layer.title() + " — " + ImportWizardViewModel.count(layer.count())
                + (layer.count() == 1 ? " feature" : " features");
        if (p == null || p.reportJson() == null || p.reportJson().isBlank()) {
            String lead = p != null && "generated".equals(p.format())
                    ? "This layer was made by " + (p.source() == null ? "PSC Desk" : p.source()) + ", not imported"
                    + " from a file, so it has no import report."
                    : "This layer has no stored import report (it was added before reports were kept, or by"
                    + " another program).";
            return new ReportContent(headline, false, lead, List.of(), List.of(), List.of(), List.of(), facts);
        }
        ImportReport report;
        try {
            report = ReportJson.report(p.reportJson());
        } catch (IllegalArgumentException e) {
            return new ReportContent(headline, true, e.getMessage(), List.of(), List.of(), List.of(), List.of(), facts);
        }
        return build(report, headline, false, sourceLine(p, report), facts);
    }

    private static ReportContent build(ImportReport r, String headline, boolean warning, String lead,
                                       List<Fact> facts) {
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("rows read", n(r.read()), false));
        figures.add(new Figure("imported", n(r.imported()), false));
        figures.add(new Figure("skipped", n(r.skippedTotal()), r.skippedTotal() > 0));
        figures.add(r.outsideArea() < 0 ? new Figure("outside the study area", "—", false)
                : new Figure("outside the study area", n(r.outsideArea()), r.outsideArea() > 0));
        if (r.cancelled() > 0) {
            figures.add(new Figure("removed as cancelled", n(r.cancelled()), false));
        }
        if (r.repaired() > 0) {
            figures.add(new Figure("polygons repaired", n(r.repaired()), true));
        }
        List<Reason> reasons = new ArrayList<>();
        for (Map.Entry<String, Long> e : new TreeMap<>(r.skipped()).entrySet()) {
            if (e.getValue() > 0) {
                reasons.add(new Reason(e.getKey(), reasonWords(e.getKey()), e.getValue()));
            }
        }
        reasons.sort((a, b) -> Long.compare(b.rows(), a.rows()));
        List<Problem> problems = new ArrayList<>();
        for (Problem p : r.problems()) {
            problems.add(new Problem(p.file(), p.row(), p.field(), AppWording.forApp(p.message())));
        }
        String outside = r.outsideArea() < 0 ? " The workspace has no study area, so nothing was counted as outside it."
                : "";
        return new ReportContent(headline, warning, lead + outside, figures, reasons, r.droppedColumns(), problems,
                facts);
    }

    private static String sourceLine(Provenance p, ImportReport r) {
        StringBuilder sb = new StringBuilder();
        if (p != null && p.source() != null) {
            sb.append("From ").append(p.source()).append(". ");
        }
        if (r.sourceCrs() != null && r.workingCrs() != null) {
            if (r.imported() == 0) {
                sb.append("Coordinates were read as ").append(crsWords(r.sourceCrs())).append("; the workspace uses ")
                        .append(crsWords(r.workingCrs())).append('.');
            } else if (r.sourceCrs().equals(r.workingCrs())) {
                sb.append("Coordinates kept in ").append(crsWords(r.sourceCrs())).append('.');
            } else {
                sb.append("Coordinates converted from ").append(crsWords(r.sourceCrs())).append(" to ")
                        .append(crsWords(r.workingCrs())).append(", the workspace's system.");
            }
        }
        return sb.toString().strip();
    }

    /** {@code EPSG:26915 (NAD83 / UTM zone 15N)}, or the code alone when PSC Desk does not know it. */
    static String crsWords(String id) {
        try {
            Crs crs = Crs.of(id);
            return crs.id() + " (" + CrsChoices.name(crs) + ")";
        } catch (IllegalArgumentException e) {
            return id;
        }
    }

    private static List<Fact> facts(LayerInfo layer) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Layer", layer.name() + " · " + Roles.label(layer.role()) + " · "
                + layer.geometryType().ogcName()));
        Provenance p = layer.provenance();
        if (p == null) {
            return facts;
        }
        add(facts, "Source", p.source());
        add(facts, "Format", p.format());
        if (p.sourceSize() >= 0) {
            facts.add(new Fact("Size", size(p.sourceSize())));
        }
        add(facts, "SHA-256", p.sha256());
        add(facts, "Imported at", when(p.importedAt()));
        add(facts, "Coordinate system of the source", p.sourceCrs() == null ? null : crsWords(p.sourceCrs()));
        add(facts, "Stored in", crsWords(layer.srs()));
        List<ReportJson.Option> options = ReportJson.options(p.optionsJson());
        if (options.isEmpty()) {
            add(facts, "Options", p.optionsJson());
        }
        for (ReportJson.Option o : options) {
            // name, role and the source CRS are shown above already
            if (!o.key().equals("name") && !o.key().equals("role") && !(o.key().equals("crs") && p.sourceCrs() != null)) {
                facts.add(new Fact(o.label(), optionValue(o)));
            }
        }
        add(facts, "Notes", p.notes());
        return facts;
    }

    /** An ISO timestamp as date and minutes, {@code 2025-01-31 14:05 UTC}; other text as stored. */
    static String when(String iso) {
        if (iso == null) {
            return null;
        }
        Matcher m = TIMESTAMP.matcher(iso.strip());
        return m.matches() ? m.group(1) + " " + m.group(2) + (m.group(3) != null ? " UTC" : "") : iso;
    }

    private static String optionValue(ReportJson.Option o) {
        return switch (o.key()) {
            case "preset" -> o.value().equalsIgnoreCase("slmpd") ? Preset.SLMPD.label()
                    : o.value().equalsIgnoreCase("gtfs") ? Preset.GTFS.label() : o.value();
            case "crs" -> crsWords(o.value());
            case "mode" -> switch (o.value()) {
                case "create" -> "a new layer";
                case "replace" -> "replacing the earlier layer";
                case "append" -> "rows added to the layer";
                default -> o.value();
            };
            default -> o.value();
        };
    }

    private static void add(List<Fact> facts, String label, String value) {
        if (value != null && !value.isBlank()) {
            facts.add(new Fact(label, value));
        }
    }

    /** A file size as people read it, with the exact bytes. */
    static String size(long bytes) {
        String unit;
        double v;
        if (bytes >= 1L << 30) {
            v = bytes / (double) (1L << 30);
            unit = "GB";
        } else if (bytes >= 1L << 20) {
            v = bytes / (double) (1L << 20);
            unit = "MB";
        } else if (bytes >= 1L << 10) {
            v = bytes / (double) (1L << 10);
            unit = "KB";
        } else {
            return n(bytes) + " bytes";
        }
        return String.format(Locale.ROOT, "%.1f %s (%,d bytes)", v, unit, bytes);
    }

    /** A skip reason in plain words. */
    static String reasonWords(String key) {
        return switch (key) {
            case "unmappable" -> "No location (police file gives 0,0)";
            case "bad_coordinates" -> "Coordinates missing, not numbers or out of range";
            case "no_coordinates" -> "No coordinate columns";
            case "no_geometry" -> "No shape or location";
            case "bad_geometry" -> "Shape cannot be read";
            case "bad_feature" -> "Feature cannot be read";
            case "transform_failed" -> "Coordinates could not be converted";
            case "invalid_geometry" -> "Invalid polygon that could not be repaired";
            case "filtered" -> "Left out by your filters";
            case "outside_area" -> "Outside the study area (left out)";
            case "outside_dates" -> "Outside the date range";
            case "no_date" -> "No date, while a date range was set";
            case "cancelled" -> "Reports cancelled later (removed)";
            case "cancellation" -> "Cancelling rows, Count −1 (removed)";
            case "unmatched_cancellation" -> "Cancellations with no earlier report";
            case "duplicate" -> "Already in the layer";
            case "bad_value" -> "A value does not fit its column";
            case "bad_row" -> "Row does not match the header";
            default -> Character.toUpperCase(key.charAt(0)) + key.substring(1).replace('_', ' ');
        };
    }

    /** The whole report as plain text, for the clipboard (to send to whoever gave the file). */
    String asText() {
        StringBuilder sb = new StringBuilder(headline).append('\n');
        if (!lead.isBlank()) {
            sb.append(lead).append('\n');
        }
        for (Figure f : figures) {
            sb.append("  ").append(f.value()).append(' ').append(f.label()).append('\n');
        }
        if (!skipped.isEmpty()) {
            sb.append("Skipped:\n");
            for (Reason r : skipped) {
                sb.append("  ").append(n(r.rows())).append("  ").append(r.words()).append('\n');
            }
        }
        if (!dropped.isEmpty()) {
            sb.append("Personal columns not imported: ").append(String.join(", ", dropped)).append('\n');
        }
        for (Fact f : facts) {
            sb.append(f.label()).append(": ").append(f.value()).append('\n');
        }
        if (!problems.isEmpty()) {
            sb.append("Problems (file, row, field: message):\n");
            for (Problem p : problems) {
                sb.append("  ").append(p).append('\n');
            }
        }
        return sb.toString();
    }

    private static String n(long v) {
        return ImportWizardViewModel.count(v);
    }
}
