package org.pscdesk.ui.export;

import static org.pscdesk.ui.export.ExportWindow.hint;
import static org.pscdesk.ui.export.ExportWindow.section;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.pscdesk.report.ExportFiles;
import org.pscdesk.report.Exports;
import org.pscdesk.store.LayerInfo;
import org.pscdesk.store.SavedRun;
import org.pscdesk.ui.fx.Shown;

/**
 * Export ▸ Data for GIS…: a run's cells, a layer, a ranked place, the action items or the place × program
 * matrix, as GeoPackage, GeoJSON or CSV, for partners or for the public. Formats a choice cannot take are
 * greyed; a refused public export (incident layers) is shown in the exporter's own words.
 */
final class DataDialog {

    private static final String HINT_KEY = "export-hint";

    private final ExportMenu.Context context;
    private final ExportWindow window;
    private final ToggleGroup what = new ToggleGroup();
    private final ToggleGroup format = new ToggleGroup();
    private final Map<ExportFiles.Kind, RadioButton> kinds = new EnumMap<>(ExportFiles.Kind.class);
    private final Map<Exports.Format, RadioButton> formats = new EnumMap<>(Exports.Format.class);
    private final ComboBox<String> run = new ComboBox<>();
    private final ComboBox<LayerInfo> layer = new ComboBox<>();
    private final ComboBox<Map.Entry<Long, String>> place = new ComboBox<>();
    private final CheckBox forPublic = new CheckBox("For the public");
    private final Button export = ExportWindow.primary("Export…", "export-data-go");

    DataDialog(ExportMenu.Context context, ExportMenu.DataChoices choices) {
        this.context = context;
        run.setId("export-run");
        run.getItems().setAll(choices.runs().stream().map(SavedRun::name).toList());
        layer.setId("export-layer");
        layer.getItems().setAll(choices.layers());
        layer.setConverter(Shown.as(l -> l.title() + " (" + l.name() + ")"));
        place.setId("export-place");
        place.getItems().setAll(new ArrayList<>(choices.places().entrySet()));
        place.setConverter(Shown.as(Map.Entry::getValue));
        for (ComboBox<?> box : List.of(run, layer, place)) {
            box.getSelectionModel().selectFirst();
            box.setMaxWidth(Double.MAX_VALUE);
            box.setOnAction(e -> window().clearOutcome());
        }
        forPublic.setId("export-data-public");

        window = new ExportWindow(context, "export-data", "Data for GIS", "Files for GIS staff, web maps and"
                + " spreadsheets. The workspace is not changed; the export is noted in its audit log.",
                content(), List.of(export), 760, 690);
        export.disableProperty().bind(window.working().or(what.selectedToggleProperty().isNull()));
        export.setOnAction(e -> export());
        what.selectedToggleProperty().addListener((o, was, now) -> kindChanged());
        format.selectedToggleProperty().addListener((o, was, now) -> window.clearOutcome());
        forPublic.selectedProperty().addListener((o, was, now) -> window.clearOutcome());
        RadioButton first = kinds.values().stream().filter(b -> !b.isDisable()).findFirst().orElse(null);
        if (first != null) {
            first.setSelected(true);
        }
    }

    /** For the lists' handlers, which are made before the window (a final field read later). */
    private ExportWindow window() {
        return window;
    }

    void show() {
        window.show();
    }

    private Node content() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        int row = 0;
        row = kind(grid, row, ExportFiles.Kind.RUN, "A risk model run", run, run.getItems().isEmpty()
                ? "No saved run yet: run one with Analysis ▸ Risk model…." : "Its cells: risk class, priority"
                + " and the incident count of each square.");
        row = kind(grid, row, ExportFiles.Kind.LAYER, "A layer", layer, "As it is stored: risk factors,"
                + " boundaries, incidents (never for the public).");
        row = kind(grid, row, ExportFiles.Kind.PLACE, "A place ranked at a meeting", place, place.getItems().isEmpty()
                ? "No meeting has ranked a place yet." : "Its rank, narrative and facts at each meeting.");
        row = kind(grid, row, ExportFiles.Kind.ACTIONS, "The action items", null, "A table of every action item:"
                + " who, what, where, by when.");
        kind(grid, row, ExportFiles.Kind.MATRIX, "The place × program matrix", null, "A table: which organization"
                + " runs which program at each place.");
        grid.getColumnConstraints().addAll(new javafx.scene.layout.ColumnConstraints(),
                new javafx.scene.layout.ColumnConstraints(200, 280, Double.MAX_VALUE, Priority.ALWAYS, null, true));

        Label formatHint = hint("");
        formatHint.setPadding(Insets.EMPTY);
        HBox formatRow = new HBox(18, format(Exports.Format.GPKG, "GeoPackage", "Opens in QGIS and ArcGIS, with its"
                + " coordinate system."), format(Exports.Format.GEOJSON, "GeoJSON", "For web maps: longitude and"
                + " latitude (WGS 84)."), format(Exports.Format.CSV, "CSV", "For spreadsheets: one row each, with"
                + " its centre point."));
        format.selectedToggleProperty().addListener((o, was, now) -> formatHint.setText(now == null ? ""
                : (String) ((RadioButton) now).getProperties().get(HINT_KEY)));
        VBox formatBox = section("Format", formatRow, formatHint);
        VBox publicBox = section("Who it is for", forPublic, hint("Runs pass the privacy filter: risk classes and"
                + " counts of 11 or more only. Incident layers are never exported for the public."));
        return ExportWindow.form(section("What to export", grid), formatBox, publicBox);
    }

    /** One row of "What to export": the choice, its list if it has one, and a hint under it. */
    private int kind(GridPane grid, int row, ExportFiles.Kind kind, String text, ComboBox<?> list, String hint) {
        RadioButton b = new RadioButton(text);
        b.setId("export-what-" + kind.name().toLowerCase(java.util.Locale.ROOT));
        b.setToggleGroup(what);
        b.setUserData(kind);
        b.setDisable(list != null && list.getItems().isEmpty());
        kinds.put(kind, b);
        grid.add(b, 0, row);
        if (list != null) {
            list.disableProperty().bind(b.selectedProperty().not());
            grid.add(list, 1, row);
        }
        Label h = hint(hint);
        GridPane.setMargin(h, new Insets(0, 0, 6, 0));
        grid.add(h, 0, row + 1, 2, 1);
        return row + 2;
    }

    private RadioButton format(Exports.Format f, String text, String hint) {
        RadioButton b = new RadioButton(text);
        b.setId("export-format-" + ExportFiles.extension(f));
        b.setToggleGroup(format);
        b.setUserData(f);
        b.getProperties().put(HINT_KEY, hint);
        formats.put(f, b);
        return b;
    }

    /** Greys the formats and the public version this choice cannot take; keeps a valid format selected. */
    private void kindChanged() {
        window.clearOutcome();
        ExportFiles.Data data = data();
        if (data == null) {
            return;
        }
        List<Exports.Format> allowed = ExportFiles.formatsFor(data);
        formats.forEach((f, b) -> b.setDisable(!allowed.contains(f)));
        if (format.getSelectedToggle() == null || ((RadioButton) format.getSelectedToggle()).isDisable()) {
            formats.get(allowed.get(0)).setSelected(true);
        }
        forPublic.setDisable(!data.hasPublicVersion());
        if (!data.hasPublicVersion()) {
            forPublic.setSelected(false);
        }
    }

    /** The current choice, or null when its list is empty. */
    private ExportFiles.Data data() {
        if (what.getSelectedToggle() == null) {
            return null;
        }
        ExportFiles.Kind kind = (ExportFiles.Kind) what.getSelectedToggle().getUserData();
        return switch (kind) {
            case RUN -> run.getValue() == null ? null : ExportFiles.Data.run(run.getValue());
            case LAYER -> layer.getValue() == null ? null : ExportFiles.Data.layer(layer.getValue().name());
            case PLACE -> place.getValue() == null ? null : ExportFiles.Data.place(place.getValue().getKey());
            case ACTIONS -> ExportFiles.Data.actions();
            case MATRIX -> ExportFiles.Data.matrix();
        };
    }

    private void export() {
        ExportFiles.Data data = data();
        if (data == null || format.getSelectedToggle() == null) {
            return;
        }
        Exports.Format f = (Exports.Format) format.getSelectedToggle().getUserData();
        boolean pub = forPublic.isSelected();
        // a refused export (incidents for the public) comes back in the exporter's words; nothing is written
        window.chooseTarget("Export " + data.describe(), ExportFiles.dataFileName(data, f, pub),
                ExportFiles.label(f) + " files", ExportFiles.extension(f)).ifPresent(target ->
                window.run("Exporting " + data.describe(), (progress, cancel) -> {
                    ExportFiles.data(context.workspace().workspace(), data, f, pub, target, true, progress, cancel);
                    return target;
                }, window::saved));
    }

}
