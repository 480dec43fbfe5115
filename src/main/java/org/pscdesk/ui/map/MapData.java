package org.pscdesk.ui.map;

import java.util.List;
import java.util.Optional;

/**
 * Everything the map draws for one workspace, prepared off the UI thread.
 *
 * @param layers shapes of every layer, in workspace order
 * @param extent {@code minX, minY, maxX, maxY} in normalised Web Mercator to fit the view to (the study
 *               area when there is one), or null when nothing has coordinates
 * @param fingerprint a hash of the geometry the basemap is drawn from; names its tile cache folder
 */
public record MapData(List<LayerShapes> layers, double[] extent, String fingerprint) {

    public MapData {
        layers = List.copyOf(layers);
    }

    public Optional<LayerShapes> layer(String name) {
        return layers.stream().filter(l -> l.name().equals(name)).findFirst();
    }
}
