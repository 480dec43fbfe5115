package org.pscdesk.ui.map;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.scene.image.Image;

/**
 * The basemap source of the open workspace, for {@link LocalTileRetriever}: Gluon Maps creates the
 * retriever itself through the ServiceLoader (one instance per process), so the app hands it the current
 * source here. Also counts requests in flight, so the smoke test and UI tests can wait until the tiles
 * are drawn (deps doc 2.10).
 *
 * <p>Thread-safe.
 */
public final class TileSources {

    private static final Logger LOG = Logger.getLogger(TileSources.class.getName());
    private static final AtomicReference<BasemapSource> CURRENT = new AtomicReference<>();
    private static final AtomicInteger PENDING = new AtomicInteger();
    private static final AtomicLong COMPLETED = new AtomicLong();
    /** Two threads: tiles are drawn while the UI thread stays free; more would compete with it on small laptops. */
    private static final ExecutorService TILE_THREADS = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "pscdesk-tiles");
        t.setDaemon(true);
        return t;
    });

    private TileSources() {
    }

    /** Makes {@code source} the basemap for tiles requested from now on; closes the previous one. */
    public static void use(BasemapSource source) {
        BasemapSource previous = CURRENT.getAndSet(source);
        if (previous != null && previous != source) {
            TILE_THREADS.execute(previous::close);
        }
    }

    public static BasemapSource current() {
        return CURRENT.get();
    }

    /** Tile requests not yet answered. */
    public static int pending() {
        return PENDING.get();
    }

    /** Tile requests answered so far (changes whenever a tile arrives). */
    public static long completed() {
        return COMPLETED.get();
    }

    /** The placeholder of the current source, or null. */
    public static Image placeholder() {
        BasemapSource source = CURRENT.get();
        return source == null ? null : source.placeholder();
    }

    static CompletableFuture<Image> request(int zoom, long x, long y) {
        BasemapSource source = CURRENT.get();
        if (source == null) {
            return CompletableFuture.completedFuture(null);
        }
        Image now = source.immediate(zoom, x, y);
        if (now != null) {
            COMPLETED.incrementAndGet();
            return CompletableFuture.completedFuture(now);
        }
        PENDING.incrementAndGet();
        CompletableFuture<Image> future = new CompletableFuture<>();
        TILE_THREADS.execute(() -> {
            Image image;
            try {
                image = source.load(zoom, x, y);
            } catch (Exception | Error e) {
                LOG.log(Level.WARNING, "Basemap tile " + zoom + "/" + x + "/" + y + " failed; showing a plain tile", e);
                image = source.placeholder();
            }
            PENDING.decrementAndGet();
            COMPLETED.incrementAndGet();
            future.complete(image);
        });
        return future;
    }
}
