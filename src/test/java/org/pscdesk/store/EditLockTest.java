package org.pscdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pscdesk.geo.Crs;

/** Two app windows on one workspace: the second is read-only until the first lets go. */
class EditLockTest {

    @TempDir
    Path dir;
    private String homeBefore;

    @BeforeEach
    void privateHome() {
        homeBefore = System.getProperty(AppFolders.HOME_PROPERTY);
        System.setProperty(AppFolders.HOME_PROPERTY, dir.resolve("home").toString());
    }

    @AfterEach
    void restoreHome() {
        if (homeBefore == null) {
            System.clearProperty(AppFolders.HOME_PROPERTY);
        } else {
            System.setProperty(AppFolders.HOME_PROPERTY, homeBefore);
        }
    }

    @Test
    void theSecondWindowIsReadOnlyAndTheFirstKeepsEditing() throws Exception {
        Path file = dir.resolve("ws.gpkg");
        Workspace.create(file, Crs.of("EPSG:26915")).close();
        try (Workspace first = Workspace.open(file)) {
            assertTrue(first.claimForEditing());
            try (Workspace second = Workspace.open(file)) {
                assertFalse(second.claimForEditing(), "another window has it");
                assertTrue(second.isReadOnly());
                assertEquals("", second.meta("name").orElse(""), "reading still works");
                WorkspaceException e = assertThrows(WorkspaceException.class, () -> second.putMeta("name", "mine"));
                assertTrue(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("read"), e.getMessage());
            }
            first.putMeta("name", "first window");
            assertEquals("first window", first.meta("name").orElseThrow());
        }
        try (Workspace again = Workspace.open(file)) {
            assertTrue(again.claimForEditing(), "free again once the first window closed");
            assertFalse(again.isReadOnly());
            again.putMeta("name", "again");
        }
    }
}
