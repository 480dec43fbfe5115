package org.pscdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;

import org.junit.jupiter.api.AfterEach;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.pscdesk.ui.map.MapPane;

import org.testfx.util.WaitForAsyncUtils;

/**
 * Dragging the map: the view follows the mouse (a gesture picture stands in while it moves), and once the
 * map stands still the real map is back and drawn for the new view.
 */
class MapGestureTest extends DemoAppTests {

    private PscDeskApp app;

    @BeforeEach
    void startApp() throws Exception {
        app = AppTests.start(demo);
    }

    @AfterEach
    void stopApp() throws Exception {
        AppTests.stop(app);
    }

    @Test
    void aDragMovesTheMapByTheMouseAndTheRealMapComesBackWhenItStops() throws Exception {
        MapPane map = fx(() -> app.view().mapPane().orElseThrow());
        if (fx(() -> robot.lookup("#welcome-close").tryQuery().isPresent())) {
            robot.clickOn("#welcome-close");
        }
        Point2D screenCentre = fx(() -> map.localToScreen(map.getWidth() / 2, map.getHeight() / 2));
        Point2D before = fx(() -> map.lonLatAt(map.getWidth() / 2, map.getHeight() / 2));
        double mpp = fx(map::metresPerPixel);
        long paintsBefore = fx(() -> map.overlay().paintCount());

        robot.moveTo(screenCentre).press(MouseButton.PRIMARY);
        boolean pictureSeen = false;
        for (int i = 1; i <= 10; i++) {
            robot.moveTo(screenCentre.add(-15 * i, 0));
            pictureSeen |= fx(map::isShowingGesturePicture);
        }
        robot.release(MouseButton.PRIMARY);
        assertTrue(pictureSeen, "a picture stood in while the map moved");

        // the real map comes back and the layers are redrawn for the new view (on the next pulse after settling)
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> !map.isShowingGesturePicture()
                    && map.overlay().isSettled() && map.overlay().paintCount() > paintsBefore));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("after the drag: picture " + fx(map::isShowingGesturePicture) + ", settled "
                    + fx(() -> map.overlay().isSettled()) + ", paints " + fx(() -> map.overlay().paintCount())
                    + " (before " + paintsBefore + ")", e);
        }
        assertFalse(fx(map::isShowingGesturePicture));
        Point2D after = fx(() -> map.lonLatAt(map.getWidth() / 2, map.getHeight() / 2));
        // dragged 150 px to the left: the centre moved 150 px east
        double movedMetres = (after.getX() - before.getX()) * 111_320 * Math.cos(Math.toRadians(before.getY()));
        assertEquals(150 * mpp, movedMetres, 0.15 * 150 * mpp, "moved " + movedMetres + " m");
    }
}
