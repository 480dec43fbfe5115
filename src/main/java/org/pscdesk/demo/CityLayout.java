package org.pscdesk.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.pscdesk.geo.CoordinateTransform;
import org.pscdesk.geo.Crs;

/**
 * The fixed, seed-independent plan of Riverbend: study area, street grid, neighbourhoods and parks, in
 * EPSG:26915 metres. Everything is laid out in local metres (u east, v north) from the south-west corner of
 * the study area's bounding box and shifted by an origin that puts the city's centre near St. Louis.
 *
 * <p>Plan: a 7 km × 5 km bounding box; the east edge is a river bend, x = 5560 + 1440·sin(π s) for
 * s ∈ [0, 1] along the edge; streets every 200 m (every fifth one an arterial) plus two diagonal
 * arterials; 20 neighbourhoods tile the study area; 8 parks of one to six blocks.
 */
final class CityLayout {

    /** Block length: street centre-lines every 200 m. */
    static final double BLOCK = 200;
    /** Every fifth street (1 km) is an arterial. */
    static final int ARTERIAL_EVERY = 5;
    /** Study-area bounding box, local metres. */
    static final double WIDTH = 7000;
    static final double HEIGHT = 5000;
    /** The city centre in longitude/latitude (downtown St. Louis), projected to find the origin. */
    static final double CENTRE_LON = -90.25;
    static final double CENTRE_LAT = 38.63;
    /** Half a street right-of-way: parks and lots start this far from a centre-line. */
    static final double HALF_STREET = 12;

    static final Crs CRS = Crs.of("EPSG:26915");

    /** A street piece (one feature). */
    record Street(String name, boolean arterial, LineString line) {
    }

    /** A named polygon (neighbourhood or park). */
    record Area(String name, Polygon polygon) {
    }

    private static final String[] NS_ARTERIALS = {"Westgate Boulevard", "Prairie Avenue", "Commerce Street",
        "Foundry Avenue", "Harbor Boulevard", "Bluff Road"};
    private static final String[] EW_ARTERIALS = {"Ferry Street", "Main Street", "Union Avenue",
        "Northway Boulevard"};
    private static final String[] EW_LOCALS = {"Ash", "Birch", "Cedar", "Dogwood", "Elm", "Fir", "Hazel", "Holly",
        "Juniper", "Laurel", "Linden", "Magnolia", "Maple", "Oak", "Pine", "Poplar", "Spruce", "Sycamore", "Walnut",
        "Willow"};
    /** Neighbourhood columns (u breaks) and, per column, row breaks (v): all on streets. */
    private static final double[] COLUMN_BREAKS = {0, 1400, 2800, 4200, 5600, 7000};
    private static final double[][] ROW_BREAKS = {
        {0, 1200, 2400, 3600, 5000},
        {0, 1400, 2600, 3800, 5000},
        {0, 1000, 2200, 3400, 5000},
        {0, 1200, 2600, 3800, 5000},
        {0, 1400, 2400, 3600, 5000}};
    private static final String[][] NEIGHBOURHOODS = {
        {"Westgate", "Prairie Park", "Old Mill", "Lantern Hill"},
        {"Millbrook", "Kessler Flats", "Elmwood", "Northgate"},
        {"Fairgrounds", "Market District", "Union Square", "Cedar Heights"},
        {"Foundry Row", "Ferry Landing", "Sycamore Hollow", "Bellhaven"},
        {"Harbor Point", "Riverside", "Tanner's Bend", "Bluffview"}};
    /** Parks: name and block range (first/last block column, first/last block row), local block indices. */
    private static final Object[][] PARKS = {
        {"Heron Park", 3, 4, 8, 9},
        {"Fairgrounds Park", 12, 14, 2, 3},
        {"Millbrook Green", 8, 8, 4, 4},
        {"Lantern Hill Park", 3, 4, 17, 18},
        {"Union Square Park", 16, 16, 13, 13},
        {"Foundry Commons", 22, 22, 3, 3},
        {"Confluence Park", 27, 28, 12, 14},
        {"Bellhaven Park", 23, 24, 21, 22}};

    private final GeometryFactory factory = new GeometryFactory();
    private final double originX;
    private final double originY;
    private final Polygon studyArea;
    private final List<Street> streets;
    private final List<Area> neighbourhoods;
    private final List<Area> parks;

    private CityLayout() {
        double[] centre = {CENTRE_LON, CENTRE_LAT};
        new CoordinateTransform(Crs.WGS84, CRS).apply(centre);
        // round the centre to 100 m so that cell and block edges fall on round coordinates
        originX = Math.round(centre[0] / 100) * 100.0 - WIDTH / 2;
        originY = Math.round(centre[1] / 100) * 100.0 - HEIGHT / 2;
        studyArea = buildStudyArea();
        streets = buildStreets();
        neighbourhoods = buildNeighbourhoods();
        parks = buildParks();
    }

    /** The plan (deterministic; no randomness). */
    static CityLayout build() {
        return new CityLayout();
    }

    GeometryFactory factory() {
        return factory;
    }

    /** x of the study area's bounding-box minimum (the RTM grid origin). */
    double originX() {
        return originX;
    }

    /** y of the study area's bounding-box minimum (the RTM grid origin). */
    double originY() {
        return originY;
    }

    Polygon studyArea() {
        return studyArea;
    }

    List<Street> streets() {
        return streets;
    }

    List<Street> arterials() {
        return streets.stream().filter(Street::arterial).toList();
    }

    List<Area> neighbourhoods() {
        return neighbourhoods;
    }

    List<Area> parks() {
        return parks;
    }

    /** World x of local u. */
    double x(double u) {
        return originX + u;
    }

    /** World y of local v. */
    double y(double v) {
        return originY + v;
    }

    /** The name of the north–south street at u = k·200 (k = 1 … 34). */
    static String northSouthName(int k) {
        if (k % ARTERIAL_EVERY == 0) {
            return NS_ARTERIALS[k / ARTERIAL_EVERY - 1];
        }
        return ordinal(k) + " Street";
    }

    /** The name of the east–west street at v = k·200 (k = 1 … 24). */
    static String eastWestName(int k) {
        if (k % ARTERIAL_EVERY == 0) {
            return EW_ARTERIALS[k / ARTERIAL_EVERY - 1];
        }
        return EW_LOCALS[k - 1 - k / ARTERIAL_EVERY] + " Avenue";
    }

    /** The neighbourhood containing a world point, or null. */
    String neighbourhoodAt(double x, double y) {
        Geometry p = factory.createPoint(new Coordinate(x, y));
        for (Area a : neighbourhoods) {
            if (a.polygon().covers(p)) {
                return a.name();
            }
        }
        return null;
    }

    /** The neighbourhood with this name. */
    Area neighbourhood(String name) {
        return neighbourhoods.stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no neighbourhood " + name));
    }

    private static String ordinal(int n) {
        String suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return String.format(Locale.ROOT, "%d%s", n, suffix);
    }

    private Polygon buildStudyArea() {
        List<Coordinate> ring = new ArrayList<>();
        double[][] south = {{310, 0}, {3870, 0}, {4130, 230}};
        for (double[] p : south) {
            ring.add(local(p[0], p[1]));
        }
        // the river bend: 32 segments, widest (u = 7000) exactly at s = 1/2
        int segments = 32;
        for (int i = 0; i <= segments; i++) {
            double s = (double) i / segments;
            ring.add(local(5560 + 1440 * Math.sin(Math.PI * s), 230 + 4770 * s));
        }
        double[][] northWest = {{2210, 5000}, {2210, 4620}, {930, 4620}, {930, 4170}, {0, 3710}, {0, 1480},
            {310, 0}};
        for (double[] p : northWest) {
            ring.add(local(p[0], p[1]));
        }
        Polygon polygon = factory.createPolygon(ring.toArray(new Coordinate[0]));
        if (!polygon.isValid()) {
            throw new IllegalStateException("the demo study area is not a valid polygon");
        }
        return polygon;
    }

    private List<Street> buildStreets() {
        List<Street> result = new ArrayList<>();
        for (int k = 1; k * BLOCK < WIDTH; k++) {
            addClipped(result, northSouthName(k), k % ARTERIAL_EVERY == 0,
                    line(k * BLOCK, -10, k * BLOCK, HEIGHT + 10));
        }
        for (int k = 1; k * BLOCK < HEIGHT; k++) {
            addClipped(result, eastWestName(k), k % ARTERIAL_EVERY == 0, line(-10, k * BLOCK, WIDTH + 10, k * BLOCK));
        }
        addClipped(result, "Riverbend Parkway", true, line(0, 500, 6000, 5300));
        addClipped(result, "Old Ferry Road", true, line(500, 5200, 5200, -100));
        return List.copyOf(result);
    }

    private void addClipped(List<Street> out, String name, boolean arterial, LineString line) {
        Geometry clipped = studyArea.intersection(line);
        for (int i = 0; i < clipped.getNumGeometries(); i++) {
            Geometry part = clipped.getGeometryN(i);
            if (part instanceof LineString piece && piece.getLength() > 1) {
                out.add(new Street(name, arterial, piece));
            }
        }
    }

    private List<Area> buildNeighbourhoods() {
        List<Area> result = new ArrayList<>();
        for (int col = 0; col < COLUMN_BREAKS.length - 1; col++) {
            for (int row = 0; row < ROW_BREAKS[col].length - 1; row++) {
                Polygon box = rectangle(COLUMN_BREAKS[col], ROW_BREAKS[col][row], COLUMN_BREAKS[col + 1],
                        ROW_BREAKS[col][row + 1]);
                Geometry piece = studyArea.intersection(box);
                if (!(piece instanceof Polygon polygon) || polygon.isEmpty()) {
                    throw new IllegalStateException("neighbourhood " + NEIGHBOURHOODS[col][row] + " is not one polygon");
                }
                result.add(new Area(NEIGHBOURHOODS[col][row], polygon));
            }
        }
        return List.copyOf(result);
    }

    private List<Area> buildParks() {
        List<Area> result = new ArrayList<>();
        for (Object[] park : PARKS) {
            int i0 = (Integer) park[1];
            int i1 = (Integer) park[2];
            int j0 = (Integer) park[3];
            int j1 = (Integer) park[4];
            Polygon polygon = rectangle(i0 * BLOCK + HALF_STREET, j0 * BLOCK + HALF_STREET,
                    (i1 + 1) * BLOCK - HALF_STREET, (j1 + 1) * BLOCK - HALF_STREET);
            if (!studyArea.contains(polygon)) {
                throw new IllegalStateException("park " + park[0] + " is not inside the study area");
            }
            result.add(new Area((String) park[0], polygon));
        }
        return List.copyOf(result);
    }

    /** True if a world point lies in a park. */
    boolean inPark(double x, double y) {
        Geometry p = factory.createPoint(new Coordinate(x, y));
        return parks.stream().anyMatch(a -> a.polygon().covers(p));
    }

    /** A rectangle from local corners. */
    Polygon rectangle(double u0, double v0, double u1, double v1) {
        return factory.createPolygon(new Coordinate[] {local(u0, v0), local(u1, v0), local(u1, v1), local(u0, v1),
            local(u0, v0)});
    }

    private LineString line(double u0, double v0, double u1, double v1) {
        return factory.createLineString(new Coordinate[] {local(u0, v0), local(u1, v1)});
    }

    /** The world coordinate of local (u, v). */
    Coordinate local(double u, double v) {
        return new Coordinate(originX + u, originY + v);
    }
}
