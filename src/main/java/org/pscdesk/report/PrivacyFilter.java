package org.pscdesk.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.pscdesk.analysis.LoadedRun;
import org.pscdesk.geo.DistanceText;
import org.pscdesk.geo.Grid;
import org.pscdesk.geo.StudyMask;
import org.pscdesk.rtm.influence.QuarticDensity;
import org.pscdesk.rtm.score.Quadrant;
import org.pscdesk.store.FieldType;
import org.pscdesk.store.FieldValues;
import org.pscdesk.store.LayerInfo;
import org.pscdesk.store.Workspace;
import org.pscdesk.store.WorkspaceException;

/**
 * The only path by which a run's data reach the projector, public PDFs and public exports
 * (peers-and-practice §3): aggregates only. Counts are recounted from the outcome layer without the records
 * flagged sensitive at import, and any count below the threshold (default 11, a common small-cell rule) is
 * replaced by "fewer than 11"; hot spots are recomputed from those same non-sensitive events. No incident
 * location, attribute or personal field is copied into a {@link PublicRun}.
 */
public final class PrivacyFilter {

    /** Counts below this are never shown to the public. */
    public static final int DEFAULT_MIN_COUNT = 11;
    /** Places listed at most. */
    static final int MAX_PLACES = 10;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final int minCount;

    public PrivacyFilter() {
        this(DEFAULT_MIN_COUNT);
    }

    public PrivacyFilter(int minCount) {
        if (minCount < 2) {
            throw new IllegalArgumentException("the suppression threshold must be at least 2, not " + minCount);
        }
        this.minCount = minCount;
    }

    public int minCount() {
        return minCount;
    }

    /** A count in words: the number when it is at least the threshold, else "fewer than N". */
    public static String countText(int count, int minCount) {
        return count == PublicRun.SUPPRESSED || count < minCount ? "fewer than " + minCount
                : String.format(Locale.ROOT, "%,d", count);
    }

    private static final Pattern EMAIL = Pattern.compile("[\\p{L}0-9._%+-]+@[\\p{L}0-9-]+(?:\\.[\\p{L}0-9-]+)*\\.\\p{L}{2,}");
    /** North American numbers with or without separators and country code; international ones with a +. */
    private static final Pattern PHONE = Pattern.compile("(?<![\\w.+])(?:(?:\\+?1[\\s.-]?)?(?:\\(\\d{3}\\)\\s?|\\d{3}"
            + "[\\s.-]?)\\d{3}[\\s.-]?\\d{4}|\\+\\d{1,3}(?:[\\s.-]?\\d){6,12})(?![\\w])");
    /** A degree with 4 or more decimals (≈ 10 m), or a pair of projected coordinates (5 or more digits each). */
    private static final Pattern COORDINATE = Pattern.compile("(?<![\\w.])-?\\d{1,3}\\.\\d{4,}(?!\\d)"
            + "|(?<![\\w.])\\d{5,8}(?:\\.\\d+)?\\s*[,;/ ]\\s*\\d{5,8}(?:\\.\\d+)?(?![\\w.])");
    private static final List<String> SMALL_WORDS = List.of("no", "one", "two", "three", "four", "five", "six",
            "seven", "eight", "nine", "ten");
    /** A number followed by what is counted: "7 incidents", "three robberies". */
    private static final Pattern COUNT = Pattern.compile("(?i)(?<![\\w.,])(\\d[\\d,]*|" + String.join("|", SMALL_WORDS)
            + ")\\s+((?:reported\\s+|recorded\\s+)?(?:incident|crime|event|offen[cs]e|assault|robber(?:y|ie)|burglar(?:y|ie)"
            + "|theft|shooting|homicide|murder|rape|call|report|arrest|victim|case)s?)\\b");

    /**
     * Free text typed by the room (notes, narratives, decisions, action items) as the public may read it:
     * e-mail addresses, phone numbers and coordinates are taken out, the given personal names (the facilitator
     * as recorded) removed, and a count below the threshold ("7 incidents", "three robberies") becomes "fewer
     * than 11 incidents". A name typed that the record does not know as one cannot be recognized here.
     *
     * @param names personal names to remove wherever they appear (case-insensitive); blank ones are ignored
     */
    public String publicText(String text, java.util.Collection<String> names) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = EMAIL.matcher(text).replaceAll("[e-mail left out]");
        out = COORDINATE.matcher(out).replaceAll("[location left out]");
        out = PHONE.matcher(out).replaceAll("[phone left out]");
        for (String name : names) {
            if (name != null && !name.isBlank()) {
                out = Pattern.compile(Pattern.quote(name.strip()), Pattern.CASE_INSENSITIVE).matcher(out)
                        .replaceAll("[name left out]");
            }
        }
        Matcher m = COUNT.matcher(out);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String n = m.group(1).toLowerCase(Locale.ROOT);
            int value = SMALL_WORDS.contains(n) ? SMALL_WORDS.indexOf(n) : parseCount(n);
            String replacement = value < minCount ? "fewer than " + minCount + " " + plural(m.group(2)) : m.group();
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static int parseCount(String digits) {
        try {
            return Integer.parseInt(digits.replace(",", ""));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE; // beyond int: not a small count
        }
    }

    private static String plural(String noun) {
        String lower = noun.toLowerCase(Locale.ROOT);
        if (lower.endsWith("s") && !lower.endsWith("ss")) {
            return noun;
        }
        return lower.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
    }

    /** The public form of a saved run; empty when there is no run of that name. */
    public Optional<PublicRun> publicRun(Workspace ws, String runName) throws WorkspaceException {
        Optional<LoadedRun> loaded = LoadedRun.load(ws, runName);
        if (loaded.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(publicRun(ws, loaded.get()));
    }

    /** The public form of a loaded run. */
    public PublicRun publicRun(Workspace ws, LoadedRun run) throws WorkspaceException {
        LoadedRun.Summary s = run.summary();
        Grid grid = run.grid();
        int[] tableIndex = new int[grid.size()];
        java.util.Arrays.fill(tableIndex, -1);
        for (int k = 0; k < run.cells().length; k++) {
            tableIndex[run.cells()[k]] = k;
        }
        // Recount without sensitive records, in the training period, like the run counted.
        int[] raw = new int[run.cells().length];
        List<double[]> publicEvents = new ArrayList<>();
        LocalDate[] period = {null, null};
        LayerInfo outcome = ws.layer(s.outcome()).orElse(null);
        boolean sensitiveLeftOut = false;
        if (outcome != null) {
            int dateAt = indexOf(outcome, outcome.dateField());
            int sensitiveAt = indexOf(outcome, outcome.sensitiveField());
            if (sensitiveAt < 0) {
                sensitiveAt = booleanField(outcome, "sensitive");
            }
            sensitiveLeftOut = sensitiveAt >= 0;
            int da = dateAt;
            int sa = sensitiveAt;
            ws.forEachFeature(outcome.name(), f -> {
                if (sa >= 0 && isTrue(f.values().get(sa))) {
                    return;
                }
                LocalDate d = da >= 0 ? FieldValues.dateOf(f.values().get(da)) : null;
                if (s.testFrom() != null && (d == null || !d.isBefore(s.testFrom()))) {
                    return;
                }
                Geometry g = f.geometry();
                if (g == null || g.isEmpty()) {
                    return;
                }
                Coordinate c = g.getCoordinate();
                int cell = grid.cellOf(c.x, c.y);
                if (cell < 0 || tableIndex[cell] < 0) {
                    return;
                }
                raw[tableIndex[cell]]++;
                // at the cell's centre, as the run's own hot spots take events (RtmAnalysis.eventDensity)
                publicEvents.add(new double[] {grid.centreX(grid.col(cell)), grid.centreY(grid.row(cell))});
                if (d != null) {
                    period[0] = period[0] == null || d.isBefore(period[0]) ? d : period[0];
                    period[1] = period[1] == null || d.isAfter(period[1]) ? d : period[1];
                }
            });
        }
        int[] counts = new int[raw.length];
        for (int k = 0; k < raw.length; k++) {
            counts[k] = raw[k] < minCount ? PublicRun.SUPPRESSED : raw[k];
        }
        int[] quadrants = quadrants(run, grid, tableIndex, publicEvents, s.blockLength());
        List<PublicRun.Place> places = places(ws, run, grid, tableIndex, quadrants, raw);
        String note = dataNote(ws, run, outcome, period, sensitiveLeftOut, publicEvents.size());
        return new PublicRun(run.saved().name(), grid, run.cells().clone(), run.classes().clone(), quadrants,
                run.rrs().clone(), counts, minCount, s.terms(), places, s.workingCrs(), note,
                period[0] == null ? "" : DAY.format(period[0]) + " to " + DAY.format(period[1]),
                new PublicRun.EventTally(raw, minCount));
    }

    private static int[] quadrants(LoadedRun run, Grid grid, int[] tableIndex, List<double[]> events, double block) {
        boolean[] in = new boolean[grid.size()];
        for (int cell : run.cells()) {
            in[cell] = true;
        }
        StudyMask mask = StudyMask.of(grid, in, StudyMask.Membership.CENTRE);
        double[] xs = new double[events.size()];
        double[] ys = new double[events.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = events.get(i)[0];
            ys[i] = events.get(i)[1];
        }
        boolean[] hotByMask = events.isEmpty() || !(block > 0) ? new boolean[mask.size()]
                : Quadrant.aboveMeanPlusSd(QuarticDensity.of(mask, xs, ys, block), 2);
        boolean[] highest = new boolean[run.cells().length];
        boolean[] hot = new boolean[run.cells().length];
        for (int k = 0; k < highest.length; k++) {
            highest[k] = run.quadrants()[k] <= 2; // Q1 and Q2 are the run's highest-risk cells
            hot[k] = hotByMask[mask.tableIndex(run.cells()[k])];
        }
        return Quadrant.codes(highest, hot);
    }

    /** Touching priority cells (else highest-risk cells) as places, highest risk first, named by area. */
    private List<PublicRun.Place> places(Workspace ws, LoadedRun run, Grid grid, int[] tableIndex, int[] quadrants,
                                         int[] raw) throws WorkspaceException {
        int n = run.cells().length;
        boolean[] member = new boolean[n];
        boolean anyPriority = false;
        for (int k = 0; k < n; k++) {
            member[k] = quadrants[k] == 1;
            anyPriority |= member[k];
        }
        if (!anyPriority) {
            for (int k = 0; k < n; k++) {
                member[k] = quadrants[k] == 2;
            }
        }
        List<int[]> groups = new ArrayList<>();
        boolean[] seen = new boolean[n];
        for (int start = 0; start < n; start++) {
            if (!member[start] || seen[start]) {
                continue;
            }
            List<Integer> group = new ArrayList<>();
            ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(start));
            seen[start] = true;
            while (!queue.isEmpty()) {
                int k = queue.poll();
                group.add(k);
                int cell = run.cells()[k];
                int col = grid.col(cell);
                int row = grid.row(cell);
                for (int dr = -1; dr <= 1; dr++) {
                    for (int dc = -1; dc <= 1; dc++) {
                        int c = col + dc;
                        int r = row + dr;
                        if ((dr != 0 || dc != 0) && c >= 0 && r >= 0 && c < grid.nx() && r < grid.ny()) {
                            int j = tableIndex[grid.index(c, r)];
                            if (j >= 0 && member[j] && !seen[j]) {
                                seen[j] = true;
                                queue.add(j);
                            }
                        }
                    }
                }
            }
            groups.add(group.stream().mapToInt(Integer::intValue).toArray());
        }
        groups.sort(Comparator.<int[]>comparingDouble(g -> -maxRrs(run, g)).thenComparingInt(g -> -g.length));
        AreaNames names = AreaNames.of(ws);
        List<PublicRun.Place> places = new ArrayList<>();
        java.util.Map<String, Integer> uses = new java.util.HashMap<>();
        for (int i = 0; i < Math.min(MAX_PLACES, groups.size()); i++) {
            int[] g = groups.get(i);
            double sx = 0;
            double sy = 0;
            int events = 0;
            for (int k : g) {
                sx += grid.centreX(grid.col(run.cells()[k]));
                sy += grid.centreY(grid.row(run.cells()[k]));
                events += raw[k];
            }
            double cx = sx / g.length;
            double cy = sy / g.length;
            String label = names.label(grid, run.cells(), g).orElse("Area " + (i + 1));
            // The room needs to tell places apart: a second place in the same neighbourhood is "Old Mill (2)".
            int same = uses.merge(label, 1, Integer::sum);
            if (same > 1) {
                label = label + " (" + same + ")";
            }
            places.add(new PublicRun.Place(i + 1, label, g, cx, cy, maxRrs(run, g), countText(events, minCount)));
        }
        return places;
    }

    private static double maxRrs(LoadedRun run, int[] group) {
        double m = 0;
        for (int k : group) {
            m = Math.max(m, run.rrs()[k]);
        }
        return m;
    }

    private String dataNote(Workspace ws, LoadedRun run, LayerInfo outcome, LocalDate[] period,
                            boolean sensitiveLeftOut, int events) throws WorkspaceException {
        LoadedRun.Summary s = run.summary();
        StringBuilder note = new StringBuilder();
        note.append(outcome == null ? s.outcome() : outcome.title());
        if (period[0] != null) {
            note.append(", ").append(DAY.format(period[0])).append(" to ").append(DAY.format(period[1]));
        }
        if (outcome != null && outcome.provenance() != null && outcome.provenance().source() != null) {
            note.append(". Source: ").append(outcome.provenance().sourceFileName());
        }
        String unit = ws.crs().map(c -> sizeText(s.cellSize(), c)).orElse(DistanceText.format(s.cellSize()));
        note.append(". Places are squares of ").append(unit).append(". Model: ").append(s.terms().size())
                .append(s.terms().size() == 1 ? " risk factor" : " risk factors").append(" (run ")
                .append(run.saved().name()).append("). Counts below ").append(minCount).append(" are shown as \"fewer than ")
                .append(minCount).append("\"");
        if (sensitiveLeftOut) {
            note.append("; sensitive offence categories are left out");
        }
        note.append(". ").append(countText(events, minCount)).append(" events counted.");
        return note.toString();
    }

    /** A cell size as people say it: "200 ft" or "100 m". */
    static String sizeText(double size, org.pscdesk.geo.Crs crs) {
        return DistanceText.format(size) + " " + crs.unitLabel();
    }

    private static int indexOf(LayerInfo layer, String field) {
        if (field == null) {
            return -1;
        }
        for (int i = 0; i < layer.fields().size(); i++) {
            if (layer.fields().get(i).name().equals(field)) {
                return i;
            }
        }
        return -1;
    }

    private static int booleanField(LayerInfo layer, String name) {
        int i = indexOf(layer, name);
        return i >= 0 && layer.fields().get(i).type() == FieldType.BOOLEAN ? i : -1;
    }

    private static boolean isTrue(Object v) {
        return v instanceof Boolean b ? b : v instanceof Number n ? n.intValue() != 0
                : v != null && (v.toString().equals("1") || v.toString().equalsIgnoreCase("true"));
    }
}
