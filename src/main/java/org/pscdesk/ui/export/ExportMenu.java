package org.pscdesk.ui.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.Window;

import org.pscdesk.report.ExportFiles;
import org.pscdesk.store.LayerInfo;
import org.pscdesk.store.MeetingRecords;
import org.pscdesk.store.RunRepository;
import org.pscdesk.store.SavedRun;
import org.pscdesk.ui.fx.DialogService;
import org.pscdesk.ui.fx.TaskRunner;
import org.pscdesk.ui.workspace.LoadedWorkspace;
import org.pscdesk.ui.workspace.MainViewModel;

/**
 * The Export menu of the workspace window: Minutes (PDF)… and Data for GIS…. Test and demo hook:
 * {@code -Dpscdesk.showExport=minutes} (or {@code data}) opens that window once the first workspace is open;
 * the minutes window makes its PDF at once, so its preview shows.
 */
public final class ExportMenu {

    static final String SHOW_PROPERTY = "pscdesk.showExport";

    /** What an export window works with: the workspace open when it opened, and the app's runner and dialogs. */
    record Context(LoadedWorkspace workspace, TaskRunner runner, DialogService dialogs, Window owner, ExportMenu menu) {
    }

    /** What the data window offers: saved runs (newest first), layers, and the places meetings ranked. */
    record DataChoices(List<SavedRun> runs, List<LayerInfo> layers, Map<Long, String> places) {
    }

    private final MainViewModel model;
    private final Supplier<Window> owner;
    private Path folder;
    private boolean hookRun;

    public ExportMenu(MainViewModel model, Supplier<Window> owner) {
        this.model = model;
        this.owner = owner;
        model.currentProperty().addListener((o, was, now) -> {
            if (now != null && !hookRun) {
                hookRun = true;
                Platform.runLater(this::runStartupHook);
            }
        });
    }

    public Menu menu() {
        MenuItem minutes = new MenuItem("Minutes (PDF)…");
        minutes.setId("menu-export-minutes");
        minutes.setOnAction(e -> openMinutes());
        MenuItem data = new MenuItem("Data for GIS…");
        data.setId("menu-export-data");
        data.setOnAction(e -> openData());
        for (MenuItem item : List.of(minutes, data)) {
            item.disableProperty().bind(model.currentProperty().isNull());
        }
        Menu menu = new Menu("Export", null, minutes, data);
        menu.setId("menu-export");
        return menu;
    }

    private void runStartupHook() {
        String show = System.getProperty(SHOW_PROPERTY, "");
        if (show.equals("minutes")) {
            openMinutes();
        } else if (show.equals("data")) {
            openData();
        }
    }

    /** Reads the meetings in the background, then opens the minutes window. */
    void openMinutes() {
        LoadedWorkspace ws = model.current();
        if (ws == null) {
            return;
        }
        Context context = context(ws);
        model.runner().run("Reading the meetings", p -> new MeetingRecords(ws.workspace()).summaries(), meetings -> {
            if (meetings.isEmpty()) {
                model.dialogs().showError("Minutes", ws.name() + " has no meeting yet. Start one with Meeting ▸"
                        + " Meeting…; its minutes can then be exported here.");
                return;
            }
            new MinutesDialog(context, meetings).show();
        }, error -> model.dialogs().showError("Minutes", error.getMessage()));
    }

    /** Reads the runs and places in the background, then opens the data window. */
    void openData() {
        LoadedWorkspace ws = model.current();
        if (ws == null) {
            return;
        }
        Context context = context(ws);
        model.runner().run("Reading the runs and places", p -> {
            List<SavedRun> runs = new ArrayList<>(new RunRepository(ws.workspace()).list());
            Collections.reverse(runs);
            return new DataChoices(runs, ws.layers(), ExportFiles.rankedPlaces(ws.workspace()));
        }, choices -> new DataDialog(context, choices).show(), error -> model.dialogs().showError("Data for GIS",
                error.getMessage()));
    }

    private Context context(LoadedWorkspace ws) {
        return new Context(ws, model.runner(), model.dialogs(), owner.get(), this);
    }

    /** Where the chooser starts: the folder of the last export, else Documents, else the home folder. */
    Path folder() {
        if (folder != null && Files.isDirectory(folder)) {
            return folder;
        }
        Path home = Path.of(System.getProperty("user.home"));
        Path documents = home.resolve("Documents");
        return Files.isDirectory(documents) ? documents : home;
    }

    void rememberFolder(Path exported) {
        folder = exported;
    }
}
