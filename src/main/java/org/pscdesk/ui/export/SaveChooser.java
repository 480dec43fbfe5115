package org.pscdesk.ui.export;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks where to save an export. */
@FunctionalInterface
interface SaveChooser {

    /**
     * @param folder where to start, or null
     * @param fileName the name offered
     * @param description what the files are, for the type filter ("PDF files")
     * @param extension without the dot
     */
    Optional<Path> choose(Window owner, String title, Path folder, String fileName, String description,
                          String extension);

    /** The system's file chooser; it asks itself before an existing file is replaced. */
    SaveChooser NATIVE = (owner, title, folder, fileName, description, extension) -> {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (folder != null && Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
        chooser.setInitialFileName(fileName);
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter(description + " (*." + extension + ")",
                "*." + extension), new FileChooser.ExtensionFilter("All files", "*"));
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
    };
}
