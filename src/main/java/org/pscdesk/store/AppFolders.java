package org.pscdesk.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where PSC Desk keeps its per-user files: data (the demo workspace), config (settings), cache
 * (generated basemap tiles) and logs. The operating system's conventions apply: XDG on Linux, {@code AppData} on
 * Windows, {@code ~/Library} on macOS. The system property {@code pscdesk.home} moves all three under one
 * folder ({@code data/}, {@code config/}, {@code cache/}), so tests and portable installs never touch the
 * real home folder. Folders are named here, not created; callers create what they write into.
 */
public final class AppFolders {

    /** System property that overrides all three folders. */
    public static final String HOME_PROPERTY = "pscdesk.home";

    private static final String APP_DIR = "pscdesk";
    private static final String APP_DIR_DISPLAY = "PSC Desk";

    private final Path data;
    private final Path config;
    private final Path cache;
    private final Path logs;

    private AppFolders(Path data, Path config, Path cache, Path logs) {
        this.data = data;
        this.config = config;
        this.cache = cache;
        this.logs = logs;
    }

    /** The folders for this process (read on every call, so a test can set {@code pscdesk.home} first). */
    public static AppFolders current() {
        return resolve(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home"),
                System.getProperty(HOME_PROPERTY));
    }

    /** The user's data folder (the demo workspace lives here). */
    public static Path data() {
        return current().dataDir();
    }

    /** The user's config folder (settings). */
    public static Path config() {
        return current().configDir();
    }

    /** The user's log folder. */
    public static Path logs() {
        return current().logsDir();
    }

    /** The user's cache folder (generated basemap tiles); safe to delete. */
    public static Path cache() {
        return current().cacheDir();
    }

    /**
     * The folders for a given system; pure, for tests.
     *
     * @param osName value of {@code os.name}
     * @param env environment variables
     * @param userHome value of {@code user.home}
     * @param override value of {@code pscdesk.home}, or null
     */
    public static AppFolders resolve(String osName, Map<String, String> env, String userHome, String override) {
        Objects.requireNonNull(env);
        if (override != null && !override.isBlank()) {
            Path root = Path.of(override).toAbsolutePath();
            return new AppFolders(root.resolve("data"), root.resolve("config"), root.resolve("cache"),
                    root.resolve("logs"));
        }
        Path home = Path.of(Objects.requireNonNull(userHome, "user.home"));
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            Path roaming = envPath(env, "APPDATA", home.resolve("AppData").resolve("Roaming"));
            Path local = envPath(env, "LOCALAPPDATA", home.resolve("AppData").resolve("Local"));
            return new AppFolders(roaming.resolve(APP_DIR_DISPLAY), roaming.resolve(APP_DIR_DISPLAY).resolve("config"),
                    local.resolve(APP_DIR_DISPLAY).resolve("cache"), local.resolve(APP_DIR_DISPLAY).resolve("logs"));
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            Path library = home.resolve("Library");
            return new AppFolders(library.resolve("Application Support").resolve(APP_DIR_DISPLAY),
                    library.resolve("Preferences").resolve(APP_DIR_DISPLAY),
                    library.resolve("Caches").resolve(APP_DIR_DISPLAY), library.resolve("Logs").resolve(APP_DIR_DISPLAY));
        }
        // XDG base directories; relative values are invalid by the spec and ignored.
        Path data = envPath(env, "XDG_DATA_HOME", home.resolve(".local").resolve("share"));
        Path config = envPath(env, "XDG_CONFIG_HOME", home.resolve(".config"));
        Path cache = envPath(env, "XDG_CACHE_HOME", home.resolve(".cache"));
        Path state = envPath(env, "XDG_STATE_HOME", home.resolve(".local").resolve("state"));
        return new AppFolders(data.resolve(APP_DIR), config.resolve(APP_DIR), cache.resolve(APP_DIR),
                state.resolve(APP_DIR).resolve("logs"));
    }

    private static Path envPath(Map<String, String> env, String name, Path fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Path p = Path.of(value);
        return p.isAbsolute() ? p : fallback;
    }

    public Path dataDir() {
        return data;
    }

    public Path configDir() {
        return config;
    }

    public Path cacheDir() {
        return cache;
    }

    /** The app's log folder (rotating logs of the desktop app): XDG state, LocalAppData, ~/Library/Logs. */
    public Path logsDir() {
        return logs;
    }

    @Override
    public String toString() {
        return "data " + data + ", config " + config + ", cache " + cache + ", logs " + logs;
    }
}
