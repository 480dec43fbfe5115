package org.pscdesk.cli;

import java.nio.file.Path;

/**
 * Starts the desktop app. The launcher supplies it, so the CLI does not depend on the UI packages.
 */
@FunctionalInterface
public interface GuiStarter {
    /**
     * Runs the app until it exits.
     *
     * @param workspace workspace to open, or null for the last one (the demo on first start)
     * @param smokeTest open, draw the map, report the time and quit
     * @param screenshot PNG to write of the drawn window, or null
     * @return the process exit code
     */
    int start(Path workspace, boolean smokeTest, Path screenshot);
}
