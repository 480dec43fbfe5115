package org.pscdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
            assertThrows(WorkspaceException.class, () -> records.setDots(meeting, 1, 1, 2));
            assertThrows(WorkspaceException.class, () -> records.setNarrative(meeting, 1, "rewritten"));
            assertThrows(WorkspaceException.class, () -> records.reorder(meeting, List.of(3L, 2L, 1L)));
            assertThrows(WorkspaceException.class, () -> records.unrankPlace(meeting, 1));
            assertThrows(WorkspaceException.class, () -> records.setRuns(meeting, List.of("nov-2025")));
            assertThrows(WorkspaceException.class, () -> records.setDetails(meeting, "New title",
                    LocalDate.of(2025, 11, 21), "Hall", "Someone"));
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
            "INSERT INTO psc_votes (meeting_id, place_id, org_id, dots) VALUES (" + meeting + ", 1, 1, 3)",
            "DELETE FROM psc_narrative_versions WHERE meeting_id = " + meeting,
            "INSERT INTO psc_meeting_runs (meeting_id, run_name) VALUES (" + meeting + ", 'x')",
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

    @Test
    void placesAreVotedRankedAndTheirNarrativesKeepEveryVersion() throws Exception {
        Path file = dir.resolve("ws.gpkg");
        try (Workspace ws = Workspace.create(file, org.pscdesk.geo.Crs.of("EPSG:26915"))) {
            DirectoryRepository directory = new DirectoryRepository(ws);
            var body = directory.addBody(new org.pscdesk.meeting.Body("PSC", org.pscdesk.meeting.BodyKind.COLLABORATIVE,
                    null));
            var police = directory.addOrganization(new org.pscdesk.meeting.Organization("Police",
                    org.pscdesk.meeting.Sector.POLICE));
            var church = directory.addOrganization(new org.pscdesk.meeting.Organization("St. Anne's",
                    org.pscdesk.meeting.Sector.FAITH));
            var m = new MeetingRepository(ws).addMeeting(new org.pscdesk.meeting.Meeting(body.id(), "April",
                    LocalDate.of(2026, 4, 2), null, null, org.pscdesk.meeting.MeetingStatus.IN_PROGRESS));
            MeetingRecords records = new MeetingRecords(ws);
            long a = records.addPlace("the corner at 5th & Main", "r1", "1,2,3", LocalDate.of(2026, 4, 2),
                    new org.locationtech.jts.geom.GeometryFactory().toGeometry(
                            new org.locationtech.jts.geom.Envelope(0, 100, 0, 50)), "cells");
            long b = records.addPlace("Fairground Park", "r1", null, LocalDate.of(2026, 4, 2));
            long c = records.addPlace("the school route", null, null, LocalDate.of(2026, 4, 2));
            records.rankPlace(m.id(), a, 1, "draft a", "{}", "generated");
            records.rankPlace(m.id(), b, 2, "draft b", "{}", "generated");
            records.rankPlace(m.id(), c, 3, "draft c", "{}", "generated");
            assertEquals("cells", records.place(a).orElseThrow().origin());
            assertEquals(5000, records.place(a).orElseThrow().shape().getArea(), 1e-9);
            assertEquals(null, records.place(b).orElseThrow().shape());

            records.setNarrative(m.id(), a, "the room's words");
            records.setNarrative(m.id(), a, "the room's words"); // unchanged: no new version
            records.setNarrative(m.id(), a, "the room's final words");
            assertEquals(List.of("generated", "edited", "edited"), records.narrativeVersions(m.id(), a).stream()
                    .map(MeetingRecords.NarrativeVersion::origin).toList());
            assertEquals("draft a", records.narrativeVersions(m.id(), a).get(0).narrative());

            records.setDots(m.id(), c, police.id(), 2);
            records.setDots(m.id(), c, church.id(), 3);
            records.setDots(m.id(), b, church.id(), 1);
            records.setDots(m.id(), b, church.id(), 0); // taken back
            records.setDots(m.id(), a, police.id(), 1);
            assertEquals(java.util.Map.of(police.id(), 2, church.id(), 3), records.votes(m.id()).get(c));
            assertFalse(records.votes(m.id()).containsKey(b));
            records.rankByVotes(m.id());
            assertEquals(List.of(c, a, b), records.rankedPlaces(m.id()).stream()
                    .map(MeetingRecords.RankedPlace::placeId).toList());
            assertEquals(List.of(5, 1, 0), records.rankedPlaces(m.id()).stream()
                    .map(MeetingRecords.RankedPlace::dots).toList());

            records.reorder(m.id(), List.of(b, c, a));
            records.unrankPlace(m.id(), c);
            assertEquals(List.of(1, 2), records.rankedPlaces(m.id()).stream()
                    .map(MeetingRecords.RankedPlace::rank).toList());
            assertEquals(List.of(b, a), records.rankedPlaces(m.id()).stream()
                    .map(MeetingRecords.RankedPlace::placeId).toList());
            assertTrue(records.place(c).isPresent(), "the registry keeps a place taken off the list");

            records.setDetails(m.id(), "April meeting", LocalDate.of(2026, 4, 3), "Library hall", "Jo Broker");
            records.setRuns(m.id(), List.of("r1", "r0", "r1"));
            assertEquals(List.of("r0", "r1"), records.runs(m.id()));
            String json = records.json(m.id()).orElseThrow();
            assertTrue(json.contains("\"title\" : \"April meeting\"") && json.contains("\"date\" : \"2026-04-03\"")
                    && json.contains("\"location\" : \"Library hall\""), json);
            assertTrue(json.contains("\"dots\" : 1") && json.contains("\"runs\" : [ {"), json);

            var m2 = new MeetingRepository(ws).addMeeting(new org.pscdesk.meeting.Meeting(body.id(), "May",
                    LocalDate.of(2026, 5, 7), null, null, org.pscdesk.meeting.MeetingStatus.IN_PROGRESS));
            records.rankPlace(m2.id(), a, 1, "still the first", "{}");
            assertEquals(List.of(m.id(), m2.id()), records.history(a).stream()
                    .map(MeetingRecords.PlaceHistory::meetingId).toList());
            assertFalse(records.json(m2.id()).orElseThrow().contains("\"dots\""), "no votes, no dots key");
        }
    }

    @Test
    void aCorrectionIsANewMeetingThatNamesTheFinalizedOneWhichStaysAsItWas() throws Exception {
        Path file = dir.resolve("demo.gpkg");
        DemoCity.write(file);
        try (Workspace ws = Workspace.open(file)) {
            MeetingRecords records = new MeetingRecords(ws);
            long original = records.summaries().get(0).id();
            String before = records.json(original).orElseThrow();
            long correction = records.startCorrection(original, LocalDate.of(2025, 12, 4));
            assertEquals(before, records.json(original).orElseThrow(), "the finalized record reads as it did");
            String stored = before.replaceAll("(?s).*\"content_sha256\" : \"([0-9a-f]{64})\".*", "$1");
            String withoutHash = before.replaceAll("\n  \"content_sha256\" : \"[0-9a-f]{64}\",", "");
            assertEquals(stored, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(withoutHash.getBytes(StandardCharsets.UTF_8))), "and its hash still holds");
            assertEquals(original, records.corrects(correction).orElseThrow().id());
            assertEquals(List.of(correction), records.correctedBy(original).stream().map(MeetingRecords.Link::id)
                    .toList());
            String json = records.json(correction).orElseThrow();
            assertTrue(json.contains("\"corrects\" : " + original) && json.contains("\"status\" : \"draft\"")
                    && json.contains("Correction of: Monthly ACTION meeting"), json);
            assertThrows(WorkspaceException.class, () -> records.startCorrection(correction, LocalDate.of(2025, 12, 4)),
                    "only a finalized meeting is corrected this way");
            assertTrue(ws.auditLog().stream().anyMatch(e -> e.detail().contains("correction of meeting " + original)));
        }
    }
}
