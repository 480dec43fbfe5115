package org.pscdesk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Points the app's folders (settings, data, edit locks) at a temporary folder for the tests of one class, and
 * back afterwards, so tests never touch the folders of the person running them. Register it as a static field
 * with {@code @RegisterExtension}.
 */
public final class TemporaryHome implements BeforeAllCallback, AfterAllCallback {

    private String before;
    private Path home;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        before = System.getProperty(AppFolders.HOME_PROPERTY);
        home = Files.createTempDirectory("pscdesk-home-");
        System.setProperty(AppFolders.HOME_PROPERTY, home.toString());
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (before == null) {
            System.clearProperty(AppFolders.HOME_PROPERTY);
        } else {
            System.setProperty(AppFolders.HOME_PROPERTY, before);
        }
        try (Stream<Path> files = Files.walk(home)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
