package org.pscdesk.ui.importer;

import java.util.List;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

import org.pscdesk.importer.Problem;

/**
 * An import report in plain words: the counts, skipped rows by reason, personal columns left out, where a
 * stored layer came from, and every problem as file, row, field and message. Shown after an import and for
 * "Layer details…".
 */
final class ReportView extends VBox {

    private final ReportContent content;
    private final TableView<Problem> problems = new TableView<>();

    ReportView(ReportContent content) {
        super(14);
        this.content = content;
        setId("import-report");
        getStyleClass().add(ImportStyles.REPORT);
        setPadding(new Insets(18, 20, 14, 20));

        Label title = new Label(content.headline());
        title.setId("report-headline");
        title.getStyleClass().add(ImportStyles.REPORT_TITLE);
        if (content.warning()) {
            title.getStyleClass().add(ImportStyles.FIGURE_WARN);
        }
        title.setWrapText(true);
        Label lead = new Label(content.lead());
        lead.setId("report-lead");
        lead.getStyleClass().add(ImportStyles.REPORT_LEAD);
        lead.setWrapText(true);
        lead.setMinHeight(Region.USE_PREF_SIZE);
        Button copy = new Button("Copy report");
        copy.setId("report-copy");
        copy.setOnAction(e -> {
            ClipboardContent text = new ClipboardContent();
            text.putString(content.asText());
            Clipboard.getSystemClipboard().setContent(text);
            copy.setText("Copied");
        });
        copy.setMinWidth(Region.USE_PREF_SIZE);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        VBox heading = new VBox(4, title, lead);
        HBox.setHgrow(heading, Priority.ALWAYS);
        HBox top = new HBox(12, heading, grow, copy);
        top.setAlignment(Pos.TOP_LEFT);
        getChildren().add(top);

        if (!content.figures().isEmpty()) {
            getChildren().add(figures());
        }
        HBox middle = new HBox(28);
        if (!content.skipped().isEmpty() || !content.dropped().isEmpty()) {
            middle.getChildren().add(skippedPart());
        }
        if (!content.facts().isEmpty()) {
            Node facts = factsPart();
            HBox.setHgrow(facts, Priority.ALWAYS);
            middle.getChildren().add(facts);
        }
        if (!middle.getChildren().isEmpty()) {
            getChildren().add(middle);
        }
        if (!content.figures().isEmpty()) {
            Label heading2 = new Label(content.problems().isEmpty() ? "No problems were found."
                    : "Problems and notes (" + ImportWizardViewModel.count(content.problems().size()) + ")");
            heading2.getStyleClass().add(ImportStyles.SECTION_TITLE);
            buildProblems();
            VBox.setVgrow(problems, Priority.ALWAYS);
            getChildren().add(heading2);
            if (!content.problems().isEmpty()) {
                getChildren().add(problems);
            }
        }
    }

    private Node figures() {
        FlowPane pane = new FlowPane(10, 10);
        pane.setId("report-figures");
        for (ReportContent.Figure f : content.figures()) {
            Label value = new Label(f.value());
            value.getStyleClass().add(ImportStyles.FIGURE_VALUE);
            Label label = new Label(f.label());
            label.getStyleClass().add(ImportStyles.FIGURE_LABEL);
            VBox box = new VBox(0, value, label);
            box.getStyleClass().add(ImportStyles.FIGURE);
            if (f.attention()) {
                box.getStyleClass().add(ImportStyles.FIGURE_WARN);
            }
            box.setUserData(f.label());
            pane.getChildren().add(box);
        }
        return pane;
    }

    private Node skippedPart() {
        VBox box = new VBox(6);
        box.setMinWidth(320);
        box.setPrefWidth(470);
        if (!content.skipped().isEmpty()) {
            Label title = new Label("Skipped, by reason");
            title.getStyleClass().add(ImportStyles.SECTION_TITLE);
            TableView<ReportContent.Reason> table = new TableView<>();
            table.setId("report-skipped");
            table.getStyleClass().add(ImportStyles.REPORT_TABLE);
            TableColumn<ReportContent.Reason, String> why = new TableColumn<>("Reason");
            why.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().words()));
            why.setSortable(false);
            TableColumn<ReportContent.Reason, String> rows = new TableColumn<>("Rows");
            rows.setCellValueFactory(c -> new ReadOnlyStringWrapper(ImportWizardViewModel.count(c.getValue().rows())));
            rows.getStyleClass().add(ImportStyles.NUMBER_COLUMN);
            rows.setSortable(false);
            rows.setPrefWidth(80);
            rows.setMaxWidth(100);
            table.getColumns().add(rows);
            table.getColumns().add(why);
            table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
            table.getItems().setAll(content.skipped());
            table.setFixedCellSize(26);
            table.setPrefHeight(30 + 26 * Math.min(6, content.skipped().size()) + 4);
            table.setMinHeight(Region.USE_PREF_SIZE);
            box.getChildren().addAll(title, table);
        }
        if (!content.dropped().isEmpty()) {
            Label dropped = new Label("Personal data not imported: " + String.join(", ", content.dropped())
                    + ". These columns look like names, e-mail addresses or phone numbers of people.");
            dropped.setId("report-dropped");
            dropped.getStyleClass().add(ImportStyles.HINT);
            dropped.setWrapText(true);
            dropped.setMinHeight(Region.USE_PREF_SIZE);
            box.getChildren().add(dropped);
        }
        return box;
    }

    private Node factsPart() {
        GridPane grid = new GridPane();
        grid.setId("report-facts");
        grid.setHgap(12);
        grid.setVgap(3);
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        grid.getColumnConstraints().addAll(keys, values);
        int row = 0;
        for (ReportContent.Fact f : content.facts()) {
            Label key = new Label(f.label());
            key.getStyleClass().add(ImportStyles.FACT_KEY);
            boolean hash = f.label().equals("SHA-256");
            // A checksum in groups of eight reads (and wraps) better; "Copy report" gives it whole.
            Label value = new Label(hash ? grouped(f.value()) : f.value());
            value.getStyleClass().add(ImportStyles.FACT_VALUE);
            if (hash) {
                value.getStyleClass().add(ImportStyles.FACT_HASH);
            }
            value.setWrapText(true);
            value.setMinHeight(Region.USE_PREF_SIZE);
            grid.addRow(row++, key, value);
        }
        Label title = new Label("Where the layer came from");
        title.getStyleClass().add(ImportStyles.SECTION_TITLE);
        return new VBox(6, title, grid);
    }

    static String grouped(String hex) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 8) {
            sb.append(i == 0 ? "" : " ").append(hex, i, Math.min(hex.length(), i + 8));
        }
        return sb.toString();
    }

    private void buildProblems() {
        problems.setId("report-problems");
        problems.getStyleClass().add(ImportStyles.REPORT_TABLE);
        TableColumn<Problem, String> file = new TableColumn<>("File");
        file.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().file()));
        file.setPrefWidth(170);
        TableColumn<Problem, String> row = new TableColumn<>("Row");
        row.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().row() > 0
                ? ImportWizardViewModel.count(c.getValue().row()) : "whole file"));
        row.getStyleClass().add(ImportStyles.NUMBER_COLUMN);
        row.setPrefWidth(84);
        TableColumn<Problem, String> field = new TableColumn<>("Field");
        field.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().field() == null ? ""
                : c.getValue().field()));
        field.setPrefWidth(120);
        TableColumn<Problem, String> message = new TableColumn<>("What is wrong, and what to do");
        message.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().message()));
        message.setCellFactory(c -> new WrappingCell());
        message.setPrefWidth(560);
        for (TableColumn<Problem, String> c : List.of(file, row, field, message)) {
            c.setSortable(c != message);
            problems.getColumns().add(c);
        }
        problems.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        problems.getItems().setAll(content.problems());
        problems.setMinHeight(140);
    }

    /** A message cell that wraps long text instead of cutting it. */
    private static final class WrappingCell extends TableCell<Problem, String> {
        private final Text text = new Text();

        WrappingCell() {
            text.getStyleClass().add("wrapping-text");
            text.wrappingWidthProperty().bind(widthProperty().subtract(14));
            setPrefHeight(Region.USE_COMPUTED_SIZE);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
            } else {
                text.setText(item);
                setGraphic(text);
            }
        }
    }

    TableView<Problem> problemsTable() {
        return problems;
    }
}
