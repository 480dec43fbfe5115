package org.pscdesk.ui;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntConsumer;

import javax.imageio.ImageIO;

import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.util.Duration;

import org.pscdesk.ui.map.MapPane;
import org.pscdesk.ui.map.TileSources;
import org.pscdesk.ui.workspace.MainView;
import org.pscdesk.ui.workspace.MainViewModel;

/**
 * The smoke test: waits until the first workspace's layers are drawn and no basemap tile is pending (and
 * nothing changed for a few pulses: a fixed number of pulses is not reliable, deps doc 2.10), prints
 * {@code drawn in <ms> ms} to stderr, counted from JVM start, optionally saves a screenshot, and exits.
 */
final class SmokeRun {

    /** Pulses without change before the map counts as settled. */
    static final int STABLE_PULSES = 3;
    static final Duration TIMEOUT = Duration.minutes(2);

    private final MainViewModel model;
    private final MainView view;
    private final Scene scene;
    private final Path screenshot;
    private final IntConsumer exit;
    private boolean finished;

    SmokeRun(MainViewModel model, MainView view, Scene scene, Path screenshot, IntConsumer exit) {
        this.model = model;
        this.view = view;
        this.scene = scene;
        this.screenshot = screenshot;
        this.exit = exit;
    }

    void start() {
        model.lastErrorProperty().addListener((o, was, now) -> {
            if (now != null && model.current() == null) {
                finish(3); // bad input, as the CLI's exit code; the message is already on stderr
            }
        });
        PauseTransition timeout = new PauseTransition(TIMEOUT);
        timeout.setOnFinished(e -> {
            System.err.println("Smoke test: the map was not drawn within " + (long) TIMEOUT.toSeconds() + " s.");
            finish(1);
        });
        timeout.play();
        new AnimationTimer() {
            private String last = "";
            private int stable;

            @Override
            public void handle(long now) {
                if (finished) {
                    stop();
                    return;
                }
                MapPane map = view.mapPane().orElse(null);
                boolean drawn = map != null && map.isDrawn() && TileSources.pending() == 0
                        && !model.runner().busy().get();
                String state = drawn ? map.overlay().paintCount() + "/" + TileSources.completed() : "";
                stable = drawn && state.equals(last) ? stable + 1 : 0;
                last = state;
                if (stable >= STABLE_PULSES) {
                    stop();
                    timeout.stop();
                    settled();
                }
            }
        }.start();
    }

    private void settled() {
        long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.err.println("drawn in " + ms + " ms");
        if (screenshot != null) {
            try {
                WritableImage image = scene.snapshot(null);
                Path parent = screenshot.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", screenshot.toFile());
            } catch (IOException | RuntimeException e) {
                System.err.println("Could not write the screenshot " + screenshot + ": " + e.getMessage());
                finish(1);
                return;
            }
        }
        finish(0);
    }

    private void finish(int code) {
        if (!finished) {
            finished = true;
            exit.accept(code);
        }
    }
}
