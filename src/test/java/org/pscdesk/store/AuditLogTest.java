package org.pscdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pscdesk.demo.DemoCity;

/** The audit log records layer writes, meetings, finalizing and runs, with who and when, never a full path. */
class AuditLogTest {

    @TempDir
    Path dir;

    @Test
    void theDemoAndARunAreInTheLog() throws Exception {
        Path file = dir.resolve("demo.gpkg");
        DemoCity.write(file);
        try (Workspace ws = Workspace.open(file)) {
            new RunRepository(ws).delete("none"); // no such run: nothing logged
            List<Workspace.AuditEntry> log = ws.auditLog();
            long layers = log.stream().filter(e -> e.action().equals("layer")).count();
            long generated = ws.layers().stream().filter(l -> l.role() != LayerRole.RESULT).count();
            assertEquals(generated, layers, "one line per layer written: " + log);
            assertTrue(log.stream().anyMatch(e -> e.action().equals("run") && e.detail().contains("nov-2025")), "run");
            assertTrue(log.stream().anyMatch(e -> e.action().equals("meeting")), log.toString());
            Workspace.AuditEntry fin = log.stream().filter(e -> e.action().equals("finalize")).findFirst().orElseThrow();
            assertTrue(fin.detail().matches("meeting \\d+, sha256 [0-9a-f]{64}"), fin.detail());
            assertEquals(System.getProperty("user.name"), fin.who());
            for (Workspace.AuditEntry e : log) {
                assertFalse(e.detail().contains(dir.toString()), "no full path: " + e.detail());
                assertTrue(e.at().startsWith("20"), e.at());
            }
        }
    }
}
