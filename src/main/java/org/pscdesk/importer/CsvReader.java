package org.pscdesk.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipFile;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.pscdesk.geo.Crs;
import org.pscdesk.store.FieldDef;
import org.pscdesk.store.FieldType;
import org.pscdesk.store.GeometryType;

/**
 * Reads a delimited text file (CSV, TSV, semicolon or pipe separated) as point features.
 *
 * <p><b>Text.</b> Encoding and delimiter are sniffed ({@link TextSniffer}): UTF-8 with or without a
 * byte-order mark, windows-1252 when the bytes are not UTF-8 (noted), UTF-16 with a mark; comma, tab,
 * semicolon or pipe. Quoted fields may hold delimiters, line breaks and doubled quotes; records end at LF,
 * CRLF or a lone CR ({@link CsvTokenizer}). Header names are kept as written, trimmed, with blank names
 * made {@code column_N} and repeats made unique ({@code name_2}).
 *
 * <p><b>Coordinates.</b> From the columns the user chose, else found by normalised header name:
 * longitude {@code lon lng long longitude stop_lon} with latitude {@code lat latitude stop_lat}, or x
 * {@code x xcoord x_coord easting} with y {@code y ycoord y_coord northing}. Without a CRS in the options,
 * longitude/latitude names or values that all lie within ±180/±90 mean EPSG:4326 (said in {@link #notes()});
 * otherwise {@link #sourceCrs()} is empty and the import must ask for one. Coordinates that are empty,
 * {@code NA}, text or not finite skip their row as {@code bad_coordinates} with a problem naming row and
 * column. A file with no coordinate columns is still read (for previews and tables such as
 * {@code UCRCodes.csv}): every record then has no geometry and is skipped as {@code no_coordinates}, and
 * {@link #notes()} lists the headers and says how to choose the columns.
 *
 * <p><b>Types.</b> Each column becomes INTEGER, REAL, BOOLEAN ({@code true/false}), DATE
 * ({@code yyyy-MM-dd} or {@code M/D/YYYY}), DATETIME (the same with a time) or TEXT, decided
 * conservatively: digits with a leading zero ({@code 031111}, ZIP codes) or more than 18 digits stay TEXT,
 * and one value that fits no type makes the whole column TEXT. For files up to {@link #FULL_SCAN_BYTES} the
 * types come from a first pass over every value, so no later value can contradict them. For streams and
 * larger files they come from the first {@link #SAMPLE_ROWS} rows; a later value that does not fit skips its
 * row as {@code bad_value} with a problem naming row, column and value — never dropped silently. Empty,
 * {@code NA}, {@code N/A}, {@code NULL} and {@code NaN} are missing values (null) in typed columns; text
 * values are trimmed and blanks become null.
 *
 * <p><b>Streaming.</b> Never holds the file: one record at a time through fixed buffers, plus the sample
 * rows in stream mode. A record longer than 16 M characters (an unclosed quote) stops the read with an
 * {@link ImportException} naming the row where the quote opened.
 *
 * <p>Not thread-safe.
 */
public final class CsvReader implements FeatureReader {

    /** Files up to this size get an exact type pass before reading; larger ones are typed from a sample. */
    static final long FULL_SCAN_BYTES = 1L << 30;
    /** Rows sampled for types when the input is a stream or a file over {@link #FULL_SCAN_BYTES}. */
    static final int SAMPLE_ROWS = 10_000;

    private static final List<String> LON_NAMES = List.of("longitude", "lon", "lng", "long", "stoplon");
    private static final List<String> LAT_NAMES = List.of("latitude", "lat", "stoplat");
    private static final List<String> X_NAMES = List.of("x", "xcoord", "xcoordinate", "easting", "pointx");
    private static final List<String> Y_NAMES = List.of("y", "ycoord", "ycoordinate", "northing", "pointy");
    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static final Object INVALID = new Object();

    private final TextTable table;
    private final ZipFile zip;
    private final String fileName;
    private final List<FieldDef> fields;
    private final FieldType[] types;
    private final boolean[] monthFirst;
    private final int xIndex;
    private final int yIndex;
    private final Crs crs;
    private final boolean geographic;
    private final boolean decimalComma;
    private final boolean sampled;
    private final Deque<String[]> replay;
    private final List<Problem> notes;
    private final Decision decision;
    /** The exact types of a speculative read, or null. */
    private TypeCheck exact;
    /** The hash of the file, taken as it is read (a speculative read), or null. */
    private InputDigest digest;
    private long row;

    private CsvReader(TextTable table, ZipFile zip, Typing typing, Coordinates coords, Decision decision,
                      Deque<String[]> replay, boolean sampled) {
        this.table = table;
        this.zip = zip;
        this.fileName = table.fileName();
        List<String> header = table.header();
        List<FieldDef> defs = new ArrayList<>(header.size());
        for (int i = 0; i < header.size(); i++) {
            defs.add(new FieldDef(header.get(i), typing.types[i]));
        }
        this.fields = List.copyOf(defs);
        this.types = typing.types;
        this.monthFirst = typing.monthFirst;
        this.xIndex = coords.x;
        this.yIndex = coords.y;
        this.crs = decision.crs();
        this.geographic = crs != null && crs.isGeographic();
        this.decimalComma = table.delimiter() == ';';
        this.replay = replay;
        this.sampled = sampled;
        this.notes = decision.notes();
        this.decision = decision;
    }

    /**
     * Opens a delimited text file, or the one text member of a {@code .zip} (or the member named in the
     * options). Files up to {@link #FULL_SCAN_BYTES} are read twice: once for exact column types, once for
     * the records.
     *
     * @throws ImportException when the file is missing, empty, has only a header, is not text, breaks its
     *                         structure (an unclosed quote) or names columns that do not exist
     */
    public static CsvReader open(Path file, ReadOptions options) throws ImportException {
        ReadOptions opts = options == null ? ReadOptions.DEFAULTS : options;
        if (TextSource.isZip(file)) {
            ZipFile zip = TextSource.openZip(file);
            try {
                TextSource member = pickMember(zip, TextSource.fileName(file), opts.member());
                return open(member, zip, opts);
            } catch (ImportException | RuntimeException e) {
                closeQuietly(zip);
                throw e;
            }
        }
        return open(TextSource.file(file), null, opts);
    }

    /**
     * Opens a file for an import that can be read again: a plain file up to {@link #FULL_SCAN_BYTES} is typed
     * from its first {@link #SAMPLE_ROWS} rows, so writing starts at once, while every row read is also typed
     * for the exact types. At the end of the records, if those (or the date orders, the CRS guess, the notes)
     * differ from the sample's, {@link #next()} throws {@link TypesChanged} and the
     * caller must discard what it read and use {@link #open(Path, ReadOptions)}. A read that ends normally
     * is exactly what the two-pass read gives. Other inputs open as with {@link #open(Path, ReadOptions)}.
     */
    static CsvReader openSpeculative(Path file, ReadOptions options) throws ImportException {
        ReadOptions opts = options == null ? ReadOptions.DEFAULTS : options;
        if (TextSource.isZip(file)) {
            return open(file, opts);
        }
        TextSource source = TextSource.file(file);
        if (source.size() > FULL_SCAN_BYTES || source.size() < 0) {
            return open(source, null, opts);
        }
        InputDigest[] digest = new InputDigest[1];
        TextTable table = source.openTable(opts.charset(), (char) 0, in -> digest[0] = new InputDigest(in));
        CsvReader reader = sampleAndOpen(table, null, opts, false);
        reader.digest = digest[0];
        // Typed on the reading thread as the rows go by: a second pass over the file on a thread of its own
        // took a core from the reader and the writer (on two cores, about 0.3 s of a 4 s million-row import).
        Coordinates coords = Coordinates.resolve(table.fileName(), table.header(), opts);
        reader.exact = new TypeCheck(new Typing(table.header().size(), coords, table.delimiter() == ';'), coords, opts);
        for (String[] r : reader.replay) {
            reader.exact.typing.add(r);
        }
        return reader;
    }

    /**
     * Thrown at the end of a speculative read whose sample types were not the file's exact types: nothing
     * read may be kept; read the file again with {@link #open(Path, ReadOptions)}.
     */
    static final class TypesChanged extends RuntimeException {
        TypesChanged() {
            super("the column types of the whole file differ from those of its first rows", null, false, false);
        }
    }

    /** The exact types of a speculative read, typed as its rows are read. */
    private record TypeCheck(Typing typing, Coordinates coords, ReadOptions opts) {
    }

    private static ImportException fileChanged(String file) {
        return new ImportException(Problem.ofFile(file, "The file changed while it was being read."
                + " Wait until it is saved completely and import again."));
    }

    /**
     * Reads a stream once, typing columns from its first {@link #SAMPLE_ROWS} rows. For input that cannot
     * be read twice; a file is better read with {@link #open(Path, ReadOptions)}. The reader closes the
     * stream.
     *
     * @param name the file name shown in problems
     */
    public static CsvReader open(InputStream in, String name, ReadOptions options) throws ImportException {
        ReadOptions opts = options == null ? ReadOptions.DEFAULTS : options;
        TextTable table = TextTable.open(in, name, -1, opts.charset(), (char) 0);
        return sampleAndOpen(table, null, opts, true);
    }

    private static CsvReader open(TextSource source, ZipFile zip, ReadOptions opts) throws ImportException {
        if (source.size() > FULL_SCAN_BYTES || source.size() < 0) {
            return sampleAndOpen(source.openTable(opts.charset(), (char) 0), zip, opts, true);
        }
        Typing typing;
        Coordinates coords;
        char delimiter;
        List<String> header;
        try (TextTable scan = source.openTable(opts.charset(), (char) 0)) {
            header = scan.header();
            delimiter = scan.delimiter();
            coords = Coordinates.resolve(source.name(), header, opts);
            typing = new Typing(header.size(), coords, delimiter == ';');
            String[] r;
            while ((r = scan.next()) != null) {
                typing.add(r);
            }
            if (scan.row() == 0) {
                throw headerOnly(source.name(), header);
            }
        }
        TextTable table = source.openTable(opts.charset(), delimiter);
        if (!table.header().equals(header)) {
            table.close();
            throw fileChanged(source.name());
        }
        return build(table, zip, typing, coords, opts, new ArrayDeque<>(), false);
    }

    /**
     * Reads the first rows to type the columns, then opens the reader with them replayed first.
     *
     * @param sampled whether the sample's types are final (a file too large to scan twice) or only a first
     *                guess that the exact scan confirms (a speculative read)
     */
    private static CsvReader sampleAndOpen(TextTable table, ZipFile zip, ReadOptions opts, boolean sampled)
            throws ImportException {
        try {
            Coordinates coords = Coordinates.resolve(table.fileName(), table.header(), opts);
            Typing typing = new Typing(table.header().size(), coords, table.delimiter() == ';');
            Deque<String[]> sample = new ArrayDeque<>();
            String[] r;
            while (sample.size() < SAMPLE_ROWS && (r = table.next()) != null) {
                typing.add(r);
                sample.add(r);
            }
            if (sample.isEmpty()) {
                throw headerOnly(table.fileName(), table.header());
            }
            return build(table, zip, typing, coords, opts, sample, sampled);
        } catch (ImportException | RuntimeException e) {
            table.close();
            throw e;
        }
    }

    private static CsvReader build(TextTable table, ZipFile zip, Typing typing, Coordinates coords,
                                   ReadOptions opts, Deque<String[]> replay, boolean sampled) {
        Decision decision = decide(typing, table.header(), table.fileName(), coords, opts, sampled);
        return new CsvReader(table, zip, typing, coords, decision, replay, sampled);
    }

    /** Everything a read takes from its type pass: the records it gives depend on nothing else. */
    private record Decision(List<FieldType> types, List<Boolean> monthFirst, Crs crs, List<Problem> notes) {
    }

    private static Decision decide(Typing typing, List<String> header, String file, Coordinates coords,
                                   ReadOptions opts, boolean sampled) {
        List<Problem> notes = new ArrayList<>();
        typing.finish(header, file, notes, sampled);
        Crs crs = opts.crs();
        if (coords.x < 0) {
            notes.add(Problem.ofFile(file, "No coordinate columns were found, so the rows have no location."
                    + " The columns are: " + String.join(", ", header) + ". Choose the coordinate"
                    + " columns (--x and --y, or --lat and --lon) and import again."));
        } else if (crs == null) {
            String x = header.get(coords.x);
            String y = header.get(coords.y);
            if (coords.lonLat) {
                crs = Crs.WGS84;
                notes.add(Problem.ofFile(file, "Coordinates were read from " + x + " (longitude) and " + y
                        + " (latitude) as WGS 84 longitude/latitude (EPSG:4326). If they are in another system,"
                        + " give it with --crs."));
            } else if (typing.coordinatesLookLonLat()) {
                crs = Crs.WGS84;
                notes.add(Problem.ofFile(file, "Coordinates were read from " + x + " and " + y + "; their"
                        + " values all lie within ±180 and ±90, so they were taken as WGS 84 longitude/latitude"
                        + " (EPSG:4326). If they are in another system, give it with --crs."));
            }
        }
        List<Boolean> monthFirst = new ArrayList<>();
        for (boolean b : typing.monthFirst) {
            monthFirst.add(b);
        }
        return new Decision(List.of(typing.types), monthFirst, crs, notes);
    }

    private static ImportException headerOnly(String file, List<String> header) {
        return new ImportException(Problem.ofFile(file, "The file has a header (" + String.join(", ", header)
                + ") but no data rows. Check that the data were exported, not only the column names."));
    }

    @Override
    public List<FieldDef> fields() {
        return fields;
    }

    @Override
    public GeometryType geometryType() {
        return GeometryType.POINT;
    }

    @Override
    public Optional<Crs> sourceCrs() {
        return Optional.ofNullable(crs);
    }

    /** True when coordinate columns were chosen or found; false means every record is {@code no_coordinates}. */
    public boolean hasCoordinates() {
        return xIndex >= 0;
    }

    @Override
    public SourceRecord next() throws ImportException {
        String[] r;
        if (!replay.isEmpty()) {
            r = replay.poll();
        } else {
            r = table.next();
            if (r == null) {
                confirmTypes();
                return null;
            }
            if (exact != null) {
                exact.typing.add(r);
            }
        }
        row++;
        return toRecord(r);
    }

    /** After a speculative read: the exact type pass must have decided what the sample decided. */
    private void confirmTypes() throws ImportException {
        if (exact == null) {
            return;
        }
        TypeCheck check = exact;
        exact = null;
        if (!decide(check.typing, table.header(), fileName, check.coords, check.opts, false).equals(decision)) {
            throw new TypesChanged();
        }
    }

    private SourceRecord toRecord(String[] r) {
        int n = types.length;
        if (r.length > n && !blankFrom(r, n)) {
            // the values cannot be matched to columns, so none is given
            return SourceRecord.skipped(fileName, row, new Object[n], "bad_row", new Problem(fileName, row, null,
                    "This row has " + r.length + " values but the header names " + n + " columns, so the"
                            + " values cannot be matched to columns; probably a value holds an unquoted "
                            + delimiterName() + ". Put that value in quotes and import again."));
        }
        Object[] values = new Object[n];
        String badField = null;
        String badValue = null;
        for (int i = 0; i < n; i++) {
            String raw = i < r.length ? r[i] : "";
            Object v = convert(raw, i);
            if (v == INVALID) {
                if (badField == null) {
                    badField = fields.get(i).name();
                    badValue = raw.strip();
                }
                v = null;
            }
            values[i] = v;
        }
        if (xIndex < 0) {
            return SourceRecord.skipped(fileName, row, values, "no_coordinates", new Problem(fileName, row, null,
                    "The file has no coordinate columns, so this row has no location. Choose the coordinate"
                            + " columns and import again."));
        }
        String xs = xIndex < r.length ? r[xIndex] : "";
        String ys = yIndex < r.length ? r[yIndex] : "";
        Problem bad = coordinateProblem(xs, xIndex);
        if (bad == null) {
            bad = coordinateProblem(ys, yIndex);
        }
        if (bad != null) {
            return SourceRecord.skipped(fileName, row, values, "bad_coordinates", bad);
        }
        double x = TextValues.parseCoordinate(xs, decimalComma);
        double y = TextValues.parseCoordinate(ys, decimalComma);
        if (geographic && (Math.abs(x) > 180 || Math.abs(y) > 90)) {
            String field = Math.abs(x) > 180 ? fields.get(xIndex).name() : fields.get(yIndex).name();
            return SourceRecord.skipped(fileName, row, values, "bad_coordinates", new Problem(fileName, row, field,
                    "The point (" + xs.strip() + ", " + ys.strip() + ") is outside the range of longitude (±180)"
                            + " and latitude (±90). Check the value, or give the file's coordinate system with"
                            + " --crs if these are not longitude/latitude."));
        }
        if (badField != null) {
            String expected = typeName(fields.get(fieldIndex(badField)).type());
            String why = sampled ? "like the first " + SAMPLE_ROWS + " rows of this column" : "like the rest of"
                    + " this column";
            return SourceRecord.skipped(fileName, row, values, "bad_value", new Problem(fileName, row, badField,
                    "The value '" + shorten(badValue) + "' is not " + expected + " " + why + ", so the row was"
                            + " not imported. Correct the value and import again."));
        }
        return SourceRecord.ok(fileName, row, GEOMETRY.createPoint(new Coordinate(x, y)), values);
    }

    private Problem coordinateProblem(String raw, int index) {
        TextValues.CoordinateFault fault = TextValues.coordinateFault(raw, decimalComma);
        String field = fields.get(index).name();
        return switch (fault) {
            case NONE -> null;
            case EMPTY -> new Problem(fileName, row, field, "The coordinate " + field + " is empty"
                    + (raw.isBlank() ? "" : " ('" + shorten(raw.strip()) + "')") + ", so this row has no"
                    + " location and was not imported. Fill it in to import the row.");
            case NOT_A_NUMBER -> new Problem(fileName, row, field, "The coordinate " + field + " is '"
                    + shorten(raw.strip()) + "', which is not a number, so the row was not imported. Correct it"
                    + " to import the row.");
            case NOT_FINITE -> new Problem(fileName, row, field, "The coordinate " + field + " is '"
                    + shorten(raw.strip()) + "', which is not a finite number, so the row was not imported."
                    + " Correct it to import the row.");
        };
    }

    private Object convert(String raw, int i) {
        String s = raw.strip();
        FieldType type = types[i];
        if (type == FieldType.TEXT) {
            return s.isEmpty() ? null : s;
        }
        if (TextValues.isMissing(s)) {
            return null;
        }
        Object v = switch (type) {
            case INTEGER -> TextValues.parseLong(s);
            case REAL -> TextValues.parseReal(s);
            case BOOLEAN -> TextValues.parseBoolean(s);
            case DATE -> s.indexOf('/') >= 0 ? TextValues.parseSlashDate(s, monthFirst[i]) : TextValues.parseIsoDate(s);
            case DATETIME -> s.indexOf('/') >= 0 ? TextValues.parseSlashDateTime(s, monthFirst[i])
                    : TextValues.parseIsoDateTime(s);
            default -> s;
        };
        return v == null ? INVALID : v;
    }

    private int fieldIndex(String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        return 0;
    }

    private String delimiterName() {
        return switch (table.delimiter()) {
            case '\t' -> "tab";
            case ';' -> "semicolon";
            case '|' -> "bar (|)";
            default -> "comma";
        };
    }

    private static String typeName(FieldType type) {
        return switch (type) {
            case INTEGER -> "a whole number";
            case REAL -> "a number";
            case BOOLEAN -> "true or false";
            case DATE -> "a date";
            case DATETIME -> "a date and time";
            default -> "text";
        };
    }

    private static boolean blankFrom(String[] r, int from) {
        for (int i = from; i < r.length; i++) {
            if (!r[i].isBlank()) {
                return false;
            }
        }
        return true;
    }

    static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    @Override
    public List<Problem> notes() {
        List<Problem> all = new ArrayList<>(table.notes());
        all.addAll(notes);
        return all;
    }

    @Override
    public Optional<InputDigest.Result> wholeInputDigest() {
        return digest == null ? Optional.empty() : digest.result();
    }

    @Override
    public long[] progress() {
        return new long[] {table.bytesRead(), table.totalBytes()};
    }

    @Override
    public void close() {
        table.close();
        if (zip != null) {
            closeQuietly(zip);
        }
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException e) {
            // reading is over; nothing was written
        }
    }

    private static TextSource pickMember(ZipFile zip, String zipName, String member) throws ImportException {
        List<TextSource> texts = TextSource.zipMembers(zip, p -> {
            String lower = p.toLowerCase(Locale.ROOT);
            return lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".txt")
                    || lower.endsWith(".tab");
        });
        if (member != null) {
            for (TextSource s : texts) {
                if (s.name().equalsIgnoreCase(TextSource.baseName(member))) {
                    return s;
                }
            }
        } else if (texts.size() == 1) {
            return texts.get(0);
        }
        List<String> names = texts.stream().map(TextSource::name).toList();
        String what = member != null ? "has no text file named " + member : texts.isEmpty()
                ? "holds no .csv, .tsv or .txt file" : "holds several text files";
        throw new ImportException(Problem.ofFile(zipName, "The zip archive " + what
                + (names.isEmpty() ? "." : " (" + String.join(", ", names) + "); choose one with --member.")));
    }

    /** Which columns hold the coordinates. */
    private record Coordinates(int x, int y, boolean lonLat) {

        static final Coordinates NONE = new Coordinates(-1, -1, false);

        static Coordinates resolve(String file, List<String> header, ReadOptions opts) throws ImportException {
            boolean xy = opts.xColumn() != null || opts.yColumn() != null;
            boolean ll = opts.latColumn() != null || opts.lonColumn() != null;
            if (xy && ll) {
                throw new ImportException(Problem.ofFile(file, "Choose the coordinates either as x and y or as"
                        + " latitude and longitude, not both."));
            }
            if (xy) {
                return new Coordinates(chosen(file, header, opts.xColumn(), "x"),
                        chosen(file, header, opts.yColumn(), "y"), false);
            }
            if (ll) {
                return new Coordinates(chosen(file, header, opts.lonColumn(), "longitude"),
                        chosen(file, header, opts.latColumn(), "latitude"), true);
            }
            List<String> norm = header.stream().map(TextTable::normalise).toList();
            Coordinates lonLat = pair(norm, LON_NAMES, LAT_NAMES, true);
            Coordinates plain = pair(norm, X_NAMES, Y_NAMES, false);
            // a projected CRS given by the user points at x/y; otherwise lon/lat describe themselves
            boolean projected = opts.crs() != null && !opts.crs().isGeographic();
            Coordinates first = projected ? plain : lonLat;
            Coordinates second = projected ? lonLat : plain;
            return first != null ? first : second != null ? second : NONE;
        }

        private static Coordinates pair(List<String> norm, List<String> xs, List<String> ys, boolean lonLat) {
            int x = find(norm, xs);
            int y = find(norm, ys);
            return x >= 0 && y >= 0 && x != y ? new Coordinates(x, y, lonLat) : null;
        }

        private static int find(List<String> norm, List<String> names) {
            for (String name : names) {
                int i = norm.indexOf(name);
                if (i >= 0) {
                    return i;
                }
            }
            return -1;
        }

        private static int chosen(String file, List<String> header, String name, String role)
                throws ImportException {
            if (name == null) {
                throw new ImportException(Problem.ofFile(file, "Only one coordinate column was chosen; choose"
                        + " both (x and y, or latitude and longitude)."));
            }
            String want = name.strip();
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).equals(want)) {
                    return i;
                }
            }
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).equalsIgnoreCase(want)) {
                    return i;
                }
            }
            String norm = TextTable.normalise(want);
            for (int i = 0; i < header.size(); i++) {
                if (!norm.isEmpty() && TextTable.normalise(header.get(i)).equals(norm)) {
                    return i;
                }
            }
            throw new ImportException(new Problem(file, 0, name, "The column '" + name + "' chosen for " + role
                    + " is not in the file. Its columns are: " + String.join(", ", header) + "."));
        }
    }

    /** Evidence for each column's type, and the coordinate range, gathered over the scanned rows. */
    private static final class Typing {
        final FieldType[] types;
        final boolean[] monthFirst;
        private final Column[] columns;
        private final Coordinates coords;
        private double minX = Double.POSITIVE_INFINITY;
        private double maxX = Double.NEGATIVE_INFINITY;
        private double minY = Double.POSITIVE_INFINITY;
        private double maxY = Double.NEGATIVE_INFINITY;
        private long points;
        private final boolean decimalComma;

        Typing(int n, Coordinates coords, boolean decimalComma) {
            this.decimalComma = decimalComma;
            this.types = new FieldType[n];
            this.monthFirst = new boolean[n];
            this.columns = new Column[n];
            Arrays.setAll(columns, i -> new Column());
            this.coords = coords;
        }

        void add(String[] r) {
            int n = Math.min(r.length, columns.length);
            for (int i = 0; i < n; i++) {
                columns[i].add(r[i]);
            }
            if (coords.x >= 0 && coords.x < r.length && coords.y < r.length) {
                double x = TextValues.parseCoordinate(r[coords.x], decimalComma);
                double y = TextValues.parseCoordinate(r[coords.y], decimalComma);
                if (!Double.isNaN(x) && !Double.isNaN(y)) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                    points++;
                }
            }
        }

        boolean coordinatesLookLonLat() {
            return points > 0 && minX >= -180 && maxX <= 180 && minY >= -90 && maxY <= 90;
        }

        void finish(List<String> header, String file, List<Problem> notes, boolean sampled) {
            for (int i = 0; i < columns.length; i++) {
                Column c = columns[i];
                types[i] = c.type();
                monthFirst[i] = c.monthFirstOk;
                if ((types[i] == FieldType.DATE || types[i] == FieldType.DATETIME) && c.slash) {
                    String order = c.monthFirstOk ? "month/day/year" : "day/month/year";
                    String why = c.monthFirstOk && c.dayFirstOk ? " (no value showed the order, so the US order"
                            + " was assumed)" : "";
                    notes.add(new Problem(file, 0, header.get(i), "Dates in " + header.get(i) + " were read as "
                            + order + why + "."));
                }
            }
            if (sampled) {
                notes.add(Problem.ofFile(file, "Column types were decided from the first " + SAMPLE_ROWS
                        + " rows; a later row whose value does not fit its column is reported, not imported."));
            }
        }
    }

    /** What one column's values could all be. */
    private static final class Column {
        private long values;
        private boolean integer = true;
        private boolean real = true;
        private boolean bool = true;
        private boolean isoDate = true;
        private boolean isoDateTime = true;
        private boolean slashDate = true;
        private boolean slashDateTime = true;
        boolean slash;
        boolean monthFirstOk = true;
        boolean dayFirstOk = true;

        void add(String raw) {
            String s = raw.strip();
            if (TextValues.isMissing(s)) {
                return;
            }
            values++;
            if (integer || real) {
                switch (TextValues.numberShape(s)) {
                    case INTEGER -> { }
                    case DECIMAL -> integer = false;
                    default -> {
                        integer = false;
                        real = false;
                    }
                }
            }
            if (bool && TextValues.parseBoolean(s) == null) {
                bool = false;
            }
            if (isoDate && TextValues.parseIsoDate(s) == null) {
                isoDate = false;
            }
            if (isoDateTime && TextValues.parseIsoDateTime(s) == null) {
                isoDateTime = false;
            }
            if (slashDate || slashDateTime) {
                addSlash(s);
            }
        }

        private void addSlash(String s) {
            boolean withTime = s.indexOf(' ') >= 0;
            if (withTime) {
                slashDate = false;
            } else {
                slashDateTime = false;
            }
            if (!slashDate && !slashDateTime) {
                return;
            }
            boolean mf = withTime ? TextValues.parseSlashDateTime(s, true) != null
                    : TextValues.parseSlashDate(s, true) != null;
            boolean df = withTime ? TextValues.parseSlashDateTime(s, false) != null
                    : TextValues.parseSlashDate(s, false) != null;
            monthFirstOk &= mf;
            dayFirstOk &= df;
            if (!monthFirstOk && !dayFirstOk) {
                slashDate = false;
                slashDateTime = false;
            }
        }

        FieldType type() {
            if (values == 0) {
                return FieldType.TEXT;
            }
            if (bool) {
                return FieldType.BOOLEAN;
            }
            if (integer) {
                return FieldType.INTEGER;
            }
            if (real) {
                return FieldType.REAL;
            }
            if (isoDate) {
                return FieldType.DATE;
            }
            if (isoDateTime) {
                return FieldType.DATETIME;
            }
            if (slashDate || slashDateTime) {
                slash = true;
                return slashDate ? FieldType.DATE : FieldType.DATETIME;
            }
            return FieldType.TEXT;
        }
    }
}
