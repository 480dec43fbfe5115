package org.pscdesk.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipFile;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.pscdesk.geo.Crs;
import org.pscdesk.store.FieldDef;
import org.pscdesk.store.FieldType;
import org.pscdesk.store.GeometryType;

/**
 * Reads the stops of a GTFS feed ({@code stops.txt}, given directly, in a feed folder, or in a feed
 * {@code .zip}) as points in WGS 84 longitude/latitude (EPSG:4326, as the GTFS reference requires) unless
 * the options give another CRS.
 *
 * <p>Fields: {@code stop_id}, {@code stop_code}, {@code stop_name}, {@code stop_desc} (text), plus
 * {@code location_type} (integer) and {@code parent_station} when the file has them. Other columns
 * (zone, URL, wheelchair boarding...) are left out and listed in {@link #notes()}. A leading UTF-8
 * byte-order mark (Metro St. Louis writes one) is removed from the first header. A stop whose
 * {@code stop_lat}/{@code stop_lon} are empty or not finite numbers (GTFS allows that for generic nodes and
 * boarding areas) is skipped as {@code bad_coordinates} with a problem naming row and field.
 *
 * <p>Not thread-safe.
 */
public final class GtfsStopsReader implements FeatureReader {

    private static final String STOPS = "stops.txt";
    private static final List<String> TEXT_FIELDS = List.of("stop_id", "stop_code", "stop_name", "stop_desc");
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private final TextTable table;
    private final ZipFile zip;
    private final List<FieldDef> fields;
    /** Column index for each field, -1 when the file lacks it. */
    private final int[] columns;
    private final int locationType;
    private final int latIndex;
    private final int lonIndex;
    private final Crs crs;
    private final List<Problem> notes = new ArrayList<>();
    /** The first stop, read at open to tell a header-only file. */
    private String[] first;

    private GtfsStopsReader(TextTable table, ZipFile zip, ReadOptions opts) throws ImportException {
        this.table = table;
        this.zip = zip;
        Map<String, Integer> byName = new HashMap<>();
        List<String> header = table.header();
        for (int i = 0; i < header.size(); i++) {
            byName.putIfAbsent(header.get(i).toLowerCase(Locale.ROOT), i);
        }
        latIndex = byName.getOrDefault("stop_lat", -1);
        lonIndex = byName.getOrDefault("stop_lon", -1);
        if (byName.get("stop_id") == null || latIndex < 0 || lonIndex < 0) {
            throw new ImportException(Problem.ofFile(table.fileName(), "This is not a GTFS stops file: it needs"
                    + " the columns stop_id, stop_lat and stop_lon, and its columns are: "
                    + String.join(", ", header) + "."));
        }
        List<FieldDef> defs = new ArrayList<>();
        List<Integer> cols = new ArrayList<>();
        for (String name : TEXT_FIELDS) {
            defs.add(new FieldDef(name, FieldType.TEXT));
            cols.add(byName.getOrDefault(name, -1));
        }
        int lt = -1;
        if (byName.containsKey("location_type")) {
            lt = defs.size();
            defs.add(new FieldDef("location_type", FieldType.INTEGER));
            cols.add(byName.get("location_type"));
        }
        if (byName.containsKey("parent_station")) {
            defs.add(new FieldDef("parent_station", FieldType.TEXT));
            cols.add(byName.get("parent_station"));
        }
        this.locationType = lt;
        this.fields = List.copyOf(defs);
        this.columns = cols.stream().mapToInt(Integer::intValue).toArray();
        this.crs = opts.crs() != null ? opts.crs() : Crs.WGS84;
        List<String> unused = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).toLowerCase(Locale.ROOT);
            if (!cols.contains(i) && !h.equals("stop_lat") && !h.equals("stop_lon")) {
                unused.add(header.get(i));
            }
        }
        if (!unused.isEmpty()) {
            notes.add(Problem.ofFile(table.fileName(), "Not imported from the stops: " + String.join(", ", unused)
                    + "."));
        }
    }

    /**
     * Opens the stops of a feed.
     *
     * @param stopsTxtOrFolderOrZip {@code stops.txt}, the feed's folder, or the feed's zip (in which
     *                              {@code stops.txt} may sit in one subfolder; with several, the options'
     *                              member chooses)
     * @throws ImportException when there is no stops.txt, it lacks stop_id/stop_lat/stop_lon, or it is empty
     */
    public static GtfsStopsReader open(Path stopsTxtOrFolderOrZip, ReadOptions options) throws ImportException {
        ReadOptions opts = options == null ? ReadOptions.DEFAULTS : options;
        Path input = stopsTxtOrFolderOrZip;
        ZipFile zip = null;
        TextTable table = null;
        try {
            TextSource source;
            if (Files.isDirectory(input)) {
                Path stops = input.resolve(STOPS);
                if (!Files.isRegularFile(stops)) {
                    throw new ImportException(Problem.ofFile(TextSource.fileName(input), "This folder has no"
                            + " stops.txt. Pick the folder of the GTFS feed (with agency.txt, stops.txt...)."));
                }
                source = TextSource.file(stops);
            } else if (TextSource.isZip(input)) {
                zip = TextSource.openZip(input);
                source = stopsInZip(zip, TextSource.fileName(input), opts.member());
            } else {
                source = TextSource.file(input);
            }
            table = source.openTable(opts.charset(), ',');
            GtfsStopsReader reader = new GtfsStopsReader(table, zip, opts);
            reader.first = table.next();
            if (reader.first == null) {
                throw new ImportException(Problem.ofFile(table.fileName(), "The stops file has a header but no"
                        + " stops. Check that the feed is complete."));
            }
            return reader;
        } catch (ImportException | RuntimeException e) {
            if (table != null) {
                table.close();
            }
            closeQuietly(zip);
            throw e;
        }
    }

    private static TextSource stopsInZip(ZipFile zip, String zipName, String member) throws ImportException {
        List<TextSource> stops = TextSource.zipMembers(zip, p -> {
            String lower = p.toLowerCase(Locale.ROOT);
            boolean nameOk = TextSource.baseName(lower).equals(STOPS);
            return nameOk && (member == null || lower.equals(member.toLowerCase(Locale.ROOT))
                    || lower.startsWith(member.toLowerCase(Locale.ROOT) + "/"));
        });
        if (stops.size() == 1) {
            return stops.get(0);
        }
        throw new ImportException(Problem.ofFile(zipName, stops.isEmpty()
                ? "This zip archive holds no stops.txt" + (member == null ? "" : " under " + member)
                        + ". Pick the GTFS feed's zip."
                : "This zip archive holds several stops.txt files; choose the feed's folder with --member."));
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
        return Optional.of(crs);
    }

    @Override
    public SourceRecord next() throws ImportException {
        String[] r;
        if (first != null) {
            r = first;
            first = null;
        } else {
            r = table.next();
            if (r == null) {
                return null;
            }
        }
        String file = table.fileName();
        long row = table.row();
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < columns.length; i++) {
            String s = columns[i] >= 0 && columns[i] < r.length ? r[columns[i]].strip() : "";
            values[i] = s.isEmpty() ? null : s;
        }
        if (locationType >= 0 && values[locationType] != null) {
            String lt = (String) values[locationType];
            Long parsed = TextValues.parseLong(lt);
            if (parsed == null) {
                return SourceRecord.skipped(file, row, values, "bad_value", new Problem(file, row, "location_type",
                        "location_type is '" + CsvReader.shorten(lt) + "', which is not a GTFS location type"
                                + " (0 to 4), so the stop was not imported. Correct it and import again."));
            }
            values[locationType] = parsed;
        }
        String lat = latIndex < r.length ? r[latIndex] : "";
        String lon = lonIndex < r.length ? r[lonIndex] : "";
        Problem bad = coordinateProblem(file, row, "stop_lon", lon);
        if (bad == null) {
            bad = coordinateProblem(file, row, "stop_lat", lat);
        }
        if (bad != null) {
            return SourceRecord.skipped(file, row, values, "bad_coordinates", bad);
        }
        double x = TextValues.parseCoordinate(lon, false);
        double y = TextValues.parseCoordinate(lat, false);
        if (crs.isGeographic() && (Math.abs(x) > 180 || Math.abs(y) > 90)) {
            return SourceRecord.skipped(file, row, values, "bad_coordinates", new Problem(file, row,
                    Math.abs(x) > 180 ? "stop_lon" : "stop_lat", "The stop's position (" + lat.strip() + ", "
                            + lon.strip() + ") is outside the range of latitude and longitude, so it was not"
                            + " imported. Correct it and import again."));
        }
        return SourceRecord.ok(file, row, GEOMETRY.createPoint(new Coordinate(x, y)), values);
    }

    private static Problem coordinateProblem(String file, long row, String field, String raw) {
        return switch (TextValues.coordinateFault(raw, false)) {
            case NONE -> null;
            case EMPTY -> new Problem(file, row, field, field + " is empty, so the stop has no position and was not"
                    + " imported. GTFS allows that only for generic nodes and boarding areas.");
            case NOT_A_NUMBER, NOT_FINITE -> new Problem(file, row, field, field + " is '"
                    + CsvReader.shorten(raw.strip()) + "', which is not a finite number, so the stop was not"
                    + " imported. Correct it and import again.");
        };
    }

    @Override
    public List<Problem> notes() {
        List<Problem> all = new ArrayList<>(table.notes());
        all.addAll(notes);
        return all;
    }

    @Override
    public long[] progress() {
        return new long[] {table.bytesRead(), table.totalBytes()};
    }

    @Override
    public void close() {
        table.close();
        closeQuietly(zip);
    }

    private static void closeQuietly(ZipFile zip) {
        if (zip == null) {
            return;
        }
        try {
            zip.close();
        } catch (IOException e) {
            // reading is over; nothing to undo
        }
    }
}
