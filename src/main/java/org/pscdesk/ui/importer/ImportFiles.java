package org.pscdesk.ui.importer;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Choosing what to import; a test answers instead of a file chooser. */
public interface ImportFiles {

    /** One or more data files; empty when the user cancels. */
    List<Path> chooseFiles(Path initialFolder);

    /** A folder (of SLMPD monthly files). */
    Optional<Path> chooseFolder(Path initialFolder);

    /** A {@code .prj} file naming the data's coordinate system. */
    Optional<Path> choosePrj(Path initialFolder);
}
