package org.pscdesk.ui.workspace;

import java.util.List;
import java.util.function.Supplier;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.pscdesk.report.PublicRun;
import org.pscdesk.ui.analysis.AnalysisPanel;
import org.pscdesk.ui.analysis.LegendCard;
import org.pscdesk.ui.analysis.PlaceMarkers;
import org.pscdesk.ui.analysis.RunStyles;
import org.pscdesk.ui.analysis.RunView;
import org.pscdesk.ui.fx.DialogService;
import org.pscdesk.ui.fx.TaskRunner;
import org.pscdesk.ui.fx.Theme;
import org.pscdesk.ui.map.MapPane;
import org.pscdesk.ui.projector.ProjectorWindow;

/**
 * The broker's console around a run: the analysis panel at the right of the main window, the run's cells and
 * legend on the console map, the projector window, and the presentation keys (B blanks the wall, Shift +
 * mouse points on it, F1 lists the shortcuts).
 */
final class RunConsole implements AnalysisPanel.Host {

    private final MainViewModel model;
    private final Theme theme;
    private final BorderPane root;
    private final Supplier<Window> window;
    private AnalysisPanel panel;
    private org.pscdesk.ui.meeting.MeetingPanel meetingPanel;
    private ProjectorWindow projector;
    private MapPane map;
    private StackPane mapArea;
    private Node legend;
    private PlaceMarkers markers;
    private Node help;
    private boolean incidentsHidden;
    private Insets fitInsetsBefore = new Insets(28);
    private boolean panelFit;
    private javafx.animation.Timeline hourly;
    private javafx.stage.Stage history;
    private PublicRun shownRun;
    private RunView shownView;

    RunConsole(MainViewModel model, Theme theme, BorderPane root, Supplier<Window> window) {
        this.model = model;
        this.theme = theme;
        this.root = root;
        this.window = window;
    }

    List<Menu> menus() {
        MenuItem risk = MainView.item("Risk model…", "menu-risk-model", new KeyCodeCombination(KeyCode.R,
                KeyCombination.SHORTCUT_DOWN), this::togglePanel);
        risk.disableProperty().bind(model.currentProperty().isNull());
        MenuItem wall = MainView.item("Projector window", "menu-projector", new KeyCodeCombination(KeyCode.P,
                KeyCombination.SHORTCUT_DOWN), this::openProjector);
        wall.disableProperty().bind(model.currentProperty().isNull());
        MenuItem blackout = MainView.item("Blank the projector", "menu-blackout", new KeyCodeCombination(KeyCode.B),
                this::toggleBlackout);
        MenuItem keys = MainView.item("Keyboard shortcuts", "menu-shortcuts", new KeyCodeCombination(KeyCode.F1), this::toggleHelp);
        MenuItem meeting = MainView.item("Meeting…", "menu-meeting", new KeyCodeCombination(KeyCode.M,
                KeyCombination.SHORTCUT_DOWN), this::toggleMeeting);
        meeting.disableProperty().bind(model.currentProperty().isNull());
        MenuItem place = MainView.item("New place from the map", "menu-new-place", new KeyCodeCombination(KeyCode.N,
                KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), this::newPlace);
        place.disableProperty().bind(model.currentProperty().isNull());
        MenuItem snapshots = MainView.item("Snapshots…", "menu-snapshots", null, this::chooseSnapshot);
        MenuItem history = MainView.item("Workspace history…", "menu-history", null, this::showHistory);
        history.disableProperty().bind(model.currentProperty().isNull());
        snapshots.disableProperty().bind(model.currentProperty().isNull());
        return List.of(new Menu("Analysis", null, risk), new Menu("Meeting", null, meeting, place, snapshots, history),
                new org.pscdesk.ui.export.ExportMenu(model, window).menu(),
                new Menu("Present", null, wall, blackout, keys));
    }

    /** A new workspace (or none) is shown: the panel and the projector belong to the previous one. */
    void workspaceShown(LoadedWorkspace ws, MapPane newMap, StackPane newMapArea) {
        boolean panelOpen = panel != null && root.getRight() == panel;
        if (projector != null) {
            projector.close();
            projector = null;
        }
        if (meetingPanel != null) {
            meetingPanel.close();
        }
        panel = null;
        meetingPanel = null;
        root.setRight(null);
        map = newMap;
        mapArea = newMapArea;
        legend = null;
        markers = null;
        incidentsHidden = false;
        panelFit = false;
        startHourlySnapshots(ws);
        if (map != null) {
            map.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress() && panel != null) {
                    panel.describe(map.lonLatAt(e.getX(), e.getY()));
                }
            });
            map.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
                if (projector != null && projector.isShowing()) {
                    projector.pointAt(e.isShiftDown() ? map.lonLatAt(e.getX(), e.getY()) : null);
                }
            });
        }
        if (ws != null && panelOpen) {
            togglePanel();
        }
    }

    /**
     * Test and demo hook: {@code -Dpscdesk.showRun=NAME} opens the panel on a saved run after the workspace
     * opens ({@code -Dpscdesk.showRunView=places} picks the view; {@code -Dpscdesk.projector=true} also opens
     * the projector window with it); {@code -Dpscdesk.showMeeting=true} opens the meeting panel
     * ({@code =new-place} also starts picking a place on the map).
     */
    void runStartupHooks() {
        java.util.Optional<Long> wasOpen = model.rememberedMeeting();
        String showMeeting = System.getProperty("pscdesk.showMeeting", "false");
        if ((!showMeeting.equals("false") || wasOpen.isPresent()) && model.current() != null) {
            toggleMeeting(); // where the broker was when the app last ran (or crashed): the same meeting
            wasOpen.ifPresent(meetingPanel::open);
            if (showMeeting.equals("new-place")) {
                meetingPanel.startNewPlace();
            }
            return;
        }
        String name = System.getProperty("pscdesk.showRun");
        if (name == null || model.current() == null) {
            return;
        }
        if (panel == null || root.getRight() != panel) {
            togglePanel();
        }
        panel.reopen(name);
    }

    /** Meeting ▸ Workspace history…: the audit log, newest first. */
    private void showHistory() {
        LoadedWorkspace ws = model.current();
        if (ws == null) {
            return;
        }
        try {
            history = AuditLogWindow.show(window.get(), ws.file().getFileName().toString(),
                    ws.workspace().auditLog());
        } catch (org.pscdesk.store.WorkspaceException e) {
            model.dialogs().showError("Workspace history", e.getMessage());
        }
    }

    /** The history window last opened (tests read it). */
    javafx.stage.Stage historyWindow() {
        return history;
    }

    /** Lists the workspace's snapshots and restores the one chosen (after a snapshot of the current state). */
    private void chooseSnapshot() {
        LoadedWorkspace ws = model.current();
        if (ws == null) {
            return;
        }
        try {
            org.pscdesk.store.Snapshots snapshots = new org.pscdesk.store.Snapshots(ws.workspace());
            List<org.pscdesk.store.Snapshots.Snapshot> all = snapshots.list();
            if (all.isEmpty()) {
                model.dialogs().showError("Snapshots", "No snapshot yet: they are taken when a meeting starts,"
                        + " when it is finalized, and every hour while PSC Desk is open.");
                return;
            }
            java.util.Map<String, org.pscdesk.store.Snapshots.Snapshot> byLabel = new java.util.LinkedHashMap<>();
            java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                    .withZone(java.time.ZoneId.systemDefault());
            for (org.pscdesk.store.Snapshots.Snapshot s : all) {
                byLabel.put(f.format(s.takenAt()) + " · " + s.reason().replace('-', ' '), s);
            }
            javafx.scene.control.ChoiceDialog<String> dialog = new javafx.scene.control.ChoiceDialog<>(
                    byLabel.keySet().iterator().next(), byLabel.keySet());
            dialog.setTitle("Restore a snapshot");
            dialog.setHeaderText("Restore the workspace as it was at:");
            dialog.setContentText("Snapshot");
            java.util.Optional<String> chosen = dialog.showAndWait();
            if (chosen.isEmpty() || !model.dialogs().confirm("Restore snapshot", "Restore " + chosen.get() + "?",
                    "The current state is kept as a snapshot first, so this can be undone.", "Restore")) {
                return;
            }
            snapshots.restore(byLabel.get(chosen.get()));
            model.reload(null);
        } catch (org.pscdesk.store.WorkspaceException e) {
            model.dialogs().showError("Snapshots", e.getMessage());
        }
    }

    /** Hourly snapshots while a workspace is open (in the background; a failure is logged). */
    private void startHourlySnapshots(LoadedWorkspace ws) {
        if (hourly != null) {
            hourly.stop();
        }
        if (ws == null) {
            return;
        }
        hourly = new javafx.animation.Timeline(new javafx.animation.KeyFrame(javafx.util.Duration.hours(1),
                e -> model.runner().runQuietly("Taking a snapshot", p -> new org.pscdesk.store.Snapshots(
                        ws.workspace()).take("hourly"))));
        hourly.setCycleCount(javafx.animation.Animation.INDEFINITE);
        hourly.play();
    }

    /** Opens or closes the meeting panel (Meeting ▸ Meeting…); it takes the place of the risk-model panel. */
    void toggleMeeting() {
        if (model.current() == null) {
            return;
        }
        if (meetingPanel != null && root.getRight() == meetingPanel) {
            meetingPanel.saveNow();
            meetingPanel.setShown(false);
            root.setRight(null);
            fitWithoutPanel();
            model.rememberMeeting(null);
            return;
        }
        if (meetingPanel == null) {
            meetingPanel = new org.pscdesk.ui.meeting.MeetingPanel(new org.pscdesk.ui.meeting.MeetingPanel.Host() {
                @Override
                public org.pscdesk.store.Workspace workspace() {
                    return model.current().workspace();
                }

                @Override
                public DialogService dialogs() {
                    return model.dialogs();
                }

                @Override
                public void showAgendaOnProjector(String step, String text) {
                    projectorWindowOpened().showAgenda(step, text);
                }

                @Override
                public MapPane map() {
                    return map;
                }

                @Override
                public java.util.Optional<String> runOnMap() {
                    return panel == null || panel.shownRun() == null ? java.util.Optional.empty()
                            : java.util.Optional.of(panel.shownRun().shown().name());
                }

                @Override
                public void showOnMap(PublicRun run) {
                    RunConsole.this.showOnMap(run, RunView.PLACES, 0.85);
                }

                @Override
                public void meetingShown(long id) {
                    model.rememberMeeting(id);
                }

                @Override
                public boolean showMapOnProjector() {
                    if (shownRun == null) {
                        return false;
                    }
                    projector().show(shownRun, shownView, hiddenLayers()); // kept with the meeting too
                    return true;
                }
            });
        }
        root.setRight(meetingPanel);
        meetingPanel.setShown(true);
        fitBesidePanel();
    }

    /** Meeting ▸ New place from the map (Ctrl+Shift+N): opens the meeting panel if needed, then picks. */
    private void newPlace() {
        if (meetingPanel == null || root.getRight() != meetingPanel) {
            toggleMeeting();
        }
        if (meetingPanel != null) {
            meetingPanel.startNewPlace();
        }
    }

    org.pscdesk.ui.meeting.MeetingPanel meetingPanel() {
        return meetingPanel;
    }

    void togglePanel() {
        if (model.current() == null) {
            return;
        }
        if (panel != null && root.getRight() == panel) {
            root.setRight(null);
            fitWithoutPanel();
            return;
        }
        if (panel == null) {
            panel = new AnalysisPanel(this);
        }
        if (meetingPanel != null && root.getRight() == meetingPanel) {
            meetingPanel.saveNow();
            meetingPanel.setShown(false); // the model's numbered places, not the room's, while the risk panel is up
        }
        root.setRight(panel);
        fitBesidePanel();
    }

    /** The map just lost a panel's width: fit the city to what is left, with a small margin. */
    private void fitBesidePanel() {
        if (map != null) {
            if (!panelFit) {
                fitInsetsBefore = map.getFitInsets();
                panelFit = true;
            }
            map.setFitInsets(new Insets(20));
            javafx.application.Platform.runLater(map::fit);
        }
    }

    /** No panel any more: the map gets its width and its legend room back. */
    private void fitWithoutPanel() {
        if (map != null && panelFit) {
            map.setFitInsets(fitInsetsBefore);
            panelFit = false;
            javafx.application.Platform.runLater(map::fit);
        }
    }

    /** The panel, once opened. */
    AnalysisPanel panel() {
        return panel;
    }

    ProjectorWindow projectorWindow() {
        return projector;
    }

    void openProjector() {
        projectorWindowOpened().open();
    }

    void toggleBlackout() {
        if (projector != null) {
            projector.toggleBlackout();
        }
    }

    private void toggleHelp() {
        if (mapArea == null) {
            return;
        }
        if (help != null) {
            mapArea.getChildren().remove(help);
            help = null;
            return;
        }
        VBox card = new VBox(6);
        card.setId("shortcuts");
        card.getStyleClass().add("run-legend");
        card.setStyle("-fx-font-size: 14px;");
        card.getChildren().add(new Label("Keyboard shortcuts"));
        for (String line : new String[] {"Ctrl+R   risk model panel", "Ctrl+P   projector window",
                "B   blank or unblank the projector", "Shift + move the mouse   point on the projector",
                "Ctrl+0   zoom to the whole workspace", "Ctrl+= / Ctrl+−   zoom in / out",
                "Ctrl+M   meeting panel", "Ctrl+PgDn / Ctrl+PgUp   next / previous agenda step", "Ctrl+Shift+A   new action item", "Ctrl+Shift+N   new place from the map", "Ctrl+I   import data", "F1   show or hide this list"}) {
            card.getChildren().add(new Label(line));
        }
        card.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        card.setOnMouseClicked(e -> toggleHelp());
        StackPane.setAlignment(card, Pos.CENTER);
        help = card;
        mapArea.getChildren().add(card);
    }

    @Override
    public LoadedWorkspace workspace() {
        return model.current();
    }

    @Override
    public TaskRunner runner() {
        return model.runner();
    }

    @Override
    public DialogService dialogs() {
        return model.dialogs();
    }

    @Override
    public void showOnMap(PublicRun run, RunView view, double opacity) {
        if (map == null || model.current() == null) {
            return;
        }
        shownRun = run;
        shownView = view;
        if (legend != null) {
            mapArea.getChildren().remove(legend);
            legend = null;
        }
        if (markers != null) {
            map.removeTopLayer(markers);
            markers = null;
        }
        if (run == null) {
            map.setSurface(null, opacity);
            return;
        }
        map.setSurface(RunStyles.surface(run, model.current().crs(), view, theme), opacity);
        if (!incidentsHidden) {
            // a clean map for the run: the count squares would cover the cells, and the factors crowd it; the
            // broker ticks back what the room should see (the projector shows the same layers)
            incidentsHidden = true;
            for (LayerRow row : model.layers()) {
                org.pscdesk.store.LayerRole role = row.info().role();
                if (role == org.pscdesk.store.LayerRole.OUTCOME || role == org.pscdesk.store.LayerRole.FACTOR) {
                    row.setVisible(false);
                }
            }
        }
        if (view == RunView.PLACES || view == RunView.PRIORITY) {
            markers = new PlaceMarkers(run, model.current().crs());
            map.addTopLayer(markers);
        }
        LegendCard card = new LegendCard(view.title(), RunStyles.legend(run, view, theme));
        card.setId("run-legend");
        card.setStyle("-fx-font-size: 12px;");
        card.setMaxWidth(250);
        StackPane.setAlignment(card, Pos.TOP_LEFT);
        StackPane.setMargin(card, new Insets(14));
        legend = card;
        mapArea.getChildren().add(card);
    }

    @Override
    public java.util.Set<String> hiddenLayers() {
        java.util.Set<String> hidden = new java.util.HashSet<>();
        for (LayerRow row : model.layers()) {
            if (!row.isVisible()) {
                hidden.add(row.name());
            }
        }
        return hidden;
    }

    @Override
    public void setSurfaceOpacity(double opacity) {
        if (map != null) {
            map.surface().ifPresent(s -> s.setSurfaceOpacity(opacity));
        }
    }

    @Override
    public AnalysisPanel.ProjectorControl projector() {
        ProjectorWindow wall = projectorWindowOpened();
        return new AnalysisPanel.ProjectorControl() {
            @Override
            public void show(PublicRun run, RunView view, java.util.Set<String> hiddenLayers) {
                wall.show(run, view, hiddenLayers);
                keepWithMeeting(run, view);
            }

            @Override
            public void zoomTo(PublicRun.Place place) {
                wall.zoomTo(place);
            }
        };
    }

    private ProjectorWindow projectorWindowOpened() {
        if (projector == null) {
            projector = new ProjectorWindow(model.current(), window.get());
        }
        return projector;
    }

    /**
     * A view put on the wall during a meeting is kept with it, so the minutes print the maps the room saw: the
     * meeting open in the meeting panel, else the one in progress today. A failure is said in the status line;
     * the wall shows the view anyway.
     */
    private void keepWithMeeting(PublicRun run, RunView view) {
        try {
            org.pscdesk.store.MeetingRecords records = new org.pscdesk.store.MeetingRecords(
                    model.current().workspace());
            java.util.Optional<Long> meeting = meetingPanel != null && meetingPanel.isEditable()
                    ? java.util.Optional.of(meetingPanel.meetingId())
                    : records.meetingInProgress(java.time.LocalDate.now());
            if (meeting.isPresent() && records.addMapView(meeting.get(), run.name(), view.key())) {
                model.status("Map kept with the meeting for its minutes: " + view.title() + ".");
            }
        } catch (org.pscdesk.store.WorkspaceException e) {
            model.status("The map was not kept with the meeting: " + e.getMessage());
        }
    }

    void close() {
        if (hourly != null) {
            hourly.stop();
        }
        if (meetingPanel != null) {
            meetingPanel.close();
        }
        if (projector != null) {
            projector.close();
        }
    }
}
