package org.pscdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pscdesk.demo.DemoCity;
import org.pscdesk.meeting.ActionItem;
import org.pscdesk.meeting.ActionItemStatus;
import org.pscdesk.meeting.Meeting;
import org.pscdesk.meeting.MeetingStatus;

/**
 * Action items from an earlier (finalized) meeting are updated in the room as new rows of the current meeting;
 * the earlier record never changes, and the next meeting sees only what is still owed.
 */
class CarriedItemsTest {

    @TempDir
    Path dir;

    @Test
    void updatesInTheRoomAreNewRowsAndTheNextMeetingSeesTheEndOfEachChain() throws Exception {
        Path file = dir.resolve("demo.gpkg");
        DemoCity.write(file);
        try (Workspace ws = Workspace.open(file)) {
            MeetingRepository meetings = new MeetingRepository(ws);
            MeetingRecords records = new MeetingRecords(ws);
            long november = meetings.meetings().get(0).id();
            long body = meetings.meetings().get(0).bodyId();
            long december = meetings.addMeeting(new Meeting(body, "December", LocalDate.of(2025, 12, 18), null, null,
                    MeetingStatus.IN_PROGRESS)).id();

            List<MeetingRecords.CarriedItem> review = records.itemsToReview(december);
            assertEquals(2, review.size(), "the two open items of November");
            long inspections = review.stream().filter(i -> i.description().startsWith("Inspect")).findFirst()
                    .orElseThrow().id();
            long lights = review.stream().filter(i -> i.description().startsWith("Repair")).findFirst().orElseThrow().id();

            long done = records.updateInMeeting(december, inspections, "done", null);
            assertEquals(done, records.updateInMeeting(december, inspections, "in_progress", null),
                    "a second update in the same meeting changes the same row");
            records.updateInMeeting(december, lights, "dropped", "the utility replaced the lights");

            List<ActionItem> novemberItems = meetings.actionItems(november);
            assertTrue(novemberItems.stream().filter(a -> a.description().startsWith("Inspect")).allMatch(
                    a -> a.status() == ActionItemStatus.OPEN), "November's record is untouched");
            List<ActionItem> decemberItems = meetings.actionItems(december);
            assertEquals(2, decemberItems.size());
            assertTrue(decemberItems.stream().anyMatch(a -> a.status() == ActionItemStatus.DROPPED
                    && a.description().endsWith("(dropped: the utility replaced the lights)")), decemberItems.toString());
            String json = records.json(december).orElseThrow();
            assertTrue(json.contains("\"carried_from\" : " + november), json);

            review = records.itemsToReview(december);
            assertEquals(2, review.size());
            assertTrue(review.stream().allMatch(MeetingRecords.CarriedItem::updatedHere), "now this meeting's rows");

            records.finalizeMeeting(december);
            long january = meetings.addMeeting(new Meeting(body, "January", LocalDate.of(2026, 1, 22), null, null,
                    MeetingStatus.IN_PROGRESS)).id();
            review = records.itemsToReview(january);
            assertEquals(1, review.size(), "only the inspections, still in progress, are owed");
            assertEquals("in_progress", review.get(0).status());
            assertEquals(december, review.get(0).meetingId());
        }
    }
}
