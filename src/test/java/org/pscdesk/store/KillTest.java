package org.pscdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pscdesk.geo.Crs;
import org.pscdesk.meeting.AgendaStep;
import org.pscdesk.meeting.Body;
import org.pscdesk.meeting.BodyKind;
import org.pscdesk.meeting.Meeting;
import org.pscdesk.meeting.MeetingStatus;

/**
 * Nothing typed is ever lost (issue 7): a separate process writes meeting notes in a loop and is killed with
 * SIGKILL at random moments, 100 times; after each kill the workspace passes {@code integrity_check}, opens,
 * and holds every edit whose call had returned (the last number the process printed, or a later one).
 */
class KillTest {

    static final int KILLS = 100;

    @TempDir
    Path dir;

    @Test
    void everyReturnedEditSurvivesAHundredKills() throws Exception {
        Path file = dir.resolve("ws.gpkg");
        long meeting;
        try (Workspace ws = Workspace.create(file, Crs.of("EPSG:26915"))) {
            Body body = new DirectoryRepository(ws).addBody(new Body("PSC", BodyKind.COLLABORATIVE, null));
            meeting = new MeetingRepository(ws).addMeeting(new Meeting(body.id(), "Kill test", LocalDate.of(2026, 1, 1),
                    null, null, MeetingStatus.IN_PROGRESS)).id();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        Random random = new Random(20261129);
        long next = 1;
        int killedMidWrite = 0;
        for (int k = 0; k < KILLS; k++) {
            // sqlite-jdbc unpacks its native library into the temp folder and a killed child cannot delete it:
            // unpacked into this test's folder, a hundred copies (50 MB) do not pile up in /tmp at every run.
            Process p = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                    "-Dorg.sqlite.tmpdir=" + dir, "-cp", classPath,
                    KillTestChild.class.getName(), file.toString(), Long.toString(meeting), Long.toString(next))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            long lastReturned = next - 1;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                assertEquals("ready", out.readLine(), "child started");
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20 + random.nextInt(180));
                String line;
                while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
                    lastReturned = Long.parseLong(line);
                }
                // SIGKILL through the handle: Process.destroyForcibly would also close our end of its output
                p.toHandle().destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                // numbers printed before the kill but not yet read also returned
                while ((line = out.readLine()) != null) {
                    lastReturned = Long.parseLong(line);
                }
            }
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                 Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertEquals("ok", rs.getString(1), "integrity after kill " + k);
            }
            long stored;
            try (Workspace ws = Workspace.open(file)) {
                String notes = new MeetingRepository(ws).agendaNotes(meeting).getOrDefault(AgendaStep.TASKS, "edit 0");
                stored = Long.parseLong(notes.substring("edit ".length()));
            }
            assertTrue(stored >= lastReturned, "kill " + k + ": edit " + lastReturned + " had returned, stored "
                    + stored);
            if (stored > lastReturned) {
                killedMidWrite++; // committed, killed before it printed: allowed
            }
            next = stored + 1;
        }
        assertTrue(next > KILLS, "the children wrote edits between the kills: " + (next - 1));
        System.out.println("kill test: " + KILLS + " kills, " + (next - 1) + " edits, " + killedMidWrite
                + " kills between commit and print");
    }
}
