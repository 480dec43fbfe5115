package org.pscdesk.ui.workspace;

import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import org.pscdesk.ui.fx.Styles;
import org.pscdesk.ui.map.Swatch;

/** A row of the layer list: visibility box, swatch, title and role, feature count. */
final class LayerCell extends ListCell<LayerRow> {

    private final CheckBox visible = new CheckBox();
    private final StackPane swatch = new StackPane();
    private final Label title = new Label();
    private final Label role = new Label();
    private final Label count = new Label();
    private final HBox box;
    private final Tooltip tooltip = new Tooltip();
    private LayerRow bound;

    LayerCell() {
        getStyleClass().add(Styles.LAYER_ROW);
        title.getStyleClass().add(Styles.LAYER_TITLE);
        role.getStyleClass().add(Styles.LAYER_ROLE);
        count.getStyleClass().add(Styles.LAYER_COUNT);
        count.setMinWidth(Region.USE_PREF_SIZE);
        swatch.setMinSize(Swatch.WIDTH, Swatch.HEIGHT);
        VBox text = new VBox(1, title, role);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        box = new HBox(8, visible, swatch, text, count);
        box.setAlignment(Pos.CENTER_LEFT);
        tooltip.setShowDelay(Duration.millis(400));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(360);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        // Follow the list's width instead of widening it (no horizontal scroll bar); long titles get "…".
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(LayerRow row, boolean empty) {
        super.updateItem(row, empty);
        if (bound != null) {
            visible.selectedProperty().unbindBidirectional(bound.visibleProperty());
            bound = null;
        }
        if (empty || row == null) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        bound = row;
        visible.selectedProperty().bindBidirectional(row.visibleProperty());
        visible.setAccessibleText("Show " + row.title());
        swatch.getChildren().setAll(new Swatch(row.info(), row.style()));
        title.setText(row.title());
        role.setText(row.roleText());
        count.setText(row.countText());
        tooltip.setText(row.tooltip());
        setTooltip(tooltip);
        setGraphic(box);
    }
}
