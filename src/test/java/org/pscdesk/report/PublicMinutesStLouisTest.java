package org.pscdesk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.pscdesk.analysis.LoadedRun;
import org.pscdesk.cli.PscDeskCommand;
import org.pscdesk.cli.SceneRenderer;
import org.pscdesk.geo.Grid;
import org.pscdesk.importer.SensitiveCategories;
import org.pscdesk.meeting.ActionItem;
import org.pscdesk.meeting.ActionItemStatus;
import org.pscdesk.meeting.AgendaStep;
import org.pscdesk.meeting.Body;
import org.pscdesk.meeting.BodyKind;
import org.pscdesk.meeting.Meeting;
import org.pscdesk.meeting.MeetingStatus;
import org.pscdesk.meeting.Organization;
import org.pscdesk.meeting.Program;
import org.pscdesk.meeting.ProgramType;
import org.pscdesk.meeting.Sector;
import org.pscdesk.store.DirectoryRepository;
import org.pscdesk.store.FieldDef;
import org.pscdesk.store.LayerInfo;
import org.pscdesk.store.MeetingRecords;
import org.pscdesk.store.MeetingRepository;
import org.pscdesk.store.Workspace;

/**
 * Issue 8: the public minutes of a meeting built on real St. Louis data (two months of SLMPD crimes, rapes and
 * domestic assaults among them) hold no personal name, e-mail, phone number, incident coordinate, count below
 * 11 or count that includes sensitive offences, although the room typed all of these into the record. The
 * partners' version of the same record is checked to hold the name, e-mail and phone, so the inputs did reach
 * the PDF.
 */
class PublicMinutesStLouisTest {

    private static final String FACILITATOR = "Jane Q. Broker";
    private static final String EMAIL = "jane.broker@example.org";
    private static final String PHONE = "(314) 555-0142";
    private static final String[] MONTHS = {"january2018.csv", "february2018.csv"};

    @TempDir
    Path dir;

    private static void cli(SceneRenderer renderer, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PscDeskCommand.execute((w, s, p) -> 1, renderer, new PrintWriter(out), new PrintWriter(err), args);
        assertEquals(0, code, String.join(" ", args) + "\n" + out + err);
    }

    private static void cli(String... args) {
        cli((ws, run, view, projector, w, h, png) -> {
            throw new IllegalStateException("no maps here");
        }, args);
    }

    @Test
    void publicMinutesOnRealStLouisDataLeakNoPersonCoordinateSmallOrSensitiveCount() throws Exception {
        String shared = System.getProperty("pscdesk.shared.data", "../shared/data");
        Path month = Path.of(shared, "stl/crime/slmpd_monthly/2018");
        assumeTrue(Files.isDirectory(month), "St. Louis data not found at " + month.toAbsolutePath()
                + " (set -Dpscdesk.shared.data): test skipped");
        Path stl = Path.of(shared, "stl");
        Path ws = dir.resolve("stl.gpkg");
        cli("new", ws.toString(), "--crs", "ESRI:102696");
        cli("import", ws.toString(), stl.resolve("boundaries/city/STL_BOUNDARY_City.shp").toString(), "--role", "area",
                "--name", "city");
        cli("import", ws.toString(), month.resolve(MONTHS[0]).toString(), month.resolve(MONTHS[1]).toString(),
                "--preset", "slmpd", "--role", "outcome", "--name", "crimes");
        cli("import", ws.toString(), stl.resolve("risk_factors/metro_gtfs_2019_01/stops.txt").toString(), "--preset",
                "gtfs", "--role", "factor", "--name", "bus_stops", "--inside-area");
        String licenses = stl.resolve("risk_factors/derived_geojson_2025/business_licenses_2025.geojson").toString();
        cli("import", ws.toString(), licenses, "--role", "factor", "--name", "liquor_stores", "--filter",
                "USER_Space_Use_Cd_=5920");
        cli("import", ws.toString(), licenses, "--role", "factor", "--name", "bars", "--filter",
                "USER_Space_Use_Cd_=5820,7215");
        cli("import", ws.toString(), stl.resolve("boundaries/neighborhoods_79_shp/STL_DEMOS_Nhoods.shp").toString(),
                "--role", "reference", "--name", "neighbourhoods");
        cli("rtm", ws.toString(), "--outcome", "crimes", "--factors", "bus_stops,liquor_stores,bars",
                "--block-length", "600ft", "--save", "winter2018");

        // what the room typed: a coordinate of a real domestic assault, a name, an e-mail, phones and small counts
        String[] sensitiveXy = firstSensitiveCoordinate(month.resolve(MONTHS[0]));
        long meeting;
        int nonSensitiveInCells;
        int allInCells;
        try (Workspace w = Workspace.open(ws)) {
            LoadedRun run = LoadedRun.load(w, "winter2018").orElseThrow();
            int[] counted = countInRunCells(w, run);
            nonSensitiveInCells = counted[0];
            allInCells = counted[1];
            PublicRun pub = new PrivacyFilter().publicRun(w, run);
            assertTrue(pub.places().size() >= 3, "the filter names places: " + pub.places());

            DirectoryRepository directory = new DirectoryRepository(w);
            Body psc = directory.addBody(new Body("St. Louis Public Safety Collaborative", BodyKind.COLLABORATIVE,
                    null));
            List<Organization> orgs = directory.addOrganizations(List.of(
                    new Organization("St. Louis Metropolitan Police Department", Sector.POLICE),
                    new Organization("Building Division", Sector.CITY_AGENCY),
                    new Organization("The Ville Neighborhood Association", Sector.RESIDENT_GROUP)));
            Program walks = directory.addProgram(new Program("Block walks", orgs.get(2).id(), ProgramType.OUTREACH,
                    "Residents walk the blocks with the district officers.", List.of("bus_stops"), null));
            MeetingRepository meetings = new MeetingRepository(w);
            meeting = meetings.addMeeting(new Meeting(psc.id(), "Monthly ACTION meeting, March 2018",
                    LocalDate.of(2018, 3, 15), "Central Library", FACILITATOR, MeetingStatus.IN_PROGRESS)).id();
            meetings.addAttendance(meeting, orgs.stream().map(Organization::id).toList());
            Map<AgendaStep, String> notes = new EnumMap<>(AgendaStep.class);
            notes.put(AgendaStep.ASSESSMENT, FACILITATOR + " showed the January–February map. Questions to "
                    + FACILITATOR.toLowerCase(Locale.ROOT) + " at " + PHONE + " or " + EMAIL + ".");
            notes.put(AgendaStep.CONNECTIONS, "A resident said the assault at " + sensitiveXy[0] + ", "
                    + sensitiveXy[1] + " was the third this winter: 7 incidents on that block since January.");
            notes.put(AgendaStep.TASKS, "District desk: 314.555.0199; the block club's cell +1 314 555 0188.");
            meetings.putAgendaNotes(meeting, notes);
            MeetingRecords records = new MeetingRecords(w);
            records.setRuns(meeting, List.of("winter2018"));
            List<Long> places = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                PublicRun.Place p = pub.places().get(i);
                long place = records.addPlace(p.label(), "winter2018", null, LocalDate.of(2018, 3, 15));
                places.add(place);
                int raw = 0; // what a careless fact would hold: every event, sensitive ones included
                for (int k : p.cells()) {
                    raw += run.counts()[k];
                }
                records.rankPlace(meeting, place, i + 1, "Bus stops and late-night stores; two assaults reported"
                        + " near 38.6270512, -90.1994097 last month.", "{\"risk_class\":\"highest\",\"incidents\":"
                        + raw + "}");
            }
            records.addDecision(meeting, "Start block walks at the first place.", "Three robberies there since"
                    + " New Year; the association can start at once.", places.get(0));
            records.addCommitment(meeting, places.get(0), walks.id(), orgs.get(2).id(), LocalDate.of(2018, 4, 1),
                    "two evenings a week");
            meetings.addActionItem(new ActionItem(meeting, orgs.get(0).id(), null, null, "Send the call list to "
                    + EMAIL + " before the walks start.", LocalDate.of(2018, 3, 29), ActionItemStatus.OPEN));
            records.addMapView(meeting, "winter2018", "risk");
            records.addMapView(meeting, "winter2018", "places");
        }
        assertTrue(nonSensitiveInCells < allInCells, "the two months hold sensitive records inside the study cells");

        Path publicPdf = dir.resolve("public.pdf");
        cli(org.pscdesk.Launcher.RENDERER, "minutes", ws.toString(), "--meeting", Long.toString(meeting),
                "--pdf", publicPdf.toString(), "--public");
        Path partnersPdf = dir.resolve("partners.pdf");
        cli("minutes", ws.toString(), "--meeting", Long.toString(meeting), "--pdf", partnersPdf.toString());
        String partners = text(partnersPdf);
        for (String typed : new String[] {FACILITATOR, EMAIL, PHONE, "314.555.0199", sensitiveXy[0], "7 incidents",
                "Incidents: "}) {
            assertTrue(partners.contains(typed), "the partners' version holds what was typed: " + typed);
        }

        String text = text(publicPdf);
        assertTrue(text.contains("public version (organizations only)"));
        assertFalse(text.contains("Jane") || text.contains("Broker"), "the facilitator's name is left out");
        assertNoMatch(text, "[\\w.+-]+@[\\w-]+\\.[\\w.]+", "e-mail");
        assertNoMatch(text, "\\(?\\d{3}\\)?[\\s.-]\\d{3}[\\s.-]\\d{4}", "phone number");
        assertNoMatch(text, "-?\\d{1,3}\\.\\d{5,}", "longitude or latitude to 5 or more decimals");
        Set<String> rawCoordinates = rawCoordinates(month);
        Matcher numbers = Pattern.compile("\\d+(?:\\.\\d+)?").matcher(text);
        while (numbers.find()) {
            assertFalse(rawCoordinates.contains(numbers.group()), "an imported coordinate: " + numbers.group());
        }
        Matcher counts = Pattern.compile("(?i)(\\d[\\d,]*|one|two|three|four|five|six|seven|eight|nine|ten)\\s+"
                + "(incidents?|crimes?|events?|offen[cs]es?|assaults?|robber(?:y|ies))").matcher(text);
        while (counts.find()) {
            String n = counts.group(1).replace(",", "");
            assertTrue(n.chars().allMatch(Character::isDigit) && Integer.parseInt(n) >= 11,
                    "a count below 11: '" + counts.group() + "'");
        }
        assertTrue(text.contains("fewer than 11 incidents") && text.contains("fewer than 11 robberies"), text);
        assertFalse(text.contains("Incidents: "), "typed place counts are for partners only");

        // sensitive categories: said to be left out, and the only total printed is the non-sensitive one
        assertTrue(text.contains("sensitive offence categories are left out"), text);
        Matcher total = Pattern.compile("([\\d,]+) events counted").matcher(text);
        assertTrue(total.find(), "the data note gives the total: " + text);
        assertEquals(nonSensitiveInCells, Integer.parseInt(total.group(1).replace(",", "")));
        assertFalse(total.find(), "one total");
        assertFalse(text.contains(String.format(Locale.ROOT, "%,d", allInCells)), "no total with sensitive offences");
        assertNotEquals(-1, text.indexOf("Map 2: places to discuss"), "both maps printed");
        try (PDDocument doc = Loader.loadPDF(publicPdf.toFile())) {
            int images = 0;
            for (var page : doc.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    images += page.getResources().isImageXObject(name) ? 1 : 0;
                }
            }
            assertEquals(2, images, "the two kept map views, drawn through the privacy filter");
        }
    }

    /** The PDF's text with whitespace runs as one space: lines are wrapped where the PDF wraps them. */
    private static String text(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    private static void assertNoMatch(String text, String regex, String what) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertFalse(m.find(), () -> "a " + what + " in the public minutes: '" + m.group() + "'");
    }

    /** Splits a CSV line on commas outside quotes (enough for the SLMPD files). */
    private static String[] fields(String line) {
        return line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
    }

    /**
     * XCoord and YCoord, as written in the file, of its first mappable sensitive record (SLMPD publishes rapes
     * at 0,0, so it is a domestic assault).
     */
    private static String[] firstSensitiveCoordinate(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.ISO_8859_1);
        List<String> header = List.of(fields(lines.get(0)));
        int x = header.indexOf("XCoord");
        int y = header.indexOf("YCoord");
        int d = header.indexOf("Description");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = fields(line);
            if (f.length > y && SensitiveCategories.defaults().matches(f[d]) && !f[x].trim().equals("0")) {
                return new String[] {f[x].trim(), f[y].trim()};
            }
        }
        throw new AssertionError("no sensitive record with coordinates in " + csv);
    }

    /** Every raw X and Y of the imported months with 6 or more digits before the point (state-plane feet). */
    private static Set<String> rawCoordinates(Path folder) throws Exception {
        Set<String> out = new HashSet<>();
        for (String name : MONTHS) {
            List<String> lines = Files.readAllLines(folder.resolve(name), StandardCharsets.ISO_8859_1);
            List<String> header = List.of(fields(lines.get(0)));
            int x = header.indexOf("XCoord");
            int y = header.indexOf("YCoord");
            for (String line : lines.subList(1, lines.size())) {
                String[] f = fields(line);
                for (int i : new int[] {x, y}) {
                    if (f.length > i && f[i].trim().matches("\\d{6,}(\\.\\d+)?")) {
                        out.add(f[i].trim());
                    }
                }
            }
        }
        assertTrue(out.size() > 1000, "coordinates read: " + out.size());
        return out;
    }

    /** Events of the outcome layer in the run's cells: {non-sensitive, all}. */
    private static int[] countInRunCells(Workspace w, LoadedRun run) throws Exception {
        LayerInfo crimes = w.layer("crimes").orElseThrow();
        int sensitiveAt = crimes.fields().stream().map(FieldDef::name).toList().indexOf("sensitive");
        assertTrue(sensitiveAt >= 0, "the importer flags sensitive records");
        Grid grid = run.grid();
        boolean[] inStudy = new boolean[grid.size()];
        for (int cell : run.cells()) {
            inStudy[cell] = true;
        }
        int[] n = new int[2];
        w.forEachFeature(crimes.name(), f -> {
            Coordinate c = f.geometry().getCoordinate();
            int cell = grid.cellOf(c.x, c.y);
            if (cell >= 0 && inStudy[cell]) {
                n[1]++;
                if (!Boolean.TRUE.equals(f.values().get(sensitiveAt))) {
                    n[0]++;
                }
            }
        });
        return n;
    }
}
