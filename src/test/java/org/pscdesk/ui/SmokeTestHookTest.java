package org.pscdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pscdesk.store.AppFolders;
import org.testfx.api.FxToolkit;

/** The smoke-test hook used by CI and the cold-start benchmark: exit code and screenshot. */
class SmokeTestHookTest {

    @TempDir
    static Path dir;

    private static String homeBefore;
    private PscDeskApp app;

    @BeforeAll
    static void setUp() throws Exception {
        homeBefore = System.getProperty(AppFolders.HOME_PROPERTY);
        System.setProperty(AppFolders.HOME_PROPERTY, dir.resolve("home").toString());
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

    @AfterEach
    void stopApp() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    private int run(Path workspace, Path screenshot) throws Exception {
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        app = (PscDeskApp) FxToolkit.setupApplication(() -> new PscDeskApp(
                new PscDeskApp.Options(workspace, true, screenshot), exit::complete));
        return exit.get(60, TimeUnit.SECONDS);
    }

    @Test
    void drawsThenSavesTheWindowAndReportsSuccess() throws Exception {
        Path town = TestWorkspaces.town(dir.resolve("town.gpkg"));
        Path png = dir.resolve("shots/window.png");
        assertEquals(0, run(town, png));
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals((int) PscDeskApp.WIDTH, image.getWidth());
        assertEquals((int) PscDeskApp.HEIGHT, image.getHeight());
        assertTrue(Files.notExists(dir.resolve("home/config/settings.properties")), "a smoke test changes no settings");
    }

    @Test
    void aFileThatIsNotAWorkspaceEndsWithTheBadInputCode() throws Exception {
        assertEquals(3, run(TestWorkspaces.png(dir.resolve("photo.png")), null));
    }
}
