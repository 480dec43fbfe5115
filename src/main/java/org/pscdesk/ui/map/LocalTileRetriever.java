package org.pscdesk.ui.map;

import java.util.concurrent.CompletableFuture;

import javafx.scene.image.Image;

import com.gluonhq.maps.tile.TileRetriever;

/**
 * Gluon Maps' tile source, registered in {@code META-INF/services/com.gluonhq.maps.tile.TileRetriever} so
 * that the built-in OpenStreetMap retriever (which downloads) is never used. Serves the open workspace's
 * basemap from {@link TileSources}: an MBTiles file or tiles drawn locally. No network, ever.
 */
public final class LocalTileRetriever implements TileRetriever {

    /** Public no-argument constructor for the ServiceLoader. */
    public LocalTileRetriever() {
    }

    @Override
    public CompletableFuture<Image> loadTile(int zoom, long x, long y) {
        return TileSources.request(zoom, x, y);
    }
}
