package org.pscdesk.store;

import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Fault injection for tests: a full disk, as SQLite meets it. {@code PRAGMA max_page_count} caps the file at
 * its present size on the workspace's own connection, so the next write that needs a new page fails with
 * SQLITE_FULL ("database or disk is full"), the error a full disk gives; lifting the cap is space coming back.
 */
public final class Faults {
    private Faults() {
    }

    /** Caps the workspace file at its present size (true) or lifts the cap (false). */
    public static void diskFull(Workspace ws, boolean full) throws WorkspaceException {
        ws.query(c -> {
            try (Statement st = c.createStatement()) {
                long pages;
                try (ResultSet rs = st.executeQuery("PRAGMA page_count")) {
                    rs.next();
                    pages = rs.getLong(1);
                }
                st.execute("PRAGMA max_page_count = " + (full ? pages : 1_073_741_823L));
            }
            return null;
        });
    }
}
