package org.pscdesk.ui.map;

import javafx.scene.image.Image;

/** Where basemap tiles come from: generated locally or read from an MBTiles file. Never the network. */
public interface BasemapSource {

    /**
     * A tile that is ready at once (an empty background tile), or null when it must be loaded with
     * {@link #load}. Called on the UI thread: must be cheap.
     */
    Image immediate(int zoom, long x, long y);

    /** Loads or draws a 256 px tile (XYZ scheme); called on a tile thread. Never returns null. */
    Image load(int zoom, long x, long y) throws Exception;

    /** The plain background, shown while a tile loads. */
    Image placeholder();

    /** One line crediting the basemap, shown on the map. */
    String attribution();

    /** Releases files; requests still running may fall back to the placeholder. */
    default void close() {
    }
}
