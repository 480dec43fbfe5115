package org.pscdesk.ui.export;

import java.nio.file.Path;

import javafx.application.HostServices;

/**
 * Opens a folder in the system's file manager after an export. Through the app's {@link HostServices}:
 * AWT's {@code Desktop} is unavailable because the app runs AWT headless (its basemap tiles are drawn off
 * screen). Without a desktop (Monocle's headless platform: tests, smoke runs) there is nothing to open.
 */
public final class OpenFolder {

    private static volatile HostServices services;

    private OpenFolder() {
    }

    /** Called once by the app at start. */
    public static void install(HostServices hostServices) {
        services = hostServices;
    }

    static boolean available() {
        boolean headless = "Monocle".equalsIgnoreCase(System.getProperty("glass.platform"))
                && "Headless".equalsIgnoreCase(System.getProperty("monocle.platform"));
        return services != null && !headless;
    }

    static void open(Path folder) {
        if (available()) {
            services.showDocument(folder.toUri().toString());
        }
    }
}
