package org.pscdesk.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.pscdesk.report.MinutesPdf.MapView;

/** The minutes' maps drawn ahead: once each, on one other thread, in one renderer session closed at the end. */
class MapPrefetchTest {

    /** Writes "run/view" as the picture and records what it did. */
    private static final class FakeRenderer implements SceneRenderer {
        final List<String> drawn = new CopyOnWriteArrayList<>();
        final Set<Thread> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final AtomicInteger sessions = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();

        @Override
        public String render(Path workspace, String run, String view, boolean projector, int width, int height,
                             Path png) {
            if (view.equals("broken")) {
                throw new IllegalArgumentException("no such view");
            }
            drawn.add(run + "/" + view);
            threads.add(Thread.currentThread());
            try {
                Files.writeString(png, run + "/" + view);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return "drawn";
        }

        @Override
        public Session session(Path workspace) {
            sessions.incrementAndGet();
            return new Session() {
                @Override
                public String render(String run, String view, boolean projector, int width, int height, Path png) {
                    return FakeRenderer.this.render(workspace, run, view, projector, width, height, png);
                }

                @Override
                public void close() {
                    closed.incrementAndGet();
                }
            };
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void drawsEachViewOnceOnOneOtherThreadInOneSession() throws Exception {
        FakeRenderer renderer = new FakeRenderer();
        try (MapPrefetch maps = new MapPrefetch(renderer, Path.of("ws.gpkg"), List.of(new MapView("may", "risk"),
                new MapView("may", "places")))) {
            assertArrayEquals(bytes("may/places"), maps.png("may", "places"));
            assertArrayEquals(bytes("may/risk"), maps.png("may", "risk"));
            assertArrayEquals(bytes("may/risk"), maps.png("may", "risk"));
            assertArrayEquals(bytes("may/hotspots"), maps.png("may", "hotspots"), "a view not announced");
            assertNull(maps.png("may", "broken"), "a view that cannot be drawn is null");
        }
        assertEquals(List.of("may/risk", "may/places", "may/hotspots"), renderer.drawn, "announced order, once each");
        assertEquals(1, renderer.threads.size());
        assertTrue(!renderer.threads.contains(Thread.currentThread()), "drawn on another thread");
        assertEquals(1, renderer.sessions.get(), "the workspace is read once");
        assertEquals(1, renderer.closed.get(), "and closed at the end");
    }

    @Test
    void closingBeforeTheMapsAreAskedForClosesTheSession() {
        FakeRenderer renderer = new FakeRenderer();
        new MapPrefetch(renderer, Path.of("ws.gpkg"), List.of(new MapView("may", "risk"), new MapView("may", "places"),
                new MapView("may", "hotspots"))).close();
        assertEquals(renderer.sessions.get(), renderer.closed.get(), "no session left open");
    }
}
