package org.pscdesk.ui.map;

import java.util.List;

import org.pscdesk.store.LayerInfo;
import org.pscdesk.store.LayerRole;

/**
 * One layer's geometry in normalised Web Mercator, transformed once off the UI thread: points, lines and
 * polygon rings as flat arrays, name labels, and for outcome layers only the {@link CountGrid} (never the
 * points).
 *
 * @param info the layer as stored
 * @param points one single-vertex part per point
 * @param lines one part per line string
 * @param majorLines line strings classed as main roads (arterials), drawn wider
 * @param rings one part per polygon ring (holes included; drawn with the even-odd rule)
 * @param labels name labels at interior points (reference polygons)
 * @param grid incident counts per square (outcome layers), else null
 * @param problem why the layer cannot be drawn (e.g. an unknown CRS), else null
 */
public record LayerShapes(LayerInfo info, Parts points, Parts lines, Parts majorLines, Parts rings, List<Label> labels, CountGrid grid,
                          String problem) {

    public LayerShapes {
        labels = List.copyOf(labels);
    }

    /** A name placed at a point of a polygon, shown when the polygon is wide enough on screen. */
    public record Label(String text, double x, double y, double width, double height) {
    }

    public String name() {
        return info.name();
    }

    public LayerRole role() {
        return info.role();
    }

    public boolean isEmpty() {
        return points.isEmpty() && lines.isEmpty() && majorLines.isEmpty() && rings.isEmpty() && (grid == null || grid.squares().isEmpty());
    }
}
