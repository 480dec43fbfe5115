package org.pscdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;

import org.junit.jupiter.api.Test;

import org.pscdesk.meeting.AgendaStep;
import org.pscdesk.store.MeetingRepository;
import org.pscdesk.store.Workspace;
import org.pscdesk.ui.meeting.MeetingPanel;

import org.testfx.util.WaitForAsyncUtils;

/**
 * The meeting panel in the real app: the demo's finalized meeting is read-only; a new meeting takes notes
 * that are saved as they are typed (and survive closing the app), and the Tasks step shows the action items
 * still open from the earlier meeting.
 */
class MeetingPanelTest extends DemoAppTests {

    @Test
    void notesOfANewMeetingAreSavedAsTypedAndOpenItemsShowInTasks() throws Exception {
        PscDeskApp app = AppTests.start(demo);
        long meetingId;
        try {
            fx(() -> {
                app.view().toggleMeeting();
                return null;
            });
            MeetingPanel panel = fx(() -> app.view().meetingPanel().orElseThrow());
            // the notes sit in a scroll pane, whose content joins the scene graph with its skin (next pulse)
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#meeting-notes").tryQuery()
                    .isPresent()));
            TextArea notes = fx(() -> (TextArea) robot.lookup("#meeting-notes").query());
            assertFalse(fx(notes::isEditable), "the demo's finalized meeting is read-only");
            assertTrue(fx(notes::getText).startsWith("Reviewed the risk map"), "its assessment notes are shown");

            // a finalized record is corrected by a new meeting that names it (after a confirmation)
            long november = fx(panel::meetingId);
            javafx.application.Platform.runLater(() -> ((javafx.scene.control.Button) robot.lookup("#meeting-correct")
                    .query()).fire());
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("Start correction")
                    .tryQuery().isPresent()));
            robot.clickOn("Start correction");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(panel::meetingId) != november);
            String link = fx(() -> ((Label) robot.lookup("#meeting-linked").query()).getText());
            assertTrue(link.startsWith("Correction of the meeting of 2025-11-20"), link);
            assertTrue(fx(notes::isEditable), "the correction takes notes");

            fire("#meeting-new");
            assertTrue(fx(notes::isEditable), "a new meeting takes notes");
            meetingId = fx(panel::meetingId);
            robot.clickOn(notes).write("Risk map shows Old Mill still highest.");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() ->
                    ((Label) robot.lookup("#meeting-saved").query()).getText().equals("Saved.")));
            String stored = fx(() -> new MeetingRepository(app.model().current().workspace()).agendaNotes(meetingId)
                    .get(AgendaStep.ASSESSMENT));
            assertEquals("Risk map shows Old Mill still highest.", stored, "saved half a second after typing");

            fx(() -> {
                ((javafx.scene.control.ToggleButton) robot.lookup("#step-tasks").query()).fire();
                return null;
            });
            Node carried = fx(() -> robot.lookup("#meeting-carried").query());
            assertTrue(fx(carried::isVisible));
            String carriedText = fx(() -> String.join(" ", SceneTexts.of(carried)));
            assertTrue(carriedText.contains("still open from earlier meetings: 2"), carriedText);
            // a new action item from the Tasks step's form
            fx(() -> {
                javafx.scene.control.TextField what = (javafx.scene.control.TextField) robot.lookup(
                        "#meeting-item-text").query();
                what.requestFocus(); // the form may sit below the fold of the panel: type where the focus is
                return null;
            });
            robot.write("Walk the corridor with the block captains.");
            fx(() -> {
                @SuppressWarnings("unchecked")
                javafx.scene.control.ComboBox<org.pscdesk.meeting.Organization> owner =
                        (javafx.scene.control.ComboBox<org.pscdesk.meeting.Organization>) robot.lookup(
                                "#meeting-item-owner").query();
                owner.getSelectionModel().select(0);
                ((javafx.scene.control.Button) robot.lookup("#meeting-item-add").query()).fire();
                return null;
            });
            long added = fx(() -> new MeetingRepository(app.model().current().workspace()).actionItems(meetingId)
                    .stream().filter(a -> a.description().equals("Walk the corridor with the block captains."))
                    .count());
            assertEquals(1, added, "the new action item is stored with this meeting");
            robot.clickOn(notes).write("Inspections continue.");
        } finally {
            AppTests.stop(app); // closing saves what was typed last
        }
        try (Workspace ws = Workspace.open(demo)) {
            assertEquals("Inspections continue.", new MeetingRepository(ws).agendaNotes(meetingId).get(AgendaStep.TASKS),
                    "typed just before closing, still saved");
        }
    }
}
