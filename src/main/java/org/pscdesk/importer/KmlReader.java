package org.pscdesk.importer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.pscdesk.geo.Crs;
import org.pscdesk.store.FieldDef;
import org.pscdesk.store.FieldType;
import org.pscdesk.store.GeometryType;

/**
 * Reads the Placemarks of a KML file, or of a KMZ (a zip holding {@code doc.kml}, else its first
 * {@code .kml}, or the one {@link ReadOptions#member} names), with StAX in two streaming passes: the first
 * collects the field names and geometry types, the second reads one Placemark per {@link #next}.
 *
 * <p>Fields, all TEXT: {@code name}, {@code description}, then every {@code <Data name>},
 * {@code <SimpleData name>} and {@code <Schema><SimpleField name>} in order of first appearance (a data
 * name that repeats {@code name} or {@code description} gets a {@code _2} suffix). Elements are matched
 * by local name, so KML 2.0–2.2 and the {@code gx:} extension all work.
 *
 * <p>Geometry: Point, LineString, LinearRing (read as a line), Polygon (outerBoundaryIs/innerBoundaryIs),
 * MultiGeometry (nested ones flattened), gx:Track (its gx:coord as a line) and gx:MultiTrack; only
 * longitude and latitude are kept. The declared type follows the same rule as GeoJSON
 * ({@link GeoJsonReader#declaredType}). A coordinate that is not a number pair, or outside ±180/±90,
 * skips the Placemark as {@code bad_coordinates} with its line in the message. CRS: EPSG:4326 (KML is
 * always WGS 84 longitude/latitude) unless {@link ReadOptions#crs} says otherwise.
 *
 * <p>DTDs and external entities are refused (no XXE). Not thread-safe.
 */
public final class KmlReader implements FeatureReader {

    private static final Pattern COMMA = Pattern.compile("\\s*,\\s*");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final XMLInputFactory XML = xmlFactory();
    private static final int PROLOG_BYTES = 1024;
    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

    private final Source source;
    private final String fileName;
    private final List<FieldDef> fields;
    private final Map<String, Integer> dataIndex = new LinkedHashMap<>();
    private final GeometryType geometryType;
    private final Optional<Crs> sourceCrs;
    private final GeometryFactory factory = new GeometryFactory();
    private CountingStream counting;
    private XMLStreamReader reader;
    private long row;
    private boolean done;
    private Charset charset = StandardCharsets.UTF_8;

    /** The KML document: a file, or a member of a KMZ. */
    private record Source(String displayName, Path file, ZipFile zip, ZipEntry entry, long size) {
        InputStream open() throws IOException {
            return zip == null ? Files.newInputStream(file) : zip.getInputStream(entry);
        }
    }

    private KmlReader(Source source, ReadOptions options) throws ImportException {
        this.source = source;
        this.fileName = source.displayName;
        Set<String> names = new LinkedHashSet<>();
        Set<GeometryType> kinds = EnumSet.noneOf(GeometryType.class);
        scan(names, kinds);
        List<FieldDef> defs = new ArrayList<>();
        defs.add(new FieldDef("name", FieldType.TEXT));
        defs.add(new FieldDef("description", FieldType.TEXT));
        for (String n : names) {
            String field = n.equalsIgnoreCase("name") || n.equalsIgnoreCase("description") ? n + "_2" : n;
            dataIndex.put(n, defs.size());
            defs.add(new FieldDef(field, FieldType.TEXT));
        }
        this.fields = List.copyOf(defs);
        this.geometryType = GeoJsonReader.declaredType(kinds);
        this.sourceCrs = Optional.of(options.crs() != null ? options.crs() : Crs.WGS84);
    }

    /**
     * Opens a {@code .kml} or {@code .kmz} and scans it once.
     *
     * @throws ImportException when the XML is broken (the message gives line and column), the file is not
     *                         KML, or a KMZ holds no KML
     */
    public static KmlReader open(Path kmlOrKmz, ReadOptions options) throws ImportException {
        ReadOptions opts = options == null ? ReadOptions.DEFAULTS : options;
        String name = kmlOrKmz.getFileName().toString();
        if (!Files.isRegularFile(kmlOrKmz)) {
            throw new ImportException(Problem.ofFile(name, name + " does not exist or is not a file."));
        }
        Source source = isZip(kmlOrKmz) ? kmz(kmlOrKmz, opts) : new Source(name, kmlOrKmz, null, null, size(kmlOrKmz));
        try {
            return new KmlReader(source, opts);
        } catch (ImportException | RuntimeException e) {
            closeZip(source.zip);
            throw e;
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    private static boolean isZip(Path p) throws ImportException {
        try (InputStream in = Files.newInputStream(p)) {
            byte[] magic = in.readNBytes(2);
            return magic.length == 2 && magic[0] == 'P' && magic[1] == 'K';
        } catch (IOException e) {
            String name = p.getFileName().toString();
            throw new ImportException(Problem.ofFile(name, "Cannot read " + name + ": " + e.getMessage()), e);
        }
    }

    private static Source kmz(Path path, ReadOptions options) throws ImportException {
        String name = path.getFileName().toString();
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            throw new ImportException(Problem.ofFile(name, name + " is not a readable KMZ (zip) file (" + e.getMessage()
                    + "). Save it again from Google Earth or the tool that made it."), e);
        } catch (IOException e) {
            throw new ImportException(Problem.ofFile(name, "Cannot read " + name + ": " + e.getMessage()), e);
        }
        List<ZipEntry> kmls = zip.stream().filter(e -> !e.isDirectory()
                && e.getName().toLowerCase(Locale.ROOT).endsWith(".kml")).map(e -> (ZipEntry) e).toList();
        ZipEntry chosen = null;
        for (ZipEntry e : kmls) {
            String base = e.getName().substring(e.getName().lastIndexOf('/') + 1);
            boolean wanted = options.member() == null ? e.getName().equalsIgnoreCase("doc.kml")
                    : e.getName().equalsIgnoreCase(options.member()) || base.equalsIgnoreCase(options.member());
            if (wanted) {
                chosen = e;
                break;
            }
        }
        if (chosen == null && options.member() == null && !kmls.isEmpty()) {
            chosen = kmls.get(0);
        }
        if (chosen == null) {
            closeZip(zip);
            List<String> names = kmls.stream().map(ZipEntry::getName).toList();
            throw new ImportException(Problem.ofFile(name, options.member() == null
                    ? name + " holds no .kml document. Check that it is a KMZ."
                    : name + " has no document named \"" + options.member() + "\". It holds: " + names + "."));
        }
        return new Source(name + "/" + chosen.getName(), path, zip, chosen, chosen.getSize());
    }

    private static XMLInputFactory xmlFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        // warnings only; errors still throw
        f.setXMLReporter((message, type, info, location) -> { });
        return f;
    }

    // ---- first pass ---------------------------------------------------------------------------------------

    private void scan(Set<String> names, Set<GeometryType> kinds) throws ImportException {
        XMLStreamReader r = null;
        long placemark = 0;
        boolean kmlRoot = false;
        try (InputStream in = source.open()) {
            r = XML.createXMLStreamReader(decoding(in));
            int depth = 0;
            boolean inPlacemark = false;
            int placemarkDepth = 0;
            List<GeometryType> primitives = new ArrayList<>();
            boolean multi = false;
            while (hasNext(r)) {
                int event = next(r);
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    String local = r.getLocalName();
                    if (depth == 1) {
                        kmlRoot = local.equals("kml");
                    }
                    switch (local) {
                        case "Placemark" -> {
                            if (!inPlacemark) {
                                inPlacemark = true;
                                placemarkDepth = depth;
                                placemark++;
                                primitives.clear();
                                multi = false;
                            }
                        }
                        case "Data", "SimpleData", "SimpleField" -> {
                            String n = r.getAttributeValue(null, "name");
                            if (n != null && !n.isBlank()) {
                                names.add(n.strip());
                            }
                        }
                        case "MultiGeometry", "MultiTrack" -> multi = true;
                        case "Point" -> primitives.add(GeometryType.POINT);
                        case "LineString", "LinearRing", "Track" -> primitives.add(GeometryType.LINESTRING);
                        case "Polygon" -> {
                            primitives.add(GeometryType.POLYGON);
                            skipPolygonRings(r);
                            depth--;
                        }
                        default -> {
                            // other elements carry nothing for the schema
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (inPlacemark && depth == placemarkDepth) {
                        inPlacemark = false;
                        GeometryType kind = kindOf(primitives, multi);
                        if (kind != null) {
                            kinds.add(kind);
                        }
                    }
                    depth--;
                }
            }
        } catch (XMLStreamException e) {
            throw broken(e, placemark, r);
        } catch (IOException e) {
            throw new ImportException(Problem.ofFile(fileName, "Cannot read " + fileName + ": " + e.getMessage()), e);
        } finally {
            closeXml(r);
        }
        if (!kmlRoot && placemark == 0) {
            throw new ImportException(Problem.ofFile(fileName, fileName + " is XML but not KML (it has no <kml> root"
                    + " and no Placemark). Export the data as KML."));
        }
    }

    /** Reader on a Polygon's START_ELEMENT: moves past its END_ELEMENT (its rings are not separate kinds). */
    private static void skipPolygonRings(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && hasNext(r)) {
            int event = next(r);
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** The kind a placemark's geometry will have; null when it has none. Same rule as {@link #combine}. */
    private static GeometryType kindOf(List<GeometryType> primitives, boolean multi) {
        if (primitives.isEmpty()) {
            return null;
        }
        GeometryType first = primitives.get(0);
        boolean same = primitives.stream().allMatch(k -> k == first);
        if (!multi && primitives.size() == 1) {
            return first;
        }
        if (!same) {
            return GeometryType.GEOMETRY;
        }
        return switch (first) {
            case POINT -> GeometryType.MULTIPOINT;
            case LINESTRING -> GeometryType.MULTILINESTRING;
            case POLYGON -> GeometryType.MULTIPOLYGON;
            default -> GeometryType.GEOMETRY;
        };
    }

    // ---- second pass --------------------------------------------------------------------------------------

    /** A Placemark that cannot be imported: skip key and message. */
    private static final class Bad extends Exception {
        private static final long serialVersionUID = 1L;
        final String reason;

        Bad(String reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }

    @Override
    public SourceRecord next() throws ImportException {
        if (done) {
            return null;
        }
        try {
            if (reader == null) {
                counting = new CountingStream(source.open());
                reader = XML.createXMLStreamReader(decoding(counting));
            }
            while (hasNext(reader)) {
                if (next(reader) == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals("Placemark")) {
                    row++;
                    return placemark();
                }
            }
            done = true;
            return null;
        } catch (XMLStreamException e) {
            done = true;
            throw broken(e, row, reader);
        } catch (IOException e) {
            done = true;
            throw new ImportException(new Problem(fileName, row, null, "Cannot read " + fileName + ": "
                    + e.getMessage()), e);
        }
    }

    /** Reader on a Placemark's START_ELEMENT; reads through its END_ELEMENT. */
    private SourceRecord placemark() throws XMLStreamException {
        Object[] values = new Object[fields.size()];
        List<Geometry> parts = new ArrayList<>();
        boolean multi = false;
        Bad bad = null;
        int depth = 1;
        while (depth > 0 && hasNext(reader)) {
            int event = next(reader);
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String local = reader.getLocalName();
            switch (local) {
                case "name", "description" -> {
                    if (depth == 1) {
                        values[local.equals("name") ? 0 : 1] = blankToNull(text());
                    } else {
                        depth++;
                    }
                }
                case "Data" -> {
                    Integer i = dataIndex.get(strip(reader.getAttributeValue(null, "name")));
                    String v = dataValue();
                    if (i != null) {
                        values[i] = blankToNull(v);
                    }
                }
                case "SimpleData" -> {
                    Integer i = dataIndex.get(strip(reader.getAttributeValue(null, "name")));
                    String v = text();
                    if (i != null) {
                        values[i] = blankToNull(v);
                    }
                }
                case "MultiGeometry", "MultiTrack" -> {
                    multi = true;
                    depth++;
                }
                case "Point", "LineString", "LinearRing", "Polygon", "Track" -> {
                    try {
                        parts.add(geometry(local));
                    } catch (Bad b) {
                        if (bad == null) {
                            bad = b;
                        }
                    }
                }
                default -> depth++;
            }
        }
        if (bad != null) {
            return SourceRecord.skipped(fileName, row, values, bad.reason, new Problem(fileName, row, null,
                    "Placemark " + row + (values[0] == null ? "" : " (\"" + values[0] + "\")") + ": "
                            + bad.getMessage()));
        }
        Geometry g = combine(parts, multi);
        if (g == null || g.isEmpty()) {
            return SourceRecord.skipped(fileName, row, values, "no_geometry", new Problem(fileName, row, null,
                    "Placemark " + row + (values[0] == null ? "" : " (\"" + values[0] + "\")") + " has no point, line"
                            + " or polygon, so it has no place on the map; it was not imported."));
        }
        return SourceRecord.ok(fileName, row, g, values);
    }

    /** Builds one primitive; reader on its START_ELEMENT, left after its END_ELEMENT. */
    private Geometry geometry(String local) throws XMLStreamException, Bad {
        if (local.equals("Track")) {
            return track();
        }
        if (local.equals("Polygon")) {
            return polygon();
        }
        Coordinate[] cs = coordinatesIn(local);
        if (local.equals("Point")) {
            return cs.length == 0 ? factory.createPoint() : factory.createPoint(cs[0]);
        }
        if (cs.length == 1) {
            throw new Bad("bad_geometry", "its " + local + " has only one coordinate; a line needs two or more.");
        }
        return factory.createLineString(cs);
    }

    /** Reads the coordinates element inside the current element, through the element's end. */
    private Coordinate[] coordinatesIn(String local) throws XMLStreamException, Bad {
        Coordinate[] result = new Coordinate[0];
        Bad bad = null;
        int depth = 1;
        while (depth > 0 && hasNext(reader)) {
            int event = next(reader);
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (reader.getLocalName().equals("coordinates")) {
                    int line = reader.getLocation().getLineNumber();
                    String text = text();
                    try {
                        result = parseCoordinates(text, line);
                    } catch (Bad b) {
                        bad = b;
                    }
                } else {
                    depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        if (bad != null) {
            throw bad;
        }
        return result;
    }

    private Polygon polygon() throws XMLStreamException, Bad {
        LinearRing shell = null;
        List<LinearRing> holes = new ArrayList<>();
        Bad bad = null;
        boolean inner = false;
        int depth = 1;
        while (depth > 0 && hasNext(reader)) {
            int event = next(reader);
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String local = reader.getLocalName();
            if (local.equals("outerBoundaryIs") || local.equals("innerBoundaryIs")) {
                inner = local.equals("innerBoundaryIs");
                depth++;
            } else if (local.equals("LinearRing")) {
                try {
                    LinearRing ring = ring(coordinatesIn("LinearRing"), inner ? holes.size() + 2 : 1);
                    if (inner) {
                        holes.add(ring);
                    } else if (shell == null) {
                        shell = ring;
                    }
                } catch (Bad b) {
                    if (bad == null) {
                        bad = b;
                    }
                }
            } else {
                depth++;
            }
        }
        if (bad != null) {
            throw bad;
        }
        if (shell == null) {
            if (!holes.isEmpty()) {
                throw new Bad("bad_geometry", "its Polygon has inner rings but no outerBoundaryIs; add the outer"
                        + " ring.");
            }
            return factory.createPolygon();
        }
        return factory.createPolygon(shell, holes.toArray(new LinearRing[0]));
    }

    private LinearRing ring(Coordinate[] cs, int number) throws Bad {
        Coordinate[] closed = cs;
        if (cs.length > 0 && !cs[0].equals2D(cs[cs.length - 1])) {
            closed = java.util.Arrays.copyOf(cs, cs.length + 1);
            closed[cs.length] = cs[0].copy();
        }
        if (closed.length < 4) {
            throw new Bad("bad_geometry", "ring " + number + " of its Polygon has " + cs.length + " coordinates; a ring"
                    + " needs at least three corners.");
        }
        return factory.createLinearRing(closed);
    }

    /** gx:Track: its gx:coord elements ("lon lat alt") as a line. */
    private Geometry track() throws XMLStreamException, Bad {
        List<Coordinate> cs = new ArrayList<>();
        Bad bad = null;
        int depth = 1;
        while (depth > 0 && hasNext(reader)) {
            int event = next(reader);
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (reader.getLocalName().equals("coord")) {
                    int line = reader.getLocation().getLineNumber();
                    String[] parts = SPACE.split(text().strip());
                    try {
                        cs.add(coordinate(parts, String.join(" ", parts), line));
                    } catch (Bad b) {
                        bad = bad == null ? b : bad;
                    }
                } else {
                    depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        if (bad != null) {
            throw bad;
        }
        if (cs.size() == 1) {
            throw new Bad("bad_geometry", "its Track has only one gx:coord; a line needs two or more.");
        }
        return factory.createLineString(cs.toArray(new Coordinate[0]));
    }

    static Coordinate[] parseCoordinates(String text, int line) throws Bad {
        String t = COMMA.matcher(text.strip()).replaceAll(",");
        if (t.isEmpty()) {
            return new Coordinate[0];
        }
        String[] tuples = SPACE.split(t);
        Coordinate[] cs = new Coordinate[tuples.length];
        for (int i = 0; i < tuples.length; i++) {
            cs[i] = coordinate(tuples[i].split(",", -1), tuples[i], line);
        }
        return cs;
    }

    private static Coordinate coordinate(String[] parts, String tuple, int line) throws Bad {
        String shown = tuple.length() > 60 ? tuple.substring(0, 57) + "..." : tuple;
        if (parts.length < 2) {
            throw new Bad("bad_coordinates", "the coordinate \"" + shown + "\" (line " + line + ") is not"
                    + " longitude,latitude[,altitude]; fix it in the KML.");
        }
        double lon;
        double lat;
        try {
            lon = Double.parseDouble(parts[0]);
            lat = Double.parseDouble(parts[1]);
        } catch (NumberFormatException e) {
            throw new Bad("bad_coordinates", "the coordinate \"" + shown + "\" (line " + line + ") is not a pair of"
                    + " numbers; fix it in the KML.");
        }
        if (!(Math.abs(lon) <= 180) || !(Math.abs(lat) <= 90)) {
            throw new Bad("bad_coordinates", "the coordinate \"" + shown + "\" (line " + line + ") is outside"
                    + " longitude -180..180 / latitude -90..90; KML coordinates are longitude,latitude. Fix it in"
                    + " the KML.");
        }
        return new Coordinate(lon, lat);
    }

    /** Primitives into one geometry: single, Multi* when all alike, else a GeometryCollection. */
    private Geometry combine(List<Geometry> parts, boolean multi) {
        List<Geometry> nonEmpty = parts.stream().filter(g -> !g.isEmpty()).toList();
        if (nonEmpty.isEmpty()) {
            return null;
        }
        Geometry g;
        if (!multi && nonEmpty.size() == 1) {
            g = nonEmpty.get(0);
        } else if (nonEmpty.stream().allMatch(p -> p instanceof Point)) {
            g = factory.createMultiPoint(nonEmpty.toArray(new Point[0]));
        } else if (nonEmpty.stream().allMatch(p -> p instanceof LineString)) {
            g = factory.createMultiLineString(nonEmpty.toArray(new LineString[0]));
        } else if (nonEmpty.stream().allMatch(p -> p instanceof Polygon)) {
            g = factory.createMultiPolygon(nonEmpty.toArray(new Polygon[0]));
        } else {
            g = factory.createGeometryCollection(nonEmpty.toArray(new Geometry[0]));
        }
        return conform(g);
    }

    private Geometry conform(Geometry g) {
        return switch (geometryType) {
            case MULTIPOINT -> g instanceof Point p ? factory.createMultiPoint(new Point[] {p}) : g;
            case MULTILINESTRING -> g instanceof LineString l ? factory.createMultiLineString(new LineString[] {l}) : g;
            case MULTIPOLYGON -> g instanceof Polygon p ? factory.createMultiPolygon(new Polygon[] {p}) : g;
            case POINT -> g instanceof MultiPoint m && m.getNumGeometries() == 1 ? m.getGeometryN(0) : g;
            case LINESTRING -> g instanceof MultiLineString m && m.getNumGeometries() == 1 ? m.getGeometryN(0) : g;
            case POLYGON -> g instanceof MultiPolygon m && m.getNumGeometries() == 1 ? m.getGeometryN(0) : g;
            default -> g;
        };
    }

    /** Text of the current element (nested markup dropped); reader left on its END_ELEMENT. */
    private String text() throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        int depth = 1;
        while (depth > 0 && hasNext(reader)) {
            int event = next(reader);
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        sb.append(reader.getText());
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                default -> {
                    // comments and processing instructions are not text
                }
            }
        }
        return sb.toString();
    }

    /** A Data element's {@code <value>}; reader on Data's START_ELEMENT, left on its END_ELEMENT. */
    private String dataValue() throws XMLStreamException {
        String value = null;
        int depth = 1;
        while (depth > 0 && hasNext(reader)) {
            int event = next(reader);
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (depth == 1 && reader.getLocalName().equals("value")) {
                    value = text();
                } else {
                    depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return value;
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private static String blankToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    /**
     * The JDK's StAX parser reports some malformed input with unchecked exceptions instead of
     * XMLStreamException; both mean broken XML here.
     */
    private static int next(XMLStreamReader r) throws XMLStreamException {
        try {
            return r.next();
        } catch (RuntimeException e) {
            throw damaged(r, e);
        }
    }

    private static boolean hasNext(XMLStreamReader r) throws XMLStreamException {
        try {
            return r.hasNext();
        } catch (RuntimeException e) {
            throw damaged(r, e);
        }
    }

    private static XMLStreamException damaged(XMLStreamReader r, RuntimeException e) {
        return new XMLStreamException("the XML is damaged (" + e.getClass().getSimpleName() + ")", r.getLocation(), e);
    }

    /**
     * Decodes the bytes ourselves (BOM, else the XML declaration's encoding, else UTF-8) and reports bad
     * bytes as errors: handed an InputStream, the JDK's parser prints encoding errors to stderr.
     */
    private Reader decoding(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(PROLOG_BYTES);
        byte[] head = in.readNBytes(PROLOG_BYTES);
        in.reset();
        Charset cs = StandardCharsets.UTF_8;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            in.skipNBytes(3);
        } else if (head.length >= 2 && ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF
                || (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE)) {
            cs = StandardCharsets.UTF_16;
        } else if (head.length >= 2 && head[0] == '<' && head[1] == 0) {
            cs = StandardCharsets.UTF_16LE;
        } else if (head.length >= 2 && head[0] == 0 && head[1] == '<') {
            cs = StandardCharsets.UTF_16BE;
        } else {
            Matcher m = DECLARED_ENCODING.matcher(new String(head, StandardCharsets.ISO_8859_1));
            if (m.find()) {
                try {
                    cs = Charset.forName(m.group(1));
                } catch (IllegalArgumentException e) {
                    // an encoding Java does not know: read as UTF-8 and let bad bytes be reported
                }
            }
        }
        charset = cs;
        return new InputStreamReader(in, cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    private ImportException broken(XMLStreamException e, long placemark, XMLStreamReader r) {
        Location at = e.getLocation();
        if ((at == null || at.getLineNumber() < 0) && r != null) {
            try {
                at = r.getLocation();
            } catch (RuntimeException ignored) {
                at = null;
            }
        }
        String where = at == null || at.getLineNumber() < 0 ? "" : " at line " + at.getLineNumber()
                + (at.getColumnNumber() < 0 ? "" : ", column " + at.getColumnNumber());
        Throwable cause = e.getNestedException() != null ? e.getNestedException() : e.getCause();
        if (cause instanceof CharacterCodingException) {
            return new ImportException(new Problem(fileName, placemark, null, fileName + " holds bytes that are not "
                    + charset + " text (near line " + (at == null ? "?" : at.getLineNumber()) + "). Save it again as"
                    + " UTF-8, or correct the encoding its first line declares."), e);
        }
        String detail = e.getMessage() == null ? "" : e.getMessage();
        int msg = detail.indexOf("Message: ");
        if (msg >= 0) {
            detail = detail.substring(msg + "Message: ".length());
        }
        detail = detail.strip();
        return new ImportException(new Problem(fileName, placemark, null, fileName + " is not well-formed XML" + where
                + " (" + detail + "). Fix the file there, or export it again."), e);
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
    public long[] progress() {
        return new long[] {counting == null ? 0 : counting.count(), source.size};
    }

    @Override
    public void close() {
        closeXml(reader);
        if (counting != null) {
            try {
                counting.close();
            } catch (IOException e) {
                // read-only input: nothing to lose
            }
        }
        closeZip(source.zip);
    }

    private static void closeXml(XMLStreamReader r) {
        if (r != null) {
            try {
                r.close();
            } catch (XMLStreamException e) {
                // read-only input: nothing to lose
            }
        }
    }

    private static void closeZip(ZipFile zip) {
        if (zip != null) {
            try {
                zip.close();
            } catch (IOException e) {
                // read-only input: nothing to lose
            }
        }
    }
}
