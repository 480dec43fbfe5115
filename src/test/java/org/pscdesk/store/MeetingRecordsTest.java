package org.pscdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pscdesk.demo.DemoCity;

/** A finalized meeting is immutable whatever the path (store API or plain SQL), and its hash is its record's. */
class MeetingRecordsTest {

    @TempDir
    Path dir;

    @Test
    void theDemoMeetingIsFinalizedWithTheHashOfItsRecord() throws Exception {
        Path file = dir.resolve("demo.gpkg");
        DemoCity.write(file);
        try (Workspace ws = Workspace.open(file)) {
            MeetingRecords records = new MeetingRecords(ws);
            List<MeetingRecords.Summary> meetings = records.summaries();
            assertEquals(1, meetings.size());
            assertEquals("finalized", meetings.get(0).status());
            String json = records.json(meetings.get(0).id()).orElseThrow();
            String stored = json.replaceAll("(?s).*\"content_sha256\" : \"([0-9a-f]{64})\".*", "$1");
            String withoutHash = json.replaceAll("\n  \"content_sha256\" : \"[0-9a-f]{64}\",", "");
            String recomputed = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(withoutHash.getBytes(StandardCharsets.UTF_8)));
            assertEquals(recomputed, stored, "the hash is the SHA-256 of the record as printed, without the hash");
            assertTrue(json.contains("\"places\" : [ {") && json.contains("\"rank\" : 1"), json);
            assertTrue(json.contains("\"commitments\" : [ {"), json);
        }
    }

    @Test
    void everyChangeToAFinalizedMeetingIsRefusedByTheStore() throws Exception {
        Path file = dir.resolve("demo.gpkg");
        DemoCity.write(file);
        long meeting;
        try (Workspace ws = Workspace.open(file)) {
            MeetingRecords records = new MeetingRecords(ws);
            meeting = records.summaries().get(0).id();
            long place = records.addPlace("a new place", null, null, LocalDate.of(2026, 1, 1)); // the registry is open
            assertThrows(WorkspaceException.class, () -> records.addDecision(meeting, "late", "", null));
            assertThrows(WorkspaceException.class, () -> records.rankPlace(meeting, place, 9, "", "{}"));
            assertThrows(WorkspaceException.class, () -> records.addCommitment(meeting, place, 1, 1, null, null));
            assertThrows(WorkspaceException.class, () -> records.linkActionItem(1, place, null));
            assertThrows(WorkspaceException.class, () -> records.finalizeMeeting(meeting));
            assertThrows(WorkspaceException.class, () -> new MeetingRepository(ws).putAgendaNotes(meeting,
                    java.util.Map.of(org.pscdesk.meeting.AgendaStep.TASKS, "changed")));
        }
        String[] sql = {
            "UPDATE psc_meetings SET title = 'x' WHERE id = " + meeting,
            "UPDATE psc_meetings SET status = 'draft' WHERE id = " + meeting,
            "DELETE FROM psc_meetings WHERE id = " + meeting,
            "UPDATE psc_agenda_notes SET notes = 'x' WHERE meeting_id = " + meeting,
            "DELETE FROM psc_agenda_notes WHERE meeting_id = " + meeting,
            "DELETE FROM psc_attendance WHERE meeting_id = " + meeting,
            "INSERT INTO psc_attendance (meeting_id, org_id) VALUES (" + meeting + ", 17)",
            "UPDATE psc_action_items SET status = 'done' WHERE meeting_id = " + meeting,
            "DELETE FROM psc_action_items WHERE meeting_id = " + meeting,
            "UPDATE psc_meeting_places SET narrative = 'x' WHERE meeting_id = " + meeting,
            "DELETE FROM psc_decisions WHERE meeting_id = " + meeting,
            "UPDATE psc_commitments SET dosage = 'none' WHERE meeting_id = " + meeting,
        };
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            for (String s : sql) {
                SQLException e = assertThrows(SQLException.class, () -> st.executeUpdate(s), s);
                assertTrue(e.getMessage().contains("finalized"), s + ": " + e.getMessage());
            }
        }
    }

    @Test
    void aMeetingInProgressCanBeWrittenThenFinalized() throws Exception {
        Path file = dir.resolve("ws.gpkg");
        try (Workspace ws = Workspace.create(file, org.pscdesk.geo.Crs.of("EPSG:26915"))) {
            DirectoryRepository directory = new DirectoryRepository(ws);
            var body = directory.addBody(new org.pscdesk.meeting.Body("PSC", org.pscdesk.meeting.BodyKind.COLLABORATIVE,
                    null));
            var m = new MeetingRepository(ws).addMeeting(new org.pscdesk.meeting.Meeting(body.id(), "March",
                    LocalDate.of(2026, 3, 5), null, null, org.pscdesk.meeting.MeetingStatus.IN_PROGRESS));
            MeetingRecords records = new MeetingRecords(ws);
            long place = records.addPlace("corner", "run1", null, LocalDate.of(2026, 3, 5));
            records.rankPlace(m.id(), place, 1, "story", "{\"risk_class\":\"highest\"}");
            records.addDecision(m.id(), "prioritize", "because", place);
            String hash = records.finalizeMeeting(m.id());
            assertEquals(64, hash.length());
            String json = records.json(m.id()).orElseThrow();
            assertTrue(json.contains("\"facts\" : {\"risk_class\":\"highest\"}") || json.contains("\"risk_class\""), json);
            assertTrue(json.contains(hash));
        }
    }
}
