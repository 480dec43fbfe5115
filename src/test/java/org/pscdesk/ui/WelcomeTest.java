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
import org.pscdesk.geo.Crs;
import org.pscdesk.store.Settings;
import org.pscdesk.store.Workspace;
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
        homeBefore = AppTests.useHome(home);
        FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void restoreHome() {
        AppTests.restoreHome(homeBefore);
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return AppTests.fx(work);
    }

    private PscDeskApp startFirstRun() throws Exception {
        return AppTests.start(null);
    }

    @Test
    void theFirstStartOpensTheDemoWithAWelcomeThatStaysClosedOnceClosed() throws Exception {
        PscDeskApp app = startFirstRun();
        try {
            assertTrue(fx(() -> robot.lookup("#welcome").tryQuery().isPresent()), "welcome on the first start");
            String text = fx(() -> String.join(" ", SceneTexts.of(robot.lookup("#welcome").query())));
            assertTrue(text.contains("Open demo") && text.contains("New workspace") && text.contains("Import data"),
                    text);
            assertTrue(text.contains("This is the demo city"), text);
            // Another workspace opened before the welcome was closed: the card does not call it the demo.
            Path other = home.resolve("other.gpkg");
            Workspace.create(other, Crs.of("EPSG:26915")).close();
            fx(() -> {
                app.model().open(other);
                return null;
            });
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> app.model().current() != null
                    && app.model().current().workspace().file().endsWith("other.gpkg")
                    && robot.lookup("#welcome").tryQuery().isPresent()));
            String elsewhere = fx(() -> String.join(" ", SceneTexts.of(robot.lookup("#welcome").query())));
            assertFalse(elsewhere.contains("demo city"), elsewhere);
            assertTrue(elsewhere.contains("Open demo to see an example city"), elsewhere);
            robot.clickOn("#welcome-close");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#welcome").tryQuery().isEmpty()));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Settings.load().welcomed());
        } finally {
            AppTests.stop(app);
        }
        PscDeskApp again = startFirstRun();
        try {
            assertFalse(fx(() -> robot.lookup("#welcome").tryQuery().isPresent()), "not shown again");
        } finally {
            AppTests.stop(again);
        }
    }
}
