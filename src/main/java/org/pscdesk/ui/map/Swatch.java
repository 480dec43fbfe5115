package org.pscdesk.ui.map;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.shape.StrokeLineCap;

import org.pscdesk.store.GeometryType;
import org.pscdesk.store.LayerInfo;

import org.pscdesk.ui.fx.Styles;

/** A small sample of a layer's symbol for the layer list, painted with the same style as the map. */
public final class Swatch extends Canvas {

    public static final double WIDTH = 22;
    public static final double HEIGHT = 16;

    public Swatch(LayerInfo info, LayerStyle style) {
        super(WIDTH, HEIGHT);
        getStyleClass().add(Styles.LAYER_SWATCH);
        paint(info.geometryType(), style);
    }

    private void paint(GeometryType type, LayerStyle s) {
        GraphicsContext gc = getGraphicsContext2D();
        gc.setLineCap(StrokeLineCap.ROUND);
        if (s.isCountGrid()) {
            // three squares light to dark: "counted per square"
            double side = 6.5;
            for (int i = 0; i < 3; i++) {
                gc.setGlobalAlpha(s.fillOpacity());
                gc.setFill(s.ramp().get(i * 2));
                gc.fillRect(0.5 + i * (side + 0.5), HEIGHT - side - 0.5 - i * 3.5, side, side + i * 3.5);
            }
            gc.setGlobalAlpha(1);
            return;
        }
        switch (type) {
            case POINT, MULTIPOINT -> {
                double r = Math.min(s.pointRadius(), 5);
                gc.setFill(s.fill());
                gc.fillOval(WIDTH / 2 - r, HEIGHT / 2 - r, 2 * r, 2 * r);
                if (s.pointOutline() != null) {
                    gc.setStroke(s.pointOutline());
                    gc.setLineWidth(0.9);
                    gc.strokeOval(WIDTH / 2 - r, HEIGHT / 2 - r, 2 * r, 2 * r);
                }
            }
            case LINESTRING, MULTILINESTRING -> {
                gc.setStroke(s.stroke());
                gc.setLineWidth(Math.max(1.5, s.lineWidth() * 1.5));
                gc.strokeLine(2, HEIGHT - 4, WIDTH - 2, 4);
            }
            default -> {
                if (s.fill() != null && s.fillOpacity() > 0) {
                    gc.setGlobalAlpha(s.fillOpacity());
                    gc.setFill(s.fill());
                    gc.fillRect(2, 2, WIDTH - 4, HEIGHT - 4);
                    gc.setGlobalAlpha(1);
                }
                if (s.stroke() != null) {
                    gc.setStroke(s.stroke());
                    gc.setLineWidth(Math.min(2.5, Math.max(1, s.lineWidth())));
                    gc.strokeRect(2, 2, WIDTH - 4, HEIGHT - 4);
                }
            }
        }
    }
}
