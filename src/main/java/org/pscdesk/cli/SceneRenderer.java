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

    /**
     * Several maps of one workspace (the minutes print three or more): a renderer that can reads the workspace's
     * map data once for all of them; this default reads it for each.
     *
     * @throws IllegalArgumentException when the workspace cannot be read
     */
    default Session session(Path workspace) {
        return (run, view, projector, width, height, png) -> render(workspace, run, view, projector, width, height,
                png);
    }

    /** Maps of one workspace, drawn from one thread; close it when done. */
    @FunctionalInterface
    interface Session extends AutoCloseable {

        /** As {@link SceneRenderer#render}, on the session's workspace. */
        String render(String run, String view, boolean projector, int width, int height, Path png);

        @Override
        default void close() {
        }
    }
}
