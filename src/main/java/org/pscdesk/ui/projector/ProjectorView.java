package org.pscdesk.ui.projector;

import java.util.List;
import java.util.Map;

import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

import com.gluonhq.maps.MapLayer;

import org.pscdesk.geo.CoordinateTransform;
import org.pscdesk.geo.Crs;
import org.pscdesk.report.PublicRun;
import org.pscdesk.store.LayerRole;
import org.pscdesk.ui.analysis.LegendCard;
import org.pscdesk.ui.analysis.PlaceMarkers;
import org.pscdesk.ui.analysis.RunStyles;
import org.pscdesk.ui.analysis.RunView;
import org.pscdesk.ui.fx.Theme;
import org.pscdesk.ui.map.LayerShapes;
import org.pscdesk.ui.map.LayerStyle;
import org.pscdesk.ui.map.MapData;
import org.pscdesk.ui.map.MapPane;

/**
 * What the room sees on the wall: a title, a map or an agenda step at large type, a plain legend and a data
 * note. Everything shown comes from a {@link PublicRun} (the privacy filter's output) and from the
 * workspace's non-incident layers: the outcome layers are removed from the map data before the map is made,
 * so no incident, not even as a count square, can be drawn here.
 */
public final class ProjectorView {

    public static final String CSS = "/org/pscdesk/ui/analysis/analysis.css";
    /** Area names on the wall: at least 28 px at 1080p (peers-and-practice §3.2). */
    public static final double LABEL_SIZE = 28;

    private final Theme theme;
    private final MapData data;
    private final Map<String, LayerStyle> styles;
    private final Crs crs;
    private final BorderPane root = new BorderPane();
    private final StackPane stack = new StackPane();
    private final Region blackout = new Region();
    private final Label title = new Label();
    private final Label subtitle = new Label();
    private final Label note = new Label();
    private MapPane map;
    private Pointer pointer;
    private PublicRun shownRun;

    public ProjectorView(Theme theme, MapData workspaceData, Map<String, LayerStyle> styles, Crs crs) {
        this.theme = theme;
        this.data = withoutIncidents(workspaceData);
        this.styles = styles;
        this.crs = crs;
        root.getStyleClass().add("projector");
        root.setId("projector");
        title.getStyleClass().add("projector-title");
        subtitle.getStyleClass().add("projector-subtitle");
        note.getStyleClass().add("projector-note");
        note.setWrapText(true);
        VBox top = new VBox(2, title, subtitle);
        top.setPadding(new Insets(18, 28, 10, 28));
        root.setTop(top);
        BorderPane.setMargin(note, new Insets(8, 28, 16, 28));
        root.setBottom(note);
        blackout.getStyleClass().add("projector-blackout");
        blackout.setVisible(false);
        stack.getChildren().addAll(root, blackout);
        title.setText("PSC Desk");
        subtitle.setText("Waiting for the first view from the console");
    }

    /** The map data without outcome layers: the projector cannot draw what it does not have. */
    public static MapData withoutIncidents(MapData d) {
        List<LayerShapes> kept = d.layers().stream().filter(l -> l.role() != LayerRole.OUTCOME).toList();
        return new MapData(kept, d.extent(), d.fingerprint() + "-public");
    }

    public Parent root() {
        return stack;
    }

    /** The map shown, when the current content is a map. */
    public java.util.Optional<MapPane> mapPane() {
        return java.util.Optional.ofNullable(map);
    }

    /** The run shown, or null. */
    public PublicRun shownRun() {
        return shownRun;
    }

    /** Shows a run's map view with its legend, title and data note; risk-factor layers are left off. */
    public void showRun(PublicRun run, RunView view) {
        java.util.Set<String> factors = new java.util.HashSet<>();
        for (LayerShapes l : data.layers()) {
            if (l.role() == LayerRole.FACTOR) {
                factors.add(l.name());
            }
        }
        showRun(run, view, factors);
    }

    /**
     * Shows a run's map view with its legend, title and data note.
     *
     * @param hidden layers left off the wall map (the console's unticked layers)
     */
    public void showRun(PublicRun run, RunView view, java.util.Set<String> hidden) {
        shownRun = run;
        title.setText(view.title());
        subtitle.setText(view.subtitle());
        note.setText(run.dataNote());
        MapPane pane = new MapPane(data, styles, theme, LABEL_SIZE);
        for (String layer : hidden) {
            pane.overlay().setLayerVisible(layer, false);
        }
        pane.setSurface(RunStyles.surface(run, crs, view, theme), 1.0);
        if (view == RunView.PLACES || view == RunView.PRIORITY) {
            pane.addTopLayer(new PlaceMarkers(run, crs));
        }
        pointer = new Pointer();
        pane.addTopLayer(pointer);
        LegendCard legend = new LegendCard("Legend", RunStyles.legend(run, view, theme));
        legend.setMaxWidth(560);
        // scale bar and north arrow: a printed map must carry both (minutes, issue 8)
        org.pscdesk.ui.map.ScaleBar scale = new org.pscdesk.ui.map.ScaleBar();
        scale.setStyle("-fx-font-size: 0.7em;");
        pane.viewChangesProperty().addListener((o, was, now) -> scale.update(pane.metresPerPixel()));
        Label north = new Label("▲\nN");
        north.getStyleClass().add("projector-north");
        north.setStyle("-fx-font-weight: bold; -fx-alignment: center; -fx-text-alignment: center;");
        VBox corner = new VBox(6, north, scale);
        corner.setAlignment(Pos.BOTTOM_LEFT);
        corner.setPickOnBounds(false);
        corner.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        StackPane mapArea = new StackPane(pane, legend, corner);
        StackPane.setAlignment(corner, Pos.BOTTOM_LEFT);
        StackPane.setMargin(corner, new Insets(0, 0, 16, 20));
        StackPane.setAlignment(legend, Pos.TOP_RIGHT);
        StackPane.setMargin(legend, new Insets(16, 20, 0, 0));
        pane.setFitInsets(new Insets(30, 520, 30, 30));
        map = pane;
        if (view == RunView.PLACES) {
            VBox list = new VBox();
            list.getStyleClass().add("projector-places");
            list.setPrefWidth(560);
            for (PublicRun.Place p : run.places()) {
                Label line = new Label(p.rank() + ". " + p.label() + " — " + p.countText() + " incidents");
                line.getStyleClass().add("projector-place");
                line.setWrapText(true);
                list.getChildren().add(line);
            }
            if (run.places().isEmpty()) {
                Label none = new Label("No priority places in this run.");
                none.getStyleClass().add("projector-place");
                list.getChildren().add(none);
            }
            BorderPane body = new BorderPane(mapArea);
            body.setLeft(list);
            root.setCenter(body);
        } else {
            root.setCenter(mapArea);
        }
    }

    /**
     * Shows one step of the ACTION agenda with its text. The wall is public: the text passes the privacy
     * filter first (no e-mail, phone, coordinate or count below the threshold; the caller removes names).
     */
    public void showAgenda(String step, String text) {
        shownRun = null;
        map = null;
        title.setText(step);
        subtitle.setText("Meeting agenda");
        note.setText("");
        Label body = new Label(new org.pscdesk.report.PrivacyFilter().publicText(text, java.util.List.of()));
        body.getStyleClass().add("projector-agenda");
        body.setWrapText(true);
        body.setMaxWidth(1500);
        StackPane centre = new StackPane(body);
        centre.setPadding(new Insets(40));
        StackPane.setAlignment(body, Pos.TOP_LEFT);
        root.setCenter(centre);
    }

    /** Blanks the wall (B on the console) without changing what is shown. */
    public void setBlackout(boolean on) {
        blackout.setVisible(on);
    }

    public boolean isBlackout() {
        return blackout.isVisible();
    }

    /** Highlights a point on the wall map (the console's pointer); null hides it. */
    public void pointAt(Point2D lonLat) {
        if (pointer != null) {
            pointer.at(lonLat);
        }
    }

    /** Zooms the wall map to a place. */
    public void zoomTo(PublicRun.Place place) {
        if (map == null) {
            return;
        }
        double[] xy = {place.centreX(), place.centreY()};
        new CoordinateTransform(crs, Crs.WGS84).apply(xy);
        map.centreOn(xy[1], xy[0], 15.5);
    }

    /** A ring that follows the console's pointer. */
    static final class Pointer extends MapLayer {
        private final Circle ring = new Circle(26);
        private Point2D lonLat;

        Pointer() {
            setMouseTransparent(true);
            ring.getStyleClass().add("projector-pointer");
            ring.setVisible(false);
            getChildren().add(ring);
        }

        void at(Point2D lonLat) {
            this.lonLat = lonLat;
            ring.setVisible(lonLat != null);
            markDirty();
        }

        @Override
        protected void layoutChildren() {
            layoutLayer();
        }

        @Override
        protected void layoutLayer() {
            if (lonLat == null) {
                return;
            }
            Point2D p = getMapPoint(lonLat.getY(), lonLat.getX());
            if (p != null) {
                ring.setCenterX(p.getX());
                ring.setCenterY(p.getY());
            }
        }
    }
}
