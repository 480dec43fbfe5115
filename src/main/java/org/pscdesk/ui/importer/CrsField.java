package org.pscdesk.ui.importer;

import java.util.List;

import javafx.beans.property.StringProperty;
import javafx.geometry.Side;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * A searchable coordinate-system field: typing shows the listed systems whose line holds every word typed
 * ("utm 16", "missouri", "4326"), the ▾ button lists them all, and any other {@code EPSG:n} or
 * {@code ESRI:n} may be typed freely. The value is committed on Enter, on leaving the field, or when a
 * listed system is picked, so the preview is not re-read on every key.
 */
final class CrsField extends HBox {

    /** Most suggestions shown while typing. */
    private static final int MAX_SHOWN = 14;

    private final TextField field = new TextField();
    private final Button all = new Button("▾");
    private final ContextMenu menu = new ContextMenu();
    private final StringProperty value;
    private List<CrsChoices.Choice> shown = List.of();
    private int highlighted = -1;
    private boolean filling;

    CrsField(StringProperty value) {
        super(4);
        this.value = value;
        field.setId("import-crs");
        field.setPromptText("as the file says — type to search");
        field.setTooltip(new Tooltip("Type words or a code to search the list (UTM 15, Missouri, 4326), or any EPSG:n"
                + " or ESRI:n code. Leave empty to use what the file says."));
        field.setText(value.get());
        HBox.setHgrow(field, Priority.ALWAYS);
        field.setMaxWidth(Double.MAX_VALUE);
        all.setId("import-crs-list");
        all.setTooltip(new Tooltip("List the common coordinate systems"));
        all.setFocusTraversable(false);
        all.setOnAction(e -> show(CrsChoices.COMMON));
        menu.setId("import-crs-menu");
        getChildren().addAll(field, all);

        field.textProperty().addListener((o, was, now) -> {
            if (!filling && field.isFocused()) {
                List<CrsChoices.Choice> found = CrsChoices.search(now);
                if (now == null || now.isBlank() || found.isEmpty()) {
                    menu.hide();
                } else {
                    show(found.size() > MAX_SHOWN ? found.subList(0, MAX_SHOWN) : found);
                }
            }
        });
        field.setOnAction(e -> enter());
        // The list never takes the keyboard: Up and Down move its highlight while typing goes on in the field.
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                menu.hide();
            } else if (e.getCode() == KeyCode.DOWN) {
                if (!menu.isShowing()) {
                    show(CrsChoices.search(field.getText()));
                }
                highlight(Math.min(highlighted + 1, shown.size() - 1));
                e.consume();
            } else if (e.getCode() == KeyCode.UP && menu.isShowing()) {
                highlight(Math.max(highlighted - 1, 0));
                e.consume();
            }
        });
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now && !menu.isShowing()) {
                commit();
            }
        });
        value.addListener((o, was, now) -> {
            if (now == null ? !field.getText().isEmpty() : !now.equals(field.getText())) {
                filling = true;
                field.setText(now);
                filling = false;
            }
        });
    }

    /** Enter: the highlighted suggestion; else the text when it is a code; else the first suggestion. */
    private void enter() {
        boolean showing = menu.isShowing();
        menu.hide();
        if (showing && highlighted >= 0 && highlighted < shown.size()) {
            pick(shown.get(highlighted));
            return;
        }
        if (!isCode(field.getText())) {
            List<CrsChoices.Choice> found = CrsChoices.search(field.getText());
            if (!found.isEmpty() && field.getText() != null && !field.getText().isBlank()) {
                pick(found.get(0));
                return;
            }
        }
        commit();
    }

    private static boolean isCode(String text) {
        try {
            return CrsChoices.parse(text).isPresent();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void highlight(int index) {
        highlighted = index;
        for (int i = 0; i < menu.getItems().size(); i++) {
            if (menu.getItems().get(i) instanceof CustomMenuItem item) {
                item.getContent().getStyleClass().remove(ImportStyles.SUGGESTION_ACTIVE);
                if (i == index) {
                    item.getContent().getStyleClass().add(ImportStyles.SUGGESTION_ACTIVE);
                }
            }
        }
    }

    private void show(List<CrsChoices.Choice> choices) {
        shown = List.copyOf(choices);
        highlighted = -1;
        menu.getItems().clear();
        for (CrsChoices.Choice c : choices) {
            Label code = new Label(c.code());
            code.getStyleClass().add(ImportStyles.FIELD_LABEL);
            code.setMinWidth(92);
            Label text = new Label(c.description());
            HBox line = new HBox(8, code, text);
            line.getStyleClass().add(ImportStyles.SUGGESTION);
            CustomMenuItem item = new CustomMenuItem(line, true);
            item.setOnAction(e -> pick(c));
            menu.getItems().add(item);
        }
        if (!menu.getItems().isEmpty()) {
            menu.show(field, Side.BOTTOM, 0, 0);
        }
    }

    private void pick(CrsChoices.Choice c) {
        filling = true;
        field.setText(c.label());
        filling = false;
        field.positionCaret(field.getText().length());
        commit();
    }

    private void commit() {
        String text = field.getText() == null ? "" : field.getText().strip();
        if (!text.equals(value.get())) {
            value.set(text);
        }
    }

    TextField textField() {
        return field;
    }
}
