package org.pscdesk.ui.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Point2D;

import org.pscdesk.geo.CoordinateTransform;
import org.pscdesk.geo.Crs;
import org.pscdesk.store.LayerInfo;
import org.pscdesk.store.LayerRole;
import org.pscdesk.store.Settings;
import org.pscdesk.store.Workspace;
import org.pscdesk.store.WorkspaceException;
import org.pscdesk.ui.fx.DialogService;
import org.pscdesk.ui.fx.TaskRunner;
import org.pscdesk.ui.map.TileSources;

/**
 * State and actions of the main window: which workspace is open, its layer rows, recent files, the
 * status-bar texts, and the File menu's actions. Opening, creating and the demo run in the background
 * through the {@link TaskRunner}; errors reach the user through the {@link DialogService}, and a failed
 * open leaves the current workspace open.
 */
public final class MainViewModel {

    /** Writes the demo workspace to a new file. */
    @FunctionalInterface
    public interface DemoWriter {
        void write(Path out) throws WorkspaceException;
    }

    /** Offered when creating a workspace; the first word is the code. */
    static final List<String> CRS_SUGGESTIONS = List.of(
            "EPSG:26915 — NAD83 / UTM zone 15N (metres; St. Louis region)",
            "ESRI:102696 — NAD83 / Missouri East (US feet; city GIS data)",
            "EPSG:26916 — NAD83 / UTM zone 16N (metres)",
            "EPSG:26914 — NAD83 / UTM zone 14N (metres)");
    static final String DEFAULT_CRS = "EPSG:26915";

    private static final Logger LOG = Logger.getLogger(MainViewModel.class.getName());

    private final Settings settings;
    private final DialogService dialogs;
    private final TaskRunner runner;
    private final DemoWriter demoWriter;
    private final Path demoFile;
    private final Path tileCache;
    private final boolean remember;

    private final ObjectProperty<LoadedWorkspace> current = new SimpleObjectProperty<>(this, "current");
    private final ObservableList<LayerRow> layers = FXCollections.observableArrayList();
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final StringProperty title = new SimpleStringProperty(this, "title", "PSC Desk");
    private final StringProperty fileText = new SimpleStringProperty(this, "fileText", "No workspace open");
    private final StringProperty crsText = new SimpleStringProperty(this, "crsText", "");
    private final StringProperty notice = new SimpleStringProperty(this, "notice", "");
    private final StringProperty lastError = new SimpleStringProperty(this, "lastError");
    private CoordinateTransform cursorTransform;

    /**
     * @param demoFile where the demo workspace lives ({@code AppFolders.data()/demo.gpkg})
     * @param tileCache folder for generated basemap tiles, or null for no disk cache
     * @param remember whether opened workspaces are saved to the settings (off for smoke tests)
     */
    public MainViewModel(Settings settings, DialogService dialogs, TaskRunner runner, DemoWriter demoWriter,
                         Path demoFile, Path tileCache, boolean remember) {
        this.settings = settings;
        this.dialogs = dialogs;
        this.runner = runner;
        this.demoWriter = demoWriter;
        this.demoFile = demoFile.toAbsolutePath();
        this.tileCache = tileCache;
        this.remember = remember;
        recent.setAll(settings.recentWorkspaces());
    }

    /**
     * Opens the first workspace: the one given, else the last one, else the demo (created on first start).
     */
    public void start(Path explicit) {
        if (explicit != null) {
            open(explicit);
            return;
        }
        Optional<Path> last = settings.lastWorkspace();
        if (last.isPresent() && Files.isRegularFile(last.get())) {
            open(last.get());
            return;
        }
        last.ifPresent(p -> notice.set("The last workspace, " + p + ", is gone; opened the demo city instead."));
        openDemo();
    }

    /** True until the user closes the first-run welcome. */
    public boolean welcomeNeeded() {
        return !settings.welcomed();
    }

    /** True when the open workspace is a demo city (the built-in one, or one written by {@code pscdesk demo}). */
    public boolean showingDemo() {
        LoadedWorkspace ws = current();
        try {
            return ws != null && ws.workspace().meta("demo").map("true"::equals).orElse(false);
        } catch (WorkspaceException e) {
            return false;
        }
    }

    /** The welcome was read: it is not shown again. */
    public void welcomeDone() {
        settings.setWelcomed(true);
        runner.runQuietly("Saving settings", p -> {
            settings.save();
            return null;
        });
    }

    /** Opens a workspace file; on failure the current workspace stays open. */
    public void open(Path file) {
        open(file.toAbsolutePath().normalize(), false);
    }

    private void open(Path file, boolean adopt) {
        runner.run("Opening " + file.getFileName() + "…",
                progress -> WorkspaceLoader.load(file, adopt, settings, tileCache, progress),
                this::install, error -> openFailed(file, error));
    }

    /** Opens the demo city, writing it first if it does not exist yet. */
    public void openDemo() {
        Path file = demoFile;
        boolean exists = Files.isRegularFile(file);
        runner.run(exists ? "Opening the demo city…" : "Creating the demo city (first start)…", progress -> {
            if (!Files.isRegularFile(file)) {
                writeDemo(file);
            }
            return WorkspaceLoader.load(file, false, settings, tileCache, progress);
        }, this::install, error -> openFailed(file, error));
    }

    /** Writes the demo beside its final name first, so quitting half-way never leaves a broken demo behind. */
    private void writeDemo(Path file) throws WorkspaceException, IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling("." + file.getFileName() + ".writing");
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            Files.deleteIfExists(Path.of(temp + suffix));
        }
        demoWriter.write(temp);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Reads the open workspace again after a layer was added or replaced (by an import), keeping hidden layers
     * hidden, and names the changed layer in the status bar.
     */
    public void reload(String changedLayer) {
        LoadedWorkspace ws = current.get();
        if (ws == null) {
            return;
        }
        Set<String> hidden = new HashSet<>();
        for (LayerRow row : layers) {
            if (!row.isVisible()) {
                hidden.add(row.name());
            }
        }
        Path file = ws.file();
        runner.run("Reading " + file.getFileName() + " again…",
                progress -> WorkspaceLoader.load(file, false, settings, tileCache, progress),
                loaded -> {
                    install(loaded);
                    for (LayerRow row : layers) {
                        row.setVisible(!hidden.contains(row.name()));
                    }
                    loaded.layers().stream().filter(l -> l.name().equals(changedLayer)).findFirst().ifPresent(l ->
                            notice.set("Imported " + l.title() + " · " + LayerRow.formatCount(l.count())
                                    + (l.count() == 1 ? " feature" : " features")));
                }, error -> openFailed(file, error));
    }

    /** File ▸ Open…: asks for a file, then opens it. */
    public void chooseAndOpen() {
        dialogs.chooseWorkspaceToOpen(currentFolder()).ifPresent(this::open);
    }

    /** File ▸ New workspace…: asks for a file name and a coordinate system, creates it and opens it. */
    public void newWorkspace() {
        Optional<Path> chosen = dialogs.chooseNewWorkspaceFile(currentFolder());
        if (chosen.isEmpty()) {
            return;
        }
        Optional<String> answer = dialogs.chooseCrs(CRS_SUGGESTIONS, DEFAULT_CRS);
        if (answer.isEmpty()) {
            return;
        }
        Crs crs;
        try {
            crs = Crs.of(answer.get().strip().split("\\s+")[0]);
        } catch (IllegalArgumentException e) {
            dialogs.showError("Unknown coordinate system", e.getMessage());
            return;
        }
        Path file = chosen.get().toAbsolutePath().normalize();
        runner.run("Creating " + file.getFileName() + "…", progress -> {
            Workspace.create(file, crs).close();
            return WorkspaceLoader.load(file, false, settings, tileCache, progress);
        }, this::install, error -> openFailed(file, error));
    }

    private Path currentFolder() {
        LoadedWorkspace ws = current.get();
        if (ws != null && ws.file().getParent() != null && !ws.file().equals(demoFile)) {
            return ws.file().getParent();
        }
        Path home = Path.of(System.getProperty("user.home"));
        Path documents = home.resolve("Documents");
        return Files.isDirectory(documents) ? documents : home;
    }

    private void install(LoadedWorkspace loaded) {
        LoadedWorkspace previous = current.get();
        // The basemap source must be in place before the new map view asks for tiles.
        TileSources.use(loaded.basemap());
        cursorTransform = loaded.crs() == null ? null : new CoordinateTransform(Crs.WGS84, loaded.crs());
        layers.setAll(rows(loaded));
        title.set("PSC Desk — " + loaded.name());
        fileText.set(loaded.file().toString());
        crsText.set(loaded.crs() == null ? "No working CRS yet" : loaded.crs().id() + " · " + loaded.crs().name());
        lastError.set(null);
        current.set(loaded);
        long drawn = loaded.layers().size();
        String opened = "Opened " + loaded.file().getFileName() + " · " + drawn + (drawn == 1 ? " layer" : " layers");
        notice.set(loaded.notice() == null ? opened : loaded.notice());
        if (previous != null && previous.workspace() != loaded.workspace()) {
            runner.runQuietly("Closing " + previous.file().getFileName() + "…", progress -> {
                previous.workspace().close();
                return null;
            });
        }
        if (remember) {
            settings.workspaceOpened(loaded.file());
            recent.setAll(settings.recentWorkspaces());
            saveSettings();
        }
    }

    private static List<LayerRow> rows(LoadedWorkspace loaded) {
        List<LayerRow> rows = new ArrayList<>();
        for (LayerInfo info : loaded.layers()) {
            rows.add(new LayerRow(info, loaded.styles().get(info.name()), loaded.map().layer(info.name()).orElse(null)));
        }
        // What matters most first: incidents, risk factors, then the study area and context.
        rows.sort(Comparator.comparingInt(r -> order(r.info().role())));
        return rows;
    }

    private static int order(LayerRole role) {
        return switch (role) {
            case OUTCOME -> 0;
            case FACTOR -> 1;
            case AREA -> 2;
            case REFERENCE -> 3;
            case RESULT -> 4;
        };
    }

    private void openFailed(Path file, Throwable error) {
        if (error instanceof WorkspaceException we) {
            if (we.reason() == WorkspaceException.Reason.FOREIGN_GEOPACKAGE) {
                boolean adopt = dialogs.confirm("Adopt GeoPackage", "Adopt this GeoPackage as a PSC Desk workspace?",
                        file.getFileName() + " was made by another program (such as QGIS or GDAL). Adopting adds"
                                + " PSC Desk's tables to the file; GIS programs can still read it, and its layers"
                                + " become reference layers.", "Adopt");
                if (adopt) {
                    open(file, true);
                } else {
                    lastError.set(we.getMessage());
                }
                return;
            }
            if (we.reason() == WorkspaceException.Reason.NOT_FOUND && remember) {
                settings.forget(file);
                recent.setAll(settings.recentWorkspaces());
                saveSettings();
            }
            fail("Could not open " + file.getFileName(), we.getMessage());
            return;
        }
        LOG.log(Level.WARNING, "opening " + file + " failed", error);
        fail("Could not open " + file.getFileName(), "PSC Desk could not open " + file + " ("
                + (error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage())
                + "). The file was not changed; try again, or open another workspace.");
    }

    private void fail(String title, String message) {
        lastError.set(message);
        dialogs.showError(title, message);
    }

    private void saveSettings() {
        runner.runQuietly("Saving settings…", progress -> {
            settings.save();
            return null;
        });
    }

    /** Status-bar text for the mouse position: longitude/latitude and the workspace's own x/y. */
    public String cursorText(Point2D lonLat) {
        if (lonLat == null) {
            return "";
        }
        double lon = lonLat.getX();
        double lat = lonLat.getY();
        String geographic = String.format(Locale.ROOT, "%.5f° %s, %.5f° %s", Math.abs(lat), lat >= 0 ? "N" : "S",
                Math.abs(lon), lon >= 0 ? "E" : "W");
        LoadedWorkspace ws = current.get();
        if (cursorTransform == null || ws == null || ws.crs() == null) {
            return geographic;
        }
        double[] xy = {lon, lat};
        cursorTransform.apply(xy);
        return geographic + String.format(Locale.ROOT, "   x %,.0f  y %,.0f %s", xy[0], xy[1], ws.crs().unitLabel());
    }

    /** Closes the open workspace (so it is one file again) and saves the settings. Call on exit. */
    public void shutdown() {
        LoadedWorkspace ws = current.get();
        if (ws != null) {
            ws.workspace().close();
        }
        if (remember) {
            try {
                settings.save();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "could not save settings to " + settings.file(), e);
            }
        }
    }

    public ReadOnlyObjectProperty<LoadedWorkspace> currentProperty() {
        return current;
    }

    public LoadedWorkspace current() {
        return current.get();
    }

    /** Layer rows in display order. */
    public ObservableList<LayerRow> layers() {
        return layers;
    }

    /** Recently opened workspaces, most recent first. */
    public ObservableList<Path> recent() {
        return recent;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public ReadOnlyStringProperty fileTextProperty() {
        return fileText;
    }

    public ReadOnlyStringProperty crsTextProperty() {
        return crsText;
    }

    /** Remembers the meeting open in the meeting panel (null when it closes), so a restart reopens it. */
    void rememberMeeting(Long id) {
        LoadedWorkspace ws = current.get();
        if (ws != null) {
            settings.setOpenMeeting(ws.file(), id);
            saveSettings();
        }
    }

    /** The meeting that was open in this workspace's meeting panel when the app last ran. */
    java.util.Optional<Long> rememberedMeeting() {
        LoadedWorkspace ws = current.get();
        return ws == null ? java.util.Optional.empty() : settings.openMeeting(ws.file());
    }

    /** Says something in the status bar (a map kept with the meeting, a save that failed). */
    void status(String text) {
        notice.set(text);
    }

    /** The last remark for the status bar when nothing runs. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice;
    }

    /** The message of the last failed open, or null after a successful one. */
    public ReadOnlyStringProperty lastErrorProperty() {
        return lastError;
    }

    public TaskRunner runner() {
        return runner;
    }

    /** Where this window's dialogs go; the import screens use it too. */
    public DialogService dialogs() {
        return dialogs;
    }
}
