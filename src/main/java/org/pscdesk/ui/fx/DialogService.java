package org.pscdesk.ui.fx;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Every dialog the app shows goes through here, so view models can be tested without windows (a test
 * passes a recording implementation).
 */
public interface DialogService {

    /** Tells the user something went wrong; {@code message} is one or two plain sentences. */
    void showError(String title, String message);

    /**
     * Asks a yes/no question.
     *
     * @param detail an explanation under the question, may be null
     * @param confirmLabel text of the button that says yes ("Adopt", "Replace")
     * @return true only if the user chose {@code confirmLabel}
     */
    boolean confirm(String title, String question, String detail, String confirmLabel);

    /** Lets the user pick an existing workspace file. */
    Optional<Path> chooseWorkspaceToOpen(Path initialFolder);

    /** Lets the user name a new workspace file (the {@code .gpkg} extension is added when missing). */
    Optional<Path> chooseNewWorkspaceFile(Path initialFolder);

    /**
     * Lets the user choose the working coordinate system of a new workspace.
     *
     * @param suggestions {@code CODE — description} lines offered in the list
     * @param defaultCode preselected code, e.g. {@code EPSG:26915}
     * @return the code typed or chosen (only its first word is used)
     */
    Optional<String> chooseCrs(List<String> suggestions, String defaultCode);
}
