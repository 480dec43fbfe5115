package org.pscdesk.ui;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Button;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.pscdesk.demo.DemoCity;
import org.pscdesk.ui.meeting.MeetingPanel;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the app tests on the demo workspace share: a fresh demo file and a fresh app home per test class (so
 * settings, locks and recovery files never leak between classes), the FX-thread helper, and opening a new
 * meeting the way a broker does.
 */
abstract class DemoAppTests {

    @TempDir
    static Path dir;
    static Path demo;
    private static String homeBefore;
    final FxRobot robot = new FxRobot();

    @BeforeAll
    static void writeDemo() throws Exception {
        homeBefore = AppTests.useHome(dir.resolve("home"));
        demo = dir.resolve("demo.gpkg");
        DemoCity.write(demo);
        FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void restoreHome() {
        AppTests.restoreHome(homeBefore);
    }

    static <T> T fx(Callable<T> work) throws Exception {
        return AppTests.fx(work);
    }

    void fire(String id) throws Exception {
        fx(() -> {
            ((Button) robot.lookup(id).query()).fire();
            return null;
        });
    }

    void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(condition));
    }

    /** Opens the meeting panel (if a restart has not already) and starts a new meeting; returns the panel. */
    MeetingPanel newMeeting(PscDeskApp app) throws Exception {
        fx(() -> {
            app.view().openMeeting();
            return null;
        });
        MeetingPanel panel = fx(() -> app.view().meetingPanel().orElseThrow());
        // the panel sits in a scroll pane, whose content joins the scene graph with its skin (next pulse)
        waitFor(() -> robot.lookup("#meeting-new").tryQuery().isPresent());
        fire("#meeting-new");
        return panel;
    }
}
