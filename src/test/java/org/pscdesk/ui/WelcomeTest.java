package org.pscdesk.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pscdesk.store.AppFolders;
import org.pscdesk.store.Settings;
import org.pscdesk.ui.map.MapPane;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** First run: the demo opens with a welcome that says what PSC Desk is for; once closed it stays closed. */
class WelcomeTest {

    @TempDir
    static Path home;
    private static String homeBefore;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void freshHome() throws Exception {
        homeBefore = System.getProperty(AppFolders.HOME_PROPERTY);
        System.setProperty(AppFolders.HOME_PROPERTY, home.toString());
        FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void restoreHome() {
        if (homeBefore == null) {
            System.clearProperty(AppFolders.HOME_PROPERTY);
        } else {
            System.setProperty(AppFolders.HOME_PROPERTY, homeBefore);
        }
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }

    private PscDeskApp startFirstRun() throws Exception {
        PscDeskApp app = (PscDeskApp) FxToolkit.setupApplication(() -> new PscDeskApp(new PscDeskApp.Options(null,
                false, null)));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> app.view().mapPane().map(MapPane::isDrawn)
                .orElse(false) && !app.model().runner().busy().get()));
        return app;
    }

    @Test
    void theFirstStartOpensTheDemoWithAWelcomeThatStaysClosedOnceClosed() throws Exception {
        PscDeskApp app = startFirstRun();
        try {
            assertTrue(fx(() -> robot.lookup("#welcome").tryQuery().isPresent()), "welcome on the first start");
            String text = fx(() -> String.join(" ", SceneTexts.of(robot.lookup("#welcome").query())));
            assertTrue(text.contains("Open demo") && text.contains("New workspace") && text.contains("Import data"),
                    text);
            robot.clickOn("#welcome-close");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#welcome").tryQuery().isEmpty()));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Settings.load().welcomed());
        } finally {
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
        }
        PscDeskApp again = startFirstRun();
        try {
            assertFalse(fx(() -> robot.lookup("#welcome").tryQuery().isPresent()), "not shown again");
        } finally {
            FxToolkit.cleanupApplication(again);
            FxToolkit.cleanupStages();
        }
    }
}
