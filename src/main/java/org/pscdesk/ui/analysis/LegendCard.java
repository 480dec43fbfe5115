package org.pscdesk.ui.analysis;

import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** A legend card: a title and one line per entry, a swatch, its name and what it means in plain words. */
public final class LegendCard extends VBox {

    public LegendCard(String title, List<RunStyles.Entry> entries) {
        getStyleClass().add("run-legend");
        setFillWidth(true);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        Label heading = new Label(title);
        heading.getStyleClass().add("run-legend-title");
        getChildren().add(heading);
        for (RunStyles.Entry e : entries) {
            Region swatch = new Region();
            swatch.getStyleClass().add("run-legend-swatch");
            swatch.setStyle("-fx-background-color: " + web(e.colour()) + "; -fx-min-width: 1.4em;"
                    + " -fx-min-height: 1em; -fx-max-width: 1.4em; -fx-max-height: 1em;");
            Label name = new Label(e.label());
            name.getStyleClass().add("run-legend-label");
            Label meaning = new Label(e.meaning());
            meaning.getStyleClass().add("run-legend-meaning");
            meaning.setWrapText(true);
            VBox text = new VBox(name, meaning);
            HBox line = new HBox(10, swatch, text);
            line.setAlignment(Pos.TOP_LEFT);
            getChildren().add(line);
        }
    }

    private static String web(javafx.scene.paint.Color c) {
        return String.format(java.util.Locale.ROOT, "rgba(%d,%d,%d,%.3f)", Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255), c.getOpacity());
    }
}
