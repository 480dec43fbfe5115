package org.pscdesk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pscdesk.analysis.LoadedRun;
import org.pscdesk.cli.PscDeskCommand;
import org.pscdesk.demo.DemoCity;
import org.pscdesk.meeting.Meeting;
import org.pscdesk.meeting.MeetingStatus;
import org.pscdesk.meeting.Organization;
import org.pscdesk.meeting.Program;
import org.pscdesk.store.DirectoryRepository;
import org.pscdesk.store.LayerInfo;
import org.pscdesk.store.LayerRole;
import org.pscdesk.store.MeetingRecords;
import org.pscdesk.store.MeetingRepository;
import org.pscdesk.store.NewLayer;
import org.pscdesk.store.Provenance;
import org.pscdesk.store.Workspace;

/** Who does what where: rows, columns and cells from the record, and the gaps a room must see. */
class CoordinationMatrixTest {

    @TempDir
    Path dir;

    private static int cli(String... args) {
        StringWriter err = new StringWriter();
        int code = PscDeskCommand.execute((w, s, p) -> 1, new PrintWriter(new StringWriter()), new PrintWriter(err),
                args);
        assertEquals(0, code, err.toString());
        return code;
    }

    @Test
    void theDemoMeetingHasItsFourCommitmentsAndKesslerFlatsWithoutAProgram() throws Exception {
        Path demo = dir.resolve("demo.gpkg");
        DemoCity.write(demo);
        try (Workspace ws = Workspace.open(demo)) {
            MeetingRecords records = new MeetingRecords(ws);
            long meeting = records.summaries().get(0).id();
            CoordinationMatrix m = CoordinationMatrix.of(ws, meeting);

            List<MeetingRecords.RankedPlace> ranked = records.rankedPlaces(meeting);
            assertEquals(ranked.stream().map(MeetingRecords.RankedPlace::label).toList(),
                    m.rows().stream().map(CoordinationMatrix.Row::label).toList(), "ranked places, in rank order");
            assertEquals(List.of("Problem property inspections", "Vacant lot clean and green",
                    "311 blight and street-light repair", "Clinician co-response"), m.programs());
            CoordinationMatrix.Row oldMill = m.rows().get(0);
            assertEquals("Riverbend Building Division: weekly inspections for 12 weeks (from 2025-12-01)",
                    oldMill.cellText(0));
            assertEquals("", oldMill.cellText(2), "nothing of the street-light program at Old Mill");
            assertEquals(List.of(ranked.get(2).label()), m.placesWithoutProgram().stream()
                    .map(CoordinationMatrix.Row::label).toList());
            assertTrue(m.gaps().contains(ranked.get(2).label() + " (priority 3) has no program yet."), m.gaps().toString());

            // every risk-raising factor of the run is listed, and the demo catalog covers each
            Set<String> expected = new LinkedHashSet<>();
            for (String run : records.runs(meeting)) {
                LoadedRun.summaryOf(ws, run).orElseThrow().terms().stream().filter(t -> t.coefficient() > 0)
                        .forEach(t -> expected.add(t.factor()));
            }
            assertFalse(expected.isEmpty());
            assertEquals(List.copyOf(expected), m.factors().stream().map(CoordinationMatrix.Factor::layer).toList());
            assertTrue(m.factorsWithoutProgram().isEmpty(), m.factors().toString());
        }
    }

    /**
     * A new meeting on a run whose model uses a factor no program addresses: {@code check_cashing}, a copy of the
     * demo's liquor stores under a new name (so it enters the model exactly as they do) with no program for it.
     */
    @Test
    void aMeetingOnARunWithAnUncoveredFactorStatesBothKindsOfGap() throws Exception {
        Path file = dir.resolve("gaps.gpkg");
        DemoCity.write(file);
        try (Workspace ws = Workspace.open(file)) {
            LayerInfo liquor = ws.layer("liquor_stores").orElseThrow();
            ws.createLayer(new NewLayer("check_cashing", "Check cashing outlets", LayerRole.FACTOR,
                    liquor.geometryType(), liquor.fields(), Provenance.generated("test", liquor.srs(), null)),
                    ws.features("liquor_stores"));
        }
        cli("rtm", file.toString(), "--outcome", "incidents", "--factors", "check_cashing,vacant_lots,bus_stops",
                "--save", "june");
        try (Workspace ws = Workspace.open(file)) {
            List<String> selected = LoadedRun.summaryOf(ws, "june").orElseThrow().terms().stream()
                    .filter(t -> t.coefficient() > 0).map(LoadedRun.Term::factor).toList();
            assertTrue(selected.contains("check_cashing") && selected.contains("vacant_lots"),
                    "the set-up needs both factors in the model: " + selected);

            DirectoryRepository directory = new DirectoryRepository(ws);
            List<Organization> orgs = directory.organizations();
            long landBank = org(orgs, "Riverbend Land Bank");
            long building = org(orgs, "Riverbend Building Division");
            List<Program> catalog = directory.programs();
            long cleanGreen = program(catalog, "Vacant lot clean and green");
            long inspections = program(catalog, "Problem property inspections");
            MeetingRepository meetings = new MeetingRepository(ws);
            long body = directory.bodies().get(0).id();
            long june = meetings.addMeeting(new Meeting(body, "June", LocalDate.of(2026, 6, 18), null, null,
                    MeetingStatus.IN_PROGRESS)).id();
            MeetingRecords records = new MeetingRecords(ws);
            records.setRuns(june, List.of("june"));
            long a = records.addPlace("Fairview & 9th", "june", null, LocalDate.of(2026, 6, 18));
            long b = records.addPlace("The Elm Street lots", "june", null, LocalDate.of(2026, 6, 18));
            long c = records.addPlace("Dock Road underpass", "june", null, LocalDate.of(2026, 6, 18));
            records.rankPlace(june, b, 1, "Empty lots.", "{}");
            records.rankPlace(june, a, 2, "A busy corner.", "{}");
            records.rankPlace(june, c, 3, "Dark and empty at night.", "{}");
            records.addCommitment(june, b, cleanGreen, landBank, LocalDate.of(2026, 7, 1), "8 lots");
            records.addCommitment(june, b, inspections, building, null, null);
            records.addCommitment(june, a, cleanGreen, landBank, null, "2 lots");
            records.addCommitment(june, null, inspections, building, LocalDate.of(2026, 7, 6), "a city-wide sweep");

            CoordinationMatrix m = CoordinationMatrix.of(ws, june);
            assertEquals(List.of("1. The Elm Street lots", "2. Fairview & 9th", "3. Dock Road underpass",
                    "No single place"), m.rows().stream().map(CoordinationMatrix.Row::rankedLabel).toList());
            assertEquals(List.of("Vacant lot clean and green", "Problem property inspections"), m.programs());
            assertEquals("Riverbend Land Bank: 8 lots (from 2026-07-01)", m.rows().get(0).cellText(0));
            assertEquals("Riverbend Building Division", m.rows().get(0).cellText(1), "no dosage, no start");
            assertEquals("Riverbend Building Division: a city-wide sweep (from 2026-07-06)", m.rows().get(3).cellText(1));
            assertFalse(m.rows().get(3).isGap(), "commitments tied to no place are no prioritized place");
            assertEquals(List.of("Dock Road underpass"), m.placesWithoutProgram().stream()
                    .map(CoordinationMatrix.Row::label).toList());

            CoordinationMatrix.Factor cheques = factor(m, "check_cashing");
            assertTrue(cheques.isGap());
            assertEquals("check cashing", cheques.words());
            CoordinationMatrix.Factor lots = factor(m, "vacant_lots");
            assertTrue(lots.programs().containsAll(List.of("Problem property inspections", "Vacant lot clean and green",
                    "311 blight and street-light repair")), lots.programs().toString());
            assertEquals(List.of("Dock Road underpass (priority 3) has no program yet.",
                    "No program in the catalog addresses check cashing, a risk factor in the model."), m.gaps());

            // across meetings: the later meeting's commitment replaces the earlier one for the same place and
            // program, and every meeting's places and factors are there
            long july = meetings.addMeeting(new Meeting(body, "July", LocalDate.of(2026, 7, 16), null, null,
                    MeetingStatus.IN_PROGRESS)).id();
            records.rankPlace(july, c, 1, "Still dark.", "{}");
            records.addCommitment(july, b, cleanGreen, landBank, LocalDate.of(2026, 8, 1), "12 lots");
            records.addCommitment(july, c, inspections, building, LocalDate.of(2026, 8, 3), "weekly");
            CoordinationMatrix all = CoordinationMatrix.forAll(ws);
            CoordinationMatrix.Row elm = row(all, "The Elm Street lots");
            assertEquals("Riverbend Land Bank: 12 lots (from 2026-08-01)",
                    elm.cellText(all.programs().indexOf("Vacant lot clean and green")));
            assertTrue(row(all, "Dock Road underpass").hasProgram(), "July gave it a program");
            assertTrue(row(all, "Old Mill: Westgate Boulevard & Union Avenue").hasProgram(), "November's rows kept");
            assertTrue(row(all, "Kessler Flats: the corner stores on Union Avenue").isGap());
            assertTrue(factor(all, "check_cashing").isGap());
        }
    }

    private static CoordinationMatrix.Factor factor(CoordinationMatrix m, String layer) {
        return m.factors().stream().filter(f -> f.layer().equals(layer)).findFirst()
                .orElseThrow(() -> new AssertionError("no factor " + layer + " in " + m.factors()));
    }

    private static CoordinationMatrix.Row row(CoordinationMatrix m, String label) {
        return m.rows().stream().filter(r -> r.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + label));
    }

    private static long org(List<Organization> orgs, String name) {
        return orgs.stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow().id();
    }

    private static long program(List<Program> programs, String name) {
        return programs.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().id();
    }
}
