package org.pscdesk.cli;

import java.nio.file.Path;

/**
 * Draws a saved run's map to a PNG without a display ({@code pscdesk render}). The launcher supplies it, so
 * the CLI does not depend on the UI packages.
 */
@FunctionalInterface
public interface SceneRenderer {

    /**
     * @param workspace the workspace file
     * @param run the saved run's name
     * @param view risk, hotspots, priority or places
     * @param projector draw the projector scene (title, legend, data note) rather than the console map
     * @param width image width in pixels
     * @param height image height in pixels
     * @param png the file to write
     * @return what was drawn, for the command's output
     * @throws IllegalArgumentException bad input the user can fix (unknown run, unreadable workspace)
     */
    String render(Path workspace, String run, String view, boolean projector, int width, int height, Path png);
}
