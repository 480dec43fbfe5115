package org.pscdesk.ui.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;

import org.pscdesk.store.WorkspaceException;
import org.pscdesk.ui.fx.Theme;
import org.pscdesk.work.Cancellation;
import org.pscdesk.work.CancelledException;
import org.pscdesk.work.Progress;

/**
 * The frame both export windows share: a title, the form, a progress line with Cancel while work runs, the
 * outcome in plain words (saved where, or what went wrong) and Open folder and Close. Work runs on the app's
 * task runner, off the FX thread; Cancel stops it at its next step, and then nothing is saved.
 */
final class ExportWindow {

    /** Long work that reports progress and stops when cancelled. */
    @FunctionalInterface
    interface Job<T> {
        T run(Progress progress, Cancellation cancel) throws Exception;
    }

    /** How the windows ask where to save; a test answers instead (a native chooser cannot be driven headless). */
    static SaveChooser chooser = SaveChooser.NATIVE;

    private static final Logger LOG = Logger.getLogger(ExportWindow.class.getName());

    private final ExportMenu.Context context;
    private final Stage stage = new Stage();
    private final BooleanProperty working = new SimpleBooleanProperty(this, "working");
    private final Label outcome = new Label();
    private final Button openFolder = new Button("Open folder");
    private Cancellation cancel;
    private int sequence;
    private Path saved;

    /**
     * @param id the root's id, for tests
     * @param actions this window's own buttons, left of Open folder and Close
     */
    ExportWindow(ExportMenu.Context context, String id, String title, String lead, Node form, List<Button> actions,
                 double width, double height) {
        this.context = context;
        Label titleLabel = new Label(title);
        titleLabel.getStyleClass().add(ExportStyles.TITLE);
        Label leadLabel = new Label(lead);
        leadLabel.getStyleClass().add(ExportStyles.LEAD);
        leadLabel.setWrapText(true);
        VBox header = new VBox(2, titleLabel, leadLabel);
        header.getStyleClass().add(ExportStyles.HEADER);

        ProgressBar bar = new ProgressBar();
        bar.setId("export-progress");
        bar.setPrefWidth(220);
        bar.progressProperty().bind(context.runner().progress());
        Label stageText = new Label();
        stageText.setId("export-progress-text");
        stageText.getStyleClass().add(ExportStyles.PROGRESS_TEXT);
        stageText.textProperty().bind(context.runner().message());
        stageText.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(stageText, Priority.ALWAYS);
        Button stop = new Button("Cancel");
        stop.setId("export-cancel");
        stop.setOnAction(e -> cancel());
        HBox progress = new HBox(10, bar, stageText, stop);
        progress.setAlignment(Pos.CENTER_LEFT);
        progress.getStyleClass().add(ExportStyles.PROGRESS_ROW);
        progress.visibleProperty().bind(working);
        progress.managedProperty().bind(working);

        outcome.setId("export-outcome");
        outcome.setWrapText(true);
        outcome.setMaxWidth(Double.MAX_VALUE);
        outcome.setMinHeight(Region.USE_PREF_SIZE);
        outcome.setVisible(false);
        outcome.managedProperty().bind(outcome.visibleProperty());

        openFolder.setId("export-open-folder");
        openFolder.setVisible(false);
        openFolder.setOnAction(e -> {
            if (saved != null) {
                OpenFolder.open(saved.toAbsolutePath().getParent());
            }
        });
        Button close = new Button("Close");
        close.setId("export-close");
        close.setCancelButton(true);
        close.setOnAction(e -> close());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8);
        buttons.getChildren().addAll(actions);
        buttons.getChildren().addAll(gap, openFolder, close);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.getStyleClass().add(ExportStyles.BUTTON_BAR);

        BorderPane root = new BorderPane(form, header, null, new VBox(progress, outcome, buttons), null);
        root.setId(id);
        root.getStyleClass().add(ExportStyles.WINDOW);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(width, screen.getWidth() - 40),
                Math.min(height, screen.getHeight() - 40));
        scene.getStylesheets().addAll(css(Theme.BASE_CSS), css(ExportStyles.IMPORT_CSS), css(ExportStyles.CSS));
        stage.setScene(scene);
        stage.setTitle(title);
        stage.setMinWidth(560);
        stage.setMinHeight(420);
        if (context.owner() != null) {
            stage.initOwner(context.owner());
            // the workspace must stay the one being exported until this window closes
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setOnCloseRequest(e -> stopWork());
    }

    Stage stage() {
        return stage;
    }

    void show() {
        stage.show();
    }

    ReadOnlyBooleanProperty working() {
        return working;
    }

    /**
     * Runs {@code job} on the task runner; {@code done} gets its result on the FX thread. Starting new work
     * cancels the work still running, whose result is then ignored.
     */
    <T> void run(String title, Job<T> job, Consumer<T> done) {
        stopWork();
        Cancellation mine = new Cancellation();
        cancel = mine;
        int run = ++sequence;
        working.set(true);
        outcome.setVisible(false);
        context.runner().run(title, progress -> job.run(progress::update, mine), result -> {
            if (run == sequence) {
                working.set(false);
                cancel = null;
                done.accept(result);
            }
        }, error -> {
            if (run == sequence) {
                working.set(false);
                cancel = null;
                failed(error);
            }
        });
    }

    private void cancel() {
        if (cancel != null) {
            cancel.cancel();
        }
    }

    /** Cancels running work and forgets it: its result will be ignored. */
    private void stopWork() {
        cancel();
        cancel = null;
        sequence++;
    }

    private void close() {
        stopWork();
        stage.close();
    }

    /** Tells what went wrong, in the window (never a crash or a silent log line). */
    void failed(Throwable error) {
        if (error instanceof CancelledException) {
            show("Cancelled; nothing was saved.", false);
        } else if (error instanceof WorkspaceException) {
            show(error.getMessage(), true);
        } else {
            LOG.log(Level.WARNING, "export failed", error);
            show("Something went wrong (" + error + "). Nothing was saved; the log file has the details.", true);
        }
    }

    /** The file is saved: says where, and offers to open its folder. */
    void saved(Path file) {
        saved = file;
        Path folder = file.toAbsolutePath().getParent();
        show("Saved " + file.getFileName() + " in " + folder + ".", false);
        openFolder.setVisible(true);
        // no desktop to open it on (headless): the message names the folder
        openFolder.setDisable(!OpenFolder.available());
        context.menu().rememberFolder(folder);
    }

    private void show(String text, boolean problem) {
        outcome.setText(text);
        outcome.getStyleClass().removeAll(ExportStyles.OUTCOME_OK, ExportStyles.OUTCOME_PROBLEM);
        outcome.getStyleClass().add(problem ? ExportStyles.OUTCOME_PROBLEM : ExportStyles.OUTCOME_OK);
        outcome.setVisible(true);
    }

    /** Clears the outcome line (the choices changed). */
    void clearOutcome() {
        outcome.setVisible(false);
        openFolder.setVisible(false);
    }

    /**
     * Asks where to save. A name typed without the extension gets it; if that makes it the name of an existing
     * file, the chooser did not ask about that file, so this asks.
     */
    Optional<Path> chooseTarget(String title, String fileName, String description, String extension) {
        Optional<Path> chosen = chooser.choose(stage, title, context.menu().folder(), fileName, description, extension);
        if (chosen.isEmpty()) {
            return chosen;
        }
        Path file = chosen.get();
        String name = file.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).endsWith("." + extension)) {
            return chosen;
        }
        Path withExtension = file.resolveSibling(name + "." + extension);
        if (Files.exists(withExtension) && !context.dialogs().confirm(title, "Replace " + withExtension.getFileName()
                + "?", "A file of that name exists in " + withExtension.getParent() + ".", "Replace")) {
            return Optional.empty();
        }
        return Optional.of(withExtension);
    }

    /** The window's main button: Save…, Export…; Enter presses it. */
    static Button primary(String text, String id) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add(ExportStyles.PRIMARY);
        b.setDefaultButton(true);
        return b;
    }

    /** The form at the left of a window, scrolling when the window is small. */
    static ScrollPane form(Node... sections) {
        VBox form = new VBox(12, sections);
        form.setPadding(new Insets(14, 16, 14, 18));
        ScrollPane scroll = new ScrollPane(form);
        scroll.getStyleClass().add(ExportStyles.FORM);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        return scroll;
    }

    /** A titled section of a form. */
    static VBox section(String title, Node... children) {
        Label heading = new Label(title);
        heading.getStyleClass().add(ExportStyles.SECTION_TITLE);
        VBox box = new VBox(6, heading);
        box.getChildren().addAll(children);
        box.getStyleClass().add(ExportStyles.SECTION);
        return box;
    }

    /** A line of explanation under a choice, indented to its text. */
    static Label hint(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(ExportStyles.HINT);
        l.setPadding(new Insets(0, 0, 2, 24));
        return l;
    }

    private static String css(String resource) {
        return Objects.requireNonNull(ExportWindow.class.getResource(resource), resource).toExternalForm();
    }
}
