package org.pscdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pscdesk.store.AppFolders;

/** {@link AppFolders}: per-user folders by operating system, and the {@code pscdesk.home} override. */
class AppFoldersTest {

    private static final String HOME = "/home/broker";

    @TempDir
    Path dir;

    @Test
    void linuxUsesXdgDefaults() {
        AppFolders f = AppFolders.resolve("Linux", Map.of(), HOME, null);
        assertEquals(Path.of(HOME, ".local/share/pscdesk"), f.dataDir());
        assertEquals(Path.of(HOME, ".config/pscdesk"), f.configDir());
        assertEquals(Path.of(HOME, ".cache/pscdesk"), f.cacheDir());
    }

    @Test
    void linuxHonoursAbsoluteXdgVariablesAndIgnoresRelativeOnes() {
        AppFolders f = AppFolders.resolve("Linux", Map.of("XDG_DATA_HOME", "/data", "XDG_CONFIG_HOME", "relative/cfg",
                "XDG_CACHE_HOME", "/var/cache/broker"), HOME, null);
        assertEquals(Path.of("/data/pscdesk"), f.dataDir());
        assertEquals(Path.of(HOME, ".config/pscdesk"), f.configDir());
        assertEquals(Path.of("/var/cache/broker/pscdesk"), f.cacheDir());
    }

    @Test
    void windowsUsesAppData() {
        AppFolders f = AppFolders.resolve("Windows 11", Map.of("APPDATA", "/users/b/AppData/Roaming",
                "LOCALAPPDATA", "/users/b/AppData/Local"), "/users/b", null);
        assertEquals(Path.of("/users/b/AppData/Roaming/PSC Desk"), f.dataDir());
        assertEquals(Path.of("/users/b/AppData/Roaming/PSC Desk/config"), f.configDir());
        assertEquals(Path.of("/users/b/AppData/Local/PSC Desk/cache"), f.cacheDir());
    }

    @Test
    void macOsUsesTheLibraryFolders() {
        AppFolders f = AppFolders.resolve("Mac OS X", Map.of(), "/Users/b", null);
        assertEquals(Path.of("/Users/b/Library/Application Support/PSC Desk"), f.dataDir());
        assertEquals(Path.of("/Users/b/Library/Preferences/PSC Desk"), f.configDir());
        assertEquals(Path.of("/Users/b/Library/Caches/PSC Desk"), f.cacheDir());
    }

    @Test
    void theHomePropertyMovesAllThreeFoldersOnEverySystem() {
        for (String os : new String[] {"Linux", "Windows 10", "Mac OS X"}) {
            AppFolders f = AppFolders.resolve(os, Map.of("XDG_DATA_HOME", "/data"), HOME, dir.toString());
            assertEquals(dir.resolve("data"), f.dataDir(), os);
            assertEquals(dir.resolve("config"), f.configDir(), os);
            assertEquals(dir.resolve("cache"), f.cacheDir(), os);
        }
    }

    @Test
    void currentReadsTheSystemProperty() {
        String before = System.getProperty(AppFolders.HOME_PROPERTY);
        System.setProperty(AppFolders.HOME_PROPERTY, dir.toString());
        try {
            assertEquals(dir.resolve("data"), AppFolders.data());
            assertEquals(dir.resolve("config"), AppFolders.config());
            assertEquals(dir.resolve("cache"), AppFolders.cache());
        } finally {
            if (before == null) {
                System.clearProperty(AppFolders.HOME_PROPERTY);
            } else {
                System.setProperty(AppFolders.HOME_PROPERTY, before);
            }
        }
    }
}
