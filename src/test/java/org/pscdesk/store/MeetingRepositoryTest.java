package org.pscdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pscdesk.geo.Crs;
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

class MeetingRepositoryTest {

    @TempDir
    Path dir;
    private Path file;
    private Organization police;
    private Organization streets;
    private Program lighting;
    private Body psc;

    @BeforeEach
    void directory() throws WorkspaceException {
        file = dir.resolve("meetings.gpkg");
        try (Workspace ws = Workspace.create(file, Crs.of("EPSG:26915"))) {
            DirectoryRepository repo = new DirectoryRepository(ws);
            List<Organization> orgs = repo.addOrganizations(List.of(new Organization("Test Police", Sector.POLICE),
                    new Organization("Test Streets", Sector.CITY_AGENCY)));
            police = orgs.get(0);
            streets = orgs.get(1);
            lighting = repo.addProgram(new Program("Lighting", streets.id(), ProgramType.ENVIRONMENTAL, "",
                    List.of("bus_stops"), null));
            psc = repo.addBody(new Body("Test PSC", BodyKind.COLLABORATIVE, null));
        }
    }

    @Test
    void meetingWithNotesAttendanceAndActionItemsSurvivesReopening() throws WorkspaceException {
        Meeting meeting;
        List<ActionItem> items;
        Map<AgendaStep, String> notes = new EnumMap<>(AgendaStep.class);
        notes.put(AgendaStep.ASSESSMENT, "Reviewed the map.");
        notes.put(AgendaStep.TASKS, "Two tasks.");
        try (Workspace ws = Workspace.open(file)) {
            MeetingRepository repo = new MeetingRepository(ws);
            meeting = repo.addMeeting(new Meeting(psc.id(), "November", LocalDate.of(2025, 11, 20), "Library",
                    "PSC analyst", MeetingStatus.IN_PROGRESS));
            repo.putAgendaNotes(meeting.id(), notes);
            repo.addAttendance(meeting.id(), List.of(streets.id(), police.id(), police.id()));
            items = repo.addActionItems(List.of(
                    new ActionItem(meeting.id(), streets.id(), lighting.id(), "Transit center", "Fix the lights.",
                            LocalDate.of(2026, 1, 8), ActionItemStatus.OPEN),
                    new ActionItem(meeting.id(), police.id(), null, null, "Share the map.", null,
                            ActionItemStatus.DONE)));
        }

        try (Workspace ws = Workspace.open(file)) {
            MeetingRepository repo = new MeetingRepository(ws);
            assertEquals(List.of(meeting), repo.meetings());
            assertEquals(notes, repo.agendaNotes(meeting.id()));
            assertEquals(List.of(police.id(), streets.id()), repo.attendance(meeting.id()), "each org once");
            assertEquals(items, repo.actionItems(meeting.id()));
        }
        assertNull(items.get(1).programId());
        assertNull(items.get(1).dueOn());
    }

    @Test
    void laterNotesForAStepReplaceEarlierOnes() throws WorkspaceException {
        try (Workspace ws = Workspace.open(file)) {
            MeetingRepository repo = new MeetingRepository(ws);
            Meeting meeting = repo.addMeeting(new Meeting(psc.id(), "Draft", LocalDate.of(2026, 1, 20), null, null,
                    MeetingStatus.DRAFT));

            repo.putAgendaNotes(meeting.id(), Map.of(AgendaStep.OUTCOMES, "first"));
            repo.putAgendaNotes(meeting.id(), Map.of(AgendaStep.OUTCOMES, "second"));

            assertEquals(Map.of(AgendaStep.OUTCOMES, "second"), repo.agendaNotes(meeting.id()));
        }
    }

    @Test
    void openActionItemsAreTheOutstandingOnesFromEveryMeetingSoonestDueFirst() throws WorkspaceException {
        try (Workspace ws = Workspace.open(file)) {
            MeetingRepository repo = new MeetingRepository(ws);
            Meeting first = repo.addMeeting(new Meeting(psc.id(), "October", LocalDate.of(2025, 10, 16), null, null,
                    MeetingStatus.IN_PROGRESS));
            Meeting second = repo.addMeeting(new Meeting(psc.id(), "November", LocalDate.of(2025, 11, 20), null,
                    null, MeetingStatus.IN_PROGRESS));
            List<ActionItem> added = repo.addActionItems(List.of(
                    item(first, "late", LocalDate.of(2026, 2, 1), ActionItemStatus.OPEN),
                    item(first, "finished", LocalDate.of(2025, 11, 1), ActionItemStatus.DONE),
                    item(second, "undated", null, ActionItemStatus.IN_PROGRESS),
                    item(second, "soon", LocalDate.of(2025, 12, 1), ActionItemStatus.IN_PROGRESS),
                    item(second, "abandoned", LocalDate.of(2025, 12, 2), ActionItemStatus.DROPPED)));

            List<ActionItem> open = repo.openActionItems();

            assertEquals(List.of(added.get(3), added.get(0), added.get(2)), open);
        }
    }

    private ActionItem item(Meeting meeting, String what, LocalDate due, ActionItemStatus status) {
        return new ActionItem(meeting.id(), police.id(), null, "somewhere", what, due, status);
    }
}
