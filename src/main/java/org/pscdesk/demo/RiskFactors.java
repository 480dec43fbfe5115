package org.pscdesk.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.pscdesk.store.Feature;
import org.pscdesk.store.FieldDef;
import org.pscdesk.store.FieldType;
import org.pscdesk.store.GeometryType;
import org.pscdesk.store.LayerRole;

/**
 * Places the seven risk-factor layers of the demo city with the seeded stream, in a fixed order
 * (bus stops, bars, liquor stores, schools, gas stations, pawn shops, vacant lots). Placement rules are in
 * docs/demo-city.md; every feature lies inside the study area, at least {@value #EDGE_MARGIN} m from its
 * boundary, and outside the parks.
 */
final class RiskFactors {

    /** Keep features this far inside the study-area boundary. */
    private static final double EDGE_MARGIN = 15;
    /** Give up on a placement rule after this many rejected draws (a bug in the plan, not bad luck). */
    private static final int MAX_TRIES = 100_000;

    static final int BUS_STOP_SPACING_MIN = 380;
    static final int BUS_STOP_SPACING_MAX = 520;
    static final int HUB_STOPS = 6;
    static final int BARS_CLUSTERED = 24;
    static final int BARS_SCATTERED = 16;
    static final int LIQUOR_ON_ARTERIALS = 18;
    static final int LIQUOR_ON_LOCAL_STREETS = 7;
    static final int SCHOOLS = 15;
    static final double SCHOOL_SPACING = 900;
    static final int GAS_STATIONS = 20;
    static final int PAWN_SHOPS = 10;
    static final int LOTS_PER_CLUSTER = 36;
    static final int LOTS_SCATTERED = 12;
    /** The neighbourhoods where vacant lots concentrate. */
    static final List<String> VACANT_LOT_CLUSTERS = List.of("Old Mill", "Kessler Flats", "Foundry Row");
    /** Transit centres (local u, v at arterial crossings): Commerce St &amp; Main St, Prairie Ave &amp; Northway Blvd. */
    private static final double[][] HUBS = {{3000, 2000}, {2000, 4000}};
    private static final String[] HUB_NAMES = {"Market District Transit Center", "Northgate Transit Center"};
    /** Centre (local) and spread of the entertainment district where most bars are. */
    private static final double[] BAR_DISTRICT = {3300, 1700};
    private static final double BAR_SPREAD = 250;

    private static final String[] BAR_ADJECTIVES = {"Copper", "Rusty", "Blue", "Golden", "Lucky", "Crooked",
        "Silver", "Red", "Iron", "Velvet", "Jolly", "Quiet", "Wandering", "Broken", "Lazy", "Midnight"};
    private static final String[] BAR_NOUNS = {"Anchor", "Kettle", "Lantern", "Barrel", "Heron", "Fox", "Owl",
        "Tap", "Ferry", "Mill", "Crow", "Bridge", "Horseshoe", "Keg"};
    private static final String[] SHOP_WORDS = {"Corner", "Riverbend", "Eagle", "Lucky", "Star", "Gateway",
        "Northside", "Depot", "Levee", "Crown", "Bluff", "Harbor", "Union", "Family", "Budget", "Express"};
    private static final String[] LIQUOR_PATTERNS = {"%s Liquor Mart", "%s Wine & Spirits", "%s Package Liquor",
        "%s Liquors"};
    private static final String[] PAWN_PATTERNS = {"%s Pawn & Loan", "%s Gold & Pawn", "%s Pawn Shop"};
    private static final String[] FUEL_BRANDS = {"Quikfill", "Riverstop", "Gateway Fuel", "Summit Gas", "Bluebird"};
    private static final String[] LOT_OWNERS = {"Land bank", "Private", "City"};
    private static final double[] LOT_OWNER_WEIGHTS = {0.55, 0.35, 0.10};

    private final CityLayout city;
    private final DemoRandom rng;
    private final IndexedPointInAreaLocator studyLocator;
    private final List<CityLayout.Street> arterials;
    private final double[] arterialLengths;
    private final Map<String, Integer> routes = new LinkedHashMap<>();

    private RiskFactors(CityLayout city, DemoRandom rng) {
        this.city = city;
        this.rng = rng;
        this.studyLocator = new IndexedPointInAreaLocator(city.studyArea());
        this.arterials = city.arterials();
        this.arterialLengths = arterials.stream().mapToDouble(s -> s.line().getLength()).toArray();
        for (CityLayout.Street s : arterials) {
            routes.putIfAbsent(s.name(), routes.size() + 1);
        }
    }

    /** The seven factor layers in write order. */
    static List<LayerData> place(CityLayout city, DemoRandom rng) {
        RiskFactors f = new RiskFactors(city, rng);
        return List.of(f.busStops(), f.bars(), f.liquorStores(), f.schools(), f.gasStations(), f.pawnShops(),
                f.vacantLots());
    }

    private LayerData busStops() {
        List<Feature> out = new ArrayList<>();
        for (CityLayout.Street street : arterials) {
            LineString line = street.line();
            double length = line.getLength();
            double pos = rng.uniform(60, 260);
            while (pos < length - 40) {
                Coordinate c = offsetAlong(line, pos, 9);
                if (acceptable(c)) {
                    out.add(point(c, List.of(street.name() + " & " + crossStreet(street, c),
                            "Route " + routes.get(street.name()), rng.chance(0.4))));
                }
                pos += rng.uniform(BUS_STOP_SPACING_MIN, BUS_STOP_SPACING_MAX);
            }
        }
        for (int h = 0; h < HUBS.length; h++) {
            for (int bay = 1; bay <= HUB_STOPS; bay++) {
                Coordinate c;
                do {
                    double r = rng.uniform(15, 120);
                    double a = rng.uniform(0, 2 * Math.PI);
                    c = city.local(HUBS[h][0] + r * Math.cos(a), HUBS[h][1] + r * Math.sin(a));
                } while (!acceptable(c));
                out.add(point(c, List.of(HUB_NAMES[h] + ", bay " + bay, "Transit center", Boolean.TRUE)));
            }
        }
        return new LayerData("bus_stops", "Bus stops", LayerRole.FACTOR, GeometryType.POINT,
                List.of(text("name"), text("route"), new FieldDef("shelter", FieldType.BOOLEAN)), out);
    }

    private LayerData bars() {
        List<Feature> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < BARS_CLUSTERED + BARS_SCATTERED; i++) {
            Coordinate c = i < BARS_CLUSTERED
                    ? nearStreet(() -> new double[] {BAR_DISTRICT[0] + BAR_SPREAD * rng.normal(),
                        BAR_DISTRICT[1] + BAR_SPREAD * rng.normal()})
                    : alongArterial();
            String name = unique(names, () -> "The " + rng.pick(List.of(BAR_ADJECTIVES)) + " "
                    + rng.pick(List.of(BAR_NOUNS)));
            out.add(point(c, List.of(name, rng.chance(0.7) ? "Full liquor" : "Beer and wine")));
        }
        return new LayerData("bars", "Bars", LayerRole.FACTOR, GeometryType.POINT,
                List.of(text("name"), text("licence")), out);
    }

    private LayerData liquorStores() {
        List<Feature> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < LIQUOR_ON_ARTERIALS + LIQUOR_ON_LOCAL_STREETS; i++) {
            Coordinate c = i < LIQUOR_ON_ARTERIALS ? alongArterial()
                    : nearStreet(() -> new double[] {rng.uniform(0, CityLayout.WIDTH), rng.uniform(0, CityLayout.HEIGHT)});
            String name = unique(names, () -> String.format(Locale.ROOT, rng.pick(List.of(LIQUOR_PATTERNS)),
                    rng.pick(List.of(SHOP_WORDS))));
            out.add(point(c, List.of(name, "Package liquor")));
        }
        return new LayerData("liquor_stores", "Liquor stores", LayerRole.FACTOR, GeometryType.POINT,
                List.of(text("name"), text("licence")), out);
    }

    private LayerData schools() {
        String[] levels = {"Elementary School", "Middle School", "High School"};
        List<Feature> out = new ArrayList<>();
        List<Coordinate> placed = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int tries = 0;
        while (out.size() < SCHOOLS) {
            if (++tries > MAX_TRIES) {
                throw new IllegalStateException("could not place " + SCHOOLS + " schools");
            }
            int i = rng.nextInt((int) (CityLayout.WIDTH / CityLayout.BLOCK));
            int j = rng.nextInt((int) (CityLayout.HEIGHT / CityLayout.BLOCK));
            // a block's middle, moved up to 30 m so that schools do not sit on cell corners
            Coordinate c = city.local((i + 0.5) * CityLayout.BLOCK + rng.uniform(-30, 30),
                    (j + 0.5) * CityLayout.BLOCK + rng.uniform(-30, 30));
            if (!acceptable(c) || boundaryDistance(c) < 150
                    || placed.stream().anyMatch(p -> p.distance(c) < SCHOOL_SPACING)) {
                continue;
            }
            placed.add(c);
            int n = out.size();
            String level = levels[n < 9 ? 0 : n < 12 ? 1 : 2];
            String name = city.neighbourhoodAt(c.x, c.y) + " " + level;
            if (!names.add(name)) {
                name = CityLayout.eastWestName(Math.max(1, j)).replace(" Avenue", "").replace(" Street", "")
                        + " " + level;
                names.add(name);
            }
            out.add(point(c, List.of(name, level.replace(" School", "").toLowerCase(Locale.ROOT))));
        }
        return new LayerData("schools", "Schools", LayerRole.FACTOR, GeometryType.POINT,
                List.of(text("name"), text("level")), out);
    }

    private LayerData gasStations() {
        List<int[]> corners = new ArrayList<>();
        for (int k = 1; k * CityLayout.BLOCK < CityLayout.WIDTH; k++) {
            for (int m = 1; m * CityLayout.BLOCK < CityLayout.HEIGHT; m++) {
                boolean arterial = k % CityLayout.ARTERIAL_EVERY == 0 || m % CityLayout.ARTERIAL_EVERY == 0;
                Coordinate c = city.local(k * CityLayout.BLOCK, m * CityLayout.BLOCK);
                if (arterial && inside(c) && boundaryDistance(c) > 60) {
                    corners.add(new int[] {k, m});
                }
            }
        }
        List<Feature> out = new ArrayList<>();
        int tries = 0;
        while (out.size() < GAS_STATIONS) {
            if (++tries > MAX_TRIES) {
                throw new IllegalStateException("could not place gas stations");
            }
            int[] km = corners.remove(rng.nextInt(corners.size()));
            double su = rng.chance(0.5) ? 1 : -1;
            double sv = rng.chance(0.5) ? 1 : -1;
            Coordinate c = city.local(km[0] * CityLayout.BLOCK + su * rng.uniform(15, 25),
                    km[1] * CityLayout.BLOCK + sv * rng.uniform(15, 25));
            if (!acceptable(c)) {
                continue;
            }
            String brand = rng.pick(List.of(FUEL_BRANDS));
            out.add(point(c, List.of(brand + ", " + CityLayout.northSouthName(km[0]) + " & "
                    + CityLayout.eastWestName(km[1]), brand, rng.chance(0.5))));
        }
        return new LayerData("gas_stations", "Gas stations", LayerRole.FACTOR, GeometryType.POINT,
                List.of(text("name"), text("brand"), new FieldDef("open_24h", FieldType.BOOLEAN)), out);
    }

    private LayerData pawnShops() {
        List<Feature> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < PAWN_SHOPS; i++) {
            Coordinate c = alongArterial();
            String name = unique(names, () -> String.format(Locale.ROOT, rng.pick(List.of(PAWN_PATTERNS)),
                    rng.pick(List.of(SHOP_WORDS))));
            out.add(point(c, List.of(name)));
        }
        return new LayerData("pawn_shops", "Pawn shops", LayerRole.FACTOR, GeometryType.POINT,
                List.of(text("name")), out);
    }

    /**
     * Vacant lots: {@value #LOTS_PER_CLUSTER} in each cluster neighbourhood, {@value #LOTS_SCATTERED} anywhere.
     * A lot is a rectangle on the south or north side of a block (5 frontage slots of 35.2 m per side), with
     * frontage 18–31 m and depth 28–44 m drawn continuously, so no cell centre is exactly a band edge away.
     */
    private LayerData vacantLots() {
        List<Feature> out = new ArrayList<>();
        Set<Long> usedSlots = new HashSet<>();
        for (String cluster : VACANT_LOT_CLUSTERS) {
            Polygon hood = city.neighbourhood(cluster).polygon();
            int placed = 0;
            int tries = 0;
            while (placed < LOTS_PER_CLUSTER) {
                if (++tries > MAX_TRIES) {
                    throw new IllegalStateException("could not place vacant lots in " + cluster);
                }
                Envelope box = hood.getEnvelopeInternal();
                double u = rng.uniform(box.getMinX(), box.getMaxX()) - city.originX();
                double v = rng.uniform(box.getMinY(), box.getMaxY()) - city.originY();
                int lots = 2 + rng.nextInt(5);
                placed += lotsInBlock(out, usedSlots, (int) (u / CityLayout.BLOCK), (int) (v / CityLayout.BLOCK),
                        Math.min(lots, LOTS_PER_CLUSTER - placed), hood);
            }
        }
        int scattered = 0;
        int tries = 0;
        while (scattered < LOTS_SCATTERED) {
            if (++tries > MAX_TRIES) {
                throw new IllegalStateException("could not place scattered vacant lots");
            }
            scattered += lotsInBlock(out, usedSlots, rng.nextInt((int) (CityLayout.WIDTH / CityLayout.BLOCK)),
                    rng.nextInt((int) (CityLayout.HEIGHT / CityLayout.BLOCK)), 1, city.studyArea());
        }
        return new LayerData("vacant_lots", "Vacant lots", LayerRole.FACTOR, GeometryType.POLYGON,
                List.of(text("parcel_id"), text("owner"), new FieldDef("vacant_since", FieldType.DATE),
                        new FieldDef("area_m2", FieldType.REAL)), out);
    }

    /** Puts up to n lots in block (i, j) if the block lies inside {@code within} and is no park; returns how many. */
    private int lotsInBlock(List<Feature> out, Set<Long> usedSlots, int i, int j, int n, Geometry within) {
        double bu = i * CityLayout.BLOCK;
        double bv = j * CityLayout.BLOCK;
        Polygon block = city.rectangle(bu + CityLayout.HALF_STREET, bv + CityLayout.HALF_STREET,
                bu + CityLayout.BLOCK - CityLayout.HALF_STREET, bv + CityLayout.BLOCK - CityLayout.HALF_STREET);
        if (!within.contains(block) || !city.studyArea().contains(block) || boundaryDistance(block.getCentroid()
                .getCoordinate()) < 120 || city.parks().stream().anyMatch(p -> p.polygon().intersects(block))) {
            return 0;
        }
        double slot = (CityLayout.BLOCK - 2 * CityLayout.HALF_STREET) / 5;
        int added = 0;
        for (int k = 0; k < n; k++) {
            int side = rng.nextInt(2);
            int s = rng.nextInt(5);
            long key = ((long) i * 1000 + j) * 10 + side * 5 + s;
            if (!usedSlots.add(key)) {
                continue;
            }
            double u0 = bu + CityLayout.HALF_STREET + s * slot + rng.uniform(0.5, 4);
            double u1 = u0 + rng.uniform(18, 31);
            double depth = rng.uniform(28, 44);
            double v0 = side == 0 ? bv + CityLayout.HALF_STREET : bv + CityLayout.BLOCK - CityLayout.HALF_STREET - depth;
            Polygon lot = city.rectangle(u0, v0, u1, v0 + depth);
            int owner = rng.weighted(LOT_OWNER_WEIGHTS);
            LocalDate since = LocalDate.of(2012, 1, 1).plusDays(rng.nextInt(12 * 365));
            String parcel = String.format(Locale.ROOT, "RB-%02d%02d-%d%d", i, j, side, s);
            out.add(new Feature(lot, List.of(parcel, LOT_OWNERS[owner], since,
                    Math.round(lot.getArea() * 10) / 10.0)));
            added++;
        }
        return added;
    }

    /** A point on a random arterial (chosen in proportion to length), set back 10–18 m on a random side. */
    private Coordinate alongArterial() {
        for (int t = 0; t < MAX_TRIES; t++) {
            LineString line = arterials.get(rng.weighted(arterialLengths)).line();
            double pos = rng.uniform(0, line.getLength());
            double side = rng.chance(0.5) ? 1 : -1;
            Coordinate c = offsetAlong(line, pos, side * rng.uniform(10, 18));
            if (acceptable(c)) {
                return c;
            }
        }
        throw new IllegalStateException("no place along the arterials");
    }

    /** A drawn local point moved to the nearest street centre-line, then set back 10–18 m on its side of it. */
    private Coordinate nearStreet(Supplier<double[]> draw) {
        for (int t = 0; t < MAX_TRIES; t++) {
            double[] uv = draw.get();
            double du = uv[0] - CityLayout.BLOCK * Math.rint(uv[0] / CityLayout.BLOCK);
            double dv = uv[1] - CityLayout.BLOCK * Math.rint(uv[1] / CityLayout.BLOCK);
            double setback = rng.uniform(10, 18);
            if (Math.abs(du) < Math.abs(dv)) {
                uv[0] = uv[0] - du + Math.copySign(setback, du);
            } else {
                uv[1] = uv[1] - dv + Math.copySign(setback, dv);
            }
            Coordinate c = city.local(uv[0], uv[1]);
            if (acceptable(c)) {
                return c;
            }
        }
        throw new IllegalStateException("no place near a street");
    }

    /** The point at distance pos along a straight line, moved sideways by offset (positive = right of travel). */
    private static Coordinate offsetAlong(LineString line, double pos, double offset) {
        Coordinate a = line.getCoordinateN(0);
        Coordinate b = line.getCoordinateN(line.getNumPoints() - 1);
        double len = a.distance(b);
        double ux = (b.x - a.x) / len;
        double uy = (b.y - a.y) / len;
        return new Coordinate(a.x + ux * pos + uy * offset, a.y + uy * pos - ux * offset);
    }

    /** The cross street nearest to a point on a street: by v for north–south and diagonal streets, else by u. */
    private String crossStreet(CityLayout.Street street, Coordinate c) {
        Coordinate a = street.line().getCoordinateN(0);
        Coordinate b = street.line().getCoordinateN(street.line().getNumPoints() - 1);
        boolean eastWest = Math.abs(b.y - a.y) < 1;
        if (eastWest) {
            int k = (int) Math.rint((c.x - city.originX()) / CityLayout.BLOCK);
            return CityLayout.northSouthName(Math.max(1, Math.min(34, k)));
        }
        int k = (int) Math.rint((c.y - city.originY()) / CityLayout.BLOCK);
        return CityLayout.eastWestName(Math.max(1, Math.min(24, k)));
    }

    private boolean inside(Coordinate c) {
        return studyLocator.locate(c) == Location.INTERIOR;
    }

    private boolean acceptable(Coordinate c) {
        return inside(c) && boundaryDistance(c) >= EDGE_MARGIN && !city.inPark(c.x, c.y);
    }

    private double boundaryDistance(Coordinate c) {
        return city.studyArea().getExteriorRing().distance(city.factory().createPoint(c));
    }

    private String unique(Set<String> taken, Supplier<String> draw) {
        for (int t = 0; t < 50; t++) {
            String name = draw.get();
            if (taken.add(name)) {
                return name;
            }
        }
        String name = draw.get();
        for (int n = 2; ; n++) {
            if (taken.add(name + " " + n)) {
                return name + " " + n;
            }
        }
    }

    private Feature point(Coordinate c, List<Object> values) {
        Point p = city.factory().createPoint(c);
        return new Feature(p, values);
    }

    private static FieldDef text(String name) {
        return new FieldDef(name, FieldType.TEXT);
    }
}
