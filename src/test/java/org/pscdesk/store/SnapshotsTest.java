package org.pscdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pscdesk.geo.Crs;
import org.pscdesk.meeting.AgendaStep;
import org.pscdesk.meeting.Body;
import org.pscdesk.meeting.BodyKind;
import org.pscdesk.meeting.Meeting;
import org.pscdesk.meeting.MeetingStatus;

/** Snapshots: consistent copies of an open workspace, rotated, and restorable (after a snapshot of now). */
class SnapshotsTest {

    @TempDir
    Path dir;

    private static class SteppingClock extends Clock {
        private Instant now = Instant.parse("2026-11-29T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            now = now.plusSeconds(1);
            return now;
        }
    }

    @Test
    void snapshotsRotateAndARestoreBringsBackTheRecordAfterSavingTheCurrentOne() throws Exception {
        Path file = dir.resolve("ws.gpkg");
        try (Workspace ws = Workspace.create(file, Crs.of("EPSG:26915"), new SteppingClock())) {
            Body body = new DirectoryRepository(ws).addBody(new Body("PSC", BodyKind.COLLABORATIVE, null));
            MeetingRepository meetings = new MeetingRepository(ws);
            long meeting = meetings.addMeeting(new Meeting(body.id(), "May", LocalDate.of(2026, 5, 1), null, null,
                    MeetingStatus.IN_PROGRESS)).id();
            Snapshots snapshots = new Snapshots(ws, dir.resolve("snapshots"));
            meetings.putAgendaNotes(meeting, Map.of(AgendaStep.TASKS, "first version"));
            Snapshots.Snapshot start = snapshots.take("meeting-start");
            assertEquals("ok", Snapshots.integrity(start.file()));

            meetings.putAgendaNotes(meeting, Map.of(AgendaStep.TASKS, "second version"));
            Snapshots.Snapshot before = snapshots.restore(start);
            assertEquals("first version", meetings.agendaNotes(meeting).get(AgendaStep.TASKS), "restored");
            assertEquals("before-restore", before.reason());
            try (Workspace copy = Workspace.open(before.file())) {
                assertEquals("second version", new MeetingRepository(copy).agendaNotes(meeting).get(AgendaStep.TASKS),
                        "the state before the restore was kept");
            }

            for (int i = 0; i < Snapshots.KEEP + 3; i++) {
                snapshots.take("hourly");
            }
            List<Snapshots.Snapshot> all = snapshots.list();
            assertEquals(Snapshots.KEEP, all.size(), "rotated");
            assertTrue(all.get(0).takenAt().isAfter(all.get(all.size() - 1).takenAt()), "newest first");
        }
    }
}
