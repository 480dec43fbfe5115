import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.pscdesk.cli.PscDeskCommand;
import org.pscdesk.demo.DemoCity;
import org.pscdesk.meeting.ActionItem;
import org.pscdesk.meeting.ActionItemStatus;
import org.pscdesk.meeting.AgendaStep;
import org.pscdesk.meeting.Meeting;
import org.pscdesk.meeting.MeetingStatus;
import org.pscdesk.meeting.Organization;
import org.pscdesk.meeting.Program;
import org.pscdesk.store.DirectoryRepository;
import org.pscdesk.store.MeetingRecords;
import org.pscdesk.store.MeetingRepository;
import org.pscdesk.store.Workspace;

/**
 * Issue 8 benchmark: minutes with 3 maps and 20 places. Writes the demo workspace plus a second meeting, in
 * progress, with 20 ranked places (narratives of 60–90 words), notes on every ACTION step, 10 decisions, 24
 * commitments of 6 programs, 6 action items and 3 map views of run nov-2025 (risk, hot spots, places); then,
 * unless RUNS is 0, writes its minutes RUNS times per version in this JVM through the CLI command (the same path
 * as {@code pscdesk minutes}, maps drawn headless) and prints each time. The first run is cold (JavaFX start,
 * JIT). bench/minutes.sh adds the whole command with JVM start.
 *
 * <p>java -cp target/pscdesk.jar bench/MinutesBench.java OUT.gpkg [RUNS=5]
 */
public class MinutesBench {

    private static final String[] STREETS = {"Westgate Boulevard", "Union Avenue", "Commerce Street", "Main Street",
        "Foundry Lane", "Kessler Road", "Market Street", "Canal Street", "Hollis Avenue", "Station Road",
        "Mill Race Drive", "Lafayette Street", "Grand Avenue", "Tanner Street", "Riverside Drive", "Oak Hill Road",
        "Cherry Street", "Sixth Street", "Ninth Street", "Baker Avenue"};
    private static final String[] FACTORS = {"vacant lots within 100 m", "a package liquor store within 400 m",
        "many bus stops within 400 m"};

    public static void main(String[] args) throws Exception {
        Path ws = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Files.deleteIfExists(ws);
        DemoCity.write(ws);
        long meeting = addMeeting(ws);
        System.out.println("workspace " + ws + ", meeting " + meeting + " (20 places, 3 map views)");
        for (boolean pub : new boolean[] {false, true}) {
            List<Long> times = new ArrayList<>();
            Path pdf = ws.resolveSibling("minutes-" + (pub ? "public" : "partners") + ".pdf");
            for (int i = 0; i < runs; i++) {
                List<String> a = new ArrayList<>(List.of("minutes", ws.toString(), "--meeting",
                        Long.toString(meeting), "--pdf", pdf.toString(), "--force"));
                if (pub) {
                    a.add("--public");
                }
                StringWriter err = new StringWriter();
                long t0 = System.nanoTime();
                int code = PscDeskCommand.execute((w, s, p) -> 1, org.pscdesk.Launcher.RENDERER,
                        new PrintWriter(new StringWriter()), new PrintWriter(err), a.toArray(String[]::new));
                long ms = (System.nanoTime() - t0) / 1_000_000;
                if (code != 0) {
                    throw new IllegalStateException("minutes failed: " + err);
                }
                times.add(ms);
            }
            if (runs > 0) {
                List<Long> warm = new ArrayList<>(times.subList(Math.min(1, times.size()), times.size()));
                warm.sort(null);
                System.out.printf("%s: runs (ms) %s; first (cold JVM) %d ms; median of the warm runs %s ms; %,d bytes%n",
                        pub ? "public" : "partners", times, times.get(0),
                        warm.isEmpty() ? "-" : Long.toString(warm.get(warm.size() / 2)), Files.size(pdf));
            }
        }
        System.exit(0); // the JavaFX toolkit stays up otherwise
    }

    /** The second meeting, in progress, as a busy real one would be. */
    private static long addMeeting(Path file) throws Exception {
        try (Workspace ws = Workspace.open(file)) {
            DirectoryRepository directory = new DirectoryRepository(ws);
            List<Organization> orgs = directory.organizations();
            List<Program> programs = directory.programs();
            long body = directory.bodies().get(0).id();
            LocalDate day = LocalDate.of(2025, 12, 18);
            MeetingRepository meetings = new MeetingRepository(ws);
            long id = meetings.addMeeting(new Meeting(body, "Monthly ACTION meeting, December 2025", day,
                    "Riverbend Central Library, community room", "PSC analyst (convener)", MeetingStatus.IN_PROGRESS))
                    .id();
            meetings.addAttendance(id, orgs.subList(0, 12).stream().map(Organization::id).toList());
            Map<AgendaStep, String> notes = new EnumMap<>(AgendaStep.class);
            for (AgendaStep step : AgendaStep.values()) {
                notes.put(step, ("The room reviewed the " + step.name().toLowerCase() + " step for the twenty places on"
                        + " the list. Partners compared the risk map with what they see on the ground, agreed which"
                        + " places need a second visit, and asked the analyst to bring last quarter's figures to the"
                        + " next meeting. ").repeat(2).trim());
            }
            meetings.putAgendaNotes(id, notes);
            MeetingRecords records = new MeetingRecords(ws);
            records.setRuns(id, List.of("nov-2025"));
            List<Long> places = new ArrayList<>();
            for (int p = 0; p < 20; p++) {
                String a = STREETS[p];
                String b = STREETS[(p * 7 + 3) % STREETS.length];
                long place = records.addPlace(a + " & " + b, "nov-2025", null, day);
                places.add(place);
                String factor = FACTORS[p % FACTORS.length];
                String narrative = "The blocks around " + a + " and " + b + " have " + factor + ", and places like"
                        + " this in Riverbend see about " + (2 + p % 4) + " times the usual rate of assaults and"
                        + " robberies. Neighbours describe people gathering late near the corner, two buildings that"
                        + " stand open, and lighting that fails after 9 pm. The block club asks for a walk-through with"
                        + " the city before any new enforcement, and the business owners want the lot behind the"
                        + " store cleared first.";
                records.rankPlace(id, place, p + 1, narrative, "{\"risk_class\":\"" + (p < 8 ? "highest" : "high")
                        + "\",\"factors\":[\"" + factor + "\"],\"incidents\":\"more than " + (60 - 2 * p)
                        + " in 2024-2025\",\"area_ha\":" + (2 + p % 3) + "}");
            }
            for (int d = 0; d < 10; d++) {
                records.addDecision(id, "Place " + (d + 1) + " stays on the priority list for the next 90 days.",
                        "Still among the highest-risk places; the partners present can act there this quarter.",
                        places.get(d));
            }
            List<Program> six = programs.subList(0, 6);
            for (int c = 0; c < 24; c++) {
                Program prog = six.get(c % six.size());
                records.addCommitment(id, places.get(c * 7 % 18), prog.id(), prog.ownerOrgId(),
                        day.plusDays(7 + c), "weekly for " + (4 + c % 9) + " weeks, evenings");
            }
            List<ActionItem> items = new ArrayList<>();
            for (int k = 0; k < 6; k++) {
                Program prog = six.get(k);
                items.add(new ActionItem(id, prog.ownerOrgId(), prog.id(), STREETS[k], "Report back on the first"
                        + " month of " + prog.name() + " at " + STREETS[k] + ".", day.plusWeeks(4 + k),
                        ActionItemStatus.OPEN));
            }
            meetings.addActionItems(items);
            for (String view : List.of("risk", "hotspots", "places")) {
                records.addMapView(id, "nov-2025", view);
            }
            return id;
        }
    }
}
