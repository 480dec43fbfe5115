package org.pscdesk.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.pscdesk.store.MeetingRecords;
import org.pscdesk.store.MeetingRepository;
import org.pscdesk.store.Workspace;
import org.pscdesk.store.WorkspaceException;

/**
 * The demo's directory, program catalog and one past meeting. All names are invented; organizations, never
 * people, are recorded.
 */
final class DemoDirectory {

    static final LocalDate MEETING_DAY = LocalDate.of(2025, 11, 20);

    private static final List<Organization> ORGANIZATIONS = List.of(
            new Organization("Riverbend Police Department", Sector.POLICE),
            new Organization("Riverbend Building Division", Sector.CITY_AGENCY),
            new Organization("Riverbend Streets and Lighting Department", Sector.CITY_AGENCY),
            new Organization("Riverbend Citizens' Service Bureau (311)", Sector.CITY_AGENCY),
            new Organization("Riverbend Health Department", Sector.CITY_AGENCY),
            new Organization("Riverbend Land Bank", Sector.CITY_AGENCY),
            new Organization("Riverbend Office of Violence Prevention", Sector.CITY_AGENCY),
            new Organization("Confluence Behavioral Health", Sector.SERVICE_PROVIDER),
            new Organization("Riverbend Recovery Network", Sector.SERVICE_PROVIDER),
            new Organization("Safe Harbor Family Services", Sector.SERVICE_PROVIDER),
            new Organization("Riverbend Peacekeepers", Sector.COMMUNITY_ORG),
            new Organization("Northside Youth League", Sector.COMMUNITY_ORG),
            new Organization("Corridor Business Association", Sector.BUSINESS),
            new Organization("Old Mill Neighborhood Association", Sector.RESIDENT_GROUP),
            new Organization("Kessler Flats Block Captains", Sector.RESIDENT_GROUP),
            new Organization("Riverbend Interfaith Alliance", Sector.FAITH),
            new Organization("Riverbend Public Schools", Sector.SCHOOL));

    private DemoDirectory() {
    }

    /** What was written, for the summary. */
    record Written(int organizations, int bodies, int programs, int meetings, int openActionItems) {
    }

    /**
     * Writes the directory, catalog and meeting.
     *
     * @param factorLayers the names of the workspace's factor layers (every program's factors must be among them)
     */
    static Written write(Workspace workspace, Set<String> factorLayers, String runName) throws WorkspaceException {
        DirectoryRepository directory = new DirectoryRepository(workspace);
        List<Organization> orgs = directory.addOrganizations(ORGANIZATIONS);
        Body psc = directory.addBody(new Body("Riverbend Public Safety Collaborative", BodyKind.COLLABORATIVE, null));
        directory.addBody(new Body("Use of Force", BodyKind.WORKING_GROUP, psc.id()));
        directory.addBody(new Body("Intimate Partner Violence", BodyKind.WORKING_GROUP, psc.id()));

        List<Program> catalog = List.of(
                new Program("Peacekeepers street outreach", id(orgs, "Riverbend Peacekeepers"), ProgramType.OUTREACH,
                        "Community violence intervention: credible messengers mediate conflicts and follow up"
                                + " with people at risk of shooting or being shot.",
                        List.of("bars", "liquor_stores"), "10 outreach workers, evenings and weekends"),
                new Program("Problem property inspections", id(orgs, "Riverbend Building Division"),
                        ProgramType.ENFORCEMENT, "Inspections of problem-landlord and vacant buildings, with orders"
                                + " to board, clean or repair and follow-up citations.",
                        List.of("vacant_lots"), "40 inspections a month"),
                new Program("Clinician co-response", id(orgs, "Confluence Behavioral Health"),
                        ProgramType.SOCIAL_SERVICE, "A mental-health clinician answers behavioral-health calls"
                                + " with a police officer or instead of one.",
                        List.of("bus_stops"), "2 teams, 7 days a week"),
                new Program("311 blight and street-light repair", id(orgs, "Riverbend Streets and Lighting Department"),
                        ProgramType.ENVIRONMENTAL, "Fixes reported through 311: dark street lights, illegal dumping,"
                                + " overgrown lots, broken sidewalks.",
                        List.of("vacant_lots", "bus_stops"), "repairs within 10 working days"),
                new Program("Vacant lot clean and green", id(orgs, "Riverbend Land Bank"), ProgramType.ENVIRONMENTAL,
                        "Clears trash, mows and plants land-bank lots and puts up low fences.",
                        List.of("vacant_lots"), "25 lots a season"),
                new Program("Addiction and mental-health services", id(orgs, "Riverbend Recovery Network"),
                        ProgramType.SOCIAL_SERVICE, "Walk-in recovery support, treatment referrals and peer"
                                + " counsellors near the places people gather.",
                        List.of("liquor_stores", "bus_stops"), "60 new clients a month"),
                new Program("Youth night league and summer jobs", id(orgs, "Northside Youth League"),
                        ProgramType.PREVENTION, "Evening sports, mentoring and paid summer work for ages 14 to 24.",
                        List.of("schools"), "300 young people a year"),
                new Program("Business checks at liquor outlets", id(orgs, "Riverbend Police Department"),
                        ProgramType.ENFORCEMENT, "Officers and the business association visit package-liquor"
                                + " stores and gas stations to agree on lighting, loitering and sales rules.",
                        List.of("liquor_stores", "gas_stations"), "20 visits a month"));
        for (Program p : catalog) {
            if (!factorLayers.containsAll(p.factors())) {
                throw new IllegalStateException(p.name() + " names a factor layer the demo does not have");
            }
        }
        List<Program> programs = directory.addPrograms(catalog);

        MeetingRepository meetings = new MeetingRepository(workspace);
        Meeting meeting = meetings.addMeeting(new Meeting(psc.id(), "Monthly ACTION meeting, November 2025",
                MEETING_DAY, "Riverbend Central Library, community room", "PSC analyst (convener)",
                MeetingStatus.IN_PROGRESS));
        List<Long> present = new ArrayList<>();
        for (String name : List.of("Riverbend Police Department", "Riverbend Building Division",
                "Riverbend Streets and Lighting Department", "Riverbend Land Bank",
                "Riverbend Office of Violence Prevention", "Confluence Behavioral Health", "Riverbend Peacekeepers",
                "Corridor Business Association", "Old Mill Neighborhood Association", "Riverbend Interfaith Alliance")) {
            present.add(id(orgs, name));
        }
        meetings.addAttendance(meeting.id(), present);
        Map<AgendaStep, String> notes = new EnumMap<>(AgendaStep.class);
        notes.put(AgendaStep.ASSESSMENT, "Reviewed the risk map for Jan 2024 to Oct 2025. Highest-risk places: Old"
                + " Mill around Westgate Boulevard and Union Avenue, and the Market District Transit Center.");
        notes.put(AgendaStep.CONNECTIONS, "Old Mill risk ties to its cluster of vacant lots; the transit center to"
                + " crowding and dark bus stops after 9 pm.");
        notes.put(AgendaStep.TASKS, "Two tasks agreed (see action items); the land bank reports on lot ownership.");
        notes.put(AgendaStep.INTERVENTIONS, "Inspections and boarding in Old Mill; street-light repair and a"
                + " clinician co-response shift at the transit center.");
        notes.put(AgendaStep.OUTCOMES, "First meeting on these places: baseline counts recorded for comparison.");
        notes.put(AgendaStep.NOTIFICATIONS, "Summary to partners by email; Old Mill Neighborhood Association to share"
                + " it at its December meeting.");
        meetings.putAgendaNotes(meeting.id(), notes);
        List<ActionItem> items = meetings.addActionItems(List.of(
                new ActionItem(meeting.id(), id(orgs, "Riverbend Building Division"),
                        programId(programs, "Problem property inspections"),
                        "Old Mill: Westgate Boulevard & Union Avenue",
                        "Inspect the vacant lots and buildings of the Old Mill cluster and order boarding where open.",
                        LocalDate.of(2025, 12, 18), ActionItemStatus.OPEN),
                new ActionItem(meeting.id(), id(orgs, "Riverbend Streets and Lighting Department"),
                        programId(programs, "311 blight and street-light repair"),
                        "Market District Transit Center (Commerce Street & Main Street)",
                        "Repair the dark street lights around the transit center and its six bus bays.",
                        LocalDate.of(2026, 1, 8), ActionItemStatus.OPEN),
                new ActionItem(meeting.id(), id(orgs, "Corridor Business Association"), null,
                        "Market District", "Send the November risk map to member businesses.",
                        LocalDate.of(2025, 11, 27), ActionItemStatus.DONE)));

        // The places the room ranked, what it decided and who committed what where; then the record is
        // finalized (hash kept, immutable from then on), as a real meeting's would be.
        MeetingRecords record = new MeetingRecords(workspace);
        // drawn on the run's cells, as a broker draws them in the app: the riskier cells of each neighbourhood
        PlaceCells cells = new PlaceCells(workspace, runName);
        long oldMill = cells.add(record, "Old Mill: Westgate Boulevard & Union Avenue", "Old Mill", 4);
        long transit = cells.add(record, "Market District Transit Center (Commerce Street & Main Street)",
                "Market District", 4);
        long kessler = cells.add(record, "Kessler Flats: the corner stores on Union Avenue", "Kessler Flats", 3);
        record.rankPlace(meeting.id(), oldMill, 1, "A block of empty lots and two open buildings, with a package"
                + " liquor store at the corner. Places like this in Riverbend have about 4 to 5 times the usual"
                + " rate of assaults and robberies. Neighbours say the buildings are used at night.",
                "{\"risk_class\":\"highest\",\"factors\":[\"vacant lots within 100 m\",\"liquor store within 400 m\"],"
                        + "\"incidents\":\"more than 40 in 2024-2025\",\"area_ha\":" + cells.areaHa(oldMill, 4) + "}");
        record.rankPlace(meeting.id(), transit, 2, "The busiest bus transfer point, with six bays and dark"
                + " stretches after 9 pm. Crowds waiting late and poor lighting make it a place where fights and"
                + " robberies start.", "{\"risk_class\":\"highest\",\"factors\":[\"many bus stops within 400 m\"],"
                        + "\"incidents\":\"more than 30 in 2024-2025\",\"area_ha\":" + cells.areaHa(transit, 3) + "}");
        record.rankPlace(meeting.id(), kessler, 3, "Two corner stores that sell alcohol late, near a school"
                + " route; fewer incidents than the first two, but rising.", "{\"risk_class\":\"moderately high\","
                        + "\"factors\":[\"liquor store within 400 m\"],\"incidents\":\"fewer than 20 in 2024-2025\","
                        + "\"area_ha\":" + cells.areaHa(kessler, 2) + "}");
        record.addDecision(meeting.id(), "Old Mill lot cluster is the first priority place for the next 90 days.",
                "Highest risk and a hot spot; the vacant lots drive it, and the land bank owns most of them.", oldMill);
        record.addDecision(meeting.id(), "The transit center is the second priority place.",
                "Highest risk; repairs and a co-response shift can start within a month.", transit);
        record.addDecision(meeting.id(), "Kessler Flats stays on the watch list; review in February.",
                "Rising but not yet among the highest-risk places.", kessler);
        record.addCommitment(meeting.id(), oldMill, programId(programs, "Problem property inspections"),
                id(orgs, "Riverbend Building Division"), LocalDate.of(2025, 12, 1), "weekly inspections for 12 weeks");
        record.addCommitment(meeting.id(), oldMill, programId(programs, "Vacant lot clean and green"),
                id(orgs, "Riverbend Land Bank"), LocalDate.of(2026, 3, 1), "12 lots cleaned and planted");
        record.addCommitment(meeting.id(), transit, programId(programs, "311 blight and street-light repair"),
                id(orgs, "Riverbend Streets and Lighting Department"), LocalDate.of(2025, 12, 8),
                "all lights at the six bays within 30 days");
        record.addCommitment(meeting.id(), transit, programId(programs, "Clinician co-response"),
                id(orgs, "Confluence Behavioral Health"), LocalDate.of(2026, 1, 9), "Friday and Saturday, 6 pm to midnight");
        record.linkActionItem(items.get(0).id(), oldMill, null);
        record.linkActionItem(items.get(1).id(), transit, null);
        // the two maps put on the projector during the meeting: the minutes print them
        record.addMapView(meeting.id(), runName, "risk");
        record.addMapView(meeting.id(), runName, "places");
        record.finalizeMeeting(meeting.id());
        return new Written(orgs.size(), directory.bodies().size(), programs.size(), meetings.meetings().size(),
                meetings.openActionItems().size());
    }

    private static long id(List<Organization> orgs, String name) {
        return orgs.stream().filter(o -> o.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no organization " + name)).id();
    }

    private static Long programId(List<Program> programs, String name) {
        return programs.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no program " + name)).id();
    }

    /**
     * The demo's places as cells of its run: a neighbourhood's priority cells (a hot spot) of the risk class its
     * facts name, else all its cells of that class.
     */
    private static final class PlaceCells {
        private final org.pscdesk.analysis.LoadedRun run;
        private final java.util.Map<String, org.locationtech.jts.geom.Geometry> hoods = new java.util.HashMap<>();
        private final String runName;
        private final java.util.Map<Long, Long> hectares = new java.util.HashMap<>();

        PlaceCells(Workspace workspace, String runName) throws WorkspaceException {
            this.runName = runName;
            run = org.pscdesk.analysis.LoadedRun.load(workspace, runName).orElseThrow();
            workspace.forEachFeature("neighbourhoods", f -> hoods.put(String.valueOf(f.values().get(0)),
                    f.geometry()));
        }

        long add(MeetingRecords record, String label, String neighbourhood, int riskClass) throws WorkspaceException {
            org.locationtech.jts.geom.Geometry hood = hoods.get(neighbourhood);
            org.pscdesk.geo.Grid grid = run.grid();
            org.locationtech.jts.geom.GeometryFactory gf = new org.locationtech.jts.geom.GeometryFactory();
            List<org.locationtech.jts.geom.Geometry> squares = new java.util.ArrayList<>();
            StringBuilder ids = new StringBuilder();
            for (int pass = 0; pass < 2 && squares.isEmpty(); pass++) {
                for (int k = 0; hood != null && k < run.cells().length; k++) {
                    int cell = run.cells()[k];
                    double x = grid.centreX(grid.col(cell));
                    double y = grid.centreY(grid.row(cell));
                    boolean hot = run.quadrants()[k] == 1 || run.quadrants()[k] == 3; // Q1, Q3: hot spots
                    boolean wanted = run.classes()[k] == riskClass && (pass == 1 || hot);
                    if (wanted && hood.contains(gf.createPoint(new org.locationtech.jts.geom.Coordinate(x, y)))) {
                        double h = grid.cellSize() / 2;
                        squares.add(gf.toGeometry(new org.locationtech.jts.geom.Envelope(x - h, x + h, y - h, y + h)));
                        ids.append(ids.isEmpty() ? "" : ",").append(cell);
                    }
                }
            }
            if (squares.isEmpty()) {
                return record.addPlace(label, null, null, MEETING_DAY); // typed, as a room may
            }
            org.locationtech.jts.geom.Geometry outline = org.locationtech.jts.operation.union.UnaryUnionOp.union(squares);
            long id = record.addPlace(label, runName, ids.toString(), MEETING_DAY, outline, "cells");
            hectares.put(id, Math.round(outline.getArea() / 10_000)); // the demo's CRS is in metres
            return id;
        }

        /** The place's area in whole hectares (its facts say so); for a typed place, the room's estimate. */
        long areaHa(long placeId, long typed) {
            return hectares.getOrDefault(placeId, typed);
        }
    }
}
