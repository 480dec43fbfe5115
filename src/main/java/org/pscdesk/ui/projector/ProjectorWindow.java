package org.pscdesk.ui.projector;

import java.util.Objects;

import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.pscdesk.report.PublicRun;
import org.pscdesk.ui.analysis.AnalysisPanel;
import org.pscdesk.ui.analysis.RunView;
import org.pscdesk.ui.fx.Theme;
import org.pscdesk.ui.workspace.LoadedWorkspace;

/**
 * The second window, for the wall: full screen on the second display when there is one, a window otherwise.
 * The console drives it; it shows only what {@link ProjectorView} shows (aggregates from the privacy filter).
 * Keys on it: B blanks it, Escape leaves full screen.
 */
public final class ProjectorWindow implements AnalysisPanel.ProjectorControl {

    private final Stage stage = new Stage();
    private final ProjectorView view;

    public ProjectorWindow(LoadedWorkspace ws, Window owner) {
        view = new ProjectorView(Theme.base(), ws.map(), ws.styles(), ws.crs());
        Scene scene = new Scene(view.root(), 1280, 720);
        scene.getStylesheets().addAll(css(Theme.BASE_CSS), css(ProjectorView.CSS));
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.B) {
                toggleBlackout();
            }
        });
        stage.setTitle("PSC Desk — projector");
        stage.setScene(scene);
        stage.setFullScreenExitHint("");
        if (owner != null && owner.getScene() != null) {
            // console shortcuts keep working while the projector window has focus
            scene.getAccelerators().putAll(owner.getScene().getAccelerators());
        }
    }

    /** Shows the window: full screen on a second display if there is one. */
    public void open() {
        if (Screen.getScreens().size() > 1) {
            Rectangle2D b = Screen.getScreens().get(1).getBounds();
            stage.setX(b.getMinX());
            stage.setY(b.getMinY());
            stage.setWidth(b.getWidth());
            stage.setHeight(b.getHeight());
            stage.show();
            stage.setFullScreen(true);
        } else {
            stage.show();
        }
        stage.toFront();
    }

    public boolean isShowing() {
        return stage.isShowing();
    }

    public void close() {
        stage.close();
    }

    public ProjectorView view() {
        return view;
    }

    public Stage stage() {
        return stage;
    }

    @Override
    public void show(PublicRun run, RunView v, java.util.Set<String> hiddenLayers) {
        if (!stage.isShowing()) {
            open();
        }
        view.showRun(run, v, hiddenLayers);
    }

    @Override
    public void zoomTo(PublicRun.Place place) {
        if (view.shownRun() == null) {
            return;
        }
        view.zoomTo(place);
    }

    /** Shows an agenda step (opening the window if needed). */
    public void showAgenda(String step, String text) {
        if (!stage.isShowing()) {
            open();
        }
        view.showAgenda(step, text);
    }

    public void toggleBlackout() {
        view.setBlackout(!view.isBlackout());
    }

    public void pointAt(Point2D lonLat) {
        view.pointAt(lonLat);
    }

    private static String css(String resource) {
        return Objects.requireNonNull(ProjectorWindow.class.getResource(resource), resource).toExternalForm();
    }
}
