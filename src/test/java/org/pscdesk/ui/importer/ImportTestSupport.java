package org.pscdesk.ui.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.junit.jupiter.api.Assumptions;
import org.pscdesk.store.LayerInfo;
import org.pscdesk.store.Workspace;
import org.pscdesk.store.WorkspaceException;
import org.pscdesk.ui.fx.DialogService;
import org.pscdesk.ui.fx.TaskRunner;
import org.pscdesk.ui.fx.Work;
import org.pscdesk.ui.map.MapData;

/** Real input files, a same-thread runner, recorded dialogs and a host around a real workspace. */
final class ImportTestSupport {

    /** The header of {@link #places}: lat/lon columns and a personal column. */
    static final String PLACES_HEADER = "id,name,owner_email,category,opened,lat,lon";
    static final String[] CATEGORIES = {"bar", "liquor store", "restaurant", "grocery"};

    private ImportTestSupport() {
    }

    /** {@code rows} places around St. Louis with lat/lon, an owner's e-mail and a category cycling through {@link #CATEGORIES}. */
    static Path places(Path file, int rows) throws IOException {
        Random random = new Random(11);
        StringBuilder sb = new StringBuilder(PLACES_HEADER).append('\n');
        for (int i = 0; i < rows; i++) {
            sb.append(i + 1).append(",\"Place ").append(i + 1).append("\",owner").append(i).append("@example.org,")
                    .append(CATEGORIES[i % CATEGORIES.length]).append(",2019-0").append(1 + i % 9).append("-1")
                    .append(i % 9).append(',').append(String.format(java.util.Locale.ROOT, "%.6f,%.6f",
                            38.58 + random.nextDouble() * 0.1, -90.30 + random.nextDouble() * 0.1)).append('\n');
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        return file;
    }

    /** A FeatureCollection of {@code n} points with a name property. */
    static Path geoJson(Path file, int n) throws IOException {
        StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"type\":\"Feature\",\"properties\":{\"school\":\"School ")
                    .append(i).append("\",\"pupils\":").append(100 + i).append("},\"geometry\":{\"type\":\"Point\","
                    + "\"coordinates\":[").append(-90.25 + i * 0.001).append(',').append(38.62 + i * 0.001)
                    .append("]}}");
        }
        Files.writeString(file, sb.append("]}").toString(), StandardCharsets.UTF_8);
        return file;
    }

    /** Bytes that are no text at all, under a .csv name. */
    static Path junk(Path file) throws IOException {
        byte[] bytes = new byte[4096];
        new Random(3).nextBytes(bytes);
        return Files.write(file, bytes);
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path sharedData() {
        String prop = System.getProperty("pscdesk.shared.data");
        Path p = prop == null ? null : Path.of(prop);
        Assumptions.assumeTrue(p != null && Files.isDirectory(p), "shared data not available");
        return p;
    }

    /** Runs work on the calling thread; an optional hook sees every progress report. */
    static final class DirectRunner extends TaskRunner {
        final List<String> titles = new ArrayList<>();
        BiConsumer<String, Double> onProgress = (s, f) -> { };

        @Override
        public <T> void run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            titles.add(title);
            T result;
            try {
                result = work.run((text, fraction) -> onProgress.accept(text, fraction));
            } catch (Exception e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        }
    }

    /** Records errors and questions; answers questions from prepared replies (no reply: "no"). */
    static final class Dialogs implements DialogService {
        final List<String> errors = new ArrayList<>();
        final List<String> questions = new ArrayList<>();
        final Deque<Boolean> replies = new ArrayDeque<>();

        @Override
        public void showError(String title, String message) {
            errors.add(title + ": " + message);
        }

        @Override
        public boolean confirm(String title, String question, String detail, String confirmLabel) {
            questions.add(question);
            return !replies.isEmpty() && replies.pop();
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

    /** A host around an open workspace; "reloading" re-reads its layers, as the main window does. */
    static final class Host implements ImportHost {
        final Workspace workspace;
        final DirectRunner runner = new DirectRunner();
        final Dialogs dialogs = new Dialogs();
        final List<String> imported = new ArrayList<>();
        private List<LayerInfo> layers;

        Host(Workspace workspace) throws WorkspaceException {
            this.workspace = workspace;
            this.layers = workspace.layers();
        }

        @Override
        public Workspace workspace() {
            return workspace;
        }

        @Override
        public String workspaceName() {
            return "test";
        }

        @Override
        public List<LayerInfo> layers() {
            return layers;
        }

        @Override
        public MapData map() {
            return null;
        }

        @Override
        public TaskRunner runner() {
            return runner;
        }

        @Override
        public DialogService dialogs() {
            return dialogs;
        }

        @Override
        public void imported(String layer) {
            imported.add(layer);
            try {
                layers = workspace.layers();
            } catch (WorkspaceException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Choosers that answer with prepared files. */
    static final class Choosers implements ImportFiles {
        List<Path> files = List.of();
        Path folder;
        Path prj;

        @Override
        public List<Path> chooseFiles(Path initialFolder) {
            return files;
        }

        @Override
        public Optional<Path> chooseFolder(Path initialFolder) {
            return Optional.ofNullable(folder);
        }

        @Override
        public Optional<Path> choosePrj(Path initialFolder) {
            return Optional.ofNullable(prj);
        }
    }
}
