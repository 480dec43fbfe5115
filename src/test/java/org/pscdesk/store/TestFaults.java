package org.pscdesk.store;

import java.sql.SQLException;

/** Fault injection for tests in other packages: a workspace whose disk is "full". */
public final class TestFaults {
    private TestFaults() {
    }

    /** After this, writes that grow the file by more than {@code extraPages} pages fail with SQLITE_FULL. */
    public static void diskFullAfter(Workspace ws, int extraPages) throws SQLException {
        ws.limitPages(extraPages);
    }
}
