package org.pscdesk.ui.map;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.pscdesk.ui.fx.Styles;

/**
 * The legend of an incident count layer: its classes with their colours, what a square is, and what is
 * not shown (peers-and-practice 3.2: every map says what it leaves out).
 */
public final class CountLegend extends VBox {

    public CountLegend(String title, CountGrid grid) {
        getStyleClass().add(Styles.MAP_CARD);
        setMouseTransparent(true);
        setFillWidth(true);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.MAP_CARD_TITLE);
        Label unit = new Label(String.format(java.util.Locale.ROOT, "incidents, counted per %d m square",
                Math.round(CountGrid.CELL_METRES)));
        unit.getStyleClass().add(Styles.MAP_CARD_NOTE);
        getChildren().addAll(heading, unit);
        for (int cls = grid.classCount() - 1; cls >= 0; cls--) {
            Region swatch = new Region();
            swatch.getStyleClass().add(Styles.COUNT_SWATCH);
            // looked-up colour from theme/base.css; the map draws the same token at the same opacity
            swatch.setStyle("-fx-background-color: -psc-count-" + (grid.rampIndex(cls) + 1) + ";");
            swatch.setOpacity(LayerStyles.COUNT_OPACITY);
            Label range = new Label(grid.classLabel(cls));
            range.getStyleClass().add(Styles.COUNT_RANGE);
            HBox row = new HBox(8, swatch, range);
            row.setAlignment(Pos.CENTER_LEFT);
            getChildren().add(row);
        }
        if (grid.classCount() == 0) {
            Label none = new Label("No square holds " + CountGrid.MIN_SHOWN + " or more incidents.");
            none.getStyleClass().add(Styles.MAP_CARD_NOTE);
            getChildren().add(none);
        }
        Label hidden = new Label("Squares with fewer than " + CountGrid.MIN_SHOWN + " incidents are not shown;"
                + " single incidents never are.");
        hidden.getStyleClass().add(Styles.MAP_CARD_NOTE);
        hidden.setWrapText(true);
        hidden.setMaxWidth(210);
        getChildren().add(hidden);
    }
}
