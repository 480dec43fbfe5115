package org.pscdesk.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.UnknownAuthorityCodeException;

/**
 * A coordinate reference system known by authority and code, with what both halves of PSC Desk need:
 * a proj4 definition for transforming (proj4j) and an OGC WKT1 definition for the GeoPackage's
 * {@code gpkg_spatial_ref_sys} table (GDAL and QGIS read it; proj4j cannot write WKT).
 *
 * <p>WKT comes from a bundled table made with {@code gdalsrsinfo} ({@code crs-wkt.tsv}); UTM zones
 * (EPSG:269zz NAD83 north, 326zz/327zz WGS 84) are generated from one template. For any other code
 * proj4j knows, the WKT is {@code "undefined"}, which the GeoPackage spec allows and GDAL resolves from
 * the organization and code columns.
 *
 * <p>Immutable and thread-safe.
 *
 * @param authority {@code EPSG} or {@code ESRI}
 * @param code the authority's code
 * @param name a human-readable name
 * @param proj4 proj4 parameters, used to build proj4j transforms
 * @param wkt OGC WKT1 definition, or {@code "undefined"}
 */
public record Crs(String authority, int code, String name, String proj4, String wkt) {

    // proj4j's own ESRI:102696 has a truncated scale factor (~0.1 m off); this one matches GDAL (deps doc G12).
    private static final String MISSOURI_EAST_FT =
            "+proj=tmerc +lat_0=35.83333333333334 +lon_0=-90.5 +k=0.999933333 +x_0=250000 +y_0=0"
                    + " +ellps=GRS80 +datum=NAD83 +units=us-ft +no_defs";

    private static final Pattern ID = Pattern.compile("(?i)\\s*(EPSG|ESRI)\\s*:\\s*(\\d+)\\s*");
    private static final CRSFactory FACTORY = new CRSFactory();
    private static final Map<String, String> BUNDLED_WKT = loadBundledWkt();
    private static final Map<String, Crs> CACHE = new HashMap<>();

    /** WGS 84 longitude/latitude, the CRS of GeoJSON and of map display. */
    public static final Crs WGS84 = of("EPSG:4326");

    public Crs {
        Objects.requireNonNull(authority);
        Objects.requireNonNull(name);
        Objects.requireNonNull(proj4);
        Objects.requireNonNull(wkt);
    }

    /**
     * Looks a CRS up by identifier such as {@code EPSG:26915} or {@code ESRI:102696}.
     *
     * @throws IllegalArgumentException with a plain message when the identifier is malformed or unknown
     */
    public static Crs of(String id) {
        Matcher m = ID.matcher(Objects.requireNonNull(id, "id"));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + id + "' is not a CRS code; write it as EPSG:<number>,"
                    + " for example EPSG:26915 (UTM zone 15N) or ESRI:102696 (Missouri East, US feet).");
        }
        String authority = m.group(1).toUpperCase(Locale.ROOT);
        int code = Integer.parseInt(m.group(2));
        String key = authority + ":" + code;
        synchronized (CACHE) {
            Crs cached = CACHE.get(key);
            if (cached != null) {
                return cached;
            }
            Crs crs = build(authority, code);
            CACHE.put(key, crs);
            return crs;
        }
    }

    /**
     * The UTM zone (NAD83 in North America, WGS 84 elsewhere) that contains a longitude/latitude: the
     * default working CRS when a workspace's first data come in longitude/latitude.
     */
    public static Crs utmFor(double lon, double lat) {
        int zone = (int) Math.floor((lon + 180.0) / 6.0) + 1;
        zone = Math.max(1, Math.min(60, zone));
        boolean northAmerica = lat > 0 && lon < -50 && lon > -170 && zone <= 23;
        if (northAmerica) {
            return of("EPSG:" + (26900 + zone));
        }
        return of("EPSG:" + ((lat >= 0 ? 32600 : 32700) + zone));
    }

    /** {@code AUTHORITY:code}, for example {@code EPSG:26915}. */
    public String id() {
        return authority + ":" + code;
    }

    /** True for longitude/latitude systems, which are not valid working CRSs for RTM. */
    public boolean isGeographic() {
        return proj4.contains("+proj=longlat") || proj4.contains("+proj=latlong");
    }

    /** The linear unit's length in metres (1 for metres, 0.3048006096 for US survey feet). */
    public double metresPerUnit() {
        if (isGeographic()) {
            return Double.NaN;
        }
        Matcher toMeter = Pattern.compile("\\+to_meter=([0-9.eE+-]+)").matcher(proj4);
        if (toMeter.find()) {
            return Double.parseDouble(toMeter.group(1));
        }
        if (proj4.contains("+units=us-ft")) {
            return 1200.0 / 3937.0;
        }
        if (proj4.contains("+units=ft")) {
            return 0.3048;
        }
        return 1.0;
    }

    /** The unit's short name as users write it: {@code m}, {@code ft} or {@code deg}. */
    public String unitLabel() {
        if (isGeographic()) {
            return "deg";
        }
        return metresPerUnit() == 1.0 ? "m" : "ft";
    }

    /** The proj4j object for this CRS. */
    public CoordinateReferenceSystem toProj4j() {
        return FACTORY.createFromParameters(id(), proj4);
    }

    @Override
    public String toString() {
        return id() + " (" + name + ")";
    }

    private static Crs build(String authority, int code) {
        String key = authority + ":" + code;
        String proj4;
        String name;
        if (key.equals("ESRI:102696")) {
            proj4 = MISSOURI_EAST_FT;
            name = "NAD83 / Missouri East (ftUS)";
        } else {
            CoordinateReferenceSystem p;
            try {
                p = FACTORY.createFromName(key);
            } catch (UnknownAuthorityCodeException | IllegalStateException e) {
                throw unknown(key);
            } catch (RuntimeException e) {
                throw unknown(key);
            }
            if (p == null) {
                throw unknown(key);
            }
            proj4 = p.getParameterString();
            name = key;
        }
        String wkt = BUNDLED_WKT.get(key);
        if (wkt == null) {
            wkt = utmWkt(authority, code);
        }
        if (wkt == null) {
            wkt = "undefined";
        } else {
            name = wktName(wkt, name);
        }
        return new Crs(authority, code, name, proj4.trim(), wkt);
    }

    private static IllegalArgumentException unknown(String key) {
        return new IllegalArgumentException("The coordinate system " + key + " is not known to PSC Desk;"
                + " check the code (epsg.io lists them) or give the data's .prj file.");
    }

    private static String wktName(String wkt, String fallback) {
        Matcher m = Pattern.compile("^[A-Z]+\\[\"([^\"]+)\"").matcher(wkt);
        return m.find() ? m.group(1) : fallback;
    }

    private static final String NAD83_GEOGCS = "GEOGCS[\"NAD83\",DATUM[\"North_American_Datum_1983\","
            + "SPHEROID[\"GRS 1980\",6378137,298.257222101,AUTHORITY[\"EPSG\",\"7019\"]],"
            + "AUTHORITY[\"EPSG\",\"6269\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
            + "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4269\"]]";
    private static final String WGS84_GEOGCS = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\","
            + "SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],"
            + "AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
            + "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4326\"]]";

    /** WKT for UTM zones, in the form {@code gdalsrsinfo -o wkt1} prints them. */
    static String utmWkt(String authority, int code) {
        if (!authority.equals("EPSG")) {
            return null;
        }
        String geog;
        String datumName;
        int zone;
        boolean north = true;
        if (code > 26900 && code <= 26923) {
            geog = NAD83_GEOGCS;
            datumName = "NAD83";
            zone = code - 26900;
        } else if (code > 32600 && code <= 32660) {
            geog = WGS84_GEOGCS;
            datumName = "WGS 84";
            zone = code - 32600;
        } else if (code > 32700 && code <= 32760) {
            geog = WGS84_GEOGCS;
            datumName = "WGS 84";
            zone = code - 32700;
            north = false;
        } else {
            return null;
        }
        int centralMeridian = zone * 6 - 183;
        return "PROJCS[\"" + datumName + " / UTM zone " + zone + (north ? "N" : "S") + "\"," + geog
                + ",PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],"
                + "PARAMETER[\"central_meridian\"," + centralMeridian + "],PARAMETER[\"scale_factor\",0.9996],"
                + "PARAMETER[\"false_easting\",500000],PARAMETER[\"false_northing\"," + (north ? 0 : 10000000) + "],"
                + "UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],AXIS[\"Easting\",EAST],AXIS[\"Northing\",NORTH],"
                + "AUTHORITY[\"EPSG\",\"" + code + "\"]]";
    }

    private static Map<String, String> loadBundledWkt() {
        Map<String, String> map = new HashMap<>();
        try (InputStream in = Crs.class.getResourceAsStream("crs-wkt.tsv")) {
            if (in == null) {
                throw new IllegalStateException("crs-wkt.tsv missing from the application jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                map.put(line.substring(0, tab), line.substring(tab + 1));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read crs-wkt.tsv", e);
        }
        return Map.copyOf(map);
    }
}
