package org.pscdesk.ui.map;

import java.util.List;

import javafx.scene.paint.Color;

/**
 * How one layer is painted. Colours come from the theme tokens ({@code theme/base.css}).
 *
 * @param fill polygon fill and point fill, or null
 * @param fillOpacity opacity of polygon fills (points are opaque)
 * @param stroke lines, polygon outlines, or null
 * @param lineWidth width of lines and outlines in pixels
 * @param pointRadius radius of point symbols in pixels
 * @param pointOutline ring around point symbols (keeps light colours visible on a light map)
 * @param labels whether polygon names are drawn
 * @param ramp for incident count squares: five colours from few to many, else empty
 */
public record LayerStyle(Color fill, double fillOpacity, Color stroke, double lineWidth, double pointRadius,
                         Color pointOutline, boolean labels, List<Color> ramp) {

    public LayerStyle {
        ramp = List.copyOf(ramp);
    }

    public boolean isCountGrid() {
        return !ramp.isEmpty();
    }
}
