package org.pscdesk.importer;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.pscdesk.geo.Crs;
import org.pscdesk.store.FieldDef;
import org.pscdesk.store.FieldType;
import org.pscdesk.store.GeometryType;

/**
 * Reads a GeoJSON file (RFC 7946): a FeatureCollection, a single Feature, or a bare geometry. Streams with
 * jackson-core in two passes and never holds more than one feature:
 * <ol>
 *   <li>{@link #open} scans the whole file once for the property names and types (so the schema is known
 *       before the first record, and broken JSON is found before anything is imported) and the geometry
 *       types;</li>
 *   <li>{@link #next} then reads the features again, one per call.</li>
 * </ol>
 *
 * <p>Property types, over every feature (not a sample): integral numbers INTEGER, other numbers REAL,
 * booleans BOOLEAN, strings TEXT; objects and arrays TEXT holding their JSON text. Disagreements widen
 * INTEGER to REAL, and anything else to TEXT (numbers and booleans then keep their JSON spelling, so
 * 5820 becomes "5820"). A string property becomes DATE when every non-null value is an ISO date
 * ({@code 2019-07-04}) and DATETIME when every value is an ISO date or date-time
 * ({@code 2019-07-04T21:30[:00[.000]]}, a space allowed for the T); an offset ({@code Z},
 * {@code -05:00}) is dropped and the wall-clock time kept, since ArcGIS writes date-only values as UTC
 * midnight. A property that is null everywhere is TEXT. The feature-level {@code id} is not read.
 *
 * <p>Geometry type: the single type seen, or the Multi type when singles and multis of one kind mix
 * (singles are then promoted, e.g. parcels that are Polygon or MultiPolygon are all MULTIPOLYGON),
 * otherwise GEOMETRY. Null or empty geometries are skipped as {@code no_geometry}.
 *
 * <p>CRS: {@link ReadOptions#crs} when given; else an old-style {@code crs} member naming EPSG, ESRI or
 * OGC CRS84 (CRS84 = EPSG:4326); else EPSG:4326, as RFC 7946 says. An unrecognised {@code crs} member
 * leaves the CRS empty with a note.
 *
 * <p>Not thread-safe.
 */
public final class GeoJsonReader implements FeatureReader {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final Pattern CRS_CODE = Pattern.compile(
            "(?i)(?:urn:ogc:def:crs:|https?://www\\.opengis\\.net/def/crs/)?(EPSG|ESRI)(?::[^:]*:|:|/[^/]*/)(\\d+)");
    private static final Pattern CRS84 = Pattern.compile("(?i).*\\bCRS:?84\\b.*");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?)(Z|[+-]\\d{2}(?::?\\d{2})?)?");

    /** The kind of document, decided by the first pass. */
    private enum Document { COLLECTION, FEATURE, GEOMETRY }

    /** Property kinds while scanning; NONE = only nulls seen so far. */
    private enum Kind { NONE, BOOLEAN, INTEGER, REAL, DATE, DATETIME, TEXT }

    private final Path path;
    private final String fileName;
    private final long size;
    private final List<FieldDef> fields;
    private final Map<String, Integer> fieldIndex = new LinkedHashMap<>();
    private final GeometryType geometryType;
    private final Optional<Crs> sourceCrs;
    private final Document document;
    private final List<Problem> notes = new ArrayList<>();
    private final GeometryFactory factory = new GeometryFactory();
    private final GeoJsonGeometry geometries = new GeoJsonGeometry(factory);
    private JsonParser parser;
    private long row;
    private boolean inFeatures;
    private boolean done;

    private GeoJsonReader(Path path, ReadOptions options) throws ImportException {
        this.path = path;
        this.fileName = path.getFileName().toString();
        try {
            this.size = Files.size(path);
        } catch (IOException e) {
            throw new ImportException(Problem.ofFile(fileName, "Cannot read " + fileName + ": " + e.getMessage()), e);
        }
        Scan scan = new Scan();
        try (JsonParser p = JSON.createParser(path.toFile())) {
            scan.run(p);
        } catch (JsonProcessingException e) {
            throw broken(e, scan.features);
        } catch (IOException e) {
            throw new ImportException(Problem.ofFile(fileName, "Cannot read " + fileName + ": " + e.getMessage()), e);
        }
        if (scan.document == null) {
            throw new ImportException(Problem.ofFile(fileName, fileName + " is JSON but not GeoJSON: it has no \"type\""
                    + " of FeatureCollection, Feature or a geometry" + (scan.type == null ? "" : " (its type is \""
                    + scan.type + "\")") + ". Export the data as GeoJSON."));
        }
        this.document = scan.document;
        List<FieldDef> defs = new ArrayList<>();
        for (Map.Entry<String, Kind> e : scan.kinds.entrySet()) {
            fieldIndex.put(e.getKey(), defs.size());
            defs.add(new FieldDef(e.getKey(), fieldType(e.getValue())));
        }
        this.fields = List.copyOf(defs);
        this.geometryType = declaredType(scan.geometryKinds);
        this.sourceCrs = crs(scan, options == null ? ReadOptions.DEFAULTS : options);
    }

    /**
     * Opens a GeoJSON file and scans it once for its schema.
     *
     * @throws ImportException when the file is not valid JSON (the message gives the line and column) or
     *                         not GeoJSON
     */
    public static GeoJsonReader open(Path file, ReadOptions options) throws ImportException {
        return new GeoJsonReader(file, options);
    }

    /** The first pass: document type, crs member, property kinds, geometry types. */
    private final class Scan {
        Document document;
        String type;
        JsonToken crsToken;
        String crsName;
        String crsType;
        long features;
        final Map<String, Kind> kinds = new LinkedHashMap<>();
        final Set<GeometryType> geometryKinds = EnumSet.noneOf(GeometryType.class);
        final Set<GeometryType> topGeometry = EnumSet.noneOf(GeometryType.class);
        final Map<String, Kind> topKinds = new LinkedHashMap<>();

        void run(JsonParser p) throws IOException, ImportException {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new ImportException(Problem.ofFile(fileName, fileName + " is empty."));
            }
            if (t != JsonToken.START_OBJECT) {
                throw new ImportException(Problem.ofFile(fileName, fileName + " is not GeoJSON: it must be"
                        + " one JSON object ({...}) but starts with " + describe(t) + ". Export the data as GeoJSON."));
            }
            boolean hasGeometryMembers = false;
            while ((t = GeoJsonGeometry.next(p)) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = GeoJsonGeometry.next(p);
                switch (name) {
                    case "type" -> type = value == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "crs" -> scanCrs(p, value);
                    case "features" -> {
                        if (value == JsonToken.START_ARRAY) {
                            scanFeatures(p);
                        } else {
                            p.skipChildren();
                        }
                    }
                    case "properties" -> {
                        if (value == JsonToken.START_OBJECT) {
                            scanProperties(p, topKinds);
                        } else {
                            p.skipChildren();
                        }
                    }
                    case "geometry" -> scanGeometry(p, value, topGeometry);
                    case "coordinates", "geometries" -> {
                        hasGeometryMembers = true;
                        p.skipChildren();
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new JsonParseException(p, "More text after the end of the JSON object");
            }
            if ("FeatureCollection".equals(type)) {
                document = Document.COLLECTION;
            } else if ("Feature".equals(type)) {
                document = Document.FEATURE;
                features = 1;
                kinds.clear();
                kinds.putAll(topKinds);
                geometryKinds.clear();
                geometryKinds.addAll(topGeometry);
            } else if (hasGeometryMembers && geometryKind(type) != null) {
                document = Document.GEOMETRY;
                kinds.clear();
                geometryKinds.clear();
                geometryKinds.add(geometryKind(type));
            }
        }

        private void scanCrs(JsonParser p, JsonToken value) throws IOException {
            crsToken = value;
            if (value != JsonToken.START_OBJECT) {
                p.skipChildren();
                return;
            }
            JsonToken t;
            while ((t = GeoJsonGeometry.next(p)) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = GeoJsonGeometry.next(p);
                if (name.equals("type") && v == JsonToken.VALUE_STRING) {
                    crsType = p.getText();
                } else if (name.equals("properties") && v == JsonToken.START_OBJECT) {
                    while (GeoJsonGeometry.next(p) == JsonToken.FIELD_NAME) {
                        String key = p.currentName();
                        JsonToken pv = GeoJsonGeometry.next(p);
                        if ((key.equals("name") || key.equals("href")) && pv == JsonToken.VALUE_STRING) {
                            crsName = p.getText();
                        } else {
                            p.skipChildren();
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
        }

        private void scanFeatures(JsonParser p) throws IOException {
            JsonToken t;
            while ((t = GeoJsonGeometry.next(p)) != JsonToken.END_ARRAY) {
                features++;
                if (t != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    continue;
                }
                while (GeoJsonGeometry.next(p) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken value = GeoJsonGeometry.next(p);
                    if (name.equals("properties") && value == JsonToken.START_OBJECT) {
                        scanProperties(p, kinds);
                    } else if (name.equals("geometry")) {
                        scanGeometry(p, value, geometryKinds);
                    } else {
                        p.skipChildren();
                    }
                }
            }
        }

        private void scanProperties(JsonParser p, Map<String, Kind> into) throws IOException {
            while (GeoJsonGeometry.next(p) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = GeoJsonGeometry.next(p);
                Kind before = into.getOrDefault(name, Kind.NONE);
                Kind seen = kindOf(p, value, before);
                into.put(name, widen(before, seen));
            }
        }

        private void scanGeometry(JsonParser p, JsonToken value, Set<GeometryType> into) throws IOException {
            if (value != JsonToken.START_OBJECT) {
                p.skipChildren();
                return;
            }
            while (GeoJsonGeometry.next(p) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = GeoJsonGeometry.next(p);
                if (name.equals("type") && v == JsonToken.VALUE_STRING) {
                    GeometryType kind = geometryKind(p.getText());
                    if (kind != null) {
                        into.add(kind);
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "a list ([)";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            default -> t.asString() == null ? t.name() : "'" + t.asString() + "'";
        };
    }

    private static Kind kindOf(JsonParser p, JsonToken value, Kind before) throws IOException {
        switch (value) {
            case VALUE_NULL:
                return Kind.NONE;
            case VALUE_TRUE:
            case VALUE_FALSE:
                return Kind.BOOLEAN;
            case VALUE_NUMBER_INT:
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? Kind.REAL : Kind.INTEGER;
            case VALUE_NUMBER_FLOAT:
                return Kind.REAL;
            case VALUE_STRING:
                if (before == Kind.NONE || before == Kind.DATE || before == Kind.DATETIME) {
                    return temporalKind(p.getText());
                }
                return Kind.TEXT;
            default:
                p.skipChildren();
                return Kind.TEXT;
        }
    }

    private static Kind temporalKind(String s) {
        if (s.length() < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return Kind.TEXT;
        }
        if (DATE.matcher(s).matches()) {
            return parseDate(s) != null ? Kind.DATE : Kind.TEXT;
        }
        return parseDateTime(s) != null ? Kind.DATETIME : Kind.TEXT;
    }

    private static Kind widen(Kind a, Kind b) {
        if (a == Kind.NONE || a == b) {
            return b;
        }
        if (b == Kind.NONE) {
            return a;
        }
        if ((a == Kind.INTEGER || a == Kind.REAL) && (b == Kind.INTEGER || b == Kind.REAL)) {
            return Kind.REAL;
        }
        if ((a == Kind.DATE || a == Kind.DATETIME) && (b == Kind.DATE || b == Kind.DATETIME)) {
            return Kind.DATETIME;
        }
        return Kind.TEXT;
    }

    private static FieldType fieldType(Kind kind) {
        return switch (kind) {
            case BOOLEAN -> FieldType.BOOLEAN;
            case INTEGER -> FieldType.INTEGER;
            case REAL -> FieldType.REAL;
            case DATE -> FieldType.DATE;
            case DATETIME -> FieldType.DATETIME;
            case NONE, TEXT -> FieldType.TEXT;
        };
    }

    static LocalDate parseDate(String s) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static LocalDateTime parseDateTime(String s) {
        if (DATE.matcher(s).matches()) {
            LocalDate d = parseDate(s);
            return d == null ? null : d.atStartOfDay();
        }
        Matcher m = DATE_TIME.matcher(s);
        if (!m.matches()) {
            return null;
        }
        String time = m.group(2).length() == 5 ? m.group(2) + ":00" : m.group(2);
        try {
            return LocalDateTime.parse(m.group(1) + "T" + time);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static GeometryType geometryKind(String type) {
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "Point" -> GeometryType.POINT;
            case "LineString" -> GeometryType.LINESTRING;
            case "Polygon" -> GeometryType.POLYGON;
            case "MultiPoint" -> GeometryType.MULTIPOINT;
            case "MultiLineString" -> GeometryType.MULTILINESTRING;
            case "MultiPolygon" -> GeometryType.MULTIPOLYGON;
            case "GeometryCollection" -> GeometryType.GEOMETRY;
            default -> null;
        };
    }

    /** One type; a single type with its Multi twin gives the Multi; anything else GEOMETRY. */
    static GeometryType declaredType(Set<GeometryType> kinds) {
        if (kinds.size() == 1) {
            return kinds.iterator().next();
        }
        if (kinds.size() == 2) {
            for (GeometryType[] pair : new GeometryType[][] {
                {GeometryType.POINT, GeometryType.MULTIPOINT},
                {GeometryType.LINESTRING, GeometryType.MULTILINESTRING},
                {GeometryType.POLYGON, GeometryType.MULTIPOLYGON}}) {
                if (kinds.contains(pair[0]) && kinds.contains(pair[1])) {
                    return pair[1];
                }
            }
        }
        return GeometryType.GEOMETRY;
    }

    private Optional<Crs> crs(Scan scan, ReadOptions options) {
        Optional<Crs> declared;
        if (scan.crsToken == null || scan.crsToken == JsonToken.VALUE_NULL) {
            declared = Optional.of(Crs.WGS84);
        } else {
            declared = crsFromName(scan.crsName);
            if (declared.isEmpty()) {
                notes.add(Problem.ofFile(fileName, "The file's \"crs\" member (" + (scan.crsName != null ? "\""
                        + scan.crsName + "\"" : "of type " + scan.crsType) + ") names no coordinate system PSC Desk"
                        + " knows. Give it with --crs, or convert the file to longitude/latitude (RFC 7946)."));
            }
        }
        if (options.crs() != null) {
            if (declared.isPresent() && !declared.get().id().equals(options.crs().id())) {
                notes.add(Problem.ofFile(fileName, "The file says " + declared.get() + "; the coordinate system you"
                        + " gave, " + options.crs() + ", was used instead."));
            }
            return Optional.of(options.crs());
        }
        return declared;
    }

    /** EPSG:n, ESRI:n, urn:ogc:def:crs:EPSG::n, http://www.opengis.net/def/crs/EPSG/0/n, or CRS84. */
    static Optional<Crs> crsFromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.strip();
        if (CRS84.matcher(n).matches()) {
            return Optional.of(Crs.WGS84);
        }
        Matcher m = CRS_CODE.matcher(n);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Crs.of(m.group(1).toUpperCase(Locale.ROOT) + ":" + m.group(2)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<FieldDef> fields() {
        return fields;
    }

    @Override
    public GeometryType geometryType() {
        return geometryType;
    }

    @Override
    public Optional<Crs> sourceCrs() {
        return sourceCrs;
    }

    @Override
    public List<Problem> notes() {
        return List.copyOf(notes);
    }

    @Override
    public long[] progress() {
        long at = parser == null ? 0 : parser.currentLocation().getByteOffset();
        return new long[] {done ? size : Math.max(0, at), size};
    }

    @Override
    public SourceRecord next() throws ImportException {
        if (done) {
            return null;
        }
        try {
            if (parser == null) {
                parser = JSON.createParser(path.toFile());
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw changed();
                }
                if (document != Document.COLLECTION) {
                    done = true;
                    return single();
                }
            }
            while (true) {
                if (!inFeatures && !seekFeatures()) {
                    done = true;
                    return null;
                }
                JsonToken t = GeoJsonGeometry.next(parser);
                if (t == JsonToken.END_ARRAY) {
                    inFeatures = false;
                    continue;
                }
                row++;
                if (t != JsonToken.START_OBJECT) {
                    parser.skipChildren();
                    return SourceRecord.skipped(fileName, row, new Object[fields.size()], "bad_feature",
                            new Problem(fileName, row, null, "Feature " + row + " is " + describe(t) + ", not a JSON"
                                    + " object; fix or remove it."));
                }
                return feature();
            }
        } catch (JsonProcessingException e) {
            done = true;
            throw broken(e, row);
        } catch (IOException e) {
            done = true;
            throw new ImportException(new Problem(fileName, row, null, "Cannot read " + fileName + ": "
                    + e.getMessage()), e);
        }
    }

    /** Moves to the next "features" array of the top-level object; false at its end. */
    private boolean seekFeatures() throws IOException {
        JsonToken t;
        while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = GeoJsonGeometry.next(parser);
            if (name.equals("features") && value == JsonToken.START_ARRAY) {
                inFeatures = true;
                return true;
            }
            parser.skipChildren();
        }
        return false;
    }

    private ImportException changed() {
        return new ImportException(Problem.ofFile(fileName, fileName + " changed while it was being read; import it"
                + " again."));
    }

    /** The top-level object is the one Feature, or one bare geometry. */
    private SourceRecord single() throws IOException {
        row = 1;
        if (document == Document.FEATURE) {
            return feature();
        }
        GeoJsonGeometry.Node node = geometries.read(parser, 0);
        return record(node, new Object[0]);
    }

    /** Parser on a feature's START_OBJECT; leaves it on the END_OBJECT. */
    private SourceRecord feature() throws IOException {
        Object[] values = new Object[fields.size()];
        GeoJsonGeometry.Node node = null;
        boolean geometrySeen = false;
        while (GeoJsonGeometry.next(parser) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = GeoJsonGeometry.next(parser);
            if (name.equals("properties") && value == JsonToken.START_OBJECT) {
                readProperties(values);
            } else if (name.equals("geometry")) {
                geometrySeen = true;
                if (value == JsonToken.START_OBJECT) {
                    node = geometries.read(parser, 0);
                } else if (value != JsonToken.VALUE_NULL) {
                    parser.skipChildren();
                    return SourceRecord.skipped(fileName, row, values, "bad_geometry", new Problem(fileName, row, null,
                            "The feature's \"geometry\" is " + describe(value) + ", not a geometry object; fix the"
                                    + " feature."));
                }
            } else {
                parser.skipChildren();
            }
        }
        if (node == null) {
            return SourceRecord.skipped(fileName, row, values, "no_geometry", new Problem(fileName, row, null,
                    "The feature has " + (geometrySeen ? "a null geometry" : "no \"geometry\"") + ", so it has no place"
                            + " on the map; it was not imported."));
        }
        return record(node, values);
    }

    private SourceRecord record(GeoJsonGeometry.Node node, Object[] values) {
        Geometry g;
        try {
            g = geometries.build(node);
        } catch (GeoJsonGeometry.Bad bad) {
            return SourceRecord.skipped(fileName, row, values, bad.reason, new Problem(fileName, row, null,
                    bad.getMessage()));
        }
        if (g.isEmpty()) {
            return SourceRecord.skipped(fileName, row, values, "no_geometry", new Problem(fileName, row, null,
                    "The feature's geometry is empty (no coordinates); it was not imported."));
        }
        return SourceRecord.ok(fileName, row, conform(g), values);
    }

    private Geometry conform(Geometry g) {
        return switch (geometryType) {
            case MULTIPOINT -> g instanceof Point p ? factory.createMultiPoint(new Point[] {p}) : g;
            case MULTILINESTRING -> g instanceof LineString l ? factory.createMultiLineString(new LineString[] {l}) : g;
            case MULTIPOLYGON -> g instanceof Polygon p ? factory.createMultiPolygon(new Polygon[] {p}) : g;
            default -> g;
        };
    }

    private void readProperties(Object[] values) throws IOException {
        while (GeoJsonGeometry.next(parser) == JsonToken.FIELD_NAME) {
            Integer index = fieldIndex.get(parser.currentName());
            JsonToken value = GeoJsonGeometry.next(parser);
            if (index == null) {
                parser.skipChildren();
                continue;
            }
            values[index] = value(value, fields.get(index).type());
        }
    }

    private Object value(JsonToken t, FieldType type) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            if (type != FieldType.TEXT) {
                parser.skipChildren();
                return null;
            }
            StringWriter out = new StringWriter();
            try (JsonGenerator g = JSON.createGenerator(out)) {
                g.copyCurrentStructure(parser);
            }
            return out.toString();
        }
        return switch (type) {
            case TEXT -> parser.getText();
            case INTEGER -> t == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : null;
            case REAL -> t.isNumeric() ? parser.getDoubleValue() : null;
            case BOOLEAN -> t.isBoolean() ? parser.getBooleanValue() : null;
            case DATE -> t == JsonToken.VALUE_STRING ? parseDate(parser.getText()) : null;
            case DATETIME -> t == JsonToken.VALUE_STRING ? parseDateTime(parser.getText()) : null;
        };
    }

    private ImportException broken(JsonProcessingException e, long feature) {
        JsonLocation at = e.getLocation();
        String detail = e.getOriginalMessage();
        if (detail != null) {
            int cut = detail.indexOf('\n');
            detail = cut < 0 ? detail : detail.substring(0, cut);
        }
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return new ImportException(new Problem(fileName, feature, null, fileName + " is not valid JSON" + where
                + " (" + detail + "). Fix the file there, or export it again."), e);
    }

    @Override
    public void close() {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException e) {
                // read-only input: nothing to lose
            }
        }
    }
}
