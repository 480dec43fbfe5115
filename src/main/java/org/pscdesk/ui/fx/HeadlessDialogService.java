package org.pscdesk.ui.fx;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Dialogs for unattended runs (the smoke test): errors go to stderr, questions are answered "no", file
 * choosers choose nothing. Nothing waits for a person.
 */
public final class HeadlessDialogService implements DialogService {

    private final PrintStream err;

    public HeadlessDialogService(PrintStream err) {
        this.err = err;
    }

    @Override
    public void showError(String title, String message) {
        err.println(title + ": " + message);
    }

    @Override
    public boolean confirm(String title, String question, String detail, String confirmLabel) {
        err.println(question + " (not confirmed: unattended run)");
        return false;
    }

    @Override
    public Optional<Path> chooseWorkspaceToOpen(Path initialFolder) {
        return Optional.empty();
    }

    @Override
    public Optional<Path> chooseNewWorkspaceFile(Path initialFolder) {
        return Optional.empty();
    }

    @Override
    public Optional<String> chooseCrs(List<String> suggestions, String defaultCode) {
        return Optional.empty();
    }
}
