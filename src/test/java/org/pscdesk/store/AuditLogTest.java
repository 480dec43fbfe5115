package org.pscdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pscdesk.demo.DemoCity;

/** The audit log records layer writes, meetings, finalizing and runs, with who and when, never a full path. */
class AuditLogTest {

    @TempDir
    Path dir;

    @Test
    void theDemoAndARunAreInTheLog() throws Exception {
        Path file = dir.resolve("demo.gpkg");
        DemoCity.write(file);
        try (Workspace ws = Workspace.open(file)) {
            new RunRepository(ws).delete("none"); // no such run: nothing logged
            List<Workspace.AuditEntry> log = ws.auditLog();
            long layers = log.stream().filter(e -> e.action().equals("layer")).count();
            long generated = ws.layers().stream().filter(l -> l.role() != LayerRole.RESULT).count();
            assertEquals(generated, layers, "one line per layer written: " + log);
            assertTrue(log.stream().anyMatch(e -> e.action().equals("run") && e.detail().contains("nov-2025")), "run");
            assertTrue(log.stream().anyMatch(e -> e.action().equals("meeting")), log.toString());
            Workspace.AuditEntry fin = log.stream().filter(e -> e.action().equals("finalize")).findFirst().orElseThrow();
            assertTrue(fin.detail().matches("meeting \\d+, sha256 [0-9a-f]{64}"), fin.detail());
            assertEquals(System.getProperty("user.name"), fin.who());
            for (Workspace.AuditEntry e : log) {
                assertFalse(e.detail().contains(dir.toString()), "no full path: " + e.detail());
                assertTrue(e.at().startsWith("20"), e.at());
            }
        }
    }

    @Test
    void editsTypedInAMeetingAreLoggedOnceForARunOfTyping() throws Exception {
        Path file = dir.resolve("ws.gpkg");
        try (Workspace ws = Workspace.create(file, org.pscdesk.geo.Crs.of("EPSG:26915"))) {
            var body = new DirectoryRepository(ws).addBody(new org.pscdesk.meeting.Body("PSC",
                    org.pscdesk.meeting.BodyKind.COLLABORATIVE, null));
            MeetingRepository meetings = new MeetingRepository(ws);
            var m = meetings.addMeeting(new org.pscdesk.meeting.Meeting(body.id(), "June",
                    java.time.LocalDate.of(2026, 6, 4), null, null, org.pscdesk.meeting.MeetingStatus.IN_PROGRESS));
            for (String typed : List.of("T", "Tw", "Two", "Two tasks")) { // autosave as the broker types
                meetings.putAgendaNotes(m.id(), java.util.Map.of(org.pscdesk.meeting.AgendaStep.TASKS, typed));
            }
            MeetingRecords records = new MeetingRecords(ws);
            long place = records.addPlace("corner", null, null, java.time.LocalDate.of(2026, 6, 4));
            records.rankPlace(m.id(), place, 1, "draft", "{}", "generated");
            records.setNarrative(m.id(), place, "the room's words");
            records.addDecision(m.id(), "first priority", "highest risk", place);
            List<String> edits = ws.auditLog().stream().filter(e -> e.action().equals("edit"))
                    .map(Workspace.AuditEntry::detail).toList();
            assertEquals(List.of("meeting " + m.id() + ": notes of tasks", "meeting " + m.id() + ": place " + place
                    + " ranked 1", "meeting " + m.id() + ": narrative of place " + place, "meeting " + m.id()
                    + ": decision 1 recorded"), edits);
        }
    }
}
