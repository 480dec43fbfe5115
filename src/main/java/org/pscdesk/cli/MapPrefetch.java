package org.pscdesk.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.pscdesk.report.MinutesPdf;

/**
 * The minutes' maps: the projector scene of each kept view (the scene the room saw; it passed the privacy
 * filter), 1600 × 1000, drawn headless on one background thread while the text is laid out, so that the first
 * map's cold start (the JavaFX toolkit, about 1 s) overlaps the PDF's own (PDFBox, fonts, the record, about
 * 0.6 s; BENCHMARKS.md, issue 8). One renderer session reads the workspace's map data once for all views (a
 * second connection beside the command's: SQLite allows concurrent readers). Each view is drawn once; a view
 * that cannot be drawn is null, and the minutes say so. Closing skips the views not yet started and closes the
 * session.
 */
final class MapPrefetch implements MinutesPdf.MapPictures, AutoCloseable {

    private static final int WIDTH = 1600;
    private static final int HEIGHT = 1000;
    /** How long closing waits for a map being drawn (PngRender gives up on one after 120 s). */
    private static final long CLOSE_WAIT_SECONDS = 150;

    private final SceneRenderer renderer;
    private final Path workspace;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "minutes-maps");
        t.setDaemon(true);
        return t;
    });
    private final Map<MinutesPdf.MapView, CompletableFuture<byte[]>> ahead = new LinkedHashMap<>();
    private SceneRenderer.Session session; // used on the drawing thread only

    MapPrefetch(SceneRenderer renderer, Path workspace, List<MinutesPdf.MapView> views) {
        this.renderer = renderer;
        this.workspace = workspace;
        views.forEach(this::start);
    }

    private CompletableFuture<byte[]> start(MinutesPdf.MapView v) {
        return ahead.computeIfAbsent(v, key -> CompletableFuture.supplyAsync(() -> {
            try {
                return draw(key);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, thread));
    }

    private byte[] draw(MinutesPdf.MapView v) throws IOException {
        Path png = Files.createTempFile("pscdesk-map-", ".png");
        try {
            if (session == null) {
                session = renderer.session(workspace);
            }
            session.render(v.run(), v.view(), true, WIDTH, HEIGHT, png);
            return Files.readAllBytes(png);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return null; // the minutes say the map could not be drawn
        } finally {
            Files.deleteIfExists(png);
        }
    }

    @Override
    public byte[] png(String run, String view) throws IOException {
        try {
            return start(new MinutesPdf.MapView(run, view)).get(); // one not announced is drawn now
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
        ahead.values().forEach(f -> f.cancel(false)); // a view not started is skipped
        thread.execute(() -> {
            if (session != null) {
                session.close();
            }
        });
        thread.shutdown();
        try {
            thread.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
