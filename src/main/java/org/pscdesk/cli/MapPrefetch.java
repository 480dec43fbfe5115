package org.pscdesk.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.pscdesk.report.MinutesPdf;

/**
 * Draws a meeting's map views on one background thread, in order, while the minutes' text is laid out: the
 * first map's cold start (the JavaFX toolkit, about 1 s) overlaps the PDF's own (PDFBox, fonts, the record,
 * about 0.6 s); see BENCHMARKS.md, issue 8. Each view is drawn once. Closing stops the views not yet started.
 */
final class MapPrefetch implements MinutesPdf.MapPictures, AutoCloseable {

    /** Draws one view as PNG bytes, or null when it cannot be drawn. */
    @FunctionalInterface
    interface Drawer {
        byte[] png(String run, String view) throws IOException;
    }

    private final Drawer drawer;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "minutes-maps");
        t.setDaemon(true);
        return t;
    });
    private final Map<MinutesPdf.MapView, CompletableFuture<byte[]>> ahead = new LinkedHashMap<>();

    MapPrefetch(List<MinutesPdf.MapView> views, Drawer drawer) {
        this.drawer = drawer;
        for (MinutesPdf.MapView v : views) {
            ahead.put(v, CompletableFuture.supplyAsync(() -> {
                try {
                    return drawer.png(v.run(), v.view());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, thread));
        }
    }

    @Override
    public byte[] png(String run, String view) throws IOException {
        CompletableFuture<byte[]> f = ahead.get(new MinutesPdf.MapView(run, view));
        if (f == null) {
            return drawer.png(run, view); // not among the views announced: drawn now
        }
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while drawing the map " + view + " of run " + run, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(e.getCause());
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
