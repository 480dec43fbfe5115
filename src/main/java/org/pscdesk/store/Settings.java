package org.pscdesk.store;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The user's settings: last workspace, recently opened workspaces, an optional MBTiles basemap and the
 * "online basemap" flag (off by default; PSC Desk never needs the network). Kept in a properties file that
 * is replaced atomically (temp file, then move), so a crash never leaves half a file. A missing or
 * unreadable file gives the defaults: settings must never stop the app from starting.
 *
 * <p>Thread-safe.
 */
public final class Settings {

    /** How many recent workspaces are remembered. */
    public static final int MAX_RECENT = 8;
    /** File name inside {@link AppFolders#config()}. */
    public static final String FILE_NAME = "settings.properties";

    private static final Logger LOG = Logger.getLogger(Settings.class.getName());
    private static final String LAST = "workspace.last";
    private static final String RECENT = "workspace.recent.";
    private static final String MBTILES = "basemap.mbtiles";
    private static final String WELCOMED = "welcome.shown";
    private static final String ONLINE = "basemap.online";
    private static final String MEETING_WS = "meeting.workspace";
    private static final String MEETING_ID = "meeting.id";

    private final Path file;
    private Path last;
    private final List<Path> recent = new ArrayList<>();
    private Path mbtiles;
    private boolean welcomed;
    private boolean onlineBasemap;
    private Path meetingWorkspace;
    private long meetingId;

    private Settings(Path file) {
        this.file = file;
    }

    /** The settings of this user ({@code AppFolders.config()/settings.properties}). */
    public static Settings load() {
        return load(AppFolders.config().resolve(FILE_NAME));
    }

    /** Reads settings from a file; a missing or broken file gives the defaults. */
    public static Settings load(Path file) {
        Settings s = new Settings(file);
        if (!Files.isRegularFile(file)) {
            return s;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(Level.WARNING, "Ignoring unreadable settings file " + file + ": " + e.getMessage());
            return s;
        }
        s.last = path(p.getProperty(LAST));
        for (int i = 1; i <= MAX_RECENT; i++) {
            Path r = path(p.getProperty(RECENT + i));
            if (r != null && !s.recent.contains(r)) {
                s.recent.add(r);
            }
        }
        s.mbtiles = path(p.getProperty(MBTILES));
        s.onlineBasemap = Boolean.parseBoolean(p.getProperty(ONLINE, "false").trim());
        s.welcomed = Boolean.parseBoolean(p.getProperty(WELCOMED, "false").trim());
        s.meetingWorkspace = path(p.getProperty(MEETING_WS));
        try {
            s.meetingId = Long.parseLong(p.getProperty(MEETING_ID, "0").trim());
        } catch (NumberFormatException e) {
            s.meetingWorkspace = null;
        }
        return s;
    }

    private static Path path(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Path.of(value.trim()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** The file these settings are saved to. */
    public Path file() {
        return file;
    }

    public synchronized Optional<Path> lastWorkspace() {
        return Optional.ofNullable(last);
    }

    /** Most recent first, at most {@link #MAX_RECENT}. */
    public synchronized List<Path> recentWorkspaces() {
        return List.copyOf(recent);
    }

    /** Records a successfully opened workspace: it becomes the last one and moves to the top of the list. */
    public synchronized void workspaceOpened(Path workspace) {
        Path p = workspace.toAbsolutePath().normalize();
        last = p;
        recent.remove(p);
        recent.add(0, p);
        while (recent.size() > MAX_RECENT) {
            recent.remove(recent.size() - 1);
        }
    }

    /** Forgets a workspace that no longer opens (moved or deleted). */
    public synchronized void forget(Path workspace) {
        Path p = workspace.toAbsolutePath().normalize();
        recent.remove(p);
        if (p.equals(last)) {
            last = null;
        }
    }

    public synchronized Optional<Path> mbtiles() {
        return Optional.ofNullable(mbtiles);
    }

    /** Sets the MBTiles basemap file, or null for the generated basemap. */
    public synchronized void setMbtiles(Path file) {
        this.mbtiles = file == null ? null : file.toAbsolutePath().normalize();
    }

    public synchronized boolean onlineBasemap() {
        return onlineBasemap;
    }

    public synchronized void setOnlineBasemap(boolean online) {
        this.onlineBasemap = online;
    }

    /** True once the user has closed the first-run welcome. */
    public synchronized boolean welcomed() {
        return welcomed;
    }

    public synchronized void setWelcomed(boolean welcomed) {
        this.welcomed = welcomed;
    }

    /** The meeting open in the meeting panel when the app last ran, in this workspace; empty if none. */
    public synchronized Optional<Long> openMeeting(Path workspace) {
        return meetingWorkspace != null && meetingId > 0
                && meetingWorkspace.equals(workspace.toAbsolutePath().normalize())
                ? Optional.of(meetingId) : Optional.empty();
    }

    /** Remembers the meeting open in the meeting panel (null: the panel was closed), to reopen it there. */
    public synchronized void setOpenMeeting(Path workspace, Long id) {
        meetingWorkspace = id == null ? null : workspace.toAbsolutePath().normalize();
        meetingId = id == null ? 0 : id;
    }

    /** Writes the settings: to a temp file beside the target, then moved over it in one step. */
    public synchronized void save() throws IOException {
        Properties p = new Properties();
        if (last != null) {
            p.setProperty(LAST, last.toString());
        }
        for (int i = 0; i < recent.size(); i++) {
            p.setProperty(RECENT + (i + 1), recent.get(i).toString());
        }
        if (mbtiles != null) {
            p.setProperty(MBTILES, mbtiles.toString());
        }
        p.setProperty(ONLINE, Boolean.toString(onlineBasemap));
        p.setProperty(WELCOMED, Boolean.toString(welcomed));
        if (meetingWorkspace != null) {
            p.setProperty(MEETING_WS, meetingWorkspace.toString());
            p.setProperty(MEETING_ID, Long.toString(meetingId));
        }
        StringWriter text = new StringWriter();
        p.store(text, "PSC Desk settings");

        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + FILE_NAME, ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                out.write(text.toString());
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
