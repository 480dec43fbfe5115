package org.pscdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.scene.control.TextArea;

import org.junit.jupiter.api.Test;

import org.pscdesk.meeting.AgendaStep;
import org.pscdesk.store.AppFolders;
import org.pscdesk.store.Faults;
import org.pscdesk.store.MeetingRepository;
import org.pscdesk.store.Workspace;
import org.pscdesk.ui.meeting.MeetingPanel;

import org.testfx.util.WaitForAsyncUtils;

/**
 * The disk fills during a meeting: the broker is told at once, the notes stay on screen and in a recovery
 * file, and they are written by themselves when space comes back. Then the app is closed while the disk is
 * full: the next start reopens the same meeting and saves the recovered notes.
 */
class MeetingFaultTest extends DemoAppTests {

    private String savedText() throws Exception {
        return fx(() -> ((Label) robot.lookup("#meeting-saved").query()).getText());
    }

    @Test
    void aFullDiskIsSaidAtOnceNothingTypedIsLostAndItIsWrittenWhenSpaceReturns() throws Exception {
        String longNotes = "Old Mill: lots still open. ".repeat(800); // needs new pages: a full disk refuses it
        PscDeskApp app = AppTests.start(demo);
        long meeting;
        Path recovery;
        try {
            MeetingPanel panel = newMeeting(app);
            meeting = fx(panel::meetingId);
            Workspace ws = fx(() -> app.model().current().workspace());
            recovery = MeetingPanel.recoveryFile(demo, meeting);
            assertTrue(recovery.startsWith(AppFolders.data()), recovery.toString());

            Faults.diskFull(ws, true);
            TextArea notes = fx(() -> (TextArea) robot.lookup("#meeting-notes").query());
            fx(() -> {
                notes.setText(longNotes);
                return null;
            });
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> savedText().startsWith("NOT SAVED"));
            assertTrue(savedText().contains("disk is full"), savedText());
            assertTrue(fx(() -> ((Label) robot.lookup("#meeting-saved").query()).getStyleClass()
                    .contains("meeting-unsaved")), "said plainly, not as a grey hint");
            assertEquals(longNotes, fx(notes::getText), "what was typed stays on screen");
            assertTrue(Files.readString(recovery).contains("Old Mill\\: lots still open.")
                    || Files.readString(recovery).contains("Old Mill: lots still open."), "and in the recovery file");
            assertEquals(null, new MeetingRepository(ws).agendaNotes(meeting).get(AgendaStep.ASSESSMENT));

            Faults.diskFull(ws, false); // space comes back: written with no keystroke
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> savedText().equals("Saved."));
            assertEquals(longNotes, new MeetingRepository(ws).agendaNotes(meeting).get(AgendaStep.ASSESSMENT));
            assertTrue(Files.notExists(recovery), "the recovery file goes once its text is in the workspace");

            // full again, and the app closes before space returns
            Faults.diskFull(ws, true);
            fx(() -> {
                notes.setText(longNotes + "Late words before closing. ".repeat(400));
                return null;
            });
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> savedText().startsWith("NOT SAVED"));
        } finally {
            AppTests.stop(app);
        }
        assertTrue(Files.isRegularFile(recovery), "unsaved notes wait in the recovery file");

        PscDeskApp again = AppTests.start(demo); // the last workspace, and the meeting that was open
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> again.view().meetingPanel()
                    .map(MeetingPanel::meetingId).orElse(0L)) == meeting);
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> Files.notExists(recovery));
            try (Workspace ws = Workspace.open(demo)) {
                assertTrue(new MeetingRepository(ws).agendaNotes(meeting).get(AgendaStep.ASSESSMENT)
                        .endsWith("Late words before closing. "), "saved at the next start");
            }
        } finally {
            AppTests.stop(again);
        }
    }
}
