package org.pscdesk.ui;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.pscdesk.store.AppFolders;
import org.pscdesk.ui.map.MapPane;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** What the tests of the running app share: a private home folder, starting the app, work on the FX thread. */
public final class AppTests {

    private AppTests() {
    }

    /** Points the app's folders at {@code home}; returns the previous value for {@link #restoreHome}. */
    static String useHome(Path home) {
        String before = System.getProperty(AppFolders.HOME_PROPERTY);
        System.setProperty(AppFolders.HOME_PROPERTY, home.toString());
        return before;
    }

    static void restoreHome(String before) {
        if (before == null) {
            System.clearProperty(AppFolders.HOME_PROPERTY);
        } else {
            System.setProperty(AppFolders.HOME_PROPERTY, before);
        }
    }

    /** Starts the app on a workspace (null: the first-start path) and waits until its map is drawn. */
    static PscDeskApp start(Path workspace) throws Exception {
        PscDeskApp app = (PscDeskApp) FxToolkit.setupApplication(() -> new PscDeskApp(new PscDeskApp.Options(workspace,
                false, null)));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> app.view().mapPane().map(MapPane::isDrawn)
                .orElse(false) && !app.model().runner().busy().get()));
        // then until nothing changes for a few checks: tiles, repaints and start-up work have settled
        String last = "";
        int stable = 0;
        for (int i = 0; i < 300 && stable < 3; i++) {
            WaitForAsyncUtils.sleep(30, TimeUnit.MILLISECONDS);
            String now = fx(() -> org.pscdesk.ui.map.TileSources.pending() + "/" + app.model().runner().busy().get()
                    + "/" + System.identityHashCode(app.model().current()) + "/"
                    + app.view().mapPane().map(m -> m.overlay().paintCount()).orElse(-1L));
            stable = now.equals(last) && now.startsWith("0/false") ? stable + 1 : 0;
            last = now;
        }
        WaitForAsyncUtils.waitForFxEvents();
        return app;
    }

    /**
     * With {@code -Dpscdesk.screenshots=DIR}, writes the app's window as DIR/NAME.png (the walk-throughs in the
     * closing notes are made this way, by the tests that click through a meeting); otherwise does nothing.
     */
    static void screenshot(PscDeskApp app, String name) throws Exception {
        screenshot(fx(() -> app.view().root().getScene()), name);
    }

    /** The same for any window's scene (a dialog, the import wizard). */
    public static void screenshot(javafx.scene.Scene scene, String name) throws Exception {
        String dir = System.getProperty("pscdesk.screenshots");
        if (dir == null) {
            return;
        }
        javafx.scene.image.WritableImage image = fx(() -> scene.snapshot(null));
        java.nio.file.Path file = java.nio.file.Path.of(dir, name + ".png");
        java.nio.file.Files.createDirectories(file.getParent());
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
    }

    static void stop(PscDeskApp app) throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }
}
