package org.pscdesk.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.pscdesk.store.Feature;
import org.pscdesk.store.FieldDef;
import org.pscdesk.store.FieldType;
import org.pscdesk.store.GeometryType;
import org.pscdesk.store.LayerRole;

/**
 * Draws the demo's incidents from the {@link PlantedModel}: for each in-study cell in row-major order, a count
 * y_c ~ NB2(μ_c, θ), then for each event a point uniform in the cell (and in the study area), a date-time in
 * 2024–2025 and an offense category with its code. Events are written in time order.
 */
final class Incidents {

    static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2025, 12, 31);
    /** Events keep this fraction of a cell's side away from its edges (never exactly on an edge). */
    private static final double EDGE_FRACTION = 0.001;
    private static final int MAX_TRIES = 10_000;

    /** Categories, their share of incidents, and the 6-digit offense codes each may carry (UCR-like). */
    private static final String[] CATEGORIES = {"Larceny", "Vandalism", "Burglary", "Aggravated assault",
        "Motor vehicle theft", "Robbery"};
    private static final double[] CATEGORY_SHARE = {0.32, 0.18, 0.14, 0.14, 0.12, 0.10};
    private static final String[][] CODES = {
        {"061100", "062100", "063100", "064200"},
        {"141100", "141200", "142100"},
        {"051100", "052100", "052300"},
        {"041100", "041200", "041300"},
        {"071100", "072100"},
        {"031100", "031200", "032100"}};
    /** Relative frequency by hour of day (more in the evening and at night). */
    private static final double[] HOUR_WEIGHT = {3.2, 2.8, 2.4, 1.8, 1.2, 0.9, 0.9, 1.2, 1.6, 1.9, 2.1, 2.3, 2.6,
        2.6, 2.7, 2.9, 3.1, 3.3, 3.5, 3.7, 3.9, 4.0, 3.9, 3.6};

    private Incidents() {
    }

    /** The result: the layer and the per-cell draws behind it. */
    record Draw(LayerData layer, double[] mu, int[] counts) {
    }

    /**
     * Draws the incidents.
     *
     * @param variables the planted model's x_k over the grid, in term order
     */
    static Draw generate(Geometry studyArea, StudyGrid grid, PlantedModel model, List<boolean[]> variables,
                         DemoRandom rng) {
        double[] mu = model.mu(grid, variables);
        int[] counts = new int[grid.size()];
        IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(studyArea);
        int days = (int) (LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay()) + 1;
        double cs = grid.cellSize();
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            if (!grid.inStudy(i)) {
                continue;
            }
            counts[i] = rng.negativeBinomial(mu[i], model.theta());
            int col = i % grid.nx();
            int row = i / grid.nx();
            for (int e = 0; e < counts[i]; e++) {
                Coordinate c = new Coordinate();
                int tries = 0;
                do {
                    c.x = grid.x0() + (col + EDGE_FRACTION + (1 - 2 * EDGE_FRACTION) * rng.uniform()) * cs;
                    c.y = grid.y0() + (row + EDGE_FRACTION + (1 - 2 * EDGE_FRACTION) * rng.uniform()) * cs;
                    if (++tries > MAX_TRIES) {
                        // the centre is inside by definition of an in-study cell
                        c.x = grid.centreX(col);
                        c.y = grid.centreY(row);
                        break;
                    }
                } while (locator.locate(c) != Location.INTERIOR);
                LocalDateTime at = FIRST_DAY.plusDays(rng.nextInt(days)).atTime(rng.weighted(HOUR_WEIGHT),
                        rng.nextInt(60));
                int category = rng.weighted(CATEGORY_SHARE);
                String code = CODES[category][rng.nextInt(CODES[category].length)];
                events.add(new Event(events.size(), c, at, CATEGORIES[category], code));
            }
        }
        events.sort(Comparator.comparing(Event::occurred).thenComparingInt(Event::order));
        List<Feature> features = new ArrayList<>(events.size());
        for (Event e : events) {
            features.add(new Feature(studyArea.getFactory().createPoint(e.where()),
                    List.of(e.occurred(), e.category(), e.code())));
        }
        LayerData layer = new LayerData("incidents", "Incidents 2024-2025", LayerRole.OUTCOME, GeometryType.POINT,
                List.of(new FieldDef("occurred", FieldType.DATETIME), new FieldDef("category", FieldType.TEXT),
                        new FieldDef("offense_code", FieldType.TEXT)), "occurred", "category", features);
        return new Draw(layer, mu, counts);
    }

    /** The offense categories, most frequent first. */
    static List<String> categories() {
        return Arrays.asList(CATEGORIES.clone());
    }

    private record Event(int order, Coordinate where, LocalDateTime occurred, String category, String code) {
    }
}
