package org.pscdesk.ui;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.pscdesk.ui.fx.DialogService;

/** A DialogService that records what would have been shown and answers from prepared replies. */
final class RecordingDialogs implements DialogService {

    record Shown(String title, String message) {
    }

    final List<Shown> errors = new ArrayList<>();
    final List<String> questions = new ArrayList<>();
    final Deque<Boolean> confirmReplies = new ArrayDeque<>();
    Path fileToOpen;
    Path newFile;
    String crs;

    @Override
    public void showError(String title, String message) {
        errors.add(new Shown(title, message));
    }

    @Override
    public boolean confirm(String title, String question, String detail, String confirmLabel) {
        questions.add(question);
        return !confirmReplies.isEmpty() && confirmReplies.pop();
    }

    @Override
    public Optional<Path> chooseWorkspaceToOpen(Path initialFolder) {
        return Optional.ofNullable(fileToOpen);
    }

    @Override
    public Optional<Path> chooseNewWorkspaceFile(Path initialFolder) {
        return Optional.ofNullable(newFile);
    }

    @Override
    public Optional<String> chooseCrs(List<String> suggestions, String defaultCode) {
        return Optional.ofNullable(crs);
    }
}
