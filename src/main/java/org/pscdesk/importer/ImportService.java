package org.pscdesk.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.pscdesk.geo.CoordinateTransform;
import org.pscdesk.geo.Crs;
import org.pscdesk.store.AppendResult;
import org.pscdesk.store.Feature;
import org.pscdesk.store.FieldDef;
import org.pscdesk.store.FieldType;
import org.pscdesk.store.FieldValues;
import org.pscdesk.store.LayerInfo;
import org.pscdesk.store.LayerRole;
import org.pscdesk.store.LayerWrite;
import org.pscdesk.store.NewLayer;
import org.pscdesk.store.Provenance;
import org.pscdesk.store.Workspace;
import org.pscdesk.store.WorkspaceException;
import org.pscdesk.work.CancelledException;
import org.pscdesk.work.Cancellation;
import org.pscdesk.work.Prefetch;
import org.pscdesk.work.Progress;

/**
 * Imports one source into a workspace layer: reads it with the right {@link FeatureReader}, drops person-data
 * columns, applies the filters, transforms to the working CRS, repairs invalid polygons, flags sensitive
 * outcome records, and writes the layer in one transaction (create, replace or append), streaming from
 * reader to database. Any failure or cancellation leaves the workspace byte-identical. Every record read is
 * accounted for in the {@link ImportReport}: imported, or skipped with a reason.
 */
public final class ImportService {

    /** Problems kept per skip reason in a report; counts are never capped. */
    static final int MAX_PROBLEMS_PER_REASON = 200;
    /** How often (in records) progress is reported and cancellation checked. */
    private static final int STEP = 5000;
    /** The field added to outcome layers: true for sensitive records (sexual, domestic, child victims). */
    public static final String SENSITIVE_FIELD = "sensitive";

    private final Workspace workspace;
    private final LayerWrite.Index index;

    public ImportService(Workspace workspace) {
        this(workspace, LayerWrite.Index.PACKED);
    }

    /** With a choice of spatial-index build (benchmarks compare packed and row-by-row). */
    public ImportService(Workspace workspace, LayerWrite.Index index) {
        this.workspace = workspace;
        this.index = index;
    }

    /**
     * Runs an import.
     *
     * @throws ImportException the input cannot be imported (nothing was written); carries a report when rows
     *                         were read but none could be kept
     * @throws WorkspaceException the workspace could not be written (nothing was written)
     * @throws CancelledException the user cancelled (nothing was written)
     * @throws IllegalArgumentException a usage error: unknown filter column, bad preset, several files
     */
    public ImportReport run(ImportRequest request, Progress progress, Cancellation cancel)
            throws ImportException, WorkspaceException, CancelledException {
        progress.update("Checking " + request.files().get(0).getFileName(), -1);
        Hashing source = new Hashing(request.files());
        try (FeatureReader reader = Readers.open(request, true)) {
            return new Run(request, reader, source, progress, cancel).execute();
        } catch (CsvReader.TypesChanged e) {
            // Typed from its first rows, the file turned out otherwise: nothing was kept; read it again
            // with its exact types (the writer's transaction was rolled back).
            try (FeatureReader reader = Readers.open(request, false)) {
                return new Run(request, reader, source, progress, cancel).execute();
            }
        }
    }

    /**
     * The input files' size and hash. A reader that hashed its one file as it read it gives them at the end
     * of the read; otherwise they are computed on a thread of their own once reading is over, when the writer
     * has the spatial index and the commit left. (A hash beside the read took a core from the reader and the
     * writer: about 0.4 s of a 4 s import of a million rows on two cores.)
     */
    private static final class Hashing {
        private final List<Path> files;
        private CompletableFuture<Source> result;

        Hashing(List<Path> files) {
            this.files = files;
        }

        /** Takes the hash the reader made of its whole input, or starts hashing; once. */
        synchronized void start(FeatureReader reader) {
            Optional<InputDigest.Result> read = files.size() == 1 && Files.isRegularFile(files.get(0))
                    ? reader.wholeInputDigest() : Optional.empty();
            if (result == null && read.isPresent()) {
                result = CompletableFuture.completedFuture(
                        new Source(Source.nameOf(files), read.get().size(), read.get().sha256()));
            }
            start();
        }

        /** Starts hashing, if not yet started. */
        synchronized void start() {
            if (result == null) {
                result = CompletableFuture.supplyAsync(() -> {
                    try {
                        return Source.describe(files);
                    } catch (ImportException e) {
                        throw new CompletionException(e);
                    }
                });
            }
        }

        Source join() throws ImportException {
            start();
            CompletableFuture<Source> r;
            synchronized (this) {
                r = result;
            }
            try {
                return r.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof ImportException ie) {
                    throw ie;
                }
                throw e;
            }
        }
    }

    /** Size, hash and display name of the input files (SHA-256 over their bytes in order). */
    private record Source(String name, long size, String sha256) {
        static Source describe(List<Path> files) throws ImportException {
            List<Path> all = new ArrayList<>();
            for (Path f : files) {
                if (Files.isDirectory(f)) {
                    try (Stream<Path> walk = Files.walk(f)) {
                        walk.filter(Files::isRegularFile).sorted().forEach(all::add);
                    } catch (IOException e) {
                        throw new ImportException(Problem.ofFile(f.getFileName().toString(),
                                "The folder cannot be read (" + e.getMessage() + ")."), e);
                    }
                } else if (Files.isRegularFile(f)) {
                    all.add(f);
                }
            }
            MessageDigest sha;
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            long size = 0;
            byte[] buf = new byte[1 << 16];
            for (Path f : all) {
                try (InputStream in = Files.newInputStream(f)) {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        sha.update(buf, 0, n);
                        size += n;
                    }
                } catch (IOException e) {
                    throw new ImportException(Problem.ofFile(f.getFileName().toString(),
                            "The file cannot be read (" + e.getMessage() + ")."), e);
                }
            }
            return new Source(nameOf(files), size, HexFormat.of().formatHex(sha.digest()));
        }

        static String nameOf(List<Path> files) {
            Path first = files.get(0);
            if (files.size() == 1 && !Files.isDirectory(first)) {
                return first.getFileName().toString();
            }
            return first.getFileName() + (files.size() > 1 ? " (" + files.size() + " inputs)" : "");
        }
    }

    /** Carries a checked failure of the reader through the writer's iterator. */
    private static final class ReaderFailure extends RuntimeException {
        ReaderFailure(Exception cause) {
            super(cause);
        }
    }

    /** One import in progress. */
    private final class Run {
        private final ImportRequest request;
        private final FeatureReader reader;
        private final Hashing hashing;
        private final Source source;
        private final Progress progress;
        private final Cancellation cancel;
        private final Map<String, Long> skipped = new TreeMap<>();
        private final Map<String, Integer> problemsPerReason = new LinkedHashMap<>();
        private final List<Problem> problems = new ArrayList<>();
        private long read;
        private long imported;
        private long outside;
        private long repaired;

        Run(ImportRequest request, FeatureReader reader, Hashing hashing,
            Progress progress, Cancellation cancel) {
            this.request = request;
            this.reader = reader;
            this.hashing = hashing;
            this.source = new Source(Source.nameOf(request.files()), -1, null);
            this.progress = progress;
            this.cancel = cancel;
        }

        ImportReport execute() throws ImportException, WorkspaceException, CancelledException {
            if (reader instanceof CsvReader csv && !csv.hasCoordinates()) {
                String why = reader.notes().isEmpty() ? "No coordinate columns were found; name them with --x and --y"
                        + " or --lat and --lon." : reader.notes().get(0).message();
                throw new ImportException(Problem.ofFile(source.name(), why));
            }
            for (Problem note : reader.notes()) {
                problem("note", note);
            }
            Crs sourceCrs = request.read().crs() != null ? request.read().crs() : reader.sourceCrs().orElseThrow(() ->
                    new ImportException(Problem.ofFile(source.name(), "The file does not say which coordinate system"
                            + " its coordinates are in; give it with --crs, for example EPSG:4326 for longitude/"
                            + "latitude or ESRI:102696 for St. Louis police X/Y in feet.")));
            Deque<SourceRecord> peeked = new ArrayDeque<>();
            Crs working = workspace.crs().orElse(null);
            boolean setsWorkingCrs = working == null;
            if (working == null) {
                working = sourceCrs.isGeographic() ? utmOfFirstPoint(peeked) : sourceCrs;
            }
            List<FieldDef> sourceFields = reader.fields();
            List<Integer> kept = new ArrayList<>();
            List<FieldDef> fields = new ArrayList<>();
            List<String> dropped = new ArrayList<>();
            Set<String> keep = lower(request.keepColumns());
            for (int i = 0; i < sourceFields.size(); i++) {
                String name = sourceFields.get(i).name();
                if (PersonColumns.isPersonal(name) && !keep.contains(name.toLowerCase(Locale.ROOT))) {
                    dropped.add(name);
                    problem("note", Problem.ofFile(source.name(), "The column '" + name + "' looks like personal"
                            + " data (a person's name, e-mail or phone) and was not imported; to keep it, import"
                            + " again with --keep-columns " + name + "."));
                } else {
                    kept.add(i);
                    fields.add(sourceFields.get(i));
                }
            }
            fields = safeFieldNames(fields);
            boolean outcome = request.role() == LayerRole.OUTCOME;
            String presetDate = "slmpd".equalsIgnoreCase(String.valueOf(request.preset())) ? "occurred" : null;
            String presetCategory = presetDate == null ? null : "category";
            String dateField = fieldName(fields, request.dateColumn() != null ? request.dateColumn()
                    : presetDate != null ? presetDate : outcome ? firstDateField(fields) : null, "--date-column");
            String categoryField = fieldName(fields, request.categoryColumn() != null ? request.categoryColumn()
                    : presetCategory != null ? presetCategory : outcome ? categoryByName(fields) : null,
                    "--category-column");
            String descriptionField = fieldName(fields, fields.stream().anyMatch(f -> f.name().equals("description"))
                    ? "description" : null, "description");
            int dateIdx = indexOf(fields, dateField);
            int categoryIdx = indexOf(fields, categoryField);
            int descriptionIdx = indexOf(fields, descriptionField);
            Map<Integer, Set<String>> filters = new LinkedHashMap<>();
            for (var e : request.filters().entrySet()) {
                int idx = indexOf(fields, fieldName(fields, e.getKey(), "--filter"));
                filters.put(idx, lower(e.getValue()));
            }
            if ((request.dateFrom() != null || request.dateTo() != null) && dateIdx < 0) {
                throw new IllegalArgumentException("A date range needs the column with the dates: give --date-column"
                        + " (the columns are " + names(fields) + ").");
            }
            SensitiveCategories sensitive = workspace.meta("sensitive_categories").map(SensitiveCategories::parse)
                    .orElse(SensitiveCategories.defaults());
            boolean flagSensitive = outcome;
            List<FieldDef> layerFields = new ArrayList<>(fields);
            if (flagSensitive) {
                layerFields.add(new FieldDef(SENSITIVE_FIELD, FieldType.BOOLEAN));
            }
            PreparedGeometry area = studyArea(working);
            CoordinateTransform transform = new CoordinateTransform(sourceCrs, working);
            long[] total = reader.progress();

            Iterator<Feature> features = new Iterator<>() {
                private Feature next;
                private boolean done;

                @Override
                public boolean hasNext() {
                    while (next == null && !done) {
                        SourceRecord r;
                        try {
                            r = peeked.isEmpty() ? reader.next() : peeked.poll();
                            if (read % STEP == 0) {
                                cancel.check();
                                long[] p = reader.progress();
                                progress.update("Importing " + source.name() + ": " + String.format(Locale.ROOT,
                                        "%,d", read) + " rows", p[1] > 0 ? (double) p[0] / p[1] : -1);
                            }
                        } catch (ImportException | CancelledException e) {
                            throw new ReaderFailure(e);
                        }
                        if (r == null) {
                            done = true;
                            hashing.start(reader);
                            break;
                        }
                        read++;
                        next = convert(r);
                    }
                    return next != null;
                }

                @Override
                public Feature next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    Feature f = next;
                    next = null;
                    imported++;
                    return f;
                }

                private Feature convert(SourceRecord r) {
                    if ("unmatched_cancellation".equals(r.skipReason()) && request.mode() == ImportRequest.Mode.APPEND) {
                        rememberCancellation(r);
                    }
                    if (!r.usable()) {
                        skip(r.skipReason() == null ? "no_geometry" : r.skipReason(), r.problem() != null ? r.problem()
                                : new Problem(r.file(), r.row(), null, "This row has no geometry and was skipped."));
                        return null;
                    }
                    Object[] values = r.values();
                    for (var f : filters.entrySet()) {
                        Object v = values[kept.get(f.getKey())];
                        if (v == null || !f.getValue().contains(text(v).toLowerCase(Locale.ROOT))) {
                            count("filtered");
                            return null;
                        }
                    }
                    if (dateIdx >= 0 && (request.dateFrom() != null || request.dateTo() != null)) {
                        LocalDate d = FieldValues.dateOf(values[kept.get(dateIdx)]);
                        if (d == null || (request.dateFrom() != null && d.isBefore(request.dateFrom()))
                                || (request.dateTo() != null && d.isAfter(request.dateTo()))) {
                            count(d == null ? "no_date" : "outside_dates");
                            return null;
                        }
                    }
                    Geometry g;
                    try {
                        g = transform.apply(r.geometry());
                    } catch (RuntimeException e) {
                        skip("transform_failed", new Problem(r.file(), r.row(), null, "The coordinates could not be"
                                + " transformed from " + sourceCrs.id() + " (" + e.getMessage() + "); check the CRS."));
                        return null;
                    }
                    if (!finite(g)) {
                        skip("transform_failed", new Problem(r.file(), r.row(), null, "The coordinates are outside what "
                                + sourceCrs.id() + " can transform; check the CRS given with --crs."));
                        return null;
                    }
                    if ((g.getDimension() == 2) && !g.isValid()) {
                        Geometry fixed = GeometryFixer.fix(g);
                        if (fixed.isEmpty()) {
                            skip("invalid_geometry", new Problem(r.file(), r.row(), null, "The polygon is invalid"
                                    + " and could not be repaired; fix it in a GIS and import again."));
                            return null;
                        }
                        repaired++;
                        problem("repaired", new Problem(r.file(), r.row(), null, "The polygon was invalid (for"
                                + " example self-intersecting) and was repaired; check its shape on the map."));
                        g = fixed;
                    }
                    if (area != null && !area.intersects(g)) {
                        outside++;
                        if (request.insideAreaOnly()) {
                            count("outside_area");
                            return null;
                        }
                    }
                    List<Object> out = new ArrayList<>(layerFields.size());
                    for (int i : kept) {
                        out.add(values[i]);
                    }
                    if (flagSensitive) {
                        out.add(sensitive.matches(categoryIdx >= 0 ? text(out.get(categoryIdx)) : null,
                                descriptionIdx >= 0 ? text(out.get(descriptionIdx)) : null));
                    }
                    return new Feature(g, out);
                }
            };

            String options = optionsJson(sourceCrs);
            String title = request.name();
            Provenance provenance = new Provenance(source.name(), formatOf(request), sourceCrs.id(),
                    LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + "Z", null,
                    -1, null, options, null);
            NewLayer spec = new NewLayer(request.name(), title, request.role(), reader.geometryType(), layerFields,
                    provenance, outcome ? dateField : null, outcome ? categoryField : null,
                    flagSensitive ? SENSITIVE_FIELD : null);
            // Reading and converting run one thread ahead of the database writer.
            Prefetch<Feature> ahead = new Prefetch<>(features, 2000, 4);
            Iterable<Feature> once = () -> guardEmpty(ahead);
            String table;
            long cancelledRows = 0;
            try {
                if (request.mode() == ImportRequest.Mode.APPEND) {
                    table = appendTarget();
                    List<String> key = request.appendKey() != null ? request.appendKey() : presetKey();
                    AppendResult result = workspace.appendFeatures(table, once, key, cancellationFields(),
                            cancellationKeys());
                    imported = result.added();
                    if (result.duplicates() > 0) {
                        skipped.merge("duplicate", result.duplicates(), Long::sum);
                    }
                    cancelledRows += result.cancelled();
                    if (result.unmatchedCancellations() > 0) {
                        problem("note", Problem.ofFile(source.name(), result.unmatchedCancellations()
                                + " cancellations matched no row already in the layer."));
                    }
                } else {
                    LayerWrite how = new LayerWrite(request.mode() == ImportRequest.Mode.REPLACE
                            ? LayerWrite.Mode.REPLACE : LayerWrite.Mode.CREATE, setsWorkingCrs ? working : null,
                            index);
                    LayerInfo info = workspace.writeLayer(spec, once, how);
                    table = info.name();
                }
            } catch (WorkspaceException e) {
                ahead.close();
                Throwable cause = e.getCause();
                if (cause instanceof CsvReader.TypesChanged changed) {
                    throw changed;
                }
                if (cause instanceof ReaderFailure rf) {
                    if (rf.getCause() instanceof CancelledException ce) {
                        throw ce;
                    }
                    if (rf.getCause() instanceof NothingImported) {
                        ImportReport report = report(request.name(), working, sourceCrs, dropped, cancelledRows);
                        throw new ImportException(Problem.ofFile(source.name(), "Nothing could be imported from "
                                + source.name() + ": " + describeSkips() + ". See the problems listed."), report);
                    }
                    throw (ImportException) rf.getCause();
                }
                throw e;
            }
            ImportReport report = report(table, working, sourceCrs, dropped, cancelledRows);
            Source hashed = hashing.join();
            if (request.mode() == ImportRequest.Mode.APPEND) {
                workspace.updateLayerReport(table, null, report.toJson());
            } else {
                workspace.updateLayerProvenance(table, hashed.size(), hashed.sha256(), report.toJson());
            }
            progress.update("Imported " + imported + " features into " + table, 1);
            return report;
        }

        private Iterator<Feature> guardEmpty(Iterator<Feature> features) {
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    boolean more = features.hasNext();
                    if (!more && imported == 0 && request.mode() != ImportRequest.Mode.APPEND) {
                        throw new ReaderFailure(new NothingImported());
                    }
                    return more;
                }

                @Override
                public Feature next() {
                    return features.next();
                }
            };
        }

        private ImportReport report(String table, Crs working, Crs sourceCrs, List<String> dropped, long appendCancelled) {
            // both rows of a cancelled pair leave the layer: the record cancelled and the cancelling record
            long cancelled = appendCancelled + skipped.getOrDefault("cancelled", 0L)
                    + skipped.getOrDefault("cancellation", 0L);
            return new ImportReport(table, read, imported, skipped, studyAreaPresent ? outside : -1, cancelled,
                    repaired, dropped, sourceCrs.id(), working.id(), problems);
        }

        private boolean studyAreaPresent;

        private PreparedGeometry studyArea(Crs working) throws WorkspaceException {
            List<Geometry> parts = new ArrayList<>();
            for (LayerInfo l : workspace.layers()) {
                if (l.role() == LayerRole.AREA && l.srs().equals(working.id())) {
                    for (Feature f : workspace.features(l.name())) {
                        parts.add(f.geometry());
                    }
                }
            }
            if (parts.isEmpty()) {
                return null;
            }
            studyAreaPresent = true;
            return PreparedGeometryFactory.prepare(UnaryUnionOp.union(parts));
        }

        private Crs utmOfFirstPoint(Deque<SourceRecord> peeked) throws ImportException {
            for (int i = 0; i < 10_000; i++) {
                SourceRecord r = reader.next();
                if (r == null) {
                    break;
                }
                peeked.add(r);
                if (r.usable()) {
                    Coordinate c = r.geometry().getInteriorPoint().getCoordinate();
                    if (c != null && Double.isFinite(c.x) && Math.abs(c.x) <= 180 && Math.abs(c.y) <= 90) {
                        return Crs.utmFor(c.x, c.y);
                    }
                }
            }
            throw new ImportException(Problem.ofFile(source.name(), "No usable coordinates were found to choose the"
                    + " workspace's coordinate system; check the coordinate columns or create the workspace with"
                    + " --crs."));
        }

        private String appendTarget() throws WorkspaceException, ImportException {
            String table = Workspace.tableNameFor(request.name());
            for (LayerInfo l : workspace.layers()) {
                if (l.name().equals(table) || l.title().equalsIgnoreCase(request.name())) {
                    return l.name();
                }
            }
            throw new ImportException(Problem.ofFile(source.name(), "There is no layer '" + request.name()
                    + "' to append to; import it first without --append."));
        }

        private List<String> presetKey() {
            if (reader instanceof SlmpdReader) {
                return SlmpdReader.appendKey();
            }
            throw new IllegalArgumentException("Appending needs the columns that identify a row: give --key"
                    + " (for example --key id).");
        }

        private List<String> cancellationFields() {
            return reader instanceof SlmpdReader ? List.of("complaint", "crime") : List.of();
        }

        /** Filled while reading: cancellations with no partner in the new files, applied to rows already stored. */
        private final List<List<Object>> unmatchedCancellations = new ArrayList<>();

        private List<List<Object>> cancellationKeys() {
            return unmatchedCancellations;
        }

        private void rememberCancellation(SourceRecord r) {
            List<FieldDef> all = reader.fields();
            Object complaint = null;
            Object crime = null;
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).name().equals("complaint")) {
                    complaint = r.values()[i];
                } else if (all.get(i).name().equals("crime")) {
                    crime = r.values()[i];
                }
            }
            if (complaint != null && crime != null) {
                unmatchedCancellations.add(List.of(complaint, crime));
            }
        }

        private void skip(String reason, Problem p) {
            count(reason);
            problem(reason, p);
        }

        private void count(String reason) {
            skipped.merge(reason, 1L, Long::sum);
        }

        private void problem(String reason, Problem p) {
            int n = problemsPerReason.merge(reason, 1, Integer::sum);
            if (n <= MAX_PROBLEMS_PER_REASON) {
                problems.add(p);
            } else if (n == MAX_PROBLEMS_PER_REASON + 1) {
                problems.add(Problem.ofFile(p.file(), "More rows have the same problem (" + reason + "); the"
                        + " count is in the report."));
            }
        }

        private String describeSkips() {
            if (skipped.isEmpty()) {
                return read == 0 ? "it holds no rows" : "every row was left out";
            }
            StringBuilder sb = new StringBuilder();
            skipped.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(v).append(' ')
                    .append(k.replace('_', ' ')));
            return read + " rows read, " + sb;
        }

        private String optionsJson(Crs sourceCrs) {
            StringWriter out = new StringWriter();
            try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
                g.writeStartObject();
                g.writeStringField("role", request.role().key());
                g.writeStringField("name", request.name());
                g.writeStringField("crs", sourceCrs.id());
                writeIf(g, "preset", request.preset());
                writeIf(g, "x", request.read().xColumn());
                writeIf(g, "y", request.read().yColumn());
                writeIf(g, "lat", request.read().latColumn());
                writeIf(g, "lon", request.read().lonColumn());
                writeIf(g, "member", request.read().member());
                writeIf(g, "date_from", request.dateFrom() == null ? null : request.dateFrom().toString());
                writeIf(g, "date_to", request.dateTo() == null ? null : request.dateTo().toString());
                writeIf(g, "date_column", request.dateColumn());
                writeIf(g, "category_column", request.categoryColumn());
                g.writeBooleanField("inside_area", request.insideAreaOnly());
                g.writeStringField("mode", request.mode().name().toLowerCase(Locale.ROOT));
                g.writeObjectFieldStart("filters");
                for (var e : new TreeMap<>(request.filters()).entrySet()) {
                    g.writeArrayFieldStart(e.getKey());
                    for (String v : e.getValue().stream().sorted().toList()) {
                        g.writeString(v);
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
                g.writeArrayFieldStart("keep_columns");
                for (String c : request.keepColumns().stream().sorted().toList()) {
                    g.writeString(c);
                }
                g.writeEndArray();
                g.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toString();
        }
    }

    /** No record survived; rolls the layer back. */
    private static final class NothingImported extends Exception {
    }

    private static void writeIf(JsonGenerator g, String key, String value) throws IOException {
        if (value != null) {
            g.writeStringField(key, value);
        }
    }

    private static String formatOf(ImportRequest request) {
        if (request.preset() != null) {
            return request.preset().toLowerCase(Locale.ROOT);
        }
        String name = request.files().get(0).getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "unknown" : name.substring(dot + 1);
    }

    private static boolean finite(Geometry g) {
        for (Coordinate c : g.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
                return false;
            }
        }
        return true;
    }

    /** A value as text, as filters compare it: integral numbers without a decimal point. */
    static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Double d && Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return v.toString().trim();
    }

    private static Set<String> lower(Set<String> values) {
        Set<String> out = new java.util.HashSet<>();
        for (String v : values) {
            out.add(v.trim().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** Common names of an offense-category column, in order of preference. */
    private static final List<String> CATEGORY_NAMES = List.of("category", "offense", "offence", "offense_category",
            "crime_category", "crime_type", "offense_type", "ucr_category");

    private static String categoryByName(List<FieldDef> fields) {
        for (String name : CATEGORY_NAMES) {
            for (FieldDef f : fields) {
                if (f.name().equalsIgnoreCase(name) && f.type() == FieldType.TEXT) {
                    return f.name();
                }
            }
        }
        return null;
    }

    private static String firstDateField(List<FieldDef> fields) {
        for (FieldDef f : fields) {
            if (f.type() == FieldType.DATETIME || f.type() == FieldType.DATE) {
                return f.name();
            }
        }
        return null;
    }

    /** The field's exact name matched case-insensitively, or a usage error listing the columns. */
    private static String fieldName(List<FieldDef> fields, String wanted, String option) {
        if (wanted == null) {
            return null;
        }
        for (FieldDef f : fields) {
            if (f.name().equalsIgnoreCase(wanted.trim())) {
                return f.name();
            }
        }
        throw new IllegalArgumentException("There is no column '" + wanted + "' for " + option + "; the columns are "
                + names(fields) + ".");
    }

    /**
     * Field names as columns can hold them: none empty, none clashing with {@code fid}/{@code geom} or with
     * another only by letter case (SQLite column names are case-insensitive).
     */
    static List<FieldDef> safeFieldNames(List<FieldDef> fields) {
        Set<String> taken = new java.util.HashSet<>(Set.of("fid", "geom", SENSITIVE_FIELD));
        List<FieldDef> out = new ArrayList<>(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            String base = fields.get(i).name().strip();
            if (base.isEmpty()) {
                base = "field_" + (i + 1);
            }
            String name = base;
            for (int k = 2; !taken.add(name.toLowerCase(Locale.ROOT)); k++) {
                name = base + "_" + k;
            }
            out.add(name.equals(fields.get(i).name()) ? fields.get(i) : new FieldDef(name, fields.get(i).type()));
        }
        return out;
    }

    private static int indexOf(List<FieldDef> fields, String name) {
        if (name == null) {
            return -1;
        }
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String names(List<FieldDef> fields) {
        return String.join(", ", fields.stream().map(FieldDef::name).toList());
    }

    static List<Object> asList(Object[] values) {
        return Arrays.asList(values);
    }
}
