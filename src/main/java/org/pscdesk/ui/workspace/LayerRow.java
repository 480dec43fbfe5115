package org.pscdesk.ui.workspace;

import java.util.Locale;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

import org.pscdesk.store.LayerInfo;
import org.pscdesk.store.LayerRole;
import org.pscdesk.ui.map.CountGrid;
import org.pscdesk.ui.map.LayerShapes;
import org.pscdesk.ui.map.LayerStyle;

/** One row of the layer list: what it says, and whether the layer is shown. */
public final class LayerRow {

    private final LayerInfo info;
    private final LayerStyle style;
    private final String problem;
    private final BooleanProperty visible = new SimpleBooleanProperty(this, "visible", true);

    LayerRow(LayerInfo info, LayerStyle style, LayerShapes shapes) {
        this.info = info;
        this.style = style;
        this.problem = shapes == null ? null : shapes.problem();
    }

    public LayerInfo info() {
        return info;
    }

    public String name() {
        return info.name();
    }

    public String title() {
        return info.title();
    }

    public LayerStyle style() {
        return style;
    }

    public long count() {
        return info.count();
    }

    /** The role in plain words. */
    public String roleText() {
        return roleText(info.role());
    }

    static String roleText(LayerRole role) {
        return switch (role) {
            case OUTCOME -> "Incidents (outcome)";
            case FACTOR -> "Risk factor";
            case AREA -> "Study area";
            case REFERENCE -> "Reference";
            case RESULT -> "Risk model result";
        };
    }

    /** The feature count with thousands separators, e.g. {@code 1,234}. */
    public String countText() {
        return formatCount(info.count());
    }

    public static String formatCount(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Longer explanation shown when the mouse rests on the row. */
    public String tooltip() {
        StringBuilder text = new StringBuilder(info.title()).append(" — ").append(roleText()).append(", ")
                .append(countText()).append(info.count() == 1 ? " feature" : " features");
        if (info.role() == LayerRole.OUTCOME) {
            text.append("\nOn the map: incidents, counted per ").append(Math.round(CountGrid.CELL_METRES))
                    .append(" m square. Squares with fewer than ").append(CountGrid.MIN_SHOWN)
                    .append(" incidents are not shown, and single incidents never are.");
        }
        if (info.provenance() != null && info.provenance().source() != null) {
            text.append("\nSource: ").append(info.provenance().source());
        }
        if (problem != null) {
            text.append("\nNot drawn: ").append(problem).append('.');
        }
        return text.toString();
    }

    public BooleanProperty visibleProperty() {
        return visible;
    }

    public boolean isVisible() {
        return visible.get();
    }

    public void setVisible(boolean value) {
        visible.set(value);
    }
}
