package org.pscdesk.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.pscdesk.geo.Crs;

/**
 * Finds the {@link Crs} that an OGC/ESRI WKT1 definition (a shapefile's {@code .prj}, a GeoPackage's
 * {@code gpkg_spatial_ref_sys.definition}) describes. proj4j has no WKT parser, so the WKT is parsed here
 * into a tree and matched, in this order:
 * <ol>
 *   <li>an {@code AUTHORITY["EPSG","n"]} on the outermost node: EPSG:n;</li>
 *   <li>geographic systems by datum: WGS 84 (4326), NAD83 (4269) and its HARN, NSRS2007, 2011 and CSRS
 *       realisations, NAD27 (4267);</li>
 *   <li>Transverse Mercator with UTM parameters in metres on WGS 84 (326zz/327zz), NAD83 (269zz) or
 *       NAD27 (267zz);</li>
 *   <li>otherwise the projected system's name, then its parameters, against the definitions proj4j ships
 *       ({@code proj4/nad/epsg}, {@code proj4/nad/esri}): a candidate is accepted only when its datum
 *       family, projection, origin, scale, false easting/northing (compared in metres) and linear unit all
 *       agree. This is how {@code NAD_1983_StatePlane_Missouri_East_FIPS_2401_Feet} becomes ESRI:102696.</li>
 * </ol>
 * A datum named {@code D_unknown} (or unnamed) on the GRS 1980 spheroid is read as NAD83, on the WGS 84
 * spheroid as WGS 84; {@link #matchWithNote} says so, because the data's publisher did not.
 *
 * <p>Tolerances: angles 1e-7 degree, scale factor 1e-6 (proj4j's ESRI file truncates 0.999933333 to
 * 0.999933), false easting/northing 1 mm, unit length 1e-9 relative.
 *
 * <p>Thread-safe; the proj4j definition index is loaded once, on first need.
 */
public final class PrjCrs {

    private static final double ANGLE_TOLERANCE = 1e-7;
    private static final double SCALE_TOLERANCE = 1e-6;
    private static final double METRE_TOLERANCE = 1e-3;
    private static final double US_FOOT = 1200.0 / 3937.0;
    private static final double GRS80_RF = 298.257222101;
    private static final double WGS84_RF = 298.257223563;

    /** What a WKT matched, and the assumption made to get there (null when none). */
    public record Result(Optional<Crs> crs, String note) {
    }

    private PrjCrs() {
    }

    /** The CRS the WKT describes, or empty when it is not recognised or not WKT at all. */
    public static Optional<Crs> match(String wkt) {
        return matchWithNote(wkt).crs();
    }

    /** Like {@link #match}, plus a plain sentence when a datum had to be assumed. */
    public static Result matchWithNote(String wkt) {
        if (wkt == null || wkt.isBlank()) {
            return new Result(Optional.empty(), null);
        }
        Node root;
        try {
            root = new WktParser(wkt.strip()).parse();
        } catch (IllegalArgumentException e) {
            return new Result(Optional.empty(), null);
        }
        Optional<Crs> byAuthority = byAuthority(root);
        if (byAuthority.isPresent()) {
            return new Result(byAuthority, null);
        }
        String kind = root.keyword;
        if (kind.equals("GEOGCS") || kind.equals("GEOGCRS")) {
            Datum datum = Datum.of(root);
            return new Result(geographic(datum).flatMap(PrjCrs::crs), datum.assumption(root));
        }
        if (kind.equals("PROJCS") || kind.equals("PROJCRS")) {
            Node geog = root.child("GEOGCS");
            if (geog == null) {
                return new Result(Optional.empty(), null);
            }
            Datum datum = Datum.of(geog);
            Optional<Crs> crs = projected(root, datum);
            return new Result(crs, crs.isPresent() ? datum.assumption(geog) : null);
        }
        return new Result(Optional.empty(), null);
    }

    private static Optional<Crs> byAuthority(Node root) {
        Node authority = root.lastChild("AUTHORITY");
        if (authority == null) {
            authority = root.lastChild("ID");
        }
        if (authority == null || authority.args.size() < 2) {
            return Optional.empty();
        }
        String org = String.valueOf(authority.args.get(0)).trim().toUpperCase(Locale.ROOT);
        String code = String.valueOf(authority.args.get(1)).trim();
        if (code.endsWith(".0")) {
            code = code.substring(0, code.length() - 2);
        }
        if (!(org.equals("EPSG") || org.equals("ESRI")) || !code.matches("\\d+")) {
            return Optional.empty();
        }
        return crs(org + ":" + code);
    }

    private static Optional<String> geographic(Datum datum) {
        return switch (datum) {
            case WGS84 -> Optional.of("EPSG:4326");
            case NAD83 -> Optional.of("EPSG:4269");
            case NAD83_HARN -> Optional.of("EPSG:4152");
            case NAD83_NSRS2007 -> Optional.of("EPSG:4759");
            case NAD83_2011 -> Optional.of("EPSG:6318");
            case NAD83_CSRS -> Optional.of("EPSG:4617");
            case NAD27 -> Optional.of("EPSG:4267");
            case OTHER -> Optional.empty();
        };
    }

    private static Optional<Crs> projected(Node projcs, Datum datum) {
        Params params = Params.of(projcs);
        if (params == null) {
            return Optional.empty();
        }
        Optional<Crs> utm = utm(params, datum).flatMap(PrjCrs::crs);
        if (utm.isPresent()) {
            return utm;
        }
        if (datum == Datum.OTHER) {
            return Optional.empty();
        }
        String name = normalise(projcs.name());
        List<Candidate> all = Index.CANDIDATES;
        Candidate byName = null;
        for (Candidate c : all) {
            if (c.normalisedName.equals(name) && c.datum() == datum && params.agreeWith(c.params())) {
                byName = c;
                break;
            }
        }
        if (byName != null && byName.id.startsWith("EPSG:")) {
            return crs(byName.id);
        }
        // an ESRI name may duplicate an EPSG code (NAD_1983_HARN_StatePlane_... = EPSG:2815): EPSG wins, as in
        // gdalsrsinfo; EPSG entries come first in the index
        for (Candidate c : all) {
            if (c.datum() == datum && params.agreeWith(c.params())) {
                if (byName == null || c.id.startsWith("EPSG:")) {
                    return crs(c.id);
                }
                break;
            }
        }
        return byName == null ? Optional.empty() : crs(byName.id);
    }

    private static Optional<String> utm(Params p, Datum datum) {
        if (!p.projection.equals("tmerc") || Math.abs(p.lat0) > ANGLE_TOLERANCE
                || Math.abs(p.k - 0.9996) > 1e-9 || Math.abs(p.metresPerUnit - 1.0) > 1e-9
                || Math.abs(p.x0 - 500000) > METRE_TOLERANCE) {
            return Optional.empty();
        }
        double zoneExact = (p.lon0 + 183.0) / 6.0;
        int zone = (int) Math.round(zoneExact);
        if (Math.abs(zoneExact - zone) > ANGLE_TOLERANCE || zone < 1 || zone > 60) {
            return Optional.empty();
        }
        boolean north = Math.abs(p.y0) < METRE_TOLERANCE;
        boolean south = Math.abs(p.y0 - 10_000_000) < METRE_TOLERANCE;
        if (datum == Datum.WGS84 && (north || south)) {
            return Optional.of("EPSG:" + ((north ? 32600 : 32700) + zone));
        }
        if (datum == Datum.NAD83 && north && zone <= 23) {
            return Optional.of("EPSG:" + (26900 + zone));
        }
        if (datum == Datum.NAD27 && north && zone <= 22) {
            return Optional.of("EPSG:" + (26700 + zone));
        }
        return Optional.empty();
    }

    private static Optional<Crs> crs(String id) {
        try {
            return Optional.of(Crs.of(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String normalise(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** Datum families, told apart by name; one EPSG geographic code each. */
    enum Datum {
        WGS84, NAD83, NAD83_HARN, NAD83_NSRS2007, NAD83_2011, NAD83_CSRS, NAD27, OTHER;

        static Datum of(Node geogcs) {
            Node datumNode = geogcs.child("DATUM");
            String name = normalise(datumNode == null ? "" : datumNode.name());
            Datum byName = byName(name);
            if (byName != OTHER) {
                return byName;
            }
            if (unnamed(name)) {
                double rf = inverseFlattening(datumNode);
                double a = semiMajor(datumNode);
                if (Math.abs(a - 6378137) < 1e-3 && Math.abs(rf - GRS80_RF) < 1e-8) {
                    return NAD83;
                }
                if (Math.abs(a - 6378137) < 1e-3 && Math.abs(rf - WGS84_RF) < 1e-8) {
                    return WGS84;
                }
            }
            return OTHER;
        }

        /** Also used for proj4j entries, whose CRS names carry the datum ("NAD83(HARN) / ..."). */
        static Datum byName(String n) {
            if (n.contains("wgs84") || n.contains("wgs1984") || n.contains("worldgeodeticsystem1984")) {
                return WGS84;
            }
            boolean nad83 = n.contains("nad83") || n.contains("nad1983") || n.contains("northamerican1983")
                    || n.contains("northamericandatum1983");
            if (nad83) {
                if (n.contains("harn") || n.contains("highaccuracy")) {
                    return NAD83_HARN;
                }
                if (n.contains("2007")) {
                    return NAD83_NSRS2007;
                }
                if (n.contains("2011")) {
                    return NAD83_2011;
                }
                if (n.contains("csrs") || n.contains("canadianspatial")) {
                    return NAD83_CSRS;
                }
                if (n.contains("cors") || n.contains("pa11") || n.contains("ma11") || n.contains("ncrs")) {
                    return OTHER;
                }
                return NAD83;
            }
            if (n.contains("nad27") || n.contains("nad1927") || n.contains("northamerican1927")
                    || n.contains("northamericandatum1927")) {
                return NAD27;
            }
            return OTHER;
        }

        private static boolean unnamed(String n) {
            return n.isEmpty() || n.equals("dunknown") || n.equals("unknown") || n.startsWith("notspecified")
                    || n.startsWith("dnotspecified");
        }

        String assumption(Node geogcs) {
            Node datumNode = geogcs.child("DATUM");
            String name = datumNode == null ? "" : datumNode.name();
            if (byName(normalise(name)) == OTHER && this != OTHER) {
                return "The .prj names no datum (\"" + name + "\") on the "
                        + (this == NAD83 ? "GRS 1980 spheroid, so it was read as NAD83"
                        : "WGS 84 spheroid, so it was read as WGS 84")
                        + "; give --crs if the publisher used another datum.";
            }
            return null;
        }

        private static double inverseFlattening(Node datum) {
            Node spheroid = datum == null ? null : datum.child("SPHEROID");
            return spheroid == null ? Double.NaN : spheroid.number(2);
        }

        private static double semiMajor(Node datum) {
            Node spheroid = datum == null ? null : datum.child("SPHEROID");
            return spheroid == null ? Double.NaN : spheroid.number(1);
        }
    }

    /** Projection parameters normalised to proj4's: angles in degrees, false origin in metres. */
    record Params(String projection, double lat0, double lon0, double k, double x0, double y0, double lat1,
                  double lat2, double metresPerUnit) {

        static Params of(Node projcs) {
            Node projection = projcs.child("PROJECTION");
            Node unit = projcs.lastChild("UNIT");
            if (projection == null || unit == null) {
                return null;
            }
            double perUnit = unit.number(1);
            if (!(perUnit > 0)) {
                return null;
            }
            Map<String, Double> values = new HashMap<>();
            for (Node p : projcs.children("PARAMETER")) {
                double v = p.number(1);
                if (!Double.isNaN(v)) {
                    values.put(normalise(p.name()), v);
                }
            }
            String proj = projectionKey(normalise(projection.name()));
            double lat0 = first(values, 0, "latitudeoforigin", "latitudeofcenter", "latitudeofnaturalorigin",
                    "latitudeoffalseorigin", "latitudeofprojectioncentre");
            double lat1 = first(values, Double.NaN, "standardparallel1", "latitudeof1ststandardparallel");
            double lat2 = first(values, Double.NaN, "standardparallel2", "latitudeof2ndstandardparallel");
            if (proj.equals("lcc") && Double.isNaN(lat1)) {
                lat1 = lat0;
            }
            if (Double.isNaN(lat2)) {
                lat2 = lat1;
            }
            return new Params(proj, lat0,
                    first(values, 0, "centralmeridian", "longitudeofcenter", "longitudeoforigin",
                            "longitudeofnaturalorigin", "longitudeoffalseorigin", "longitudeofprojectioncentre"),
                    first(values, 1, "scalefactor", "scalefactoratnaturalorigin"),
                    first(values, 0, "falseeasting", "eastingatfalseorigin") * perUnit,
                    first(values, 0, "falsenorthing", "northingatfalseorigin") * perUnit,
                    lat1, lat2, perUnit);
        }

        /** The same parameters read from a proj4 definition, or null for a geographic one. */
        static Params ofProj4(String proj4) {
            Map<String, String> kv = new HashMap<>();
            for (String token : proj4.trim().split("\\s+")) {
                if (token.startsWith("+")) {
                    int eq = token.indexOf('=');
                    kv.put(eq < 0 ? token.substring(1) : token.substring(1, eq), eq < 0 ? "" : token.substring(eq + 1));
                }
            }
            String proj = kv.getOrDefault("proj", "");
            if (proj.isEmpty() || proj.equals("longlat") || proj.equals("latlong")) {
                return null;
            }
            double perUnit = unitLength(kv);
            if (proj.equals("utm")) {
                double zone = num(kv, "zone", Double.NaN);
                if (Double.isNaN(zone)) {
                    return null;
                }
                return new Params("tmerc", 0, zone * 6 - 183, 0.9996, 500000, kv.containsKey("south") ? 10_000_000 : 0,
                        Double.NaN, Double.NaN, perUnit);
            }
            double lat1 = num(kv, "lat_1", Double.NaN);
            double lat2 = num(kv, "lat_2", lat1);
            return new Params(proj, num(kv, "lat_0", 0), num(kv, "lon_0", 0), num(kv, "k", num(kv, "k_0", 1)),
                    num(kv, "x_0", 0), num(kv, "y_0", 0), lat1, lat2, perUnit);
        }

        boolean agreeWith(Params other) {
            return other != null && projection.equals(other.projection)
                    && close(lat0, other.lat0, ANGLE_TOLERANCE) && close(lon0, other.lon0, ANGLE_TOLERANCE)
                    && close(k, other.k, SCALE_TOLERANCE)
                    && close(x0, other.x0, METRE_TOLERANCE) && close(y0, other.y0, METRE_TOLERANCE)
                    && sameOrAbsent(lat1, other.lat1) && sameOrAbsent(lat2, other.lat2)
                    && Math.abs(metresPerUnit / other.metresPerUnit - 1) < 1e-9;
        }

        private static boolean sameOrAbsent(double a, double b) {
            return Double.isNaN(a) && Double.isNaN(b) || close(a, b, ANGLE_TOLERANCE);
        }

        private static boolean close(double a, double b, double tolerance) {
            return Math.abs(a - b) <= tolerance;
        }

        private static double unitLength(Map<String, String> kv) {
            if (kv.containsKey("to_meter")) {
                return num(kv, "to_meter", 1);
            }
            String units = kv.getOrDefault("units", "m");
            return switch (units) {
                case "us-ft" -> US_FOOT;
                case "ft" -> 0.3048;
                case "km" -> 1000;
                default -> 1;
            };
        }

        private static double num(Map<String, String> kv, String key, double fallback) {
            String v = kv.get(key);
            if (v == null || v.isEmpty()) {
                return fallback;
            }
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                return fallback;
            }
        }

        private static double first(Map<String, Double> values, double fallback, String... keys) {
            for (String key : keys) {
                Double v = values.get(key);
                if (v != null) {
                    return v;
                }
            }
            return fallback;
        }

        private static String projectionKey(String n) {
            if (n.equals("transversemercator") || n.equals("gausskruger")) {
                return "tmerc";
            }
            if (n.startsWith("lambertconformalconic")) {
                return "lcc";
            }
            if (n.startsWith("albers")) {
                return "aea";
            }
            if (n.equals("mercator") || n.equals("mercator1sp") || n.equals("mercator2sp")) {
                return "merc";
            }
            if (n.equals("obliquestereographic") || n.equals("doublestereographic")) {
                return "sterea";
            }
            if (n.equals("polarstereographic") || n.equals("stereographic")) {
                return "stere";
            }
            return n;
        }
    }

    /** One projected definition proj4j ships. */
    record Candidate(String id, String normalisedName, Datum datum, Params params) {
    }

    /** Projected definitions from proj4j's resource files, EPSG file first. */
    private static final class Index {
        static final List<Candidate> CANDIDATES = load();

        private static List<Candidate> load() {
            Map<String, Candidate> byId = new LinkedHashMap<>();
            read("/proj4/nad/epsg", byId);
            read("/proj4/nad/esri", byId);
            return List.copyOf(byId.values());
        }

        private static void read(String resource, Map<String, Candidate> into) {
            try (InputStream in = PrjCrs.class.getResourceAsStream(resource)) {
                if (in == null) {
                    return;
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
                String name = null;
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.startsWith("#")) {
                        name = line.substring(1).trim();
                        continue;
                    }
                    int open = line.indexOf('<');
                    int close = line.indexOf('>');
                    if (name == null || open != 0 || close < 0 || !line.contains("+proj=")
                            || line.contains("+proj=longlat")) {
                        continue;
                    }
                    String code = line.substring(1, close);
                    if (!code.matches("\\d+")) {
                        continue;
                    }
                    // the ESRI file repeats EPSG codes below 100000; those stay EPSG codes.
                    String id = (Integer.parseInt(code) >= 100_000 ? "ESRI:" : "EPSG:") + code;
                    String proj4 = line.substring(close + 1).replace("<>", "").trim();
                    Params params = Params.ofProj4(proj4);
                    if (params != null) {
                        into.putIfAbsent(id, new Candidate(id, normalise(name), Datum.byName(normalise(name)), params));
                    }
                    name = null;
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read proj4j's " + resource, e);
            }
        }
    }

    /** A WKT node: {@code KEYWORD[arg, ...]}; args are String (quoted or bare), Double or Node. */
    static final class Node {
        final String keyword;
        final List<Object> args = new ArrayList<>();

        Node(String keyword) {
            this.keyword = keyword;
        }

        String name() {
            return args.isEmpty() || !(args.get(0) instanceof String s) ? "" : s;
        }

        double number(int index) {
            if (index >= args.size()) {
                return Double.NaN;
            }
            Object o = args.get(index);
            if (o instanceof Double d) {
                return d;
            }
            if (o instanceof String s) {
                try {
                    return Double.parseDouble(s.trim());
                } catch (NumberFormatException e) {
                    return Double.NaN;
                }
            }
            return Double.NaN;
        }

        Node child(String kw) {
            for (Object o : args) {
                if (o instanceof Node n && n.keyword.equals(kw)) {
                    return n;
                }
            }
            return null;
        }

        Node lastChild(String kw) {
            Node found = null;
            for (Object o : args) {
                if (o instanceof Node n && n.keyword.equals(kw)) {
                    found = n;
                }
            }
            return found;
        }

        List<Node> children(String kw) {
            List<Node> list = new ArrayList<>();
            for (Object o : args) {
                if (o instanceof Node n && n.keyword.equals(kw)) {
                    list.add(n);
                }
            }
            return list;
        }
    }

    /** Recursive-descent WKT1 reader; brackets or parentheses; throws IllegalArgumentException on junk. */
    private static final class WktParser {
        private static final int MAX_DEPTH = 64;
        private final String s;
        private int pos;

        WktParser(String s) {
            this.s = s;
        }

        Node parse() {
            Node node = node(0);
            skipSpace();
            if (pos != s.length()) {
                throw new IllegalArgumentException("text after the WKT");
            }
            return node;
        }

        private Node node(int depth) {
            if (depth > MAX_DEPTH) {
                throw new IllegalArgumentException("WKT nested too deeply");
            }
            skipSpace();
            String keyword = word();
            if (keyword.isEmpty()) {
                throw new IllegalArgumentException("keyword expected at " + pos);
            }
            skipSpace();
            char open = peek();
            if (open != '[' && open != '(') {
                throw new IllegalArgumentException("'[' expected at " + pos);
            }
            char close = open == '[' ? ']' : ')';
            pos++;
            Node node = new Node(keyword.toUpperCase(Locale.ROOT));
            while (true) {
                skipSpace();
                char c = peek();
                if (c == close) {
                    pos++;
                    return node;
                }
                if (c == '"') {
                    node.args.add(quoted());
                } else if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
                    node.args.add(number());
                } else if (Character.isLetter(c) || c == '_') {
                    int start = pos;
                    String w = word();
                    skipSpace();
                    if (pos < s.length() && (peek() == '[' || peek() == '(')) {
                        pos = start;
                        node.args.add(node(depth + 1));
                    } else {
                        node.args.add(w);
                    }
                } else {
                    throw new IllegalArgumentException("unexpected '" + c + "' at " + pos);
                }
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else if (peek() != close) {
                    throw new IllegalArgumentException("',' expected at " + pos);
                }
            }
        }

        private char peek() {
            if (pos >= s.length()) {
                throw new IllegalArgumentException("WKT ends early");
            }
            return s.charAt(pos);
        }

        private void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private String word() {
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                pos++;
            }
            return s.substring(start, pos);
        }

        private String quoted() {
            StringBuilder sb = new StringBuilder();
            pos++;
            while (true) {
                char c = peek();
                pos++;
                if (c == '"') {
                    // WKT escapes a quote by doubling it
                    if (pos < s.length() && s.charAt(pos) == '"') {
                        sb.append('"');
                        pos++;
                        continue;
                    }
                    return sb.toString();
                }
                sb.append(c);
            }
        }

        private Double number() {
            int start = pos;
            while (pos < s.length() && "+-.0123456789eE".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
            try {
                return Double.parseDouble(s.substring(start, pos));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad number at " + start, e);
            }
        }
    }
}
