package org.pscdesk.ui.importer;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.pscdesk.store.LayerInfo;
import org.pscdesk.ui.fx.Theme;

/**
 * Opens the import wizard and the layer details windows for the main window, and makes the main window a
 * drop target for files.
 *
 * <p>Start-up hooks, for screenshots and demonstrations without a mouse (read once, when the first
 * workspace is shown): {@code -Dpscdesk.openImport=FILE[:FILE...]} opens the wizard on those files (paths
 * separated by the platform's path separator); adding {@code -Dpscdesk.openImport.run=true} presses Import
 * as soon as the preview allows it, showing the report; {@code -Dpscdesk.showLayer=NAME} opens that layer's
 * details.
 */
public final class ImportWindows {

    public static final String OPEN_PROPERTY = "pscdesk.openImport";
    public static final String RUN_PROPERTY = "pscdesk.openImport.run";
    public static final String DETAILS_PROPERTY = "pscdesk.showLayer";

    private static final double WIZARD_WIDTH = 1240;
    private static final double WIZARD_HEIGHT = 820;

    private final ImportHost host;
    private final Supplier<Window> owner;
    private Stage wizardStage;
    private ImportWizardViewModel wizard;
    private ImportWizardView wizardView;
    private boolean hooksRun;

    public ImportWindows(ImportHost host, Supplier<Window> owner) {
        this.host = host;
        this.owner = owner;
    }

    /**
     * Shows the wizard (bringing it to the front when it is open), with these files chosen when any are
     * given. Nothing happens when no workspace is open.
     */
    public Optional<ImportWizardViewModel> openWizard(List<Path> files) {
        if (host.workspace() == null) {
            return Optional.empty();
        }
        if (wizardStage == null) {
            Stage stage = new Stage();
            ImportWizardViewModel vm = new ImportWizardViewModel(host, new FxImportFiles(() -> stageOr(stage)));
            ImportWizardView view = new ImportWizardView(vm, Theme.base(), stage::close);
            stage.setTitle("Import data — " + host.workspaceName());
            stage.setScene(scene(view.root(), WIZARD_WIDTH, WIZARD_HEIGHT));
            stage.setMinWidth(960);
            stage.setMinHeight(600);
            Window main = owner.get();
            if (main != null) {
                stage.initOwner(main);
                stage.initModality(Modality.WINDOW_MODAL);
            }
            stage.setOnCloseRequest(e -> {
                if (vm.phaseProperty().get() == ImportWizardViewModel.Phase.IMPORTING) {
                    // Closing mid-import would hide the outcome; stop the import and let the user close after.
                    e.consume();
                    vm.cancel();
                }
            });
            stage.setOnHidden(e -> {
                wizardStage = null;
                wizard = null;
                wizardView = null;
            });
            wizardStage = stage;
            wizard = vm;
            wizardView = view;
            stage.show();
        } else {
            wizardStage.toFront();
        }
        if (!files.isEmpty() && wizard.phaseProperty().get() != ImportWizardViewModel.Phase.IMPORTING) {
            wizard.setFiles(files);
        }
        return Optional.of(wizard);
    }

    private Window stageOr(Stage stage) {
        return stage.isShowing() ? stage : owner.get();
    }

    /** "Layer details…": where the layer came from and its import report, in a window of its own. */
    public Stage showDetails(LayerInfo layer) {
        Stage stage = new Stage();
        ReportView report = new ReportView(ReportContent.ofLayer(layer));
        Button close = new Button("Close");
        close.setId("details-close");
        close.setCancelButton(true);
        close.setDefaultButton(true);
        close.setOnAction(e -> stage.close());
        HBox buttons = new HBox(close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.getStyleClass().add(ImportStyles.BUTTON_BAR);
        BorderPane root = new BorderPane(report, null, null, buttons, null);
        root.getStyleClass().add(ImportStyles.WIZARD);
        root.setId("layer-details");
        stage.setTitle("Layer details — " + layer.title());
        stage.setScene(scene(root, 1000, 720));
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        Window main = owner.get();
        if (main != null) {
            stage.initOwner(main);
        }
        stage.show();
        return stage;
    }

    /**
     * Files dragged over {@code target} are accepted while a workspace is open (with {@code highlight}
     * marked), and dropping them opens the wizard on them.
     */
    public void installDropTarget(Parent target, Region highlight) {
        target.getStylesheets().add(css(ImportStyles.CSS));
        target.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles() && host.workspace() != null) {
                e.acceptTransferModes(TransferMode.COPY);
                if (!highlight.getStyleClass().contains(ImportStyles.DROP_READY)) {
                    highlight.getStyleClass().add(ImportStyles.DROP_READY);
                }
            }
        });
        target.addEventHandler(DragEvent.DRAG_EXITED, e -> highlight.getStyleClass().remove(ImportStyles.DROP_READY));
        target.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            highlight.getStyleClass().remove(ImportStyles.DROP_READY);
            if (e.getDragboard().hasFiles() && host.workspace() != null) {
                List<Path> files = new ArrayList<>();
                for (File f : e.getDragboard().getFiles()) {
                    files.add(f.toPath());
                }
                e.setDropCompleted(true);
                e.consume();
                // After the drop has completed, so the source application is not kept waiting by the window.
                Platform.runLater(() -> openWizard(files));
            }
        });
    }

    /** Runs the start-up hooks described in the class comment, once. */
    public void runStartupHooks() {
        if (hooksRun) {
            return;
        }
        hooksRun = true;
        String open = System.getProperty(OPEN_PROPERTY);
        if (open != null && !open.isBlank()) {
            List<Path> files = new ArrayList<>();
            for (String part : open.split(File.pathSeparator)) {
                if (!part.isBlank()) {
                    files.add(Path.of(part.strip()));
                }
            }
            openWizard(files).ifPresent(vm -> {
                if (Boolean.getBoolean(RUN_PROPERTY)) {
                    pressImportWhenReady(vm);
                }
            });
        }
        String layer = System.getProperty(DETAILS_PROPERTY);
        if (layer != null && !layer.isBlank()) {
            host.layers().stream().filter(l -> l.name().equals(layer.strip())).findFirst().ifPresent(this::showDetails);
        }
    }

    private static void pressImportWhenReady(ImportWizardViewModel vm) {
        if (vm.canImportProperty().get()) {
            vm.startImport();
            return;
        }
        ChangeListener<Boolean> once = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (now) {
                    vm.canImportProperty().removeListener(this);
                    vm.startImport();
                }
            }
        };
        vm.canImportProperty().addListener(once);
    }

    /** The open wizard's window, or empty. */
    public Optional<Stage> wizardStage() {
        return Optional.ofNullable(wizardStage);
    }

    /** The open wizard's view model, or null. */
    ImportWizardViewModel wizard() {
        return wizard;
    }

    /** The open wizard's view, for tests. */
    ImportWizardView wizardView() {
        return wizardView;
    }

    private static Scene scene(Parent root, double width, double height) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(width, screen.getWidth() - 40), Math.min(height, screen.getHeight() - 40));
        scene.getStylesheets().addAll(css(Theme.BASE_CSS), css(ImportStyles.CSS));
        return scene;
    }

    private static String css(String resource) {
        return Objects.requireNonNull(ImportWindows.class.getResource(resource), resource).toExternalForm();
    }
}
