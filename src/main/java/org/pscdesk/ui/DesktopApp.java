package org.pscdesk.ui;

import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.application.Application;

/**
 * Entry point of the desktop app for {@code org.pscdesk.Launcher}: a plain class, so the launcher does
 * not start JavaFX for CLI commands (deps doc G8).
 */
public final class DesktopApp {

    /** Kept strongly: java.util.logging forgets the level of a logger that is garbage-collected. */
    private static final Logger[] QUIET = {Logger.getLogger("javafx"), Logger.getLogger("com.gluonhq")};

    private DesktopApp() {
    }

    /**
     * Runs the app until its window closes.
     *
     * @param workspaceOrNull workspace to open; null reopens the last one (the demo on first start)
     * @param smokeTest open, wait until the map is drawn, print {@code drawn in <ms> ms} to stderr, exit
     * @param screenshotOrNull with a smoke test: PNG file to save the drawn window to
     * @return exit code: 0 success, 1 failure, 3 the workspace could not be opened (smoke test)
     */
    public static int launch(Path workspaceOrNull, boolean smokeTest, Path screenshotOrNull) {
        configure(smokeTest);
        AppLog.install(org.pscdesk.store.AppFolders.logs(), AppLog.LIMIT_BYTES, AppLog.FILES);
        PscDeskApp.prepareLaunch(new PscDeskApp.Options(workspaceOrNull, smokeTest, screenshotOrNull));
        try {
            Application.launch(PscDeskApp.class);
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            System.err.println("PSC Desk could not open its window (" + why + "). It needs a graphical desktop;"
                    + " the command-line commands work without one (pscdesk --help).");
            return 1;
        }
        return PscDeskApp.exitCode();
    }

    private static void configure(boolean smokeTest) {
        // Without a display, a smoke test renders with Monocle when it is on the class path (deps doc 2.10).
        applySettings(smokeTest && noDisplay() && monocleAvailable());
    }

    /** The settings every start needs, and Monocle's headless platform when asked for. */
    private static void applySettings(boolean headless) {
        // Basemap tiles are drawn with Java2D off screen; headless AWT never needs an X server.
        setDefault("java.awt.headless", "true");
        // Gluon Attach asks for the platform and logs when it is missing.
        setDefault("javafx.platform", "desktop");
        if (headless) {
            setDefault("glass.platform", "Monocle");
            setDefault("monocle.platform", "Headless");
            setDefault("prism.order", "sw");
        }
        // "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'" is harmless (G16).
        QUIET[0].setLevel(Level.SEVERE);
        QUIET[1].setLevel(Level.WARNING);
    }

    /**
     * Settings for drawing without any display (pscdesk render): Monocle's headless platform and the software
     * renderer, whether or not an X server exists, so that images are the same everywhere (deps doc 2.10).
     * Must run before the JavaFX toolkit starts.
     */
    public static void configureHeadless() {
        if (!monocleAvailable()) {
            throw new IllegalStateException("this build lacks Monocle, which drawing without a display needs");
        }
        applySettings(true);
    }

    private static boolean noDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        boolean x11 = !os.startsWith("windows") && !os.startsWith("mac");
        return x11 && System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null;
    }

    private static boolean monocleAvailable() {
        try {
            Class.forName("com.sun.glass.ui.monocle.MonoclePlatformFactory", false, DesktopApp.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
