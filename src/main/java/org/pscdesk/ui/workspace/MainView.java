package org.pscdesk.ui.workspace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.controlsfx.control.StatusBar;

import org.pscdesk.store.LayerInfo;
import org.pscdesk.store.LayerRole;
import org.pscdesk.store.Workspace;
import org.pscdesk.ui.fx.DialogService;
import org.pscdesk.ui.fx.Styles;
import org.pscdesk.ui.fx.TaskRunner;
import org.pscdesk.ui.fx.Theme;
import org.pscdesk.ui.importer.ImportHost;
import org.pscdesk.ui.importer.ImportWindows;
import org.pscdesk.ui.map.CountLegend;
import org.pscdesk.ui.map.LayerShapes;
import org.pscdesk.ui.map.MapData;
import org.pscdesk.ui.map.MapPane;
import org.pscdesk.ui.map.ScaleBar;

/**
 * The main window's content: menu bar, layer list on the left, the map, and the status bar. Built in code
 * (the map part is dynamic); all state comes from the {@link MainViewModel}.
 */
public final class MainView {

    /** Width the legend card takes at the right of the map, in pixels. */
    private static final double LEGEND_ROOM = 230;

    private final MainViewModel model;
    private final Theme theme;
    private final BorderPane root = new BorderPane();
    private final ListView<LayerRow> layerList = new ListView<>();
    private final StackPane mapArea = new StackPane();
    private final StatusBar statusBar = new StatusBar();
    private final Label cursorLabel = new Label();
    private final Menu recentMenu = new Menu("Open recent");
    private final Runnable onQuit;
    private final List<Runnable> unbindMap = new ArrayList<>();
    private final ImportWindows imports;
    private final RunConsole console;
    private MapPane mapPane;

    public MainView(MainViewModel model, Theme theme, Runnable onQuit) {
        this.model = model;
        this.theme = theme;
        this.onQuit = onQuit;
        this.imports = new ImportWindows(importHost(), () -> root.getScene() == null ? null : root.getScene().getWindow());
        this.console = new RunConsole(model, theme, root, () -> root.getScene() == null ? null : root.getScene().getWindow());
        root.getStyleClass().add(Styles.APP);
        root.setTop(menuBar());
        SplitPane split = new SplitPane(sidePanel(), mapArea);
        split.setDividerPositions(0.24);
        SplitPane.setResizableWithParent(split.getItems().get(0), false);
        root.setCenter(split);
        root.setBottom(statusBar());
        mapArea.getStyleClass().add(Styles.MAP_AREA);
        mapArea.setMinSize(200, 200);
        showPlaceholder();
        model.currentProperty().addListener((o, was, now) -> {
            showWorkspace(now);
            if (now != null) {
                Platform.runLater(imports::runStartupHooks);
                Platform.runLater(console::runStartupHooks);
            }
        });
        imports.installDropTarget(root, mapArea);
    }

    public Parent root() {
        return root;
    }

    /** The map of the open workspace, or empty before one is open. */
    public Optional<MapPane> mapPane() {
        return Optional.ofNullable(mapPane);
    }

    /** The risk-model panel, projector and presentation keys. */
    RunConsole console() {
        return console;
    }

    /** Closes the windows this window opened (the projector), when the app quits. */
    public void closeWindows() {
        console.close();
    }

    /** Opens or closes the risk-model panel (Analysis ▸ Risk model…). */
    public void toggleAnalysis() {
        console.togglePanel();
    }

    /** Opens or closes the meeting panel (Meeting ▸ Meeting…). */
    /** Opens the meeting panel if it is not open (a restart may already have reopened it). */
    public void openMeeting() {
        if (console.meetingPanel() == null || root.getRight() != console.meetingPanel()) {
            console.toggleMeeting();
        }
    }

    public void toggleMeeting() {
        console.toggleMeeting();
    }

    /** The meeting panel once opened, else empty. */
    /** A menu item by its id, searched through the menu bar (tests fire the real items). */
    public Optional<MenuItem> menuItem(String id) {
        if (!(root.getTop() instanceof MenuBar bar)) {
            return Optional.empty();
        }
        java.util.ArrayDeque<MenuItem> todo = new java.util.ArrayDeque<>(bar.getMenus());
        while (!todo.isEmpty()) {
            MenuItem m = todo.poll();
            if (id.equals(m.getId())) {
                return Optional.of(m);
            }
            if (m instanceof Menu menu) {
                todo.addAll(menu.getItems());
            }
        }
        return Optional.empty();
    }

    /** The workspace-history window, once opened. */
    public Optional<javafx.stage.Stage> historyWindow() {
        return Optional.ofNullable(console.historyWindow());
    }

    public Optional<org.pscdesk.ui.meeting.MeetingPanel> meetingPanel() {
        return Optional.ofNullable(console.meetingPanel());
    }

    /** The risk-model panel once opened, else empty. */
    public Optional<org.pscdesk.ui.analysis.AnalysisPanel> analysisPanel() {
        return Optional.ofNullable(console.panel());
    }

    /** The projector window once opened, else empty. */
    public Optional<org.pscdesk.ui.projector.ProjectorWindow> projectorWindow() {
        return Optional.ofNullable(console.projectorWindow());
    }

    public ListView<LayerRow> layerList() {
        return layerList;
    }

    /** The import wizard and layer details windows of this window. */
    public ImportWindows imports() {
        return imports;
    }

    /** What the import screens see of this window: the open workspace, its runner and dialogs. */
    private ImportHost importHost() {
        return new ImportHost() {
            @Override
            public Workspace workspace() {
                LoadedWorkspace ws = model.current();
                return ws == null ? null : ws.workspace();
            }

            @Override
            public String workspaceName() {
                LoadedWorkspace ws = model.current();
                return ws == null ? "" : ws.name();
            }

            @Override
            public List<LayerInfo> layers() {
                LoadedWorkspace ws = model.current();
                return ws == null ? List.of() : ws.layers();
            }

            @Override
            public MapData map() {
                LoadedWorkspace ws = model.current();
                return ws == null ? null : ws.map();
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
            public void imported(String layer) {
                model.reload(layer);
            }
        };
    }

    private MenuBar menuBar() {
        MenuItem newWs = item("New workspace…", "menu-new", new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN),
                model::newWorkspace);
        MenuItem open = item("Open…", "menu-open", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN),
                model::chooseAndOpen);
        MenuItem demo = item("Open demo", "menu-demo", null, model::openDemo);
        MenuItem quit = item("Quit", "menu-quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), onQuit);
        recentMenu.setId("menu-recent");
        fillRecent();
        model.recent().addListener((javafx.collections.ListChangeListener<Path>) c -> fillRecent());
        for (MenuItem m : List.of(newWs, open, demo, recentMenu)) {
            m.disableProperty().bind(model.runner().busy());
        }
        MenuItem importData = item("Import data…", "menu-import", new KeyCodeCombination(KeyCode.I,
                KeyCombination.SHORTCUT_DOWN), () -> imports.openWizard(List.of()));
        importData.disableProperty().bind(model.runner().busy().or(model.currentProperty().isNull()));
        Menu file = new Menu("File", null, newWs, open, recentMenu, demo, new SeparatorMenuItem(), importData,
                new SeparatorMenuItem(), quit);

        MenuItem fit = item("Zoom to workspace", "menu-fit", new KeyCodeCombination(KeyCode.DIGIT0,
                KeyCombination.SHORTCUT_DOWN), () -> mapPane().ifPresent(MapPane::fit));
        MenuItem in = item("Zoom in", "menu-zoom-in", new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN),
                () -> mapPane().ifPresent(m -> m.zoomBy(1)));
        MenuItem out = item("Zoom out", "menu-zoom-out", new KeyCodeCombination(KeyCode.MINUS,
                KeyCombination.SHORTCUT_DOWN), () -> mapPane().ifPresent(m -> m.zoomBy(-1)));
        Menu view = new Menu("View", null, fit, in, out);
        MenuBar bar = new MenuBar(file, view);
        bar.getMenus().addAll(console.menus());
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    /** A menu item with an id (for tests), an optional accelerator and an action. */
    static MenuItem item(String text, String id, KeyCombination key, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        if (key != null) {
            item.setAccelerator(key);
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        for (Path p : model.recent()) {
            MenuItem item = new MenuItem(p.getFileName() + "  —  " + (p.getParent() == null ? "" : p.getParent()));
            item.setMnemonicParsing(false);
            item.setOnAction(e -> model.open(p));
            recentMenu.getItems().add(item);
        }
        if (recentMenu.getItems().isEmpty()) {
            MenuItem none = new MenuItem("No recent workspaces");
            none.setDisable(true);
            recentMenu.getItems().add(none);
        }
    }

    private Node sidePanel() {
        Label header = new Label("Layers");
        header.getStyleClass().add(Styles.PANEL_HEADER);
        Label note = new Label("Untick a layer to hide it on the map. Incidents are shown as counts per square,"
                + " never as single points.");
        note.getStyleClass().add(Styles.PANEL_NOTE);
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        layerList.setId("layer-list");
        layerList.getStyleClass().add(Styles.LAYER_LIST);
        layerList.setItems(model.layers());
        layerList.setCellFactory(v -> new LayerCell());
        layerList.setPlaceholder(new Label("No layers yet"));
        layerList.setFocusTraversable(true);
        MenuItem details = new MenuItem("Layer details…");
        details.setId("menu-layer-details");
        details.setOnAction(e -> {
            LayerRow row = layerList.getSelectionModel().getSelectedItem();
            if (row != null) {
                imports.showDetails(row.info());
            }
        });
        details.disableProperty().bind(layerList.getSelectionModel().selectedItemProperty().isNull());
        MenuItem importMore = new MenuItem("Import data…");
        importMore.setOnAction(e -> imports.openWizard(List.of()));
        importMore.disableProperty().bind(model.runner().busy().or(model.currentProperty().isNull()));
        layerList.setContextMenu(new ContextMenu(details, new SeparatorMenuItem(), importMore));
        VBox.setVgrow(layerList, Priority.ALWAYS);
        VBox panel = new VBox(header, layerList, note);
        panel.getStyleClass().add(Styles.SIDE_PANEL);
        panel.setMinWidth(260);
        panel.setPrefWidth(310);
        return panel;
    }

    private Node statusBar() {
        statusBar.setId("status-bar");
        statusBar.getStyleClass().add(Styles.STATUS_BAR);
        statusBar.textProperty().bind(Bindings.when(model.runner().busy())
                .then(model.runner().message()).otherwise(model.noticeProperty()));
        statusBar.progressProperty().bind(model.runner().progress());
        Label file = new Label();
        file.setId("status-file");
        file.getStyleClass().add(Styles.STATUS_ITEM);
        file.textProperty().bind(model.fileTextProperty());
        file.setMaxWidth(420);
        Label crs = new Label();
        crs.setId("status-crs");
        crs.getStyleClass().add(Styles.STATUS_ITEM);
        crs.textProperty().bind(model.crsTextProperty());
        cursorLabel.setId("status-cursor");
        cursorLabel.getStyleClass().add(Styles.STATUS_ITEM);
        cursorLabel.setMinWidth(340);
        statusBar.getLeftItems().addAll(file, new Separator(Orientation.VERTICAL));
        statusBar.getRightItems().addAll(cursorLabel, crs);
        return statusBar;
    }

    private void showPlaceholder() {
        Label text = new Label();
        text.getStyleClass().add(Styles.MAP_PLACEHOLDER);
        text.textProperty().bind(Bindings.when(model.runner().busy()).then(model.runner().message())
                .otherwise("No workspace is open. Use File ▸ Open… or File ▸ Open demo."));
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.visibleProperty().bind(model.runner().busy());
        spinner.setMaxSize(36, 36);
        VBox box = new VBox(14, spinner, text);
        box.setAlignment(Pos.CENTER);
        mapArea.getChildren().setAll(box);
    }

    private void showWorkspace(LoadedWorkspace ws) {
        unbindMap.forEach(Runnable::run);
        unbindMap.clear();
        if (ws == null) {
            mapPane = null;
            showPlaceholder();
            console.workspaceShown(null, null, null);
            return;
        }
        MapPane pane = new MapPane(ws.map(), ws.styles(), theme);
        for (LayerRow row : model.layers()) {
            pane.overlay().setLayerVisible(row.name(), row.isVisible());
            ChangeListener<Boolean> toggle = (o, was, now) -> pane.overlay().setLayerVisible(row.name(), now);
            row.visibleProperty().addListener(toggle);
            unbindMap.add(() -> row.visibleProperty().removeListener(toggle));
        }

        ScaleBar scale = new ScaleBar();
        ChangeListener<Number> view = (o, was, now) -> scale.update(pane.metresPerPixel());
        pane.viewChangesProperty().addListener(view);
        scale.update(Double.NaN);
        StackPane.setAlignment(scale, Pos.BOTTOM_LEFT);
        StackPane.setMargin(scale, new Insets(0, 0, 14, 14));

        cursorLabel.textProperty().bind(Bindings.createStringBinding(() -> model.cursorText(pane.pointerLonLatProperty().get()),
                pane.pointerLonLatProperty()));
        unbindMap.add(() -> cursorLabel.textProperty().unbind());

        // Leave room for the legend when fitting the map, so it does not cover the city.
        pane.setFitInsets(new Insets(28, 28 + LEGEND_ROOM, 28, 28));
        VBox corner = new VBox(8);
        corner.setFillWidth(false);
        corner.setAlignment(Pos.BOTTOM_RIGHT);
        corner.setPickOnBounds(false);
        corner.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        for (LayerShapes shapes : ws.map().layers()) {
            if (shapes.role() == LayerRole.OUTCOME && shapes.grid() != null) {
                CountLegend legend = new CountLegend(shapes.info().title(), shapes.grid());
                model.layers().stream().filter(r -> r.name().equals(shapes.name())).findFirst()
                        .ifPresent(r -> legend.visibleProperty().bind(r.visibleProperty()));
                legend.managedProperty().bind(legend.visibleProperty());
                corner.getChildren().add(legend);
            }
        }
        Label attribution = new Label(ws.basemap().attribution());
        attribution.getStyleClass().add(Styles.ATTRIBUTION);
        corner.getChildren().add(attribution);
        StackPane.setAlignment(corner, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(corner, new Insets(0, 14, 14, 0));

        VBox buttons = new VBox(mapButton("+", "Zoom in", () -> pane.zoomBy(1)),
                mapButton("−", "Zoom out", () -> pane.zoomBy(-1)),
                mapButton("⤢", "Zoom to the whole workspace", pane::fit));
        buttons.getStyleClass().add(Styles.MAP_BUTTONS);
        buttons.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        StackPane.setAlignment(buttons, Pos.TOP_RIGHT);
        StackPane.setMargin(buttons, new Insets(14, 14, 0, 0));

        mapPane = pane;
        mapArea.getChildren().setAll(pane, scale, corner, buttons);
        console.workspaceShown(ws, pane, mapArea);
        if (model.welcomeNeeded()) {
            mapArea.getChildren().add(welcome());
        }
        if (ws.layers().isEmpty()) {
            Label empty = new Label("This workspace has no layers yet.");
            empty.getStyleClass().add(Styles.MAP_CARD_TITLE);
            Label hint = new Label("Layers you add appear here. File ▸ Open demo shows an example city.");
            hint.getStyleClass().add(Styles.MAP_CARD_NOTE);
            VBox card = new VBox(4, empty, hint);
            card.getStyleClass().add(Styles.MAP_CARD);
            card.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
            card.setMouseTransparent(true);
            mapArea.getChildren().add(card);
        }
    }

    /** The first-run welcome: what PSC Desk is for, and the three ways to begin. */
    private Node welcome() {
        Label title = new Label("Welcome to PSC Desk");
        title.getStyleClass().add(Styles.MAP_CARD_TITLE);
        title.setStyle("-fx-font-size: 18px;");
        Label text = new Label("PSC Desk helps a Public Safety Collaborative decide which places need attention and"
                + " which programs go there. It finds the features of places that go with crime (Risk Terrain"
                + " Modeling), shows maps a room can read without ever showing an incident, and keeps the"
                + " meeting's record. It works offline.\n\n" + (model.showingDemo()
                ? "This is the demo city, Riverbend, with a planted risk model. Try Analysis ▸ Risk model… to run"
                + " it."
                : "Try Analysis ▸ Risk model… to find the places at risk here, or Open demo to see an example"
                + " city first."));
        text.setWrapText(true);
        text.setMaxWidth(480);
        VBox card = new VBox(10);
        card.setId("welcome");
        Runnable close = () -> {
            mapArea.getChildren().remove(card);
            model.welcomeDone();
        };
        Button demo = new Button("Open demo");
        demo.setOnAction(e -> {
            close.run();
            model.openDemo();
        });
        Button create = new Button("New workspace");
        create.setOnAction(e -> {
            close.run();
            model.newWorkspace();
        });
        Button importData = new Button("Import data");
        importData.setOnAction(e -> {
            close.run();
            imports.openWizard(List.of());
        });
        Button dismiss = new Button("Close");
        dismiss.setId("welcome-close");
        dismiss.setOnAction(e -> close.run());
        javafx.scene.layout.HBox actions = new javafx.scene.layout.HBox(8, demo, create, importData, dismiss);
        card.getChildren().addAll(title, text, actions);
        card.getStyleClass().add(Styles.MAP_CARD);
        card.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        StackPane.setAlignment(card, Pos.CENTER);
        return card;
    }

    private static Button mapButton(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.getStyleClass().add(Styles.MAP_BUTTON);
        b.setTooltip(new Tooltip(tip));
        b.setAccessibleText(tip);
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }
}
