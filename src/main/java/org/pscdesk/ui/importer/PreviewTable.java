package org.pscdesk.ui.importer;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.SetChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import org.pscdesk.importer.ImportPreview;
import org.pscdesk.store.FieldDef;
import org.pscdesk.store.FieldType;

/**
 * The first rows of the source as a table. Columns that look like personal data are greyed, say why in
 * their tooltip, and carry a "keep anyway" box bound to the wizard's kept columns.
 */
final class PreviewTable extends TableView<PreviewTable.Row> {

    /** One previewed record: its number in the file and its values as read. */
    record Row(int number, Object[] values) {
    }

    /** Widest a column starts; the user can widen it. */
    private static final double MAX_COLUMN_WIDTH = 260;

    private final ImportWizardViewModel model;

    PreviewTable(ImportWizardViewModel model) {
        this.model = model;
        setId("preview-table");
        setPlaceholder(new Label("Choose a file to see its first rows."));
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        model.keepColumns().addListener((SetChangeListener<String>) c -> {
            restyleHeaders();
            refresh();
        });
    }

    /** Shows a preview, or empties the table for null. */
    void show(ImportPreview preview) {
        getColumns().clear();
        getItems().clear();
        if (preview == null) {
            return;
        }
        TableColumn<Row, String> number = new TableColumn<>("#");
        number.setId("preview-row-number");
        number.setSortable(false);
        number.setCellValueFactory(c -> new ReadOnlyStringWrapper(Integer.toString(c.getValue().number())));
        number.setPrefWidth(44);
        number.getStyleClass().add(ImportStyles.NUMBER_COLUMN);
        getColumns().add(number);
        List<FieldDef> fields = preview.fields();
        for (int i = 0; i < fields.size(); i++) {
            getColumns().add(column(fields.get(i), i, preview.personal().get(i), preview.rows()));
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < preview.rows().size(); r++) {
            rows.add(new Row(r + 1, preview.rows().get(r)));
        }
        getItems().setAll(rows);
        restyleHeaders();
    }

    private TableColumn<Row, String> column(FieldDef field, int index, boolean personal, List<Object[]> rows) {
        TableColumn<Row, String> col = new TableColumn<>();
        col.setUserData(field.name());
        col.setSortable(false);
        col.setCellValueFactory(c -> {
            Object[] v = c.getValue().values();
            return new ReadOnlyStringWrapper(index < v.length ? ImportWizardViewModel.text(v[index]) : null);
        });
        Label title = new Label(field.name());
        title.setMinWidth(0);
        Tooltip tip = new Tooltip();
        tip.setShowDelay(Duration.millis(300));
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        if (personal) {
            col.getStyleClass().add(ImportStyles.PERSONAL_HEADER);
            CheckBox keep = new CheckBox("keep anyway");
            keep.setId("keep-" + field.name());
            keep.setSelected(model.keepColumns().contains(field.name()));
            keep.selectedProperty().addListener((o, was, now) -> {
                if (now) {
                    model.keepColumns().add(field.name());
                } else {
                    model.keepColumns().remove(field.name());
                }
            });
            tip.setText(field.name() + " looks like personal data (a person's name, e-mail address or phone number)."
                    + " It will not be imported, because RTM is about places, not people. Tick “keep anyway” only"
                    + " if you are sure it holds no personal data.");
            VBox header = new VBox(2, title, keep);
            header.setAlignment(Pos.CENTER_LEFT);
            Tooltip.install(header, tip);
            col.setGraphic(header);
            col.setCellFactory(c -> new PersonalCell(field.name()));
        } else {
            tip.setText(field.name() + ": " + typeWords(field.type()));
            title.setTooltip(tip);
            col.setGraphic(title);
        }
        col.setPrefWidth(width(field.name(), index, rows, personal));
        return col;
    }

    /** Personal columns are grey until kept; the marker class moves to "kept" so the column reads normally. */
    private void restyleHeaders() {
        for (TableColumn<Row, ?> c : getColumns()) {
            if (!c.getStyleClass().contains(ImportStyles.PERSONAL_HEADER)
                    && !c.getStyleClass().contains(ImportStyles.KEPT_HEADER)) {
                continue;
            }
            boolean kept = model.keepColumns().contains(String.valueOf(c.getUserData()));
            c.getStyleClass().removeAll(ImportStyles.PERSONAL_HEADER, ImportStyles.KEPT_HEADER);
            c.getStyleClass().add(kept ? ImportStyles.KEPT_HEADER : ImportStyles.PERSONAL_HEADER);
        }
    }

    /** A cell of a personal column: grey unless the user keeps the column. */
    private final class PersonalCell extends TableCell<Row, String> {
        private final String column;

        PersonalCell(String column) {
            this.column = column;
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            getStyleClass().remove(ImportStyles.PERSONAL_CELL);
            if (!empty && !model.keepColumns().contains(column)) {
                getStyleClass().add(ImportStyles.PERSONAL_CELL);
            }
        }
    }

    private static double width(String name, int index, List<Object[]> rows, boolean personal) {
        int chars = Math.max(name.length(), personal ? 12 : 0);
        for (int r = 0; r < Math.min(rows.size(), 30); r++) {
            Object[] v = rows.get(r);
            String s = index < v.length ? ImportWizardViewModel.text(v[index]) : null;
            if (s != null) {
                chars = Math.max(chars, s.length());
            }
        }
        return Math.min(MAX_COLUMN_WIDTH, Math.max(64, chars * 7.4 + 22));
    }

    static String typeWords(FieldType type) {
        return switch (type) {
            case INTEGER -> "whole numbers";
            case REAL -> "numbers";
            case DATE -> "dates";
            case DATETIME -> "dates and times";
            case BOOLEAN -> "yes/no";
            case TEXT -> "text";
        };
    }

    /** The column shown for a field, for tests. */
    TableColumn<Row, ?> columnOf(String field) {
        for (TableColumn<Row, ?> c : getColumns()) {
            if (field.equals(c.getUserData())) {
                return c;
            }
        }
        return null;
    }
}
