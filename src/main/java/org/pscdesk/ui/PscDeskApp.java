package org.pscdesk.ui;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.IntConsumer;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import com.gluonhq.maps.MapView;

import org.pscdesk.demo.DemoCity;
import org.pscdesk.store.AppFolders;
import org.pscdesk.store.Settings;
import org.pscdesk.ui.fx.DialogService;
import org.pscdesk.ui.fx.FxDialogService;
import org.pscdesk.ui.fx.FxTaskRunner;
import org.pscdesk.ui.fx.HeadlessDialogService;
import org.pscdesk.ui.fx.TaskRunner;
import org.pscdesk.ui.fx.Theme;
import org.pscdesk.ui.map.TileSources;
import org.pscdesk.ui.workspace.MainView;
import org.pscdesk.ui.workspace.MainViewModel;

/**
 * The JavaFX application: builds the main window and opens the first workspace. Started by
 * {@link DesktopApp#launch}, or by a TestFX test through {@link #PscDeskApp(Options)}.
 */
public final class PscDeskApp extends Application {

    /** Default window size: fits a 1366×768 laptop screen with its task bar. */
    static final double WIDTH = 1280;
    static final double HEIGHT = 800;
    static final String MAIN_CSS = "/org/pscdesk/ui/workspace/main.css";

    /**
     * How to start.
     *
     * @param workspace workspace to open, or null for the last one (the demo on first start)
     * @param smokeTest draw, report the time, quit
     * @param screenshot PNG to write of the drawn window (smoke test), or null
     */
    public record Options(Path workspace, boolean smokeTest, Path screenshot) {
    }

    /** Handed over by {@link DesktopApp}: {@code Application.launch} creates the instance itself. */
    private static volatile Options launchOptions = new Options(null, false, null);
    private static volatile int exitCode;

    private final Options options;
    private final IntConsumer onSmokeTestDone;
    private TaskRunner runner;
    private MainViewModel model;
    private MainView view;
    private Stage stage;
    private boolean shutDown;

    /** For {@code Application.launch}: takes the options {@link DesktopApp} set. */
    public PscDeskApp() {
        this(launchOptions);
    }

    public PscDeskApp(Options options) {
        this(options, PscDeskApp::finishSmokeTest);
    }

    /** For tests: {@code onSmokeTestDone} receives the smoke test's exit code instead of ending the toolkit. */
    PscDeskApp(Options options, IntConsumer onSmokeTestDone) {
        this.options = Objects.requireNonNull(options);
        this.onSmokeTestDone = Objects.requireNonNull(onSmokeTestDone);
    }

    static void prepareLaunch(Options options) {
        launchOptions = options;
        exitCode = 0;
    }

    static int exitCode() {
        return exitCode;
    }

    static void setExitCode(int code) {
        exitCode = code;
    }

    @Override
    public void start(Stage primaryStage) {
        this.stage = primaryStage;
        org.pscdesk.ui.export.OpenFolder.install(getHostServices());
        Settings settings = Settings.load();
        DialogService dialogs = options.smokeTest() ? new HeadlessDialogService(System.err)
                : new FxDialogService(primaryStage);
        runner = new FxTaskRunner();
        model = new MainViewModel(settings, dialogs, runner, DemoCity::write,
                AppFolders.data().resolve("demo.gpkg"), AppFolders.cache().resolve("tiles"), !options.smokeTest());
        view = new MainView(model, Theme.base(), this::quit);
        MapView.setPlaceholderImageSupplier(TileSources::placeholder);

        Scene scene = new Scene(view.root(), WIDTH, HEIGHT);
        scene.getStylesheets().addAll(css(Theme.BASE_CSS), css(MAIN_CSS),
                css(org.pscdesk.ui.projector.ProjectorView.CSS));
        primaryStage.titleProperty().bind(model.titleProperty());
        primaryStage.setScene(scene);
        primaryStage.setMinWidth(900);
        primaryStage.setMinHeight(560);
        primaryStage.setOnCloseRequest(e -> shutdown());
        if (options.smokeTest()) {
            new SmokeRun(model, view, scene, options.screenshot(), onSmokeTestDone).start();
        }
        // Opening starts before the window is shown: reading the workspace overlaps with the first layout.
        model.start(options.workspace());
        primaryStage.show();
    }

    private static String css(String resource) {
        return Objects.requireNonNull(PscDeskApp.class.getResource(resource), resource).toExternalForm();
    }

    private static void finishSmokeTest(int code) {
        exitCode = code;
        Platform.exit();
    }

    private void quit() {
        shutdown();
        stage.close();
        Platform.exit();
    }

    private void shutdown() {
        if (shutDown || model == null) {
            return;
        }
        shutDown = true;
        view.closeWindows();
        model.shutdown();
        runner.shutdown();
    }

    @Override
    public void stop() {
        shutdown();
    }

    /** The view model, for tests. */
    public MainViewModel model() {
        return model;
    }

    /** The main view, for tests. */
    public MainView view() {
        return view;
    }
}
