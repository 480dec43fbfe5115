package org.pscdesk.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKBWriter;
import org.pscdesk.meeting.ActionItem;
import org.pscdesk.meeting.AgendaStep;
import org.pscdesk.meeting.Body;
import org.pscdesk.meeting.BodyKind;
import org.pscdesk.meeting.Meeting;
import org.pscdesk.meeting.MeetingStatus;
import org.pscdesk.meeting.Organization;
import org.pscdesk.meeting.Program;
import org.pscdesk.meeting.Sector;
import org.pscdesk.store.DirectoryRepository;
import org.pscdesk.store.Feature;
import org.pscdesk.store.LayerInfo;
import org.pscdesk.store.LayerRole;
import org.pscdesk.store.MeetingRepository;
import org.pscdesk.store.Workspace;
import org.pscdesk.store.WorkspaceException;

class DemoCityTest {

    private static final Path DOC = Path.of("docs", "demo-city.md");
    private static final List<String> CITY_PLAN = List.of("study_area", "neighbourhoods", "parks", "streets");

    @TempDir
    static Path dir;
    static Path demo;
    static DemoSummary summary;

    @BeforeAll
    static void writeDefaultDemo() throws WorkspaceException {
        demo = dir.resolve("demo.gpkg");
        summary = DemoCity.write(demo);
    }

    @Test
    void writesIdenticalLayersForTheSameSeed() throws WorkspaceException {
        Path again = dir.resolve("again.gpkg");
        DemoSummary second = DemoCity.write(again);

        assertEquals(summary.layerCounts(), second.layerCounts());
        try (Workspace a = Workspace.open(demo); Workspace b = Workspace.open(again)) {
            assertEquals(a.layers(), b.layers(), "layer definitions, counts, extents and provenance");
            for (LayerInfo layer : a.layers()) {
                assertEquals(contents(a, layer.name()), contents(b, layer.name()), layer.name());
            }
            for (String key : List.of("name", "demo", "demo_seed", "block_length_m", "cell_size_m", "created_at")) {
                assertEquals(a.meta(key), b.meta(key), key);
            }
        }
    }

    @Test
    void differentSeedChangesIncidentsButNotTheCityPlan() throws WorkspaceException {
        Path other = dir.resolve("other-seed.gpkg");
        DemoCity.write(other, DemoCity.DEFAULT_SEED + 1);

        try (Workspace a = Workspace.open(demo); Workspace b = Workspace.open(other)) {
            assertNotEquals(contents(a, "incidents"), contents(b, "incidents"));
            for (String plan : CITY_PLAN) {
                assertEquals(contents(a, plan), contents(b, plan), plan);
            }
            assertEquals(Long.toString(DemoCity.DEFAULT_SEED + 1), b.meta("demo_seed").orElseThrow());
        }
    }

    @Test
    void layersAreAsDocumentedWithRoleGeometryCountAndUtmCrs() throws IOException, WorkspaceException {
        Map<String, String[]> documented = documentedLayers();
        try (Workspace ws = Workspace.open(demo)) {
            List<LayerInfo> layers = ws.layers();
            assertEquals(List.copyOf(documented.keySet()), layers.stream().map(LayerInfo::name).toList(),
                    "the documented layers, in order");
            for (LayerInfo layer : layers) {
                String[] doc = documented.get(layer.name());
                assertEquals(doc[0], layer.role().key(), layer.name() + " role");
                assertEquals(doc[1], layer.geometryType().ogcName(), layer.name() + " geometry");
                assertEquals(Long.parseLong(doc[2].replace(",", "")), layer.count(), layer.name() + " count");
                assertEquals("EPSG:26915", layer.srs(), layer.name() + " CRS");
            }
        }
    }

    @Test
    void summaryCountsMatchWhatTheWorkspaceReadsBack() throws WorkspaceException {
        try (Workspace ws = Workspace.open(demo)) {
            Map<String, Long> stored = new LinkedHashMap<>();
            for (LayerInfo layer : ws.layers()) {
                stored.put(layer.name(), layer.count());
                assertEquals(layer.count(), ws.features(layer.name()).size(), layer.name());
            }
            assertEquals(stored, summary.layerCounts());
            assertEquals(summary.organizations(), new DirectoryRepository(ws).organizations().size());
            assertEquals(summary.programs(), new DirectoryRepository(ws).programs().size());
            assertEquals(summary.openActionItems(), new MeetingRepository(ws).openActionItems().size());
            assertEquals(summary.studyCells(), grid(ws).studyCells());
        }
        assertTrue(summary.incidents() >= 5000 && summary.incidents() <= 7000, "two years of incidents: "
                + summary.incidents());
    }

    @Test
    void outcomeLayerMapsItsDateAndCategoryFields() throws WorkspaceException {
        try (Workspace ws = Workspace.open(demo)) {
            LayerInfo incidents = ws.layer("incidents").orElseThrow();
            assertEquals(LayerRole.OUTCOME, incidents.role());
            assertEquals("occurred", incidents.dateField());
            assertEquals("category", incidents.categoryField());
        }
    }

    @Test
    void metaMarksTheWorkspaceAsTheDemo() throws WorkspaceException {
        try (Workspace ws = Workspace.open(demo)) {
            assertEquals("true", ws.meta("demo").orElseThrow());
            assertEquals(Long.toString(DemoCity.DEFAULT_SEED), ws.meta("demo_seed").orElseThrow());
            assertEquals(Math.round(CityLayout.BLOCK), Long.parseLong(ws.meta("block_length_m").orElseThrow()));
            assertEquals(Math.round(DemoCity.CELL_SIZE), Long.parseLong(ws.meta("cell_size_m").orElseThrow()));
            assertEquals(DemoCity.NAME, ws.meta("name").orElseThrow());
            assertEquals("EPSG:26915", ws.crs().orElseThrow().id());
        }
    }

    @Test
    void incidentsLieInsideTheStudyAreaAndNeverOnACellEdge() throws WorkspaceException {
        try (Workspace ws = Workspace.open(demo)) {
            Geometry study = studyArea(ws);
            StudyGrid grid = grid(ws);
            IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(study);
            for (Feature f : ws.features("incidents")) {
                Point p = (Point) f.geometry();
                assertEquals(Location.INTERIOR, locator.locate(p.getCoordinate()), "incident " + f.fid());
                double fx = (p.getX() - grid.x0()) / grid.cellSize();
                double fy = (p.getY() - grid.y0()) / grid.cellSize();
                assertTrue(fx - Math.floor(fx) > 0 && fy - Math.floor(fy) > 0, "incident " + f.fid() + " on an edge");
                assertTrue(grid.inStudy(grid.cellOf(p.getX(), p.getY())), "incident " + f.fid() + " in a study cell");
            }
        }
    }

    @Test
    void incidentsSpanTwoYearsWithPlainCategoriesAndSixDigitCodes() throws WorkspaceException {
        LocalDateTime first = Incidents.FIRST_DAY.atStartOfDay();
        LocalDateTime end = Incidents.LAST_DAY.plusDays(1).atStartOfDay();
        Set<String> categories = Set.copyOf(Incidents.categories());
        LocalDateTime previous = first;
        try (Workspace ws = Workspace.open(demo)) {
            List<Feature> incidents = ws.features("incidents");
            for (Feature f : incidents) {
                LocalDateTime at = (LocalDateTime) f.values().get(0);
                assertFalse(at.isBefore(first) || !at.isBefore(end), "incident " + f.fid() + " at " + at);
                assertFalse(at.isBefore(previous), "incidents are written in time order");
                previous = at;
                assertTrue(categories.contains((String) f.values().get(1)), "category " + f.values().get(1));
                assertTrue(((String) f.values().get(2)).matches("\\d{6}"), "offense code " + f.values().get(2));
            }
            Set<String> seen = incidents.stream().map(f -> (String) f.values().get(1)).collect(Collectors.toSet());
            assertEquals(categories, seen, "every category occurs");
            LocalDateTime firstSeen = (LocalDateTime) incidents.get(0).values().get(0);
            LocalDateTime lastSeen = (LocalDateTime) incidents.get(incidents.size() - 1).values().get(0);
            assertTrue(firstSeen.isBefore(first.plusDays(7)) && lastSeen.isAfter(end.minusDays(7)),
                    "from the first to the last week: " + firstSeen + " .. " + lastSeen);
        }
    }

    @Test
    void cellsNearLiquorStoresHaveClearlyMoreIncidentsWhileCellsNearSchoolsDoNot() throws WorkspaceException {
        try (Workspace ws = Workspace.open(demo)) {
            StudyGrid grid = grid(ws);
            int[] y = counts(ws, grid);
            double liquor = meanRatio(grid, y, proximity(ws, grid, "liquor_stores", 400));
            double schools = meanRatio(grid, y, proximity(ws, grid, "schools", 400));
            // planted RRV 2.0: the raw ratio is diluted by the other factors but stays far above 1
            assertTrue(liquor > 1.3, "liquor stores within 400 m: ratio " + liquor);
            // schools are noise: whatever the ratio is, it comes only from overlap with planted factors
            assertTrue(schools > 0.8 && schools < 1.25, "schools within 400 m: ratio " + schools);
        }
    }

    @Test
    void negativeBinomialFitRecoversEveryPlantedCoefficientAndNoneForANoiseFactor() throws WorkspaceException {
        PlantedModel model = PlantedModel.DEMO;
        try (Workspace ws = Workspace.open(demo)) {
            StudyGrid grid = grid(ws);
            int[] y = counts(ws, grid);
            boolean[] use = new boolean[grid.size()];
            for (int i = 0; i < use.length; i++) {
                use[i] = grid.inStudy(i);
            }
            List<boolean[]> x = new ArrayList<>();
            for (PlantedModel.Term term : model.terms()) {
                x.add(term.variable(grid, ws.features(term.layer()).stream().map(Feature::geometry).toList()));
            }
            Nb2Fit fit = Nb2Fit.fit(y, x, use, model.theta());
            assertWithin3Se(model.b0(), fit, 0, "b0");
            for (int k = 0; k < model.terms().size(); k++) {
                assertWithin3Se(model.terms().get(k).beta(), fit, k + 1, model.terms().get(k).layer());
            }
            x.add(proximity(ws, grid, "schools", 400));
            Nb2Fit withNoise = Nb2Fit.fit(y, x, use, model.theta());
            assertWithin3Se(0, withNoise, x.size(), "schools (noise)");
        }
    }

    @Test
    void defaultSeedPutsNoCellCentreNearABandEdgeOrTheDensityCut() throws WorkspaceException {
        try (Workspace ws = Workspace.open(demo)) {
            StudyGrid grid = grid(ws);
            for (PlantedModel.Term term : PlantedModel.DEMO.terms()) {
                List<Geometry> features = ws.features(term.layer()).stream().map(Feature::geometry).toList();
                if (term.influence() == PlantedModel.Influence.PROXIMITY) {
                    double[] d = features.get(0) instanceof Point
                            ? Proximity.toPoints(grid, xs(features), ys(features), 2 * term.distance())
                            : Proximity.toPolygons(grid, polygons(features), 2 * term.distance());
                    for (int i = 0; i < d.length; i++) {
                        assertFalse(grid.inStudy(i) && Math.abs(d[i] - term.distance()) < 0.05,
                                term.layer() + ": cell " + i + " at " + d[i] + " m");
                    }
                } else {
                    double[] density = QuarticDensity.of(grid, xs(features), ys(features), term.distance());
                    double cut = QuarticDensity.highThreshold(grid, density);
                    for (int i = 0; i < density.length; i++) {
                        assertFalse(grid.inStudy(i) && Math.abs(density[i] - cut) < 0.002 * cut,
                                term.layer() + ": cell " + i + " density at the cut");
                    }
                }
            }
        }
    }

    @Test
    void plantedModelInTheDocsIsTheGeneratorsModel() throws IOException {
        String doc = Files.readString(DOC);
        PlantedModel model = PlantedModel.DEMO;
        for (PlantedModel.Term term : model.terms()) {
            Matcher m = Pattern.compile("\\| `" + term.layer() + "` \\| (\\w+)[^|]*\\| (\\d+) m \\| ([0-9.]+) \\| ([0-9.]+) \\|")
                    .matcher(doc);
            assertTrue(m.find(), term.layer() + " row in " + DOC);
            assertEquals(term.influence().name().toLowerCase(Locale.ROOT), m.group(1), term.layer());
            assertEquals(term.distance(), Double.parseDouble(m.group(2)), 0, term.layer());
            assertEquals(term.beta(), Double.parseDouble(m.group(3)), 5e-5, term.layer() + " beta");
            assertEquals(term.rrv(), Double.parseDouble(m.group(4)), 5e-3, term.layer() + " RRV");
        }
        Matcher b0 = Pattern.compile("b0 = ([0-9.]+)").matcher(doc);
        Matcher theta = Pattern.compile("θ = ([0-9.]+)").matcher(doc);
        assertTrue(b0.find() && theta.find(), "b0 and θ in " + DOC);
        assertEquals(model.b0(), Double.parseDouble(b0.group(1)), 0);
        assertEquals(model.theta(), Double.parseDouble(theta.group(1)), 0);
        assertTrue(doc.contains("seed " + DemoCity.DEFAULT_SEED), "the documented seed");
    }

    @Test
    void refusesToOverwriteAnExistingFileAndLeavesItUnchanged() throws IOException {
        Path existing = dir.resolve("existing.gpkg");
        byte[] bytes = "not a workspace".getBytes(StandardCharsets.UTF_8);
        Files.write(existing, bytes);

        WorkspaceException e = assertThrows(WorkspaceException.class, () -> DemoCity.write(existing));

        assertEquals(WorkspaceException.Reason.EXISTS, e.reason());
        assertArrayEquals(bytes, Files.readAllBytes(existing));
    }

    @Test
    void directoryHasEverySectorAndEveryProgramAddressesFactorLayers() throws WorkspaceException {
        try (Workspace ws = Workspace.open(demo)) {
            DirectoryRepository directory = new DirectoryRepository(ws);
            List<Organization> orgs = directory.organizations();
            assertEquals(EnumSet.allOf(Sector.class), orgs.stream().map(Organization::sector)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Sector.class))));
            Set<Long> orgIds = orgs.stream().map(Organization::id).collect(Collectors.toSet());
            Set<String> factorLayers = ws.layers().stream().filter(l -> l.role() == LayerRole.FACTOR)
                    .map(LayerInfo::name).collect(Collectors.toSet());
            List<Program> programs = directory.programs();
            assertFalse(programs.isEmpty());
            for (Program p : programs) {
                assertTrue(orgIds.contains(p.ownerOrgId()), p.name() + " has an owner");
                assertFalse(p.factors().isEmpty(), p.name() + " addresses a factor");
                assertTrue(factorLayers.containsAll(p.factors()), p.name() + ": " + p.factors());
            }
            List<Body> bodies = directory.bodies();
            Body collaborative = bodies.stream().filter(b -> b.kind() == BodyKind.COLLABORATIVE).findFirst()
                    .orElseThrow();
            assertTrue(bodies.stream().filter(b -> b.kind() == BodyKind.WORKING_GROUP)
                    .allMatch(b -> Long.valueOf(collaborative.id()).equals(b.parentId())));
            assertEquals(2, bodies.stream().filter(b -> b.kind() == BodyKind.WORKING_GROUP).count());
        }
    }

    @Test
    void pastMeetingIsFinalizedWithNotesForEveryStepAndTwoOpenActionItems() throws WorkspaceException {
        try (Workspace ws = Workspace.open(demo)) {
            MeetingRepository meetings = new MeetingRepository(ws);
            List<Meeting> all = meetings.meetings();
            assertEquals(1, all.size());
            Meeting meeting = all.get(0);
            assertEquals(MeetingStatus.FINALIZED, meeting.status());
            assertTrue(meeting.heldOn().isBefore(LocalDateTime.ofInstant(DemoCity.CLOCK.instant(),
                    DemoCity.CLOCK.getZone()).toLocalDate()), "a past meeting");
            assertEquals(EnumSet.allOf(AgendaStep.class), EnumSet.copyOf(meetings.agendaNotes(meeting.id()).keySet()));
            assertFalse(meetings.attendance(meeting.id()).isEmpty());

            List<ActionItem> open = meetings.openActionItems();
            assertEquals(2, open.size());
            Set<Long> orgIds = new DirectoryRepository(ws).organizations().stream().map(Organization::id)
                    .collect(Collectors.toSet());
            for (ActionItem item : open) {
                assertEquals(meeting.id(), item.meetingId());
                assertTrue(orgIds.contains(item.ownerOrgId()), "owner of " + item.description());
                assertFalse(item.placeLabel() == null || item.placeLabel().isBlank(), "place of " + item.description());
                assertTrue(item.dueOn() != null && item.dueOn().isAfter(meeting.heldOn()), "due after the meeting");
            }
            assertTrue(meetings.actionItems(meeting.id()).size() > open.size(), "closed items are not open");
        }
    }

    private static void assertWithin3Se(double expected, Nb2Fit fit, int k, String what) {
        double z = (fit.beta[k] - expected) / fit.se[k];
        assertTrue(Math.abs(z) < 3, what + ": estimate " + fit.beta[k] + " (SE " + fit.se[k] + ") vs " + expected);
    }

    /** Every feature of a layer as comparable values: fid, geometry WKB (hex) and attribute values. */
    private static List<List<Object>> contents(Workspace ws, String layer) throws WorkspaceException {
        WKBWriter wkb = new WKBWriter();
        List<List<Object>> rows = new ArrayList<>();
        for (Feature f : ws.features(layer)) {
            List<Object> row = new ArrayList<>();
            row.add(f.fid());
            row.add(WKBWriter.toHex(wkb.write(f.geometry())));
            row.addAll(f.values());
            rows.add(row);
        }
        return rows;
    }

    /** Layer name → {role, geometry, count} from the layer table of docs/demo-city.md, in table order. */
    private static Map<String, String[]> documentedLayers() throws IOException {
        Pattern row = Pattern.compile("^\\| `([a-z0-9_]+)` \\| (outcome|factor|area|reference|result) \\| (\\w+) \\| ([0-9,]+) \\|");
        Map<String, String[]> layers = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DOC)) {
            Matcher m = row.matcher(line);
            if (m.find()) {
                layers.put(m.group(1), new String[] {m.group(2), m.group(3), m.group(4)});
            }
        }
        return layers;
    }

    private static Polygon studyArea(Workspace ws) throws WorkspaceException {
        return (Polygon) ws.features("study_area").get(0).geometry();
    }

    private static StudyGrid grid(Workspace ws) throws WorkspaceException {
        return StudyGrid.of(studyArea(ws), Double.parseDouble(ws.meta("cell_size_m").orElseThrow()));
    }

    /** y(c): incidents per cell, half-open cells (rtm-method §1.4). */
    private static int[] counts(Workspace ws, StudyGrid grid) throws WorkspaceException {
        int[] y = new int[grid.size()];
        for (Feature f : ws.features("incidents")) {
            Point p = (Point) f.geometry();
            y[grid.cellOf(p.getX(), p.getY())]++;
        }
        return y;
    }

    private static boolean[] proximity(Workspace ws, StudyGrid grid, String layer, double d) throws WorkspaceException {
        List<Geometry> features = ws.features(layer).stream().map(Feature::geometry).toList();
        return Proximity.within(grid, Proximity.toPoints(grid, xs(features), ys(features), d), d);
    }

    /** Mean count of in-study cells with x = 1 over the mean of in-study cells with x = 0. */
    private static double meanRatio(StudyGrid grid, int[] y, boolean[] x) {
        double[] sum = new double[2];
        int[] n = new int[2];
        for (int i = 0; i < y.length; i++) {
            if (grid.inStudy(i)) {
                int k = x[i] ? 1 : 0;
                sum[k] += y[i];
                n[k]++;
            }
        }
        return (sum[1] / n[1]) / (sum[0] / n[0]);
    }

    private static double[] xs(List<Geometry> points) {
        return points.stream().mapToDouble(g -> ((Point) g).getX()).toArray();
    }

    private static double[] ys(List<Geometry> points) {
        return points.stream().mapToDouble(g -> ((Point) g).getY()).toArray();
    }

    private static List<Polygon> polygons(List<Geometry> features) {
        return features.stream().map(g -> (Polygon) g).toList();
    }
}
