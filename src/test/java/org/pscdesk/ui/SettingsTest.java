package org.pscdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pscdesk.store.Settings;

/** {@link Settings}: the user's settings file (kept beside the UI tests, which are its only users so far). */
class SettingsTest {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("config/settings.properties");
    }

    @Test
    void aMissingFileGivesTheDefaults() {
        Settings s = Settings.load(file());
        assertEquals(Optional.empty(), s.lastWorkspace());
        assertEquals(List.of(), s.recentWorkspaces());
        assertEquals(Optional.empty(), s.mbtiles());
        assertFalse(s.onlineBasemap(), "the online basemap is off unless the user turns it on");
    }

    @Test
    void everythingRoundTripsThroughTheFile() throws Exception {
        Settings s = Settings.load(file());
        s.workspaceOpened(dir.resolve("a.gpkg"));
        s.workspaceOpened(dir.resolve("b.gpkg"));
        s.setMbtiles(dir.resolve("city.mbtiles"));
        s.setOnlineBasemap(true);
        s.save();

        Settings read = Settings.load(file());
        assertEquals(Optional.of(dir.resolve("b.gpkg")), read.lastWorkspace());
        assertEquals(List.of(dir.resolve("b.gpkg"), dir.resolve("a.gpkg")), read.recentWorkspaces());
        assertEquals(Optional.of(dir.resolve("city.mbtiles")), read.mbtiles());
        assertTrue(read.onlineBasemap());
    }

    @Test
    void recentListKeepsTheNewestEightWithoutDuplicates() throws Exception {
        Settings s = Settings.load(file());
        List<Path> opened = new ArrayList<>();
        for (int i = 0; i < Settings.MAX_RECENT + 3; i++) {
            opened.add(dir.resolve("ws" + i + ".gpkg"));
            s.workspaceOpened(opened.get(i));
        }
        s.workspaceOpened(opened.get(5));
        s.save();
        List<Path> recent = Settings.load(file()).recentWorkspaces();
        assertEquals(Settings.MAX_RECENT, recent.size());
        assertEquals(opened.get(5), recent.get(0), "reopening moves a workspace to the top");
        assertEquals(opened.get(opened.size() - 1), recent.get(1));
        assertEquals(recent.size(), recent.stream().distinct().count());
    }

    @Test
    void forgettingAWorkspaceRemovesItFromRecentAndLast() {
        Settings s = Settings.load(file());
        s.workspaceOpened(dir.resolve("a.gpkg"));
        s.workspaceOpened(dir.resolve("b.gpkg"));
        s.forget(dir.resolve("b.gpkg"));
        assertEquals(Optional.empty(), s.lastWorkspace());
        assertEquals(List.of(dir.resolve("a.gpkg")), s.recentWorkspaces());
    }

    @Test
    void saveReplacesTheFileAndLeavesNoTemporaryFiles() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "workspace.last=/old.gpkg\n");
        Settings s = Settings.load(file());
        s.workspaceOpened(dir.resolve("new.gpkg"));
        s.save();
        try (Stream<Path> files = Files.list(file().getParent())) {
            assertEquals(List.of(file()), files.toList());
        }
        assertEquals(Optional.of(dir.resolve("new.gpkg")), Settings.load(file()).lastWorkspace());
    }

    @Test
    void aBrokenFileGivesTheDefaultsInsteadOfStoppingTheApp() throws Exception {
        Files.createDirectories(file().getParent());
        Files.write(file(), "workspace.last=\\uZZZZ\n".getBytes(StandardCharsets.UTF_8));
        Settings s = Settings.load(file());
        assertEquals(Optional.empty(), s.lastWorkspace());
        assertFalse(s.onlineBasemap());
    }
}
