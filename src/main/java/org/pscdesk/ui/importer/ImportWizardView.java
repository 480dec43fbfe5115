package org.pscdesk.ui.importer;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.controlsfx.control.CheckComboBox;

import org.pscdesk.importer.ImportPreview;
import org.pscdesk.store.LayerRole;
import org.pscdesk.ui.fx.Theme;

/**
 * The import wizard's window content, built in code (its table columns and filters depend on the file):
 * the form on the left in numbered steps, the preview map and table on the right, the buttons and progress
 * at the bottom; after the import, the report in place of form and preview. All state is in the
 * {@link ImportWizardViewModel}.
 */
public final class ImportWizardView {

    /** What the date and category lists show for "let the importer decide". */
    private static final String AUTOMATIC = "(automatic)";
    private static final String NONE = "(none)";

    private final ImportWizardViewModel model;
    private final Runnable onClose;
    private final BorderPane root = new BorderPane();
    private final StackPane center = new StackPane();
    private final Node editor;
    private final PreviewTable table;
    private final PreviewMap map;
    private final VBox filterBox = new VBox(8);

    public ImportWizardView(ImportWizardViewModel model, Theme theme, Runnable onClose) {
        this.model = model;
        this.onClose = onClose;
        this.table = new PreviewTable(model);
        this.map = new PreviewMap(theme);
        root.setId("import-wizard");
        root.getStyleClass().add(ImportStyles.WIZARD);
        root.setTop(header());
        editor = editor();
        center.getChildren().setAll(editor);
        root.setCenter(center);
        root.setBottom(buttonBar());

        model.previewProperty().addListener((o, was, now) -> showPreview(now));
        model.roleProperty().addListener((o, was, now) -> redrawMap());
        model.phaseProperty().addListener((o, was, now) -> showPhase(now));
        model.filters().addListener((ListChangeListener<FilterRow>) c -> rebuildFilters());
        root.setOnDragOver(this::dragOver);
        root.setOnDragDropped(this::dropped);
        showPreview(model.previewProperty().get());
    }

    public Parent root() {
        return root;
    }

    /** The preview table, for tests. */
    PreviewTable table() {
        return table;
    }

    /** The preview map, for tests. */
    PreviewMap map() {
        return map;
    }

    // ---- layout ------------------------------------------------------------------------------------------

    private Node header() {
        Label title = new Label("Import data into " + model.host().workspaceName());
        title.getStyleClass().add(ImportStyles.TITLE);
        Label subtitle = new Label("Choose a file, check the preview, then press Import. The workspace is changed"
                + " only when the import finishes; Cancel leaves it exactly as it was.");
        subtitle.getStyleClass().add(ImportStyles.SUBTITLE);
        subtitle.setWrapText(true);
        VBox box = new VBox(2, title, subtitle);
        box.getStyleClass().add(ImportStyles.HEADER);
        return box;
    }

    private Node editor() {
        ScrollPane form = new ScrollPane(form());
        form.setFitToWidth(true);
        form.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        form.getStyleClass().add(ImportStyles.FORM);
        form.setMinWidth(400);
        Node preview = previewPane();
        SplitPane split = new SplitPane(form, preview);
        split.setDividerPositions(0.36);
        SplitPane.setResizableWithParent(form, false);
        split.disableProperty().bind(model.phaseProperty().isEqualTo(ImportWizardViewModel.Phase.IMPORTING));

        Label error = banner(model.importErrorProperty(), "import-error", ImportStyles.ERROR_CARD);
        Label outcome = banner(model.outcomeProperty(), "import-outcome", ImportStyles.HINT_OK);
        VBox box = new VBox(error, outcome, split);
        VBox.setVgrow(split, Priority.ALWAYS);
        return box;
    }

    private static Label banner(ObservableStringValue text, String id, String style) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(style);
        l.textProperty().bind(text);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.visibleProperty().bind(Bindings.createBooleanBinding(() -> text.get() != null && !text.get().isBlank(),
                text));
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    private Node form() {
        VBox form = new VBox(18, sourceSection(), locationSection(), layerSection(), filterSection(), moreSection());
        form.setPadding(new Insets(16, 18, 18, 18));
        return form;
    }

    private Node sourceSection() {
        Label files = new Label();
        files.setId("import-files");
        files.getStyleClass().add(ImportStyles.FILE_LIST);
        files.setWrapText(true);
        files.setMinHeight(Region.USE_PREF_SIZE);
        files.textProperty().bind(Bindings.createStringBinding(this::filesText, model.files()));
        Label folder = new Label();
        folder.getStyleClass().add(ImportStyles.HINT);
        folder.setWrapText(true);
        folder.setMinHeight(Region.USE_PREF_SIZE);
        folder.textProperty().bind(Bindings.createStringBinding(() -> model.files().isEmpty()
                || model.files().get(0).getParent() == null ? "" : "in " + model.files().get(0).getParent(),
                model.files()));
        folder.visibleProperty().bind(Bindings.isNotEmpty(model.files()));
        folder.managedProperty().bind(folder.visibleProperty());
        Button chooseFiles = new Button("Choose files…");
        chooseFiles.setId("import-choose-files");
        chooseFiles.setOnAction(e -> model.chooseFiles());
        chooseFiles.setTooltip(new Tooltip("CSV or text, GeoJSON, Shapefile (.shp), KML/KMZ, GeoPackage or zip."
                + " Several files only for SLMPD monthly files."));
        Button chooseFolder = new Button("Choose a folder…");
        chooseFolder.setId("import-choose-folder");
        chooseFolder.setOnAction(e -> model.chooseFolder());
        chooseFolder.setTooltip(new Tooltip("A folder of SLMPD monthly files (a year, or all years)."));
        HBox buttons = new HBox(8, chooseFiles, chooseFolder);

        ComboBox<Preset> preset = new ComboBox<>();
        preset.setId("import-preset");
        preset.getItems().setAll(Preset.values());
        preset.valueProperty().bindBidirectional(model.presetProperty());
        preset.setMaxWidth(Double.MAX_VALUE);
        return section("1", "What to import", new VBox(1, files, folder), buttons, field("Kind of file", preset),
                hint(model.presetHintProperty(), null));
    }

    private String filesText() {
        List<Path> files = model.files();
        if (files.isEmpty()) {
            return "No file chosen yet. Choose one below, or drop it on this window.";
        }
        List<String> lines = new ArrayList<>();
        int shown = Math.min(files.size(), 4);
        for (int i = 0; i < shown; i++) {
            Path f = files.get(i);
            lines.add(f.getFileName() + (Files.isDirectory(f) ? "  (folder)" : ""));
        }
        if (files.size() > shown) {
            lines.add("… and " + (files.size() - shown) + " more");
        }
        return String.join("\n", lines);
    }

    private Node locationSection() {
        ComboBox<ImportWizardViewModel.CoordinateMode> mode = new ComboBox<>();
        mode.setId("import-coord-mode");
        mode.getItems().setAll(ImportWizardViewModel.CoordinateMode.values());
        mode.valueProperty().bindBidirectional(model.coordinateModeProperty());
        mode.setMaxWidth(Double.MAX_VALUE);
        ComboBox<String> x = columnBox("import-x", model.xColumnProperty());
        ComboBox<String> y = columnBox("import-y", model.yColumnProperty());
        Label xLabel = fieldLabel("");
        Label yLabel = fieldLabel("");
        xLabel.textProperty().bind(Bindings.when(model.coordinateModeProperty()
                .isEqualTo(ImportWizardViewModel.CoordinateMode.LON_LAT)).then("Longitude").otherwise("X (east)"));
        yLabel.textProperty().bind(Bindings.when(model.coordinateModeProperty()
                .isEqualTo(ImportWizardViewModel.CoordinateMode.LON_LAT)).then("Latitude").otherwise("Y (north)"));
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.addRow(0, fieldLabel("Columns hold"), mode);
        grid.addRow(1, xLabel, x);
        grid.addRow(2, yLabel, y);
        GridPane.setHgrow(mode, Priority.ALWAYS);
        GridPane.setHgrow(x, Priority.ALWAYS);
        GridPane.setHgrow(y, Priority.ALWAYS);
        VBox columns = new VBox(6, grid, hint(model.coordinateHintProperty(), null));
        columns.visibleProperty().bind(model.delimitedTextProperty());
        columns.managedProperty().bind(columns.visibleProperty());

        Label shapes = new Label();
        shapes.getStyleClass().add(ImportStyles.HINT);
        shapes.setWrapText(true);
        shapes.textProperty().bind(Bindings.createStringBinding(this::shapesText, model.previewProperty(),
                model.presetProperty()));
        shapes.visibleProperty().bind(model.delimitedTextProperty().not());
        shapes.managedProperty().bind(shapes.visibleProperty());

        CrsField crs = new CrsField(model.crsTextProperty());
        Button prj = new Button("From a .prj file…");
        prj.setId("import-prj");
        prj.setOnAction(e -> model.chooseCrsFromPrj());
        prj.setTooltip(new Tooltip("Shapefiles and some CSV exports come with a .prj file naming their"
                + " coordinate system."));
        Label crsHint = hint(model.crsHintProperty(), model.crsProblemProperty());
        crsHint.setId("import-crs-hint");
        prj.getStyleClass().add(ImportStyles.SMALL_BUTTON);
        return section("2", "Where the features are", columns, shapes, field("Coordinate system", crs), crsHint, prj);
    }

    private String shapesText() {
        ImportPreview p = model.previewProperty().get();
        if (p == null) {
            return "";
        }
        if (model.presetProperty().get() == Preset.SLMPD) {
            return "Locations come from XCoord and YCoord (Missouri East, US feet).";
        }
        return "The file holds its own shapes (" + p.geometryType().ogcName() + ").";
    }

    private ComboBox<String> columnBox(String id, StringProperty target) {
        ComboBox<String> box = new ComboBox<>(model.columns());
        box.setId(id);
        box.setPromptText("choose a column");
        box.valueProperty().bindBidirectional(target);
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private Node layerSection() {
        ComboBox<LayerRole> role = new ComboBox<>();
        role.setId("import-role");
        role.getItems().setAll(Roles.ORDER);
        role.setConverter(new StringConverter<>() {
            @Override
            public String toString(LayerRole r) {
                return Roles.label(r);
            }

            @Override
            public LayerRole fromString(String s) {
                return null;
            }
        });
        role.valueProperty().bindBidirectional(model.roleProperty());
        role.setMaxWidth(Double.MAX_VALUE);
        Label roleHint = hint(Bindings.createStringBinding(() -> Roles.explanation(model.roleProperty().get()),
                model.roleProperty()), null);

        TextField name = new TextField();
        name.setId("import-name");
        name.textProperty().bindBidirectional(model.nameProperty());
        Label nameHint = hint(model.nameHintProperty(), model.nameProblemProperty());
        nameHint.setId("import-name-hint");

        ComboBox<String> date = optionalColumn("import-date-column", model.dateColumnProperty(), AUTOMATIC);
        ComboBox<String> category = optionalColumn("import-category-column", model.categoryColumnProperty(), NONE);
        GridPane incidents = new GridPane();
        incidents.setHgap(10);
        incidents.setVgap(6);
        incidents.addRow(0, fieldLabel("Date column"), date);
        incidents.addRow(1, fieldLabel("Category column"), category);
        GridPane.setHgrow(date, Priority.ALWAYS);
        GridPane.setHgrow(category, Priority.ALWAYS);
        Label presetSets = new Label("The SLMPD preset sets them: the date the crime occurred, and its category.");
        presetSets.getStyleClass().add(ImportStyles.HINT);
        presetSets.setWrapText(true);
        VBox incidentBox = new VBox(6, incidents, presetSets);
        incidents.disableProperty().bind(model.presetProperty().isEqualTo(Preset.SLMPD));
        presetSets.visibleProperty().bind(model.presetProperty().isEqualTo(Preset.SLMPD));
        presetSets.managedProperty().bind(presetSets.visibleProperty());
        incidentBox.visibleProperty().bind(model.roleProperty().isEqualTo(LayerRole.OUTCOME));
        incidentBox.managedProperty().bind(incidentBox.visibleProperty());

        Label personal = new Label();
        personal.setId("import-personal");
        personal.getStyleClass().add(ImportStyles.HINT_NOTE);
        personal.setWrapText(true);
        personal.setMinHeight(Region.USE_PREF_SIZE);
        personal.textProperty().bind(Bindings.createStringBinding(this::personalText, model.previewProperty(),
                model.keepColumns()));
        personal.visibleProperty().bind(personal.textProperty().isNotEmpty());
        personal.managedProperty().bind(personal.visibleProperty());
        return section("3", "The layer", field("This layer is", role), roleHint, field("Name", name), nameHint,
                incidentBox, personal);
    }

    private String personalText() {
        ImportPreview p = model.previewProperty().get();
        if (p == null) {
            return "";
        }
        List<String> dropped = new ArrayList<>();
        for (int i = 0; i < p.fields().size(); i++) {
            String n = p.fields().get(i).name();
            if (p.personal().get(i) && !model.keepColumns().contains(n)) {
                dropped.add(n);
            }
        }
        if (dropped.isEmpty()) {
            return "";
        }
        return "Personal data left out: " + String.join(", ", dropped) + (dropped.size() == 1 ? " looks" : " look")
                + " like people's names, e-mails or phones and will not be imported (greyed in the preview;"
                + " tick “keep anyway” there to keep one).";
    }

    private ComboBox<String> optionalColumn(String id, StringProperty target, String noneLabel) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.setMaxWidth(Double.MAX_VALUE);
        Runnable fill = () -> {
            List<String> items = new ArrayList<>();
            items.add(noneLabel);
            items.addAll(model.columns());
            box.getItems().setAll(items);
            box.setValue(target.get() == null ? noneLabel : target.get());
        };
        fill.run();
        model.columns().addListener((ListChangeListener<String>) c -> fill.run());
        box.valueProperty().addListener((o, was, now) -> {
            String chosen = now == null || now.equals(noneLabel) ? null : now;
            if (!Objects.equals(chosen, target.get())) {
                target.set(chosen);
            }
        });
        target.addListener((o, was, now) -> {
            String shown = now == null ? noneLabel : now;
            if (!shown.equals(box.getValue())) {
                box.setValue(shown);
            }
        });
        return box;
    }

    private Node filterSection() {
        filterBox.setId("import-filters");
        Button add = new Button("Add a filter");
        add.setId("import-add-filter");
        add.setOnAction(e -> model.addFilter());
        add.disableProperty().bind(model.previewProperty().isNull());
        Label filterHint = new Label("Keep only rows whose column holds one of the values you pick (for business"
                + " licences, for example, the space-use codes of bars and liquor stores).");
        filterHint.getStyleClass().add(ImportStyles.HINT);
        filterHint.setWrapText(true);
        filterHint.setMinHeight(Region.USE_PREF_SIZE);

        DatePicker from = new DatePicker();
        from.setId("import-date-from");
        from.valueProperty().bindBidirectional(model.dateFromProperty());
        from.setPromptText("first day");
        DatePicker to = new DatePicker();
        to.setId("import-date-to");
        to.valueProperty().bindBidirectional(model.dateToProperty());
        to.setPromptText("last day");
        HBox dates = new HBox(8, fieldLabel("Dates from"), from, fieldLabel("to"), to);
        dates.setAlignment(Pos.CENTER_LEFT);
        dates.visibleProperty().bind(model.roleProperty().isEqualTo(LayerRole.OUTCOME));
        dates.managedProperty().bind(dates.visibleProperty());

        CheckBox inside = new CheckBox("Only features inside the study area");
        inside.setId("import-inside-area");
        inside.selectedProperty().bindBidirectional(model.insideAreaOnlyProperty());
        // Re-read with each new file: a boundary imported a moment ago counts.
        inside.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.hasStudyArea(), model.files()));
        Label insideHint = new Label();
        insideHint.textProperty().bind(Bindings.createStringBinding(() -> model.hasStudyArea()
                ? "Features outside are always counted in the report, whether or not they are kept."
                : "This workspace has no study area yet; import its boundary first to use this.", model.files()));
        insideHint.getStyleClass().add(ImportStyles.HINT);
        insideHint.setWrapText(true);
        insideHint.setMinHeight(Region.USE_PREF_SIZE);
        return section("4", "Keep only some rows (optional)", filterHint, filterBox, add, dates, inside, insideHint);
    }

    private void rebuildFilters() {
        filterBox.getChildren().clear();
        for (FilterRow row : model.filters()) {
            filterBox.getChildren().add(filterRow(row));
        }
    }

    private Node filterRow(FilterRow row) {
        ComboBox<String> field = new ComboBox<>(model.columns());
        field.setPromptText("column");
        field.setValue(row.fieldProperty().get());
        CheckComboBox<String> values = new CheckComboBox<>();
        values.setTitle("pick values");
        values.setShowCheckedCount(true);
        values.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(values, Priority.ALWAYS);
        boolean[] filling = {false};
        Runnable fillValues = () -> {
            filling[0] = true;
            try {
                values.getCheckModel().clearChecks();
                values.getItems().setAll(model.valuesOf(row.fieldProperty().get()));
                for (String v : List.copyOf(row.picked())) {
                    values.getCheckModel().check(v);
                }
            } finally {
                filling[0] = false;
            }
        };
        field.valueProperty().addListener((o, was, now) -> {
            row.fieldProperty().set(now);
            row.picked().clear();
            fillValues.run();
        });
        fillValues.run();
        values.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c -> {
            if (!filling[0]) {
                row.picked().setAll(values.getCheckModel().getCheckedItems());
            }
        });
        Button remove = new Button("✕");
        remove.setTooltip(new Tooltip("Remove this filter"));
        remove.setOnAction(e -> model.filters().remove(row));
        TextField typed = new TextField();
        typed.setPromptText("other values, separated by commas");
        typed.textProperty().bindBidirectional(row.typedProperty());
        Label seen = new Label("The list holds the values seen in the first rows; type others below.");
        seen.getStyleClass().add(ImportStyles.HINT);
        seen.setWrapText(true);
        field.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(field, Priority.ALWAYS);
        Label columnLabel = fieldLabel("Column");
        Label valuesLabel = fieldLabel("is one of");
        columnLabel.minWidthProperty().bind(valuesLabel.widthProperty());
        HBox top = new HBox(6, columnLabel, field, remove);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox middle = new HBox(6, valuesLabel, values);
        middle.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(5, top, middle, typed, seen);
        box.getStyleClass().add(ImportStyles.FILTER_ROW);
        return box;
    }

    private Node moreSection() {
        TextField member = new TextField();
        member.setId("import-member");
        member.textProperty().bindBidirectional(model.memberProperty());
        member.setPromptText("only when the file holds several");
        ComboBox<Charset> charset = new ComboBox<>();
        charset.setId("import-charset");
        charset.getItems().setAll(null, StandardCharsets.UTF_8, Charset.forName("windows-1252"),
                StandardCharsets.ISO_8859_1, StandardCharsets.UTF_16);
        charset.setConverter(new StringConverter<>() {
            @Override
            public String toString(Charset c) {
                return c == null ? "Recognise automatically" : c.displayName();
            }

            @Override
            public Charset fromString(String s) {
                return null;
            }
        });
        charset.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Charset item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? "Recognise automatically" : item.displayName());
            }
        });
        charset.valueProperty().bindBidirectional(model.charsetProperty());
        charset.setMaxWidth(Double.MAX_VALUE);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.addRow(0, fieldLabel("Part of the file"), member);
        grid.addRow(1, fieldLabel("Text encoding"), charset);
        GridPane.setHgrow(member, Priority.ALWAYS);
        GridPane.setHgrow(charset, Priority.ALWAYS);
        Label hint = new Label("“Part of the file” names the layer or file to read from a zip archive or a"
                + " GeoPackage that holds several.");
        hint.getStyleClass().add(ImportStyles.HINT);
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        TitledPane more = new TitledPane("More options", new VBox(6, grid, hint));
        more.setId("import-more");
        more.setExpanded(model.memberProperty().get() != null);
        more.setAnimated(false);
        // A zip or GeoPackage holding several layers is answered here: open the section the message points to.
        model.previewErrorProperty().addListener((o, was, now) -> {
            if (now != null && now.contains("Part of the file")) {
                more.setExpanded(true);
            }
        });
        return more;
    }

    private Node previewPane() {
        Label caption = new Label();
        caption.getStyleClass().add(ImportStyles.PREVIEW_CAPTION);
        caption.textProperty().bind(Bindings.createStringBinding(() -> {
            ImportPreview p = model.previewProperty().get();
            return p == null ? "Preview" : "Preview: the first " + ImportWizardViewModel.count(p.rows().size())
                    + (p.rows().size() == 1 ? " row" : " rows") + " of " + model.sourceName();
        }, model.previewProperty()));
        ProgressIndicator reading = new ProgressIndicator();
        reading.setMaxSize(16, 16);
        reading.visibleProperty().bind(model.previewingProperty());
        Label readingText = new Label("reading…");
        readingText.getStyleClass().add(ImportStyles.HINT);
        readingText.visibleProperty().bind(model.previewingProperty());
        HBox captionRow = new HBox(8, caption, reading, readingText);
        captionRow.setAlignment(Pos.CENTER_LEFT);

        Label errorTitle = new Label("This file cannot be imported as it is");
        errorTitle.getStyleClass().add(ImportStyles.ERROR_TITLE);
        Label errorText = new Label();
        errorText.setId("import-preview-error");
        errorText.getStyleClass().add(ImportStyles.ERROR_TEXT);
        errorText.setWrapText(true);
        errorText.setMinHeight(Region.USE_PREF_SIZE);
        errorText.textProperty().bind(model.previewErrorProperty());
        VBox errorCard = new VBox(4, errorTitle, errorText);
        errorCard.getStyleClass().add(ImportStyles.ERROR_CARD);
        errorCard.visibleProperty().bind(model.previewErrorProperty().isNotNull());
        errorCard.managedProperty().bind(errorCard.visibleProperty());

        Label mapCaption = new Label();
        mapCaption.getStyleClass().add(ImportStyles.HINT);
        mapCaption.setWrapText(true);
        mapCaption.textProperty().bind(Bindings.createStringBinding(() -> model.roleProperty().get()
                == LayerRole.OUTCOME ? "Incidents are previewed as the 1 km squares they fall in, never as points."
                : "The first rows on the map, over the workspace's area.", model.roleProperty()));
        Label place = hint(model.placeWarningProperty(), null);
        place.setId("import-place-warning");
        place.getStyleClass().setAll(ImportStyles.HINT_WARN);
        VBox mapBox = new VBox(4, map, mapCaption, place);
        VBox.setVgrow(map, Priority.ALWAYS);
        mapBox.setMinHeight(160);

        VBox messages = new VBox(3);
        messages.setId("import-messages");
        messages.getStyleClass().add(ImportStyles.MESSAGES);
        model.messages().addListener((ListChangeListener<ImportWizardViewModel.Message>) c -> {
            messages.getChildren().clear();
            for (ImportWizardViewModel.Message m : model.messages()) {
                Label l = new Label((m.problem() ? "⚠ " : "• ") + m.text());
                l.getStyleClass().add(m.problem() ? ImportStyles.MESSAGE_PROBLEM : ImportStyles.MESSAGE_NOTE);
                l.setWrapText(true);
                l.setMinHeight(Region.USE_PREF_SIZE);
                messages.getChildren().add(l);
            }
        });
        ScrollPane messageScroll = new ScrollPane(messages);
        messageScroll.setFitToWidth(true);
        messageScroll.setMaxHeight(110);
        messageScroll.setMinHeight(0);
        messageScroll.visibleProperty().bind(Bindings.isNotEmpty(model.messages()));
        messageScroll.managedProperty().bind(messageScroll.visibleProperty());

        VBox tableBox = new VBox(6, table, messageScroll);
        VBox.setVgrow(table, Priority.ALWAYS);
        SplitPane mapAndTable = new SplitPane(mapBox, tableBox);
        mapAndTable.setOrientation(Orientation.VERTICAL);
        mapAndTable.setDividerPositions(0.42);
        mapAndTable.visibleProperty().bind(model.previewErrorProperty().isNull());
        mapAndTable.managedProperty().bind(mapAndTable.visibleProperty());
        VBox.setVgrow(mapAndTable, Priority.ALWAYS);

        VBox pane = new VBox(8, captionRow, errorCard, mapAndTable);
        pane.getStyleClass().add(ImportStyles.PREVIEW);
        pane.setPadding(new Insets(12, 14, 12, 14));
        return pane;
    }

    private Node buttonBar() {
        ProgressBar bar = new ProgressBar();
        bar.setId("import-progress");
        bar.progressProperty().bind(model.progressProperty());
        bar.setPrefWidth(220);
        Label stage = new Label();
        stage.setId("import-stage");
        stage.getStyleClass().add(ImportStyles.STAGE_TEXT);
        stage.textProperty().bind(model.stageProperty());
        stage.setMinWidth(0);
        HBox progress = new HBox(10, bar, stage);
        progress.setAlignment(Pos.CENTER_LEFT);
        progress.visibleProperty().bind(model.phaseProperty().isEqualTo(ImportWizardViewModel.Phase.IMPORTING));
        progress.managedProperty().bind(progress.visibleProperty());
        HBox.setHgrow(progress, Priority.ALWAYS);

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        ObservableBooleanValue importing = model.phaseProperty().isEqualTo(ImportWizardViewModel.Phase.IMPORTING);
        ObservableBooleanValue finished = model.phaseProperty().isEqualTo(ImportWizardViewModel.Phase.FINISHED);

        Button cancel = button("Cancel import", "import-cancel", model::cancel);
        show(cancel, importing);
        Button another = button("Import another file…", "import-another", model::importAnother);
        show(another, finished);
        Button back = button("Back to the settings", "import-back", model::backToForm);
        show(back, Bindings.and(model.phaseProperty().isEqualTo(ImportWizardViewModel.Phase.FINISHED),
                model.nothingImportedProperty()));
        Button close = button("Close", "import-close", onClose);
        close.disableProperty().bind(model.phaseProperty().isEqualTo(ImportWizardViewModel.Phase.IMPORTING));
        close.setCancelButton(true);
        Button run = button("Import", "import-run", model::startImport);
        run.getStyleClass().add(ImportStyles.PRIMARY);
        run.setDefaultButton(true);
        run.disableProperty().bind(model.canImportProperty().not());
        show(run, model.phaseProperty().isEqualTo(ImportWizardViewModel.Phase.EDITING));

        HBox buttons = new HBox(10, progress, grow, cancel, another, back, close, run);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.getStyleClass().add(ImportStyles.BUTTON_BAR);
        return buttons;
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static void show(Node node, ObservableBooleanValue when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(node.visibleProperty());
    }

    // ---- small builders ----------------------------------------------------------------------------------

    private static Node section(String step, String title, Node... content) {
        Label number = new Label(step);
        number.getStyleClass().add(ImportStyles.STEP);
        number.setMinWidth(Region.USE_PREF_SIZE);
        Label heading = new Label(title);
        heading.getStyleClass().add(ImportStyles.SECTION_TITLE);
        HBox head = new HBox(8, number, heading);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8);
        box.getChildren().add(head);
        box.getChildren().addAll(content);
        box.getStyleClass().add(ImportStyles.SECTION);
        return box;
    }

    private static Node field(String label, Node control) {
        Label l = fieldLabel(label);
        l.setLabelFor(control);
        VBox box = new VBox(3, l, control);
        if (control instanceof Region r) {
            r.setMaxWidth(Double.MAX_VALUE);
        }
        return box;
    }

    private static Label fieldLabel(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(ImportStyles.FIELD_LABEL);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** A hint line bound to text; shown as a warning while {@code problem} is true; hidden when empty. */
    private static Label hint(ObservableStringValue text, ObservableBooleanValue problem) {
        Label l = new Label();
        l.getStyleClass().add(ImportStyles.HINT);
        l.textProperty().bind(text);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.visibleProperty().bind(Bindings.createBooleanBinding(() -> text.get() != null && !text.get().isBlank(),
                text));
        l.managedProperty().bind(l.visibleProperty());
        if (problem != null) {
            Runnable style = () -> {
                l.getStyleClass().remove(ImportStyles.HINT_WARN);
                if (problem.get()) {
                    l.getStyleClass().add(ImportStyles.HINT_WARN);
                }
            };
            problem.addListener((o, was, now) -> style.run());
            style.run();
        }
        return l;
    }

    // ---- reacting to the model ---------------------------------------------------------------------------

    private void showPreview(ImportPreview preview) {
        table.show(preview);
        redrawMap();
        rebuildFilters();
    }

    private void redrawMap() {
        map.show(model.host().map(), model.previewGeometries(), model.roleProperty().get() == LayerRole.OUTCOME);
    }

    private void showPhase(ImportWizardViewModel.Phase phase) {
        if (phase == ImportWizardViewModel.Phase.FINISHED && model.reportProperty().get() != null) {
            ReportContent content = ReportContent.ofImport(model.reportProperty().get(),
                    model.reportHeadlineProperty().get(), model.nothingImportedProperty().get(),
                    model.reportWhyProperty().get());
            center.getChildren().setAll(new ReportView(content));
        } else {
            center.getChildren().setAll(editor);
        }
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles() && model.phaseProperty().get() != ImportWizardViewModel.Phase.IMPORTING) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private void dropped(DragEvent e) {
        boolean ok = e.getDragboard().hasFiles() && model.phaseProperty().get() != ImportWizardViewModel.Phase.IMPORTING;
        if (ok) {
            model.setFiles(e.getDragboard().getFiles().stream().map(java.io.File::toPath).toList());
        }
        e.setDropCompleted(ok);
        e.consume();
    }
}
