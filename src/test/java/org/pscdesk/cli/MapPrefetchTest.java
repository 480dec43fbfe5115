package org.pscdesk.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.pscdesk.report.MinutesPdf.MapView;

/** Maps drawn ahead of the minutes: once each, off the caller's thread, failures handed to the caller. */
class MapPrefetchTest {

    @Test
    void drawsEachAnnouncedViewOnceOnItsOwnThreadAndAnUnannouncedOneOnDemand() throws Exception {
        List<String> drawn = new CopyOnWriteArrayList<>();
        ConcurrentHashMap<String, Thread> threads = new ConcurrentHashMap<>();
        MapPrefetch.Drawer drawer = (run, view) -> {
            drawn.add(run + "/" + view);
            threads.put(view, Thread.currentThread());
            return (run + "/" + view).getBytes(StandardCharsets.UTF_8);
        };
        try (MapPrefetch maps = new MapPrefetch(List.of(new MapView("may", "risk"), new MapView("may", "places")),
                drawer)) {
            assertArrayEquals("may/places".getBytes(StandardCharsets.UTF_8), maps.png("may", "places"));
            assertArrayEquals("may/risk".getBytes(StandardCharsets.UTF_8), maps.png("may", "risk"));
            assertArrayEquals("may/risk".getBytes(StandardCharsets.UTF_8), maps.png("may", "risk"));
            assertArrayEquals("may/hotspots".getBytes(StandardCharsets.UTF_8), maps.png("may", "hotspots"));
        }
        assertEquals(List.of("may/risk", "may/places", "may/hotspots"), drawn, "in the announced order, once each");
        assertNotEquals(Thread.currentThread(), threads.get("risk"), "drawn ahead on another thread");
        assertEquals(Thread.currentThread(), threads.get("hotspots"), "an unannounced view is drawn when asked");
    }

    @Test
    void aFailureToDrawReachesTheCallerAsItWasThrown() {
        try (MapPrefetch maps = new MapPrefetch(List.of(new MapView("may", "risk")), (run, view) -> {
            throw new IOException("disk full");
        })) {
            IOException e = assertThrows(IOException.class, () -> maps.png("may", "risk"));
            assertEquals("disk full", e.getMessage());
        }
    }
}
