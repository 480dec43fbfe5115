package org.pscdesk.ui.fx;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Dialogs as JavaFX windows owned by the main window. */
public final class FxDialogService implements DialogService {

    private static final FileChooser.ExtensionFilter WORKSPACES =
            new FileChooser.ExtensionFilter("PSC Desk workspaces (*.gpkg)", "*.gpkg");
    private static final FileChooser.ExtensionFilter ALL_FILES = new FileChooser.ExtensionFilter("All files", "*");

    private final Window owner;

    public FxDialogService(Window owner) {
        this.owner = owner;
    }

    @Override
    public void showError(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        prepare(alert, title);
        alert.setHeaderText(title);
        alert.showAndWait();
    }

    @Override
    public boolean confirm(String title, String question, String detail, String confirmLabel) {
        ButtonType yes = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, detail == null ? "" : detail, yes, ButtonType.CANCEL);
        prepare(alert, title);
        alert.setHeaderText(question);
        return alert.showAndWait().filter(yes::equals).isPresent();
    }

    @Override
    public Optional<Path> chooseWorkspaceToOpen(Path initialFolder) {
        FileChooser chooser = chooser("Open workspace", initialFolder);
        chooser.getExtensionFilters().setAll(WORKSPACES, ALL_FILES);
        File file = chooser.showOpenDialog(owner);
        return Optional.ofNullable(file).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseNewWorkspaceFile(Path initialFolder) {
        FileChooser chooser = chooser("New workspace", initialFolder);
        chooser.getExtensionFilters().setAll(WORKSPACES);
        chooser.setInitialFileName("workspace.gpkg");
        File file = chooser.showSaveDialog(owner);
        if (file == null) {
            return Optional.empty();
        }
        Path path = file.toPath();
        if (!path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gpkg")) {
            path = path.resolveSibling(path.getFileName() + ".gpkg");
        }
        return Optional.of(path);
    }

    @Override
    public Optional<String> chooseCrs(List<String> suggestions, String defaultCode) {
        Dialog<String> dialog = new Dialog<>();
        prepare(dialog, "Coordinate system");
        dialog.setHeaderText("Which coordinate system should the new workspace use?");
        ComboBox<String> box = new ComboBox<>();
        box.getItems().setAll(suggestions);
        box.setEditable(true);
        box.setMaxWidth(Double.MAX_VALUE);
        suggestions.stream().filter(s -> s.startsWith(defaultCode)).findFirst()
                .ifPresentOrElse(box::setValue, () -> box.setValue(defaultCode));
        Label hint = new Label("Choose the one your city's GIS office uses, or type a code such as EPSG:26915."
                + " Layers you import later are converted to it.");
        hint.setWrapText(true);
        hint.setMaxWidth(460);
        VBox content = new VBox(10, box, hint);
        dialog.getDialogPane().setContent(content);
        ButtonType create = new ButtonType("Create", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(create, ButtonType.CANCEL);
        dialog.setResultConverter(button -> button == create ? box.getEditor().getText() : null);
        return dialog.showAndWait().map(String::trim).filter(s -> !s.isEmpty());
    }

    private FileChooser chooser(String title, Path initialFolder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (initialFolder != null && Files.isDirectory(initialFolder)) {
            chooser.setInitialDirectory(initialFolder.toFile());
        }
        return chooser;
    }

    private void prepare(Dialog<?> dialog, String title) {
        dialog.setTitle(title);
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.getDialogPane().setMinWidth(480);
    }
}
