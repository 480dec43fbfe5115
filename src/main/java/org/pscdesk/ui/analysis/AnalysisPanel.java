package org.pscdesk.ui.analysis;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Slider;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.pscdesk.analysis.FactorSpec;
import org.pscdesk.analysis.LoadedRun;
import org.pscdesk.geo.CoordinateTransform;
import org.pscdesk.geo.Crs;
import org.pscdesk.geo.DistanceText;
import org.pscdesk.report.PublicRun;
import org.pscdesk.rtm.influence.Increment;
import org.pscdesk.rtm.influence.Operationalization;
import org.pscdesk.store.LayerInfo;
import org.pscdesk.store.LayerRole;
import org.pscdesk.store.SavedRun;
import org.pscdesk.ui.fx.DialogService;
import org.pscdesk.ui.fx.TaskRunner;
import org.pscdesk.ui.workspace.LoadedWorkspace;
import org.pscdesk.work.Cancellation;

/**
 * The analysis screen beside the map: choose the incidents, the risk factors and the cell size, run the model
 * (progress by stage, Cancel, the window stays responsive), read the model table, family BICs and validation
 * in plain sentences and the class chart, reopen or compare past runs, and send views to the projector.
 */
public final class AnalysisPanel extends VBox {

    /** What the panel needs from the main window. */
    public interface Host {
        LoadedWorkspace workspace();

        TaskRunner runner();

        DialogService dialogs();

        /** Shows a run's view on the console map (null clears it). */
        void showOnMap(PublicRun run, RunView view, double opacity);

        /** Changes the opacity of the cells on the console map. */
        void setSurfaceOpacity(double opacity);

        /** Opens (or brings up) the projector window. */
        ProjectorControl projector();

        /** Layers unticked on the console map. */
        java.util.Set<String> hiddenLayers();
    }

    /** The projector as the console drives it. */
    public interface ProjectorControl {
        /** Shows a view; {@code hiddenLayers} are the layers unticked on the console, left off the wall too. */
        void show(PublicRun run, RunView view, java.util.Set<String> hiddenLayers);

        void zoomTo(PublicRun.Place place);
    }

    private final Host host;
    private final ChoiceBox<String> outcome = new ChoiceBox<>();
    private final VBox factorRows = new VBox(4);
    private final List<FactorRow> factors = new ArrayList<>();
    private final TextField blockLength = new TextField();
    private final Label blockHint = new Label();
    private final TextField cellSize = new TextField();
    private final ChoiceBox<Integer> maxBlocks = new ChoiceBox<>(FXCollections.observableArrayList(1, 2, 3, 4, 5));
    private final ChoiceBox<String> increment = new ChoiceBox<>(FXCollections.observableArrayList("whole", "half"));
    private final DatePicker testFrom = new DatePicker();
    private final TextField runName = new TextField();
    private final Button run = new Button("Run model");
    private final Button cancel = new Button("Cancel");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label stage = new Label();
    private final VBox results = new VBox(8);
    private final ListView<SavedRun> past = new ListView<>();
    private final ToggleGroup views = new ToggleGroup();
    private final HBox viewToggles;
    private final Slider opacity = new Slider(0.2, 1, 0.85);
    private final Label cellInfo = new Label("Click a cell on the map to see its risk.");
    private final ObjectProperty<AnalysisService.OpenRun> shown = new SimpleObjectProperty<>(this, "shown");
    private Cancellation running;

    public AnalysisPanel(Host host) {
        this.host = host;
        setId("analysis-panel");
        getStyleClass().add("analysis-panel");
        setPadding(new Insets(10));
        setSpacing(10);
        setPrefWidth(460);
        setMinWidth(360);
        VBox content = new VBox(12, form(), results, pastRuns());
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().setAll(heading("Risk model"), scroll);
        results.setId("analysis-results");
        viewToggles = viewToggles();
        views.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null && was != null) {
                views.selectToggle(was);
            } else if (now != null && shown.get() != null) {
                host.showOnMap(shown.get().shown(), selectedView(), opacity.getValue());
            }
        });
        opacity.valueProperty().addListener((o, was, now) -> host.setSurfaceOpacity(now.doubleValue()));
        refresh();
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("analysis-heading");
        return l;
    }

    /** Re-reads the workspace's layers and runs (after opening or importing). */
    public void refresh() {
        LoadedWorkspace ws = host.workspace();
        outcome.getItems().clear();
        factors.clear();
        factorRows.getChildren().clear();
        if (ws == null) {
            return;
        }
        for (LayerInfo l : ws.layers()) {
            if (l.role() == LayerRole.OUTCOME) {
                outcome.getItems().add(l.name());
            } else if (l.role() == LayerRole.FACTOR) {
                FactorRow row = new FactorRow(l);
                factors.add(row);
                factorRows.getChildren().add(row.node);
            }
        }
        if (!outcome.getItems().isEmpty()) {
            outcome.getSelectionModel().selectFirst();
        }
        Optional<String> stored = meta(ws, "block_length").or(() -> meta(ws, "block_length_m").map(m -> m + "m"));
        blockLength.setText(stored.orElse("400ft"));
        blockHint.setText(stored.isPresent()
                ? "The workspace's block length. Cells are half a block unless you set a size."
                : "Suggested: 400 ft, a typical city block (RTMDx's default). Cells are half a block.");
        try {
            runName.setText(new AnalysisService(ws.workspace()).suggestName(LocalDateTime.now()));
            past.getItems().setAll(new AnalysisService(ws.workspace()).runs());
        } catch (Exception e) {
            past.getItems().clear();
        }
    }

    private static Optional<String> meta(LoadedWorkspace ws, String key) {
        try {
            return ws.workspace().meta(key);
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private Node form() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);
        int r = 0;
        outcome.setId("analysis-outcome");
        grid.addRow(r++, new Label("Incidents"), outcome);
        Label factorsLabel = new Label("Risk factors");
        GridPane.setValignment(factorsLabel, javafx.geometry.VPos.TOP);
        factorRows.setId("analysis-factors");
        grid.addRow(r++, factorsLabel, factorRows);
        blockLength.setId("analysis-block");
        blockLength.setPrefColumnCount(8);
        grid.addRow(r++, new Label("Block length"), blockLength);
        blockHint.setWrapText(true);
        blockHint.getStyleClass().add("analysis-hint");
        grid.add(blockHint, 1, r++);
        cellSize.setPromptText("half a block");
        cellSize.setPrefColumnCount(8);
        grid.addRow(r++, new Label("Cell size"), cellSize);
        maxBlocks.setValue(3);
        increment.setValue("whole");
        grid.addRow(r++, new Label("Bands"), new HBox(6, new Label("up to"), maxBlocks, new Label("blocks, step"), increment));
        testFrom.setPromptText("no test period");
        testFrom.setTooltip(new Tooltip("Incidents from this date on are kept aside to test the model (PAI, AUC...)."));
        grid.addRow(r++, new Label("Test from"), testFrom);
        runName.setId("analysis-name");
        grid.addRow(r++, new Label("Save as"), runName);
        run.setId("analysis-run");
        run.setDefaultButton(true);
        run.setOnAction(e -> runModel());
        cancel.setId("analysis-cancel");
        cancel.setDisable(true);
        cancel.setOnAction(e -> {
            if (running != null) {
                running.cancel();
                stage.setText("Cancelling…");
            }
        });
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setVisible(false);
        HBox.setHgrow(progress, Priority.ALWAYS);
        stage.setId("analysis-stage");
        stage.setWrapText(true);
        HBox buttons = new HBox(8, run, cancel, progress);
        buttons.setAlignment(Pos.CENTER_LEFT);
        return new VBox(8, grid, buttons, stage);
    }

    /** One factor: include it or not, and how its influence is measured. */
    private static final class FactorRow {
        final LayerInfo layer;
        final CheckBox use;
        final ChoiceBox<String> how = new ChoiceBox<>(FXCollections.observableArrayList("both", "proximity", "density"));
        final HBox node;

        FactorRow(LayerInfo layer) {
            this.layer = layer;
            use = new CheckBox(layer.title());
            use.setSelected(true);
            use.setId("factor-" + layer.name());
            how.setValue("both");
            how.disableProperty().bind(use.selectedProperty().not());
            node = new HBox(6, use, how);
            node.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(use, Priority.ALWAYS);
            use.setMaxWidth(Double.MAX_VALUE);
        }
    }

    /** Starts a run with the form's choices. */
    public void runModel() {
        LoadedWorkspace ws = host.workspace();
        if (ws == null || outcome.getValue() == null) {
            host.dialogs().showError("Run model", "Open a workspace with an incidents layer first.");
            return;
        }
        List<FactorSpec> chosen = new ArrayList<>();
        for (FactorRow f : factors) {
            if (f.use.isSelected()) {
                chosen.add(new FactorSpec(f.layer.name(), Operationalization.parse(f.how.getValue())));
            }
        }
        if (chosen.isEmpty()) {
            host.dialogs().showError("Run model", "Tick at least one risk factor.");
            return;
        }
        String name = runName.getText().trim();
        AnalysisService.Request request = new AnalysisService.Request(name, outcome.getValue(), chosen,
                blockLength.getText(), cellSize.getText(), maxBlocks.getValue(), Increment.parse(increment.getValue()),
                testFrom.getValue());
        Cancellation token = new Cancellation();
        running = token;
        setRunning(true);
        AnalysisService service = new AnalysisService(ws.workspace());
        host.runner().run("Running the risk model", p -> service.run(request,
                (s, f) -> {
                    p.update(s, f);
                    javafx.application.Platform.runLater(() -> {
                        stage.setText(s);
                        progress.setProgress(f < 0 ? -1 : f);
                    });
                }, token),
                open -> {
                    setRunning(false);
                    stage.setText("Saved as '" + name + "'.");
                    refresh();
                    show(open);
                },
                error -> {
                    setRunning(false);
                    boolean cancelled = error instanceof org.pscdesk.work.CancelledException;
                    stage.setText(cancelled ? "Cancelled; nothing was saved." : "");
                    if (!cancelled) {
                        host.dialogs().showError("Run model", error.getMessage());
                    }
                });
    }

    private void setRunning(boolean on) {
        run.setDisable(on);
        cancel.setDisable(!on);
        progress.setVisible(on);
        progress.setProgress(-1);
        if (!on) {
            running = null;
        }
    }

    private Node pastRuns() {
        past.setId("analysis-past");
        past.setPrefHeight(150);
        past.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        past.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(SavedRun item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name() + "  ·  " + item.createdAt().replace('T', ' ')
                        .replace("Z", " UTC"));
            }
        });
        past.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && past.getSelectionModel().getSelectedItem() != null) {
                reopen(past.getSelectionModel().getSelectedItem().name());
            }
        });
        Button open = new Button("Open");
        open.setId("analysis-open");
        open.setOnAction(e -> {
            SavedRun s = past.getSelectionModel().getSelectedItem();
            if (s != null) {
                reopen(s.name());
            }
        });
        Button compare = new Button("Compare two");
        compare.setId("analysis-compare");
        compare.disableProperty().bind(javafx.beans.binding.Bindings.size(past.getSelectionModel().getSelectedItems())
                .isNotEqualTo(2));
        compare.setOnAction(e -> compare());
        return new VBox(6, heading("Past runs"), past, new HBox(8, open, compare));
    }

    /** Opens a saved run: no fitting, just reading it back. */
    public void reopen(String name) {
        LoadedWorkspace ws = host.workspace();
        if (ws == null) {
            return;
        }
        AnalysisService service = new AnalysisService(ws.workspace());
        host.runner().run("Opening run " + name, p -> service.open(name), this::show,
                error -> host.dialogs().showError("Open run", error.getMessage()));
    }

    private void compare() {
        List<SavedRun> two = new ArrayList<>(past.getSelectionModel().getSelectedItems());
        LoadedWorkspace ws = host.workspace();
        if (two.size() != 2 || ws == null) {
            return;
        }
        AnalysisService service = new AnalysisService(ws.workspace());
        host.runner().run("Comparing runs", p -> List.of(service.open(two.get(0).name()), service.open(two.get(1).name())),
                pair -> {
                    HBox side = new HBox(12, summary(pair.get(0)), summary(pair.get(1)));
                    side.setId("analysis-comparison");
                    for (Node n : side.getChildren()) {
                        HBox.setHgrow(n, Priority.ALWAYS);
                    }
                    results.getChildren().setAll(heading("Comparison"), side);
                },
                error -> host.dialogs().showError("Compare runs", error.getMessage()));
    }

    /** The run shown, or null. */
    public AnalysisService.OpenRun shownRun() {
        return shown.get();
    }

    private void show(AnalysisService.OpenRun open) {
        shown.set(open);
        results.getChildren().setAll(heading("Result: " + open.run().saved().name()), summary(open), chart(open),
                viewControls(open), cellInfo);
        host.showOnMap(open.shown(), selectedView(), opacity.getValue());
    }

    private RunView selectedView() {
        return views.getSelectedToggle() == null ? RunView.RISK : (RunView) views.getSelectedToggle().getUserData();
    }

    private VBox summary(AnalysisService.OpenRun open) {
        LoadedRun.Summary s = open.run().summary();
        Crs crs = host.workspace().crs();
        Label title = new Label(open.run().saved().name() + ": " + s.family().toUpperCase(Locale.ROOT) + " model, "
                + String.format(Locale.ROOT, "%,d", open.run().cells().length) + " cells, "
                + String.format(Locale.ROOT, "%,d", s.events()) + " incidents");
        title.setWrapText(true);
        TableView<LoadedRun.Term> table = new TableView<>(FXCollections.observableArrayList(s.terms()));
        table.getStyleClass().add("analysis-terms");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(28 + 26 * Math.max(2, s.terms().size()));
        TableColumn<LoadedRun.Term, String> factor = column("Factor", t -> t.factor().replace('_', ' '));
        factor.setPrefWidth(120);
        table.getColumns().add(factor);
        table.getColumns().add(column("How", t -> t.operationalization()));
        table.getColumns().add(column("Distance", t -> DistanceText.format(t.distance()) + " " + crs.unitLabel()));
        table.getColumns().add(column("Coef.", t -> String.format(Locale.ROOT, "%.3f", t.coefficient())));
        table.getColumns().add(column("RRV", t -> String.format(Locale.ROOT, "%.2f", t.rrv())));
        table.getColumns().add(column("p", t -> t.pValue() < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", t.pValue())));
        StringBuilder families = new StringBuilder("Model family by BIC (lower is better): ");
        for (Map.Entry<String, Double> e : s.families().entrySet()) {
            families.append(e.getKey().toUpperCase(Locale.ROOT)).append(' ')
                    .append(String.format(Locale.ROOT, "%,.1f", e.getValue())).append(e.getKey().equals(s.family())
                            ? " (chosen)" : "").append("; ");
        }
        Label fam = new Label(families.substring(0, families.length() - 2) + ".");
        fam.setWrapText(true);
        VBox box = new VBox(6, title, table, fam);
        for (String sentence : validationSentences(s)) {
            Label l = new Label(sentence);
            l.setWrapText(true);
            box.getChildren().add(l);
        }
        return box;
    }

    private static TableColumn<LoadedRun.Term, String> column(String name,
                                                              java.util.function.Function<LoadedRun.Term, String> value) {
        TableColumn<LoadedRun.Term, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    /** One plain sentence per validation figure. */
    static List<String> validationSentences(LoadedRun.Summary s) {
        List<String> out = new ArrayList<>();
        Map<String, Double> v = s.validation();
        if (v.isEmpty()) {
            out.add("No test period: set 'Test from' to check the model on later incidents.");
            return out;
        }
        if (v.get("pai") != null) {
            out.add(String.format(Locale.ROOT, "PAI %.1f: the highest-risk places drew %.1f times their share of the"
                    + " area in later incidents.", v.get("pai"), v.get("pai")));
        }
        if (v.get("hit_rate") != null) {
            out.add(String.format(Locale.ROOT, "Hit rate %.0f%%: that share of later incidents happened in the"
                    + " highest-risk places.", v.get("hit_rate") * 100));
        }
        if (v.get("pei") != null) {
            out.add(String.format(Locale.ROOT, "PEI %.2f: how close the model came to the best possible choice of"
                    + " the same area (1 = as good as hindsight).", v.get("pei")));
        }
        if (v.get("auc") != null) {
            out.add(String.format(Locale.ROOT, "AUC %.2f: the chance that a place with a later incident scored higher"
                    + " than one without (0.5 = a coin toss).", v.get("auc")));
        }
        return out;
    }

    private Node chart(AnalysisService.OpenRun open) {
        LoadedRun run = open.run();
        String[] names = {"", "Low", "Above average", "Moderately high", "Highest"};
        double[] area = new double[5];
        double[] events = new double[5];
        long total = 0;
        for (int k = 0; k < run.cells().length; k++) {
            area[run.classes()[k]]++;
            events[run.classes()[k]] += run.counts()[k];
            total += run.counts()[k];
        }
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis(0, 100, 20);
        y.setLabel("% of");
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setId("analysis-chart");
        chart.setAnimated(false);
        chart.setTitle("Risk classes: share of area and of incidents");
        XYChart.Series<String, Number> a = new XYChart.Series<>();
        a.setName("area");
        XYChart.Series<String, Number> e = new XYChart.Series<>();
        e.setName("incidents");
        for (int c = 4; c >= 1; c--) {
            a.getData().add(new XYChart.Data<>(names[c], 100 * area[c] / run.cells().length));
            e.getData().add(new XYChart.Data<>(names[c], total == 0 ? 0 : 100 * events[c] / total));
        }
        chart.getData().add(a);
        chart.getData().add(e);
        chart.setPrefHeight(230);
        chart.setLegendVisible(true);
        return chart;
    }

    private HBox viewToggles() {
        HBox toggles = new HBox(4);
        for (RunView v : RunView.values()) {
            ToggleButton b = new ToggleButton(switch (v) {
                case RISK -> "Risk";
                case HOTSPOTS -> "Hot spots";
                case PRIORITY -> "Priority";
                case PLACES -> "Places";
            });
            b.setId("view-" + v.key());
            b.setUserData(v);
            b.setToggleGroup(views);
            toggles.getChildren().add(b);
        }
        views.selectToggle(views.getToggles().get(0));
        return toggles;
    }

    private Node viewControls(AnalysisService.OpenRun open) {
        opacity.setId("analysis-opacity");
        Button project = new Button("Show on projector");
        project.setId("analysis-project");
        project.setOnAction(e -> host.projector().show(open.shown(), selectedView(), host.hiddenLayers()));
        VBox places = new VBox(2);
        for (PublicRun.Place p : open.shown().places()) {
            Button b = new Button(p.rank() + ". " + p.label() + " (" + p.countText() + ")");
            b.getStyleClass().add("analysis-place");
            b.setOnAction(e -> host.projector().zoomTo(p));
            b.setTooltip(new Tooltip("Zoom the projector to this place"));
            places.getChildren().add(b);
        }
        return new VBox(6, viewToggles, new HBox(6, new Label("Opacity"), opacity), project,
                new Label("Priority places (click to zoom the projector):"), places);
    }

    /** Describes the cell under a map point: RRS, class, factors present, incidents in words, its area. */
    public void describe(Point2D lonLat) {
        AnalysisService.OpenRun open = shown.get();
        LoadedWorkspace ws = host.workspace();
        if (open == null || ws == null || lonLat == null) {
            return;
        }
        double[] xy = {lonLat.getX(), lonLat.getY()};
        new CoordinateTransform(Crs.WGS84, ws.crs()).apply(xy);
        int cell = open.run().grid().cellOf(xy[0], xy[1]);
        int k = -1;
        for (int i = 0; cell >= 0 && i < open.run().cells().length; i++) {
            if (open.run().cells()[i] == cell) {
                k = i;
                break;
            }
        }
        if (k < 0) {
            cellInfo.setText("Outside the study area.");
            return;
        }
        List<String> present = new ArrayList<>();
        for (Map.Entry<String, int[]> e : open.run().termValues().entrySet()) {
            if (e.getValue()[k] == 1) {
                present.add(e.getKey().replace('_', ' '));
            }
        }
        String[] classes = {"", "low", "above average", "moderately high", "highest"};
        String place = open.areas().at(xy[0], xy[1]).map(n -> " · in " + n).orElse("");
        for (PublicRun.Place p : open.shown().places()) {
            for (int c : p.cells()) {
                if (c == k) {
                    place = " · priority place " + p.rank() + ", " + p.label();
                }
            }
        }
        cellInfo.setText(String.format(Locale.ROOT, "RRS %.2f (%s risk) · incidents: %s%s%nFactors here: %s",
                open.run().rrs()[k], classes[open.run().classes()[k]], open.shown().countText(k), place,
                present.isEmpty() ? "none of the model's" : String.join(", ", present)));
    }

    public Label cellInfo() {
        return cellInfo;
    }
}
