package org.pscdesk.store;

import java.nio.file.Path;
import java.util.Map;

import org.pscdesk.meeting.AgendaStep;

/**
 * The process {@link KillTest} kills: it writes numbered edits to a meeting's notes, one transaction each, and
 * prints each number after its call returned, until it is killed.
 */
public final class KillTestChild {

    private KillTestChild() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long meeting = Long.parseLong(args[1]);
        long start = Long.parseLong(args[2]);
        try (Workspace ws = Workspace.open(file)) {
            MeetingRepository repo = new MeetingRepository(ws);
            System.out.println("ready");
            System.out.flush();
            for (long i = start; ; i++) {
                repo.putAgendaNotes(meeting, Map.of(AgendaStep.TASKS, "edit " + i,
                        AgendaStep.ASSESSMENT, "x".repeat((int) (i % 5000))));
                System.out.println(i); // only after the call returned: the edit is committed
                System.out.flush();
            }
        }
    }
}
