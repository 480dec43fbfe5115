package org.pscdesk.ui.fx;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import javafx.concurrent.Task;

/**
 * Runs work as {@link Task}s on one daemon thread, in order: workspace work is serial anyway (one writer),
 * and ordering keeps "close the old workspace" before "open the next" without locks.
 */
public final class FxTaskRunner extends TaskRunner {

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "pscdesk-work");
        t.setDaemon(true);
        return t;
    });
    private int running;

    @Override
    public <T> void run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                updateMessage(title);
                updateProgress(-1, 1);
                return work.run((text, fraction) -> {
                    if (text != null) {
                        updateMessage(text);
                    }
                    if (fraction < 0) {
                        updateProgress(-1, 1);
                    } else {
                        updateProgress(Math.max(fraction, 0.01), 1);
                    }
                });
            }
        };
        task.messageProperty().addListener((o, was, now) -> message.set(now));
        task.progressProperty().addListener((o, was, now) -> progress.set(now.doubleValue()));
        task.setOnSucceeded(e -> {
            finished();
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            finished();
            onFailure.accept(task.getException());
        });
        running++;
        busy.set(true);
        message.set(title);
        progress.set(-1);
        executor.execute(task);
    }

    private void finished() {
        running--;
        if (running == 0) {
            busy.set(false);
            message.set("");
            progress.set(0);
        }
    }

    @Override
    public void shutdown() {
        executor.shutdown();
    }
}
