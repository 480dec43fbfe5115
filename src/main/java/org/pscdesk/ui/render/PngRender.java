package org.pscdesk.ui.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.imageio.ImageIO;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

import com.gluonhq.maps.MapView;

import org.pscdesk.report.Images;
import org.pscdesk.report.PrivacyFilter;
import org.pscdesk.report.PublicRun;
import org.pscdesk.store.AppFolders;
import org.pscdesk.store.Settings;
import org.pscdesk.store.WorkspaceException;
import org.pscdesk.ui.DesktopApp;
import org.pscdesk.ui.analysis.LegendCard;
import org.pscdesk.ui.analysis.PlaceMarkers;
import org.pscdesk.ui.analysis.RunStyles;
import org.pscdesk.ui.analysis.RunView;
import org.pscdesk.ui.fx.Theme;
import org.pscdesk.ui.map.MapPane;
import org.pscdesk.ui.map.TileSources;
import org.pscdesk.ui.projector.ProjectorView;
import org.pscdesk.ui.workspace.LoadedWorkspace;
import org.pscdesk.ui.workspace.WorkspaceLoader;

/**
 * {@code pscdesk render}: a saved run's map drawn to a PNG with no display (Monocle headless, software
 * rendering), for slides, tests and the minutes. The data go through the {@link PrivacyFilter}, and the
 * outcome layers are left off the map, exactly as on the projector.
 */
public final class PngRender {

    private static final long TIMEOUT_SECONDS = 120;
    /** Pulses without change before the drawing counts as finished (deps doc 2.10). */
    private static final int STABLE_PULSES = 3;

    private PngRender() {
    }

    /** See {@link org.pscdesk.cli.SceneRenderer#render}. */
    public static String render(Path workspace, String run, String viewKey, boolean projector, int width, int height,
                                Path png) {
        try (Session s = session(workspace)) {
            return s.render(run, viewKey, projector, width, height, png);
        }
    }

    /**
     * Opens a workspace for several maps: its map data are read once, and each run's public form is made once
     * (the minutes draw three or more maps; reading the workspace again for each cost 0.1–0.2 s a map).
     *
     * @throws IllegalArgumentException when the workspace cannot be read
     */
    public static Session session(Path workspace) {
        DesktopApp.configureHeadless();
        try {
            return new Session(WorkspaceLoader.load(workspace, false, Settings.load(),
                    AppFolders.cache().resolve("tiles"), (message, fraction) -> { }));
        } catch (WorkspaceException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Maps of one loaded workspace (see {@link org.pscdesk.cli.SceneRenderer.Session}); used from one thread. */
    public static final class Session implements AutoCloseable {
        private final LoadedWorkspace loaded;
        private final java.util.Map<String, PublicRun> runs = new java.util.HashMap<>();

        private Session(LoadedWorkspace loaded) {
            this.loaded = loaded;
        }

        /** See {@link org.pscdesk.cli.SceneRenderer#render}. */
        public String render(String run, String viewKey, boolean projector, int width, int height, Path png) {
            RunView view = RunView.parse(viewKey);
            // Monocle's headless screen is 1280×800 unless told; a larger window overflows its framebuffer.
            if (System.getProperty("headless.geometry") == null) {
                System.setProperty("headless.geometry", Math.max(width, 1280) + "x" + Math.max(height, 800) + "-32");
            }
            try {
                PublicRun pub = runs.get(run);
                if (pub == null) {
                    pub = new PrivacyFilter().publicRun(loaded.workspace(), run).orElseThrow(() ->
                            new IllegalArgumentException("There is no run '" + run + "' in "
                                    + loaded.file().getFileName() + "; save one with pscdesk rtm ... --save " + run
                                    + "."));
                    runs.put(run, pub);
                }
                PublicRun drawn = pub;
                TileSources.use(loaded.basemap());
                WritableImage image = onFxThread(() -> draw(loaded, drawn, view, projector, width, height, false));
                write(image, png);
                return "Wrote " + png + " (" + width + "×" + height + ", " + view.key() + (projector ? ", projector"
                        : "") + ", run " + run + ").";
            } catch (WorkspaceException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            loaded.workspace().close();
        }
    }

    /**
     * The projector scene of a saved run of the workspace the app has open, as PNG bytes: the picture the
     * minutes print, drawn by the running app exactly as {@code pscdesk minutes} draws it headless.
     *
     * <p>Call it off the FX thread, with the app's toolkit running: the scene is built on the FX thread, which
     * then waits for the map and its tiles (they load in the background) before the snapshot; called on the FX
     * thread it would wait for itself. The map lays out and loads tiles only in a showing window, so the scene
     * gets its own stage, transparent and off screen, closed after the snapshot.
     *
     * @throws IllegalArgumentException no such run, or the workspace cannot be read
     * @throws IllegalStateException the drawing failed or timed out
     */
    public static byte[] projectorPng(LoadedWorkspace ws, String run, String viewKey, int width, int height) {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("projectorPng waits for the FX thread; call it from a worker thread");
        }
        RunView view = RunView.parse(viewKey);
        try {
            PublicRun pub = new PrivacyFilter().publicRun(ws.workspace(), run).orElseThrow(() ->
                    new IllegalArgumentException("There is no run '" + run + "' in " + ws.file().getFileName() + "."));
            return pngBytes(onFxThread(() -> draw(ws, pub, view, true, width, height, true)));
        } catch (WorkspaceException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Builds the scene on a stage, waits until the map and its tiles are drawn, and snapshots it. */
    private static CompletableFuture<WritableImage> draw(LoadedWorkspace ws, PublicRun run, RunView view,
                                                         boolean projector, int width, int height, boolean unseen) {
        MapView.setPlaceholderImageSupplier(TileSources::placeholder);
        Theme theme = Theme.base();
        Parent root;
        MapPane map;
        if (projector) {
            ProjectorView p = new ProjectorView(theme, ws.map(), ws.styles(), ws.crs());
            p.showRun(run, view);
            root = p.root();
            map = p.mapPane().orElseThrow();
        } else {
            map = new MapPane(ProjectorView.withoutIncidents(ws.map()), ws.styles(), theme);
            map.setSurface(RunStyles.surface(run, ws.crs(), view, theme), 0.9);
            if (view == RunView.PLACES || view == RunView.PRIORITY) {
                map.addTopLayer(new PlaceMarkers(run, ws.crs()));
            }
            LegendCard legend = new LegendCard(view.title(), RunStyles.legend(run, view, theme));
            legend.setMaxWidth(380);
            StackPane stack = new StackPane(map, legend);
            stack.setStyle("-fx-font-size: 13px;");
            StackPane.setAlignment(legend, Pos.TOP_RIGHT);
            StackPane.setMargin(legend, new Insets(12));
            map.setFitInsets(new Insets(24, 410, 24, 24));
            root = stack;
        }
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().addAll(css(Theme.BASE_CSS), css(ProjectorView.CSS));
        Stage stage = new Stage();
        stage.setScene(scene);
        if (unseen) {
            // inside the running app: no window may flash up over the user's (or a projector's) screen
            stage.initStyle(StageStyle.UTILITY);
            stage.setOpacity(0);
            stage.setX(-width - 10_000);
            stage.setY(-height - 10_000);
        }
        stage.show();
        CompletableFuture<WritableImage> done = new CompletableFuture<>();
        new AnimationTimer() {
            private String last = "";
            private int stable;

            @Override
            public void handle(long now) {
                boolean drawn = map.isDrawn() && TileSources.pending() == 0;
                String state = drawn ? map.overlay().paintCount() + "/" + TileSources.completed() : "";
                stable = drawn && state.equals(last) ? stable + 1 : 0;
                last = state;
                if (stable >= STABLE_PULSES) {
                    stop();
                    try {
                        done.complete(scene.snapshot(null));
                    } catch (RuntimeException e) {
                        done.completeExceptionally(e);
                    } finally {
                        stage.close();
                    }
                }
            }
        }.start();
        return done;
    }

    private interface FxWork<T> {
        CompletableFuture<T> start();
    }

    private static <T> T onFxThread(FxWork<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable start = () -> {
            try {
                work.start().whenComplete((v, e) -> {
                    if (e != null) {
                        result.completeExceptionally(e);
                    } else {
                        result.complete(v);
                    }
                });
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        };
        try {
            Platform.startup(start);
            Platform.setImplicitExit(false);
        } catch (IllegalStateException alreadyRunning) {
            Platform.runLater(start);
        }
        try {
            return result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while drawing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("drawing failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the map was not drawn within " + TIMEOUT_SECONDS + " s", e);
        }
    }

    private static byte[] pngBytes(WritableImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            // opaque: a scene snapshot has no transparency, and an RGB PNG goes into the minutes PDF as it is
            ImageIO.write(Images.onWhite(SwingFXUtils.fromFXImage(image, null)), "png", out);
        } catch (IOException e) {
            throw new IllegalStateException("could not encode the map as PNG", e);
        }
        return out.toByteArray();
    }

    /** Writes the PNG through a temporary file, so a failure never leaves half an image. */
    private static void write(WritableImage image, Path png) {
        Path target = png.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".render-", ".png");
            try {
                Files.write(tmp, pngBytes(image));
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Could not write " + png + ": " + e.getMessage(), e);
        }
    }

    private static String css(String resource) {
        return Objects.requireNonNull(PngRender.class.getResource(resource), resource).toExternalForm();
    }
}
