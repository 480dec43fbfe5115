package org.pscdesk.ui.workspace;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.pscdesk.geo.Crs;
import org.pscdesk.store.LayerInfo;
import org.pscdesk.store.Workspace;
import org.pscdesk.ui.map.BasemapSource;
import org.pscdesk.ui.map.LayerStyle;
import org.pscdesk.ui.map.MapData;

/**
 * An open workspace with everything the window shows, prepared off the UI thread.
 *
 * @param workspace the open file (closed when another workspace replaces it)
 * @param file its path
 * @param name what the title bar shows
 * @param crs working CRS, or null when not yet set
 * @param layers the layers as stored
 * @param map the layers projected for drawing
 * @param styles each layer's look
 * @param basemap where basemap tiles come from
 * @param notice a remark for the status bar (e.g. a basemap file that could not be read), or null
 */
public record LoadedWorkspace(Workspace workspace, Path file, String name, Crs crs, List<LayerInfo> layers, MapData map,
                              Map<String, LayerStyle> styles, BasemapSource basemap, String notice) {
    public LoadedWorkspace {
        layers = List.copyOf(layers);
        styles = Map.copyOf(styles);
    }
}
