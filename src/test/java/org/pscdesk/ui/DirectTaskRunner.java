package org.pscdesk.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.pscdesk.ui.fx.TaskRunner;
import org.pscdesk.ui.fx.Work;

/** Runs work on the calling thread, so view-model tests see the outcome as soon as an action returns. */
final class DirectTaskRunner extends TaskRunner {

    final List<String> messages = new ArrayList<>();

    @Override
    public <T> void run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        messages.add(title);
        T result;
        try {
            result = work.run((text, fraction) -> messages.add(text));
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }
}
