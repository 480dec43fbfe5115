package org.pscdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
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
        assertEquals(Path.of(HOME, ".local/state/pscdesk/logs"), f.logsDir());
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
        assertEquals(Path.of("/users/b/AppData/Local/PSC Desk/logs"), f.logsDir());
    }

    @Test
    void macOsUsesTheLibraryFolders() {
        AppFolders f = AppFolders.resolve("Mac OS X", Map.of(), "/Users/b", null);
        assertEquals(Path.of("/Users/b/Library/Application Support/PSC Desk"), f.dataDir());
        assertEquals(Path.of("/Users/b/Library/Preferences/PSC Desk"), f.configDir());
        assertEquals(Path.of("/Users/b/Library/Caches/PSC Desk"), f.cacheDir());
        assertEquals(Path.of("/Users/b/Library/Logs/PSC Desk"), f.logsDir());
    }

    @Test
    void theHomePropertyMovesAllThreeFoldersOnEverySystem() {
        for (String os : new String[] {"Linux", "Windows 10", "Mac OS X"}) {
            AppFolders f = AppFolders.resolve(os, Map.of("XDG_DATA_HOME", "/data"), HOME, dir.toString());
            assertEquals(dir.resolve("data"), f.dataDir(), os);
            assertEquals(dir.resolve("config"), f.configDir(), os);
            assertEquals(dir.resolve("cache"), f.cacheDir(), os);
            assertEquals(dir.resolve("logs"), f.logsDir(), os);
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

    @Test
    void theAppLogRotatesAndKeepsAtMostItsFiles() throws Exception {
        Path logs = dir.resolve("logs");
        java.util.logging.Handler handler = AppLog.install(logs, 2_000, 3);
        try {
            java.util.logging.Logger log = java.util.logging.Logger.getLogger("pscdesk.test.rotation");
            for (int i = 0; i < 200; i++) {
                log.info("line " + i + " of a log that must rotate " + "x".repeat(40));
            }
        } finally {
            java.util.logging.Logger.getLogger("").removeHandler(handler);
            handler.close();
        }
        try (var files = java.nio.file.Files.list(logs)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".log")).sorted()
                    .toList();
            assertEquals(List.of("pscdesk-0.log", "pscdesk-1.log", "pscdesk-2.log"), names);
        }
        assertTrue(java.nio.file.Files.size(logs.resolve("pscdesk-0.log")) <= 2_000 + 400);
    }
}
