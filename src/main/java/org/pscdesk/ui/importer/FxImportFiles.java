package org.pscdesk.ui.importer;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** File and folder choosers owned by the wizard's window. */
final class FxImportFiles implements ImportFiles {

    private static final FileChooser.ExtensionFilter DATA = new FileChooser.ExtensionFilter(
            "Data files (CSV, GeoJSON, Shapefile, KML, GeoPackage, zip)", "*.csv", "*.tsv", "*.txt", "*.geojson",
            "*.json", "*.shp", "*.kml", "*.kmz", "*.gpkg", "*.zip", "*.CSV", "*.SHP", "*.ZIP");
    private static final FileChooser.ExtensionFilter PRJ = new FileChooser.ExtensionFilter(
            "Coordinate system files (*.prj)", "*.prj", "*.PRJ");
    private static final FileChooser.ExtensionFilter ALL = new FileChooser.ExtensionFilter("All files", "*");

    private final Supplier<Window> owner;

    FxImportFiles(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public List<Path> chooseFiles(Path initialFolder) {
        FileChooser chooser = chooser("Choose the data to import", initialFolder);
        chooser.getExtensionFilters().setAll(DATA, ALL);
        List<File> files = chooser.showOpenMultipleDialog(owner.get());
        return files == null ? List.of() : files.stream().map(File::toPath).toList();
    }

    @Override
    public Optional<Path> chooseFolder(Path initialFolder) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Choose the folder of SLMPD monthly files");
        if (initialFolder != null && Files.isDirectory(initialFolder)) {
            chooser.setInitialDirectory(initialFolder.toFile());
        }
        return Optional.ofNullable(chooser.showDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> choosePrj(Path initialFolder) {
        FileChooser chooser = chooser("Choose the .prj file that came with the data", initialFolder);
        chooser.getExtensionFilters().setAll(PRJ, ALL);
        return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(File::toPath);
    }

    private static FileChooser chooser(String title, Path initialFolder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (initialFolder != null && Files.isDirectory(initialFolder)) {
            chooser.setInitialDirectory(initialFolder.toFile());
        }
        return chooser;
    }
}
