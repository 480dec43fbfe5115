package org.pscdesk.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The desktop app's log: {@code pscdesk-0.log} (newest) to {@code pscdesk-4.log} in the platform's log folder,
 * 1 MiB each, so the folder never holds more than 5 MiB. Warnings and errors only reach a user through
 * dialogs; the log is for the person who helps them afterwards.
 */
final class AppLog {

    static final int LIMIT_BYTES = 1 << 20;
    static final int FILES = 5;

    private AppLog() {
    }

    /** Adds the rotating file handler to the root logger; returns it, or null when the folder is unusable. */
    static Handler install(Path folder, int limitBytes, int files) {
        try {
            Files.createDirectories(folder);
            FileHandler handler = new FileHandler(folder.resolve("pscdesk-%g.log").toString(), limitBytes, files, true);
            handler.setFormatter(new SimpleFormatter());
            handler.setLevel(Level.INFO);
            Logger.getLogger("").addHandler(handler);
            return handler;
        } catch (IOException | RuntimeException e) {
            Logger.getLogger(AppLog.class.getName()).log(Level.WARNING, "No log file in " + folder + ": " + e.getMessage());
            return null;
        }
    }
}
