package org.pscdesk.importer;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.pscdesk.geo.Crs;
import org.pscdesk.store.FieldDef;
import org.pscdesk.store.FieldType;
import org.pscdesk.store.GeometryType;

/**
 * The SLMPD preset: reads St. Louis police monthly crime files (one file, folders searched recursively, or
 * zips; see {@link SlmpdSources}) into one incident layer with fixed, typed fields.
 *
 * <p><b>Columns</b> are matched by normalised name (lower case, letters and digits only), so May 2017's
 * {@code X-Coord}, {@code Date Occur}, {@code ILEADS-Address} match the other months' {@code XCoord},
 * {@code DateOccur}, {@code ILEADSAddress}. {@code Crime} is restored to six digits ({@code " 31111"} becomes
 * {@code 031111}); its first two digits are {@code ucr_class} and name {@code category} ({@link UcrClasses}).
 * {@code DateOccur} is read padded ({@code 01/05/2017 09:30}) or not ({@code 1/5/2017 9:30}). Text is trimmed
 * (May 2017 pads it); a blank flag ({@code " "}) becomes null. {@code District} and {@code Neighborhood}
 * keep SLMPD's 0 for an unverified address.
 *
 * <p><b>Columns left out</b>, on purpose: {@code LocationComment} is free text typed by officers; in the real
 * files it holds apartment and floor numbers ({@code APT A}, {@code 2ND FL}) and phrases such as
 * {@code VICTIMS RESIDENCE}, which with the address point at a person's home, so it is data about persons
 * and does not enter the workspace. {@code CADAddress}/{@code CADStreet} are the address given by the 911
 * caller (SLMPD's FAQ: the I/LEADS address is the accurate one, and it is kept), so they add only a second,
 * possibly the caller's, address. {@code Count} is implied: every imported row counts 1. May 2017's extra
 * columns ({@code ILeads Add}, {@code Beat}, {@code Date Crime Coded}...) exist in no other month. What was
 * left out is listed in {@link #notes()}. {@code LocationName} (a place or business name) is kept as
 * {@code location_name}.
 *
 * <p><b>Cancellations.</b> A {@code Count = -1} row cancels one earlier row with the same {@code Complaint}
 * and {@code Crime} (SLMPD's FAQ: unfounded or administratively adjusted); both leave the layer. "Earlier"
 * follows the files' reporting months, then row order; among several candidates the most recent unmatched
 * one is cancelled. Because a cancellation can come months after its row, the reader makes two passes:
 * {@link #open} reads every file once to pair cancellations (keeping only the keys of rows, about 100 bytes
 * each) and to count; {@link #next()} then streams the records. Skip reasons: {@code cancelled} (the row a
 * -1 removed), {@code cancellation} (the -1 row itself), {@code unmatched_cancellation} (a -1 with nothing
 * earlier to cancel), {@code unmappable} ({@code XCoord = YCoord = 0}), {@code bad_coordinates},
 * {@code bad_value} (a date, code or number that cannot be read), {@code bad_row} (more values than
 * columns). Cancellation reasons take precedence, so a cancelled row at 0,0 is {@code cancelled};
 * {@link Counts#unmappable()} still counts every 0,0 row, as the data README does.
 *
 * <p>The CRS is NAD83 / Missouri East in US survey feet ({@code ESRI:102696}) unless the options give one.
 *
 * <p>Not thread-safe.
 */
public final class SlmpdReader implements FeatureReader {

    /** The layer's fields, in the order of {@link SourceRecord#values()}. */
    public static final List<FieldDef> FIELDS = List.of(
            new FieldDef("complaint", FieldType.TEXT),
            new FieldDef("coded_month", FieldType.TEXT),
            new FieldDef("occurred", FieldType.DATETIME),
            new FieldDef("crime", FieldType.TEXT),
            new FieldDef("ucr_class", FieldType.TEXT),
            new FieldDef("category", FieldType.TEXT),
            new FieldDef("description", FieldType.TEXT),
            new FieldDef("district", FieldType.INTEGER),
            new FieldDef("neighborhood", FieldType.INTEGER),
            new FieldDef("ileads_address", FieldType.TEXT),
            new FieldDef("ileads_street", FieldType.TEXT),
            new FieldDef("location_name", FieldType.TEXT),
            new FieldDef("flag_crime", FieldType.TEXT),
            new FieldDef("flag_unfounded", FieldType.TEXT),
            new FieldDef("flag_administrative", FieldType.TEXT),
            new FieldDef("flag_cleanup", FieldType.TEXT),
            new FieldDef("source_file", FieldType.TEXT));

    /** The source CRS of XCoord/YCoord. */
    public static final String CRS_ID = "ESRI:102696";

    /**
     * What the files held, known right after {@link #open}.
     *
     * @param rowsPerFile data rows per file, in reading order
     * @param rowsRead all data rows
     * @param unmappable rows with {@code XCoord = YCoord = 0}, whatever their Count
     * @param cancellationRows rows with {@code Count = -1}
     * @param cancelledPairs -1 rows that cancelled an earlier row (each removes two rows)
     * @param unmatchedCancellations -1 rows with no earlier row to cancel
     * @param rowsLeft rows {@link #next()} returns as usable
     */
    public record Counts(Map<String, Long> rowsPerFile, long rowsRead, long unmappable, long cancellationRows,
                         long cancelledPairs, long unmatchedCancellations, long rowsLeft) {
    }

    /** The columns this reader uses, by normalised header name. */
    private enum Col {
        COMPLAINT("complaint", true), CODED_MONTH("codedmonth", true), DATE_OCCUR("dateoccur", true),
        FLAG_CRIME("flagcrime", false), FLAG_UNFOUNDED("flagunfounded", false),
        FLAG_ADMINISTRATIVE("flagadministrative", false), COUNT("count", true), FLAG_CLEANUP("flagcleanup", false),
        CRIME("crime", true), DISTRICT("district", false), DESCRIPTION("description", false),
        ILEADS_ADDRESS("ileadsaddress", false), ILEADS_STREET("ileadsstreet", false),
        NEIGHBORHOOD("neighborhood", false), LOCATION_NAME("locationname", false), X("xcoord", true),
        Y("ycoord", true);

        final String key;
        final boolean required;

        Col(String key, boolean required) {
            this.key = key;
            this.required = required;
        }
    }

    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static final int COMPLAINT = 0;
    private static final int CRIME = 3;

    private final SlmpdSources sources;
    private final Crs crs;
    private final Charset charset;
    private final List<Problem> notes;
    private final Counts counts;
    private final long[] fileStart;
    private final BitSet cancelled;
    private final BitSet matchedCancellation;
    private final Map<Integer, Integer> partner;
    private final long totalBytes;
    // pass 2 state
    private int sourceIndex = -1;
    private TextTable table;
    private Layout layout;
    private int global = -1;
    private long bytesDone;

    private SlmpdReader(SlmpdSources sources, Crs crs, Charset charset, Pass1 pass1) {
        this.sources = sources;
        this.crs = crs;
        this.charset = charset;
        this.notes = pass1.notes;
        this.counts = pass1.counts();
        this.fileStart = pass1.fileStart;
        this.cancelled = pass1.cancelled;
        this.matchedCancellation = pass1.matchedCancellation;
        this.partner = pass1.partner;
        this.totalBytes = sources.totalBytes();
    }

    /**
     * Opens the monthly files behind the inputs and makes the first pass (pairing cancellations, counting).
     *
     * @param inputs monthly CSV files, folders holding them (searched recursively) or zips of them
     * @throws ImportException when an input is missing, holds no CSV, lacks a required column
     *                         ({@code Complaint, CodedMonth, DateOccur, Count, Crime, XCoord, YCoord}), breaks
     *                         its structure, or no file has any row
     */
    public static SlmpdReader open(List<Path> inputs, ReadOptions options) throws ImportException {
        ReadOptions opts = options == null ? ReadOptions.DEFAULTS : options;
        SlmpdSources sources = SlmpdSources.resolve(inputs, opts.charset());
        try {
            Pass1 pass1 = new Pass1(sources);
            pass1.run(opts.charset());
            Crs crs = opts.crs() != null ? opts.crs() : Crs.of(CRS_ID);
            return new SlmpdReader(sources, crs, opts.charset(), pass1);
        } catch (ImportException | RuntimeException e) {
            sources.close();
            throw e;
        }
    }

    /** The fields that identify a crime record for append mode: a row already in the layer is skipped. */
    public static List<String> appendKey() {
        return List.of("complaint", "crime", "occurred");
    }

    /** Counts for the import report. */
    public Counts counts() {
        return counts;
    }

    @Override
    public List<FieldDef> fields() {
        return FIELDS;
    }

    @Override
    public GeometryType geometryType() {
        return GeometryType.POINT;
    }

    @Override
    public Optional<Crs> sourceCrs() {
        return Optional.of(crs);
    }

    @Override
    public SourceRecord next() throws ImportException {
        while (true) {
            if (table == null) {
                if (sourceIndex + 1 >= sources.sources().size()) {
                    return null;
                }
                sourceIndex++;
                TextSource src = sources.sources().get(sourceIndex).source();
                table = src.openTable(charset, ',');
                layout = layout(table, src.name());
            }
            String[] r = table.next();
            long expected = counts.rowsPerFile().get(table.fileName());
            if (r == null ? table.row() != expected : table.row() > expected) {
                // pairs of cancellations are indexed by row: a file that changed would pair the wrong rows
                throw new ImportException(Problem.ofFile(table.fileName(), "The file changed while it was being"
                        + " read. Wait until it is saved completely and import again."));
            }
            if (r == null) {
                bytesDone += table.bytesRead();
                table.close();
                table = null;
                continue;
            }
            global++;
            return toRecord(r);
        }
    }

    private SourceRecord toRecord(String[] r) {
        String file = table.fileName();
        long row = table.row();
        Row parsed = Row.parse(r, layout, file, row);
        Object[] v = parsed.values;
        if (parsed.count == -1) {
            Integer other = partner.get(global);
            if (matchedCancellation.get(global) && other != null) {
                return SourceRecord.skipped(file, row, v, "cancellation", new Problem(file, row, "Count",
                        "Count is -1: this row cancels complaint " + v[COMPLAINT] + ", crime " + v[CRIME] + " in "
                                + where(other) + "; neither row is imported."));
            }
            return SourceRecord.skipped(file, row, v, "unmatched_cancellation", new Problem(file, row, "Count",
                    "Count is -1 for complaint " + v[COMPLAINT] + ", crime " + v[CRIME] + ", but no earlier row"
                            + " with that Complaint and Crime was read, so there is nothing to cancel and this row"
                            + " was not imported. If the original row is in an earlier month's file, import that"
                            + " file too, or append this file to the layer that holds it."));
        }
        if (cancelled.get(global)) {
            Integer other = partner.get(global);
            return SourceRecord.skipped(file, row, v, "cancelled", new Problem(file, row, "Count",
                    "Cancelled by a Count = -1 row for the same complaint and crime (" + (other == null ? "later"
                            : where(other)) + "): SLMPD unfounded or adjusted it, so it is not imported."));
        }
        if (parsed.skipReason != null) {
            return SourceRecord.skipped(file, row, v, parsed.skipReason, parsed.problem);
        }
        return SourceRecord.ok(file, row, GEOMETRY.createPoint(new Coordinate(parsed.x, parsed.y)), v);
    }

    /** "file row N" for a global row index. */
    private String where(int globalRow) {
        int s = 0;
        while (s + 1 < fileStart.length && fileStart[s + 1] <= globalRow) {
            s++;
        }
        return sources.sources().get(s).name() + " row " + (globalRow - fileStart[s] + 1);
    }

    @Override
    public List<Problem> notes() {
        // pass 1 already gathered every file's encoding notes
        List<Problem> all = new ArrayList<>(sources.notes());
        all.addAll(notes);
        return all;
    }

    @Override
    public long[] progress() {
        long done = bytesDone + (table == null ? 0 : table.bytesRead());
        return new long[] {done, totalBytes};
    }

    @Override
    public void close() {
        if (table != null) {
            table.close();
            table = null;
        }
        sources.close();
    }

    /**
     * Where each {@link Col} is in one file's rows.
     *
     * @param index column index per {@link Col} ordinal, -1 when absent
     * @param width the number of columns in the header
     */
    private record Layout(int[] index, int width) {
    }

    /** The file's {@link Layout}; throws when a required column is missing. */
    private static Layout layout(TextTable t, String file) throws ImportException {
        Map<String, Integer> byName = new HashMap<>();
        List<String> header = t.rawHeader();
        for (int i = 0; i < header.size(); i++) {
            byName.putIfAbsent(TextTable.normalise(header.get(i)), i);
        }
        int[] idx = new int[Col.values().length];
        List<String> missing = new ArrayList<>();
        for (Col c : Col.values()) {
            Integer i = byName.get(c.key);
            idx[c.ordinal()] = i == null ? -1 : i;
            if (i == null && c.required) {
                missing.add(c.key);
            }
        }
        if (!missing.isEmpty()) {
            throw new ImportException(Problem.ofFile(file, "This is not an SLMPD crime file: it lacks the column"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + ". Its columns are: "
                    + String.join(", ", t.header()) + ". Import it without the SLMPD preset."));
        }
        return new Layout(idx, header.size());
    }

    /** Header names this reader leaves out. */
    private static List<String> unusedColumns(TextTable t) {
        Set<String> used = new HashSet<>();
        for (Col c : Col.values()) {
            used.add(c.key);
        }
        List<String> out = new ArrayList<>();
        for (String h : t.header()) {
            if (!used.contains(TextTable.normalise(h))) {
                out.add(h);
            }
        }
        return out;
    }

    /** First pass: counts, and which rows cancel which. */
    private static final class Pass1 {
        private final SlmpdSources sources;
        final List<Problem> notes = new ArrayList<>();
        final BitSet cancelled = new BitSet();
        final BitSet matchedCancellation = new BitSet();
        final Map<Integer, Integer> partner = new HashMap<>();
        long[] fileStart;
        private final Map<String, Long> rowsPerFile = new LinkedHashMap<>();
        private long rows;
        private long unmappable;
        private long negatives;
        private long unmatched;
        /** Count = 1 rows with nothing wrong, before cancellations are applied. */
        private final BitSet usable = new BitSet();

        Pass1(SlmpdSources sources) {
            this.sources = sources;
        }

        void run(Charset charset) throws ImportException {
            // key -> the global indices of earlier rows not yet cancelled (an Integer, or an int stack)
            Map<String, Object> open = new HashMap<>();
            Map<List<String>, List<String>> unusedByFiles = new LinkedHashMap<>();
            Set<String> unknownClasses = new TreeSet<>();
            List<SlmpdSources.Source> list = sources.sources();
            fileStart = new long[list.size()];
            int g = 0;
            for (int s = 0; s < list.size(); s++) {
                TextSource src = list.get(s).source();
                fileStart[s] = g;
                long fileRows = 0;
                try (TextTable t = src.openTable(charset, ',')) {
                    Layout layout = layout(t, src.name());
                    List<String> unused = unusedColumns(t);
                    if (!unused.isEmpty()) {
                        unusedByFiles.computeIfAbsent(unused, k -> new ArrayList<>()).add(src.name());
                    }
                    String[] r;
                    while ((r = t.next()) != null) {
                        Row p = Row.parse(r, layout, src.name(), t.row());
                        if (p.zeroZero) {
                            unmappable++;
                        }
                        String ucr = (String) p.values[4];
                        if (ucr != null && p.values[5] == null) {
                            unknownClasses.add(ucr);
                        }
                        String key = p.values[COMPLAINT] + "\u0000" + p.crimeKey;
                        if (p.count == -1) {
                            negatives++;
                            int earlier = pop(open, key);
                            if (earlier >= 0) {
                                cancelled.set(earlier);
                                matchedCancellation.set(g);
                                partner.put(g, earlier);
                                partner.put(earlier, g);
                            } else {
                                unmatched++;
                            }
                        } else {
                            if (p.count == 1) {
                                push(open, key, g);
                                if (p.skipReason == null) {
                                    usable.set(g);
                                }
                            }
                        }
                        g++;
                        fileRows++;
                        if (g < 0) {
                            throw new ImportException(Problem.ofFile(src.name(), "More than 2^31 rows: split the"
                                    + " import into several."));
                        }
                    }
                    notes.addAll(t.notes());
                }
                rowsPerFile.put(src.name(), fileRows);
                rows += fileRows;
                if (fileRows == 0 && list.size() > 1) {
                    notes.add(Problem.ofFile(src.name(), "This file has a header but no rows."));
                }
            }
            if (rows == 0) {
                String name = list.get(0).name();
                throw new ImportException(Problem.ofFile(name, "The file" + (list.size() > 1 ? "s have" : " has")
                        + " a header but no data rows. Check that the data were exported, not only the column"
                        + " names."));
            }
            for (var e : unusedByFiles.entrySet()) {
                List<String> files = e.getValue();
                String which = files.size() == 1 ? files.get(0) : files.size() + " files";
                notes.add(Problem.ofFile(files.get(0), "Not imported from " + which + ": "
                        + String.join(", ", e.getKey()) + ". LocationComment is free text that can describe"
                        + " victims' homes, and CADAddress/CADStreet repeat the 911 caller's address; the I/LEADS"
                        + " address and LocationName are kept."));
            }
            if (!unknownClasses.isEmpty()) {
                notes.add(Problem.ofFile(list.get(0).name(), "Some Crime codes start with a UCR class outside 01-26 ("
                        + String.join(", ", unknownClasses) + "); those rows have no category."));
            }
        }

        Counts counts() {
            BitSet left = (BitSet) usable.clone();
            left.andNot(cancelled);
            return new Counts(Collections.unmodifiableMap(rowsPerFile), rows, unmappable, negatives,
                    negatives - unmatched, unmatched, left.cardinality());
        }

        private static void push(Map<String, Object> open, String key, int g) {
            Object cur = open.get(key);
            if (cur == null) {
                open.put(key, g);
            } else if (cur instanceof Integer i) {
                open.put(key, new IntStack(i, g));
            } else {
                ((IntStack) cur).push(g);
            }
        }

        private static int pop(Map<String, Object> open, String key) {
            Object cur = open.get(key);
            if (cur == null) {
                return -1;
            }
            if (cur instanceof Integer i) {
                open.remove(key);
                return i;
            }
            IntStack stack = (IntStack) cur;
            int v = stack.pop();
            if (stack.size == 0) {
                open.remove(key);
            }
            return v;
        }
    }

    /** A growable stack of row indices sharing one key (per-victim and per-vehicle rows repeat keys). */
    private static final class IntStack {
        private int[] items;
        private int size;

        IntStack(int a, int b) {
            items = new int[] {a, b, 0, 0};
            size = 2;
        }

        void push(int v) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = v;
        }

        int pop() {
            return items[--size];
        }
    }

    /** One row read into the layer's fields, with what (apart from cancellation) stops it being imported. */
    private static final class Row {
        final Object[] values = new Object[FIELDS.size()];
        int count;
        String crimeKey;
        boolean zeroZero;
        double x;
        double y;
        String skipReason;
        Problem problem;

        static Row parse(String[] r, Layout layout, String file, long row) {
            int[] idx = layout.index();
            Row p = new Row();
            Object[] v = p.values;
            v[0] = text(r, idx, Col.COMPLAINT);
            v[1] = text(r, idx, Col.CODED_MONTH);
            String date = text(r, idx, Col.DATE_OCCUR);
            LocalDateTime occurred = date == null ? null : parseOccurred(date);
            v[2] = occurred;
            String crimeRaw = text(r, idx, Col.CRIME);
            String crime = crimeRaw == null ? null : normaliseCrime(crimeRaw);
            p.crimeKey = crime != null ? crime : String.valueOf(crimeRaw);
            v[3] = crime;
            v[4] = crime == null ? null : crime.substring(0, 2);
            v[5] = crime == null ? null : UcrClasses.name(crime.substring(0, 2));
            v[6] = text(r, idx, Col.DESCRIPTION);
            String district = text(r, idx, Col.DISTRICT);
            v[7] = district == null ? null : TextValues.parseLong(district);
            String hood = text(r, idx, Col.NEIGHBORHOOD);
            v[8] = hood == null ? null : TextValues.parseLong(hood);
            v[9] = text(r, idx, Col.ILEADS_ADDRESS);
            v[10] = text(r, idx, Col.ILEADS_STREET);
            v[11] = text(r, idx, Col.LOCATION_NAME);
            v[12] = text(r, idx, Col.FLAG_CRIME);
            v[13] = text(r, idx, Col.FLAG_UNFOUNDED);
            v[14] = text(r, idx, Col.FLAG_ADMINISTRATIVE);
            v[15] = text(r, idx, Col.FLAG_CLEANUP);
            v[16] = file;
            String count = text(r, idx, Col.COUNT);
            p.count = "1".equals(count) || "+1".equals(count) ? 1 : "-1".equals(count) ? -1 : 0;

            String xs = raw(r, idx, Col.X);
            String ys = raw(r, idx, Col.Y);
            TextValues.CoordinateFault fx = TextValues.coordinateFault(xs, false);
            TextValues.CoordinateFault fy = TextValues.coordinateFault(ys, false);
            if (fx == TextValues.CoordinateFault.NONE && fy == TextValues.CoordinateFault.NONE) {
                p.x = TextValues.parseCoordinate(xs, false);
                p.y = TextValues.parseCoordinate(ys, false);
                p.zeroZero = p.x == 0 && p.y == 0;
            }
            if (extraValues(r, layout.width())) {
                p.fail("bad_row", new Problem(file, row, null, "This row has more values than the header has"
                        + " columns, so its values cannot be matched to columns; probably a value holds an unquoted"
                        + " comma. Put that value in quotes and import again."));
            } else if (p.zeroZero) {
                p.fail("unmappable", new Problem(file, row, "XCoord", "XCoord and YCoord are 0: SLMPD could not"
                        + " map this record (often an unverified address), so it has no location and was not"
                        + " imported."));
            } else if (fx != TextValues.CoordinateFault.NONE || fy != TextValues.CoordinateFault.NONE) {
                boolean xBad = fx != TextValues.CoordinateFault.NONE;
                String field = xBad ? "XCoord" : "YCoord";
                String value = (xBad ? xs : ys).strip();
                p.fail("bad_coordinates", new Problem(file, row, field, value.isEmpty()
                        ? field + " is empty, so this row has no location and was not imported."
                        : field + " is '" + CsvReader.shorten(value) + "', which is not a finite number, so the row"
                                + " was not imported. Correct it to import the row."));
            } else if (p.count == 0) {
                p.fail("bad_value", badValue(file, row, "Count", count, "1 or -1"));
            } else if (occurred == null) {
                p.fail("bad_value", badValue(file, row, "DateOccur", date, "a date and time such as"
                        + " 01/31/2017 13:45"));
            } else if (crime == null) {
                p.fail("bad_value", badValue(file, row, "Crime", crimeRaw, "a crime code of up to six digits"));
            } else if (district != null && v[7] == null) {
                p.fail("bad_value", badValue(file, row, "District", district, "a whole number"));
            } else if (hood != null && v[8] == null) {
                p.fail("bad_value", badValue(file, row, "Neighborhood", hood, "a whole number"));
            }
            return p;
        }

        private void fail(String reason, Problem why) {
            skipReason = reason;
            problem = why;
        }

        private static Problem badValue(String file, long row, String field, String value, String expected) {
            return new Problem(file, row, field, field + " is '" + (value == null ? "" : CsvReader.shorten(value))
                    + "', which is not " + expected + ", so the row was not imported. Correct it and import"
                    + " again.");
        }

        /** The row has more values than the header has columns, and the extra ones are not blank. */
        private static boolean extraValues(String[] r, int width) {
            for (int i = width; i < r.length; i++) {
                if (!r[i].isBlank()) {
                    return true;
                }
            }
            return false;
        }

        private static String raw(String[] r, int[] idx, Col c) {
            int i = idx[c.ordinal()];
            return i < 0 || i >= r.length ? "" : r[i];
        }

        /** Trimmed text, or null when blank (SLMPD writes a blank flag as one space). */
        private static String text(String[] r, int[] idx, Col c) {
            String s = raw(r, idx, c).strip();
            return s.isEmpty() ? null : s;
        }
    }

    /** {@code " 31111"} → {@code 031111}; null when not 1-6 digits. */
    static String normaliseCrime(String raw) {
        String s = raw.strip();
        if (s.isEmpty() || s.length() > 6) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return null;
            }
        }
        return "000000".substring(s.length()) + s;
    }

    /** DateOccur, padded ({@code 01/05/2017 09:30}) or not ({@code 1/5/2017 9:30}), or ISO; null if neither. */
    static LocalDateTime parseOccurred(String s) {
        LocalDateTime t = TextValues.parseSlashDateTime(s, true);
        if (t == null) {
            t = TextValues.parseIsoDateTime(s);
        }
        return t;
    }
}
