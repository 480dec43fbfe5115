package org.pscdesk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.pscdesk.analysis.LoadedRun;
import org.pscdesk.cli.PscDeskCommand;
import org.pscdesk.demo.DemoCity;
import org.pscdesk.geo.Grid;
import org.pscdesk.store.FieldDef;
import org.pscdesk.store.LayerInfo;
import org.pscdesk.store.Workspace;

/**
 * The privacy filter: counts below the threshold never come out, sensitive records are never counted, and a
 * {@link PublicRun} holds nothing that identifies an incident. Checked on the demo and on real SLMPD incidents
 * (which include sensitive categories).
 */
class PrivacyFilterTest {

    @TempDir
    Path dir;

    private static int cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PscDeskCommand.execute((w, s, p) -> 1, new PrintWriter(out), new PrintWriter(err), args);
        assertEquals(0, code, String.join(" ", args) + "\n" + out + err);
        return code;
    }

    @Test
    void onTheDemoCountsAreSuppressedBelowElevenAndPlacesAreNamedByNeighbourhood() throws Exception {
        Path ws = dir.resolve("demo.gpkg");
        DemoCity.write(ws);
        cli("rtm", ws.toString(), "--outcome", "incidents", "--factors", "liquor_stores,vacant_lots,bus_stops",
                "--increment", "half", "--save", "demo");
        try (Workspace w = Workspace.open(ws)) {
            LoadedRun run = LoadedRun.load(w, "demo").orElseThrow();
            PublicRun pub = new PrivacyFilter().publicRun(w, run);
            int shown = 0;
            for (int k = 0; k < pub.counts().length; k++) {
                int c = pub.counts()[k];
                assertTrue(c == PublicRun.SUPPRESSED || c >= 11, "cell " + k + " count " + c);
                if (c != PublicRun.SUPPRESSED) {
                    assertEquals(run.counts()[k], c, "no sensitive flag in the demo: same count as the run");
                    shown++;
                } else {
                    assertTrue(run.counts()[k] < 11);
                    assertEquals("fewer than 11", pub.countText(k));
                }
            }
            assertTrue(shown > 0, "some 100 m cells of the demo hold 11 or more incidents");
            assertFalse(pub.places().isEmpty());
            Set<String> neighbourhoods = new HashSet<>();
            LayerInfo nb = w.layer("neighbourhoods").orElseThrow();
            int nameAt = nb.fields().stream().map(FieldDef::name).toList().indexOf("name");
            w.forEachFeature(nb.name(), f -> neighbourhoods.add(String.valueOf(f.values().get(nameAt))));
            for (PublicRun.Place p : pub.places()) {
                String name = p.label().replaceFirst("^near ", "").replaceFirst(" \\(\\d+\\)$", "");
                assertTrue(neighbourhoods.contains(name) || p.label().startsWith("Area "),
                        p.label() + " is a neighbourhood of the demo");
            }
            assertEquals(1, pub.places().get(0).rank());
            assertTrue(neighbourhoods.contains(pub.places().get(0).label()), pub.places().get(0).label());
            assertEquals(pub.places().size(), pub.places().stream().map(PublicRun.Place::label).distinct().count(),
                    "every place label is distinct");
            assertTrue(pub.dataNote().contains("fewer than 11"), pub.dataNote());
            assertTrue(pub.dataNote().contains("100 m"), pub.dataNote());
            assertEquals(3, pub.terms().size());
        }
    }

    @Test
    void realSlmpdIncidentsWithSensitiveCategoriesNeverComeOutIdentifiable() throws Exception {
        String shared = System.getProperty("pscdesk.shared.data");
        assumeTrue(shared != null && Files.isDirectory(Path.of(shared, "stl")), "shared data not available");
        Path stl = Path.of(shared, "stl");
        Path ws = dir.resolve("stl.gpkg");
        cli("new", ws.toString(), "--crs", "ESRI:102696");
        cli("import", ws.toString(), stl.resolve("boundaries/city/STL_BOUNDARY_City.shp").toString(), "--role",
                "area", "--name", "city");
        cli("import", ws.toString(), stl.resolve("crime/slmpd_monthly/2018").toString(), "--preset", "slmpd",
                "--role", "outcome", "--name", "crimes_2018");
        cli("import", ws.toString(), stl.resolve("risk_factors/metro_gtfs_2019_01/stops.txt").toString(),
                "--preset", "gtfs", "--role", "factor", "--name", "bus_stops", "--inside-area");
        cli("rtm", ws.toString(), "--outcome", "crimes_2018", "--factors", "bus_stops", "--block-length", "800ft",
                "--screen", "none", "--family", "poisson", "--save", "all2018");
        try (Workspace w = Workspace.open(ws)) {
            LoadedRun run = LoadedRun.load(w, "all2018").orElseThrow();
            LayerInfo crimes = w.layer("crimes_2018").orElseThrow();
            List<String> fields = crimes.fields().stream().map(FieldDef::name).toList();
            int sensitiveAt = fields.indexOf("sensitive");
            assertTrue(sensitiveAt >= 0, "the importer flags sensitive records: " + fields);
            // Independent recount: non-sensitive events per grid cell, and everything identifying an incident.
            Grid grid = run.grid();
            int[] publicPerCell = new int[grid.size()];
            int[] sensitivePerCell = new int[grid.size()];
            Set<String> identifying = new HashSet<>();
            Set<Coordinate> points = new HashSet<>();
            List<Integer> textFields = new ArrayList<>();
            for (int i = 0; i < crimes.fields().size(); i++) {
                if (crimes.fields().get(i).type() == org.pscdesk.store.FieldType.TEXT) {
                    textFields.add(i);
                }
            }
            w.forEachFeature(crimes.name(), f -> {
                Coordinate c = f.geometry().getCoordinate();
                points.add(new Coordinate(c.x, c.y));
                int cell = grid.cellOf(c.x, c.y);
                boolean sensitive = Boolean.TRUE.equals(f.values().get(sensitiveAt));
                if (cell >= 0) {
                    if (sensitive) {
                        sensitivePerCell[cell]++;
                    } else {
                        publicPerCell[cell]++;
                    }
                }
                for (int i : textFields) {
                    Object v = f.values().get(i);
                    if (v != null && v.toString().length() >= 6) {
                        identifying.add(v.toString()); // complaint numbers, addresses, descriptions
                    }
                }
            });
            PublicRun pub = new PrivacyFilter().publicRun(w, run);
            int sensitiveCells = 0;
            int shown = 0;
            for (int k = 0; k < pub.cells().length; k++) {
                int cell = pub.cells()[k];
                int c = pub.counts()[k];
                if (publicPerCell[cell] >= 11) {
                    assertEquals(publicPerCell[cell], c, "cell " + cell + ": non-sensitive events only");
                    shown++;
                } else {
                    assertEquals(PublicRun.SUPPRESSED, c, "cell " + cell + " has " + publicPerCell[cell]);
                }
                if (sensitivePerCell[cell] > 0) {
                    sensitiveCells++;
                }
            }
            assertTrue(shown > 100, "St. Louis has many 400 ft squares with 11 or more crimes a year: " + shown);
            assertTrue(sensitiveCells > 10, "the data hold sensitive records that the filter had to leave out");

            // Nothing identifying: no incident text, no incident coordinate, only the components we expect.
            List<String> texts = new ArrayList<>(List.of(pub.name(), pub.dataNote()));
            for (PublicRun.Place p : pub.places()) {
                texts.add(p.label());
                texts.add(p.countText());
                assertFalse(points.contains(new Coordinate(p.centreX(), p.centreY())), "a place centre is no incident");
            }
            for (String t : texts) {
                for (String id : identifying) {
                    assertFalse(t.contains(id), "'" + id + "' leaked into '" + t + "'");
                }
            }
            Set<String> components = new HashSet<>();
            for (RecordComponent rc : PublicRun.class.getRecordComponents()) {
                components.add(rc.getName() + ":" + rc.getType().getSimpleName());
            }
            assertEquals(Set.of("name:String", "grid:Grid", "cells:int[]", "classes:int[]", "quadrants:int[]",
                    "rrs:double[]", "counts:int[]", "minCount:int", "terms:List", "places:List",
                    "workingCrs:String", "dataNote:String", "period:String", "tally:EventTally"), components,
                    "no geometry, feature or field of an incident (the tally gives only suppressed sums)");
            assertFalse(pub.dataNote().contains("/"), "no file path in the note: " + pub.dataNote());
            assertTrue(pub.dataNote().contains("sensitive offence categories are left out"), pub.dataNote());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # e-mail, with accents and a subdomain
            Write to zoë.núñez@mail.example.org today. | Write to [e-mail left out] today.
            # North American phones in three spellings, and with a country code
            Call (314) 555-0142 or 314.555.0199.       | Call [phone left out] or [phone left out].
            Cell +1 314 555 0188, ask for the desk.    | Cell [phone left out], ask for the desk.
            # an international number
            Office +49 30 1234567.                     | Office [phone left out].
            # state-plane feet as SLMPD writes them, and degrees to 7 decimals
            Seen at 890047.4, 992586.3 twice.          | Seen at [location left out] twice.
            Near 38.6270512, -90.1994097 last month.   | Near [location left out], [location left out] last month.
            # the facilitator's name, in any case
            JANE Q. BROKER said so.                    | [name left out] said so.
            # small counts in digits and words become the suppressed wording
            7 incidents since January; three robberies. | fewer than 11 incidents since January; fewer than 11 robberies.
            1 assault and 12 assaults.                 | fewer than 11 assaults and 12 assaults.
            two reported incidents                     | fewer than 11 reported incidents
            # what is not a count, a phone or a place stays
            6 bus bays, lights out after 9 pm, 2024-2025. | 6 bus bays, lights out after 9 pm, 2024-2025.
            Meeting on 2025-12-01 about 40 inspections. | Meeting on 2025-12-01 about 40 inspections.
            """)
    void publicTextLeavesOutContactsCoordinatesNamesAndSmallCounts(String typed, String expected) {
        assertEquals(expected, new PrivacyFilter().publicText(typed, List.of("Jane Q. Broker", " ")));
    }
}
