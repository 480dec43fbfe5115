package org.pscdesk.ui.fx;

/** Style-class names used by the views and defined in the CSS files; one place to rename them. */
public final class Styles {

    public static final String APP = "psc-app";
    public static final String SIDE_PANEL = "side-panel";
    public static final String PANEL_HEADER = "panel-header";
    public static final String PANEL_NOTE = "panel-note";
    public static final String LAYER_LIST = "layer-list";
    public static final String LAYER_ROW = "layer-row";
    public static final String LAYER_TITLE = "layer-title";
    public static final String LAYER_ROLE = "layer-role";
    public static final String LAYER_COUNT = "layer-count";
    public static final String LAYER_SWATCH = "layer-swatch";
    public static final String MAP_AREA = "map-area";
    public static final String MAP_PLACEHOLDER = "map-placeholder";
    public static final String MAP_CARD = "map-card";
    public static final String MAP_CARD_TITLE = "map-card-title";
    public static final String MAP_CARD_NOTE = "map-card-note";
    public static final String MAP_BUTTONS = "map-buttons";
    public static final String MAP_BUTTON = "map-button";
    public static final String ATTRIBUTION = "map-attribution";
    public static final String COUNT_SWATCH = "count-swatch";
    public static final String COUNT_RANGE = "count-range";
    public static final String SCALE_BAR = "scale-bar";
    public static final String SCALE_LINE = "scale-line";
    public static final String SCALE_LINE_TOP = "scale-line-top";
    public static final String SCALE_LINE_BOTTOM = "scale-line-bottom";
    public static final String SCALE_TEXT = "scale-text";
    public static final String STATUS_BAR = "psc-status-bar";
    public static final String STATUS_ITEM = "status-item";

    private Styles() {
    }
}
