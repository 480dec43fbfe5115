package org.pscdesk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pscdesk.cli.PscDeskCommand;
import org.pscdesk.demo.DemoCity;
import org.pscdesk.meeting.AgendaStep;
import org.pscdesk.meeting.Meeting;
import org.pscdesk.meeting.MeetingStatus;
import org.pscdesk.meeting.Organization;
import org.pscdesk.meeting.Program;
import org.pscdesk.meeting.ProgramType;
import org.pscdesk.meeting.Sector;
import org.pscdesk.store.DirectoryRepository;
import org.pscdesk.store.MeetingRecords;
import org.pscdesk.store.MeetingRepository;
import org.pscdesk.store.Workspace;

/** Minutes as PDF, read back with PDFBox: every section, embedded fonts, DRAFT on drafts, the file rules. */
class MinutesPdfTest {

    @TempDir
    Path dir;

    private static int cli(StringWriter err, String... args) {
        return PscDeskCommand.execute((w, s, p) -> 1, new PrintWriter(new StringWriter()), new PrintWriter(err), args);
    }

    @Test
    void theDemoMinutesHoldEverySectionWithEmbeddedFonts() throws Exception {
        Path ws = dir.resolve("demo.gpkg");
        DemoCity.write(ws);
        Path pdf = dir.resolve("minutes.pdf");
        StringWriter err = new StringWriter();
        assertEquals(0, cli(err, "minutes", ws.toString(), "--meeting", "1", "--pdf", pdf.toString()), err.toString());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            for (String s : new String[] {"Monthly ACTION meeting, November 2025", "Attendance",
                    "Riverbend Building Division", "ACTION agenda", "Assessment", "Notifications",
                    "Prioritized places", "1. Old Mill: Westgate Boulevard & Union Avenue", "Decisions",
                    "Who does what where", "Action items", "Data note",
                    "Content hash of the finalized record", "Page 1 of " + doc.getNumberOfPages()}) {
                assertTrue(text.contains(s), "missing '" + s + "'");
            }
            assertTrue(!text.contains("DRAFT"), "a finalized record is no draft");
            // the grid: each cell's organization, dosage and start read together; then the gaps in words
            String flat = text.replaceAll("\\s+", " ");
            try (Workspace w = Workspace.open(ws)) {
                CoordinationMatrix matrix = CoordinationMatrix.of(w, 1);
                assertTrue(flat.contains("Place " + String.join(" ", matrix.programs())), "header row: " + flat);
                for (CoordinationMatrix.Row r : matrix.rows()) {
                    assertTrue(flat.contains(r.rankedLabel()), r.rankedLabel());
                    for (var cell : r.cells()) {
                        for (CoordinationMatrix.Commitment c : cell) {
                            String words = c.organization() + " " + c.dosage() + " from " + c.start();
                            assertTrue(flat.contains(words), "missing cell '" + words + "'");
                        }
                    }
                }
                assertTrue(flat.contains("3. Kessler Flats: the corner stores on Union Avenue no program yet"), flat);
                assertTrue(!matrix.gaps().isEmpty());
                for (String gap : matrix.gaps()) {
                    assertTrue(flat.contains("Gaps") && flat.contains("• " + gap), "missing gap '" + gap + "'");
                }
            }
            assertTrue(flat.contains("Run nov-2025: Incidents 2024-2025"), "the run's data note");
            assertTrue(flat.matches(".*Risk factors and their spatial influence: .*\\(RRV \\d\\.\\d\\d\\).*"), flat);
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font.isEmbedded(), font.getName() + " embedded");
                }
            }
        }
        assertEquals(3, cli(new StringWriter(), "minutes", ws.toString(), "--meeting", "1", "--pdf", pdf.toString()),
                "an existing file is kept without --force");
        assertEquals(0, cli(new StringWriter(), "minutes", ws.toString(), "--meeting", "1", "--pdf", pdf.toString(),
                "--force"));
        assertEquals(3, cli(new StringWriter(), "minutes", ws.toString(), "--meeting", "9", "--pdf",
                dir.resolve("none.pdf").toString()));
        assertTrue(!Files.exists(dir.resolve("none.pdf")), "no half file");
    }

    @Test
    void theDemoMinutesPrintTheTwoMapsShownInTheMeeting() throws Exception {
        Path ws = dir.resolve("demo-maps.gpkg");
        DemoCity.write(ws);
        Path pdf = dir.resolve("maps.pdf");
        StringWriter err = new StringWriter();
        int code = PscDeskCommand.execute((w, s, p) -> 1, org.pscdesk.Launcher.RENDERER,
                new PrintWriter(new StringWriter()), new PrintWriter(err), "minutes", ws.toString(), "--meeting", "1",
                "--pdf", pdf.toString(), "--public");
        assertEquals(0, code, err.toString());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            int images = 0;
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof
                            org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject img) {
                        images++;
                        assertTrue(img.getWidth() >= 1600, "print resolution: " + img.getWidth() + " px wide");
                    }
                }
            }
            assertEquals(2, images, "the risk map and the places map kept with the meeting");
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Map 1: where risk is highest (run nov-2025)"), "caption");
            assertTrue(text.contains("public version (organizations only)"));
            assertTrue(!text.contains("convened by"), "the facilitator (possibly a person) is left out in public");
        }
    }

    @Test
    void pdfaMinutesWithTheirMapsValidateAsPdfA1b() throws Exception {
        Path ws = dir.resolve("demo-pdfa.gpkg");
        DemoCity.write(ws);
        Path pdf = dir.resolve("archive.pdf");
        StringWriter err = new StringWriter();
        int code = PscDeskCommand.execute((w, s, p) -> 1, org.pscdesk.Launcher.RENDERER,
                new PrintWriter(new StringWriter()), new PrintWriter(err), "minutes", ws.toString(), "--meeting", "1",
                "--pdf", pdf.toString(), "--pdfa");
        assertEquals(0, code, err.toString());
        org.apache.pdfbox.preflight.ValidationResult result = org.apache.pdfbox.preflight.parser.PreflightParser
                .validate(pdf.toFile());
        StringBuilder errors = new StringBuilder();
        for (var e : result.getErrorsList()) {
            errors.append(e.getErrorCode()).append(": ").append(e.getDetails()).append('\n');
        }
        assertTrue(result.isValid(), "PDF/A-1b:\n" + errors);
    }

    @Test
    void aDraftSaysDraftOnEveryPageAndNamesWithAccentsPrint() throws Exception {
        Path ws = dir.resolve("ws.gpkg");
        long id;
        try (Workspace w = Workspace.create(ws, org.pscdesk.geo.Crs.of("EPSG:26915"))) {
            var body = new DirectoryRepository(w).addBody(new org.pscdesk.meeting.Body("Collaboratif Zoë",
                    org.pscdesk.meeting.BodyKind.COLLABORATIVE, null));
            MeetingRepository repo = new MeetingRepository(w);
            id = repo.addMeeting(new Meeting(body.id(), "Réunion de mars — Núñez & Łódź", LocalDate.of(2026, 3, 5),
                    null, null, MeetingStatus.IN_PROGRESS)).id();
            repo.putAgendaNotes(id, Map.of(AgendaStep.ASSESSMENT, "Long notes. ".repeat(600)));
        }
        Path pdf = dir.resolve("draft.pdf");
        StringWriter err = new StringWriter();
        assertEquals(0, cli(err, "minutes", ws.toString(), "--meeting", Long.toString(id), "--pdf", pdf.toString()),
                err.toString());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertTrue(doc.getNumberOfPages() >= 2, "long notes wrap onto more pages");
            PDFTextStripper stripper = new PDFTextStripper();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String page = stripper.getText(doc);
                assertTrue(page.contains("DRAFT"), "page " + p + " says DRAFT");
                assertTrue(page.contains("Page " + p + " of " + doc.getNumberOfPages()), "page number on " + p);
            }
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            assertTrue(stripper.getText(doc).contains("Réunion de mars — Núñez & Łódź"), "accents print");
        }
    }

    /**
     * Six programs over twenty places: two column groups of three, each with its header on every page it
     * crosses. Each program is run by its own organization, so a page showing an organization's cells must also
     * show that program's heading.
     */
    @Test
    void aWideLongGridSplitsIntoColumnGroupsWithItsHeaderOnEveryPage() throws Exception {
        Path ws = dir.resolve("wide.gpkg");
        List<String> programs = List.of("Lantern walks", "Porch light pledge", "Lot mowing crew",
                "Corner store compact", "Night bus marshals", "Mural and murals");
        List<String> orgs = List.of("Alder Street Block Club", "Birch Lighting Co-op", "Cedar Land Trust",
                "Dogwood Merchants", "Elm Transit Riders", "Fir Arts Collective");
        List<String> labels = new ArrayList<>();
        long meeting;
        try (Workspace w = Workspace.create(ws, org.pscdesk.geo.Crs.of("EPSG:26915"))) {
            DirectoryRepository directory = new DirectoryRepository(w);
            var body = directory.addBody(new org.pscdesk.meeting.Body("Wide collaborative",
                    org.pscdesk.meeting.BodyKind.COLLABORATIVE, null));
            List<Long> programIds = new ArrayList<>();
            List<Long> orgIds = new ArrayList<>();
            for (int i = 0; i < programs.size(); i++) {
                long orgId = directory.addOrganization(new Organization(orgs.get(i), Sector.COMMUNITY_ORG)).id();
                orgIds.add(orgId);
                programIds.add(directory.addProgram(new Program(programs.get(i), orgId, ProgramType.PREVENTION,
                        "A program.", List.of(), null)).id());
            }
            meeting = new MeetingRepository(w).addMeeting(new Meeting(body.id(), "Wide", LocalDate.of(2026, 4, 2),
                    null, null, MeetingStatus.IN_PROGRESS)).id();
            MeetingRecords records = new MeetingRecords(w);
            for (int p = 1; p <= 20; p++) {
                String label = "Block " + p + " of Juniper Avenue";
                labels.add(label);
                long place = records.addPlace(label, null, null, LocalDate.of(2026, 4, 2));
                records.rankPlace(meeting, place, p, "Narrative " + p + ".", "{}");
                for (int k = 0; k < programs.size(); k++) {
                    if ((p + k) % 3 != 0 && p != 20) { // place 20 has no program: a gap
                        records.addCommitment(meeting, place, programIds.get(k), orgIds.get(k),
                                LocalDate.of(2026, 5, p), "two evenings a week for eight weeks");
                    }
                }
            }
        }
        Path pdf = dir.resolve("wide.pdf");
        StringWriter err = new StringWriter();
        assertEquals(0, cli(err, "minutes", ws.toString(), "--meeting", Long.toString(meeting), "--pdf",
                pdf.toString()), err.toString());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            String all = stripper.getText(doc).replaceAll("\\s+", " ");
            assertTrue(all.contains("Programs 1–3 of 6") && all.contains("Programs 4–6 of 6"), "two groups of three");
            assertTrue(all.contains("Block 20 of Juniper Avenue (priority 20) has no program yet."), "the gap");
            int pagesWithCells = 0;
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String page = stripper.getText(doc).replaceAll("\\s+", " ");
                boolean any = false;
                for (int k = 0; k < programs.size(); k++) {
                    if (page.contains(orgs.get(k))) {
                        any = true;
                        assertTrue(page.contains(programs.get(k)), "page " + p + " shows cells of '" + programs.get(k)
                                + "' without its heading");
                    }
                }
                pagesWithCells += any ? 1 : 0;
            }
            assertTrue(pagesWithCells >= 3, "the grid crosses pages: " + pagesWithCells);
            for (int p = 1; p <= labels.size(); p++) {
                String ranked = p + ". " + labels.get(p - 1) + " ";
                assertEquals(3, all.split(java.util.regex.Pattern.quote(ranked), -1).length - 1,
                        "'" + ranked + "' in the places list and in both groups of the grid");
            }
        }
    }

    /**
     * A place drawn on a run's cells prints, in the public version, the privacy filter's own count (sensitive
     * offences left out); a place whose facts were typed prints no count there, only in the partners' version.
     */
    @Test
    void thePublicVersionCountsADrawnPlaceThroughThePrivacyFilter() throws Exception {
        Path ws = dir.resolve("drawn.gpkg");
        org.pscdesk.demo.DemoCity.write(ws);
        long id;
        String expected;
        try (Workspace w = Workspace.open(ws)) {
            PlaceDrafts drafts = PlaceDrafts.of(w, "nov-2025").orElseThrow();
            PlaceDrafts.Draft d = drafts.ofSuggested(1).orElseThrow();
            expected = drafts.publicRun().eventsText(d.tableIndices());
            var body = new DirectoryRepository(w).bodies().get(0);
            id = new MeetingRepository(w).addMeeting(new Meeting(body.id(), "December", LocalDate.of(2025, 12, 18),
                    null, null, MeetingStatus.IN_PROGRESS)).id();
            var records = new org.pscdesk.store.MeetingRecords(w);
            long drawn = records.addPlace("the lots on Union", "nov-2025", d.cellIds(), LocalDate.of(2025, 12, 18),
                    d.shape(), d.origin());
            records.rankPlace(id, drawn, 1, "drawn", d.factsJson(), "generated");
            long typed = records.addPlace("the school route", null, null, LocalDate.of(2025, 12, 18));
            records.rankPlace(id, typed, 2, "typed", "{\"incidents\":\"7 last month\"}");
        }
        Path pdf = dir.resolve("drawn-public.pdf");
        StringWriter err = new StringWriter();
        assertEquals(0, cli(err, "minutes", ws.toString(), "--meeting", Long.toString(id), "--pdf", pdf.toString(),
                "--public"), err.toString());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(text.contains("Incidents: " + expected), "the filter's count for the drawn place: " + text);
            assertTrue(text.contains("sensitive offences left out"), text);
            assertTrue(!text.contains("7 last month"), "a typed count stays out of the public version");
            assertTrue(Integer.parseInt(expected.replaceAll("[^0-9]", "")) >= 11 || expected.startsWith("fewer than"),
                    expected);
        }
    }

    @Test
    void theMinutesOfACorrectedRecordSayWhichMeetingCorrectsIt() throws Exception {
        Path ws = dir.resolve("corrected.gpkg");
        org.pscdesk.demo.DemoCity.write(ws);
        long original;
        long correction;
        try (Workspace w = Workspace.open(ws)) {
            MeetingRecords records = new MeetingRecords(w);
            original = records.summaries().get(0).id();
            correction = records.startCorrection(original, LocalDate.of(2025, 12, 4));
        }
        for (long[] pair : new long[][] {{original, 0}, {correction, 1}}) {
            Path pdf = dir.resolve("m" + pair[0] + ".pdf");
            StringWriter err = new StringWriter();
            assertEquals(0, cli(err, "minutes", ws.toString(), "--meeting", Long.toString(pair[0]), "--pdf",
                    pdf.toString()), err.toString());
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
                assertTrue(text.contains(pair[1] == 0 ? "Corrected by the meeting of 2025-12-04"
                        : "Correction of the meeting of 2025-11-20"), text.substring(0, Math.min(600, text.length())));
            }
        }
    }
}
