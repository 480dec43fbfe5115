package org.pscdesk.ui.map;

import java.util.Locale;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.pscdesk.ui.fx.Styles;

/** A two-line scale bar (metres and feet) with round lengths, for reading distances off the map. */
public final class ScaleBar extends VBox {

    /** Longest bar in pixels. */
    private static final double MAX_PX = 120;
    private static final double FEET_PER_METRE = 3.280839895;

    private final Region metricBar = new Region();
    private final Label metricLabel = new Label();
    private final Region imperialBar = new Region();
    private final Label imperialLabel = new Label();

    public ScaleBar() {
        getStyleClass().add(Styles.SCALE_BAR);
        setFillWidth(false);
        setAlignment(Pos.BOTTOM_LEFT);
        setMouseTransparent(true);
        // In a StackPane a VBox would otherwise stretch over the whole map.
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        metricBar.getStyleClass().addAll(Styles.SCALE_LINE, Styles.SCALE_LINE_TOP);
        imperialBar.getStyleClass().addAll(Styles.SCALE_LINE, Styles.SCALE_LINE_BOTTOM);
        metricLabel.getStyleClass().add(Styles.SCALE_TEXT);
        imperialLabel.getStyleClass().add(Styles.SCALE_TEXT);
        getChildren().addAll(metricLabel, metricBar, imperialBar, imperialLabel);
    }

    /** Updates the bar for the ground distance one pixel covers. */
    public void update(double metresPerPixel) {
        if (!(metresPerPixel > 0) || Double.isInfinite(metresPerPixel)) {
            setVisible(false);
            return;
        }
        setVisible(true);
        double metres = niceBelow(MAX_PX * metresPerPixel);
        set(metricBar, metricLabel, metres / metresPerPixel,
                metres >= 1000 ? format(metres / 1000) + " km" : format(metres) + " m");
        double feetPerPixel = metresPerPixel * FEET_PER_METRE;
        double feet = MAX_PX * feetPerPixel;
        String text;
        double px;
        if (feet >= 5280) {
            double miles = niceBelow(feet / 5280);
            px = miles * 5280 / feetPerPixel;
            text = format(miles) + (miles == 1 ? " mile" : " miles");
        } else {
            double f = niceBelow(feet);
            px = f / feetPerPixel;
            text = format(f) + " ft";
        }
        set(imperialBar, imperialLabel, px, text);
    }

    private static void set(Region bar, Label label, double px, String text) {
        bar.setMinWidth(px);
        bar.setPrefWidth(px);
        bar.setMaxWidth(px);
        label.setText(text);
    }

    /** The largest 1, 2 or 5 × 10^k not above {@code value}. */
    static double niceBelow(double value) {
        double p = Math.pow(10, Math.floor(Math.log10(value)));
        for (double m : new double[] {5, 2, 1}) {
            if (m * p <= value) {
                return m * p;
            }
        }
        return p;
    }

    private static String format(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
