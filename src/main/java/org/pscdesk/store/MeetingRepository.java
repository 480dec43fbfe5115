package org.pscdesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.pscdesk.meeting.ActionItem;
import org.pscdesk.meeting.ActionItemStatus;
import org.pscdesk.meeting.AgendaStep;
import org.pscdesk.meeting.Meeting;
import org.pscdesk.meeting.MeetingStatus;

/**
 * Meetings in a workspace with their ACTION notes, attendance and action items ({@code psc_meetings},
 * {@code psc_agenda_notes}, {@code psc_attendance}, {@code psc_action_items}). Each write is one transaction.
 */
public final class MeetingRepository {

    private static final String INSERT_MEETING = "INSERT INTO psc_meetings (body_id, title, held_on, location,"
            + " facilitator, status) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String SELECT_MEETINGS = "SELECT id, body_id, title, held_on, location, facilitator, status"
            + " FROM psc_meetings ORDER BY held_on, id";
    private static final String UPSERT_NOTE = "INSERT INTO psc_agenda_notes (meeting_id, step, notes) VALUES (?, ?, ?)"
            + " ON CONFLICT (meeting_id, step) DO UPDATE SET notes = excluded.notes";
    private static final String SELECT_NOTES = "SELECT step, notes FROM psc_agenda_notes WHERE meeting_id = ?";
    private static final String INSERT_ATTENDANCE = "INSERT OR IGNORE INTO psc_attendance (meeting_id, org_id)"
            + " VALUES (?, ?)";
    private static final String SELECT_ATTENDANCE = "SELECT org_id FROM psc_attendance WHERE meeting_id = ?"
            + " ORDER BY org_id";
    private static final String INSERT_ACTION_ITEM = "INSERT INTO psc_action_items (meeting_id, owner_org_id,"
            + " program_id, place_label, description, due_on, status) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT_ACTION_ITEMS = "SELECT id, meeting_id, owner_org_id, program_id, place_label,"
            + " description, due_on, status FROM psc_action_items";
    private static final String BY_MEETING = " WHERE meeting_id = ? ORDER BY id";
    /** Outstanding = open or in progress ({@link ActionItemStatus#isOutstanding()}); soonest due first. */
    private static final String OUTSTANDING = " WHERE status IN ('open', 'in_progress')"
            + " ORDER BY due_on IS NULL, due_on, id";

    private final Workspace workspace;

    public MeetingRepository(Workspace workspace) {
        this.workspace = Objects.requireNonNull(workspace);
    }

    /**
     * Stores a meeting; returns it with its id. A meeting starts as a draft or in progress; it becomes final
     * through {@link MeetingRecords#finalizeMeeting}, which keeps the hash of its record.
     */
    public Meeting addMeeting(Meeting meeting) throws WorkspaceException {
        if (meeting.status() == org.pscdesk.meeting.MeetingStatus.FINALIZED) {
            throw new IllegalArgumentException("a meeting is finalized with MeetingRecords.finalizeMeeting, once"
                    + " its record is complete");
        }
        return workspace.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT_MEETING)) {
                ps.setLong(1, meeting.bodyId());
                ps.setString(2, meeting.title());
                ps.setString(3, meeting.heldOn().toString());
                ps.setString(4, meeting.location());
                ps.setString(5, meeting.facilitator());
                ps.setString(6, meeting.status().key());
                Meeting stored = meeting.withId(DirectoryRepository.insert(ps));
                workspace.audit(c, "meeting", "created meeting " + stored.id() + " (" + meeting.heldOn() + ", "
                        + meeting.title() + ")");
                return stored;
            }
        });
    }

    /** Every meeting, oldest first. */
    public List<Meeting> meetings() throws WorkspaceException {
        return workspace.query(c -> {
            List<Meeting> result = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SELECT_MEETINGS)) {
                while (rs.next()) {
                    result.add(new Meeting(rs.getLong(1), rs.getLong(2), rs.getString(3),
                            LocalDate.parse(rs.getString(4)), rs.getString(5), rs.getString(6),
                            MeetingStatus.of(rs.getString(7))));
                }
            }
            return result;
        });
    }

    /** Sets the notes of some ACTION steps of a meeting in one transaction, replacing earlier notes of those steps. */
    public void putAgendaNotes(long meetingId, Map<AgendaStep, String> notes) throws WorkspaceException {
        workspace.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(UPSERT_NOTE)) {
                for (Map.Entry<AgendaStep, String> note : notes.entrySet()) {
                    ps.setLong(1, meetingId);
                    ps.setString(2, note.getKey().key());
                    ps.setString(3, Objects.requireNonNull(note.getValue()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            for (AgendaStep step : notes.keySet()) {
                workspace.auditEdit(c, "meeting " + meetingId + ": notes of " + step.key());
            }
            return null;
        });
    }

    /** The notes of a meeting by ACTION step, in agenda order; steps without notes are absent. */
    public Map<AgendaStep, String> agendaNotes(long meetingId) throws WorkspaceException {
        return workspace.query(c -> {
            Map<AgendaStep, String> result = new EnumMap<>(AgendaStep.class);
            try (PreparedStatement ps = c.prepareStatement(SELECT_NOTES)) {
                ps.setLong(1, meetingId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.put(AgendaStep.of(rs.getString(1)), rs.getString(2));
                    }
                }
            }
            return result;
        });
    }

    /** Records that organizations attended a meeting (one transaction; recording one twice is harmless). */
    public void addAttendance(long meetingId, Collection<Long> orgIds) throws WorkspaceException {
        writeAttendance(meetingId, orgIds, false);
    }

    /** Sets who attended (organizations), replacing the earlier list, in one transaction. */
    public void setAttendance(long meetingId, Collection<Long> orgIds) throws WorkspaceException {
        writeAttendance(meetingId, orgIds, true);
    }

    private void writeAttendance(long meetingId, Collection<Long> orgIds, boolean replace) throws WorkspaceException {
        workspace.inTransaction(c -> {
            if (replace) {
                try (PreparedStatement del = c.prepareStatement("DELETE FROM psc_attendance WHERE meeting_id = ?")) {
                    del.setLong(1, meetingId);
                    del.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement(INSERT_ATTENDANCE)) {
                for (long orgId : orgIds) {
                    ps.setLong(1, meetingId);
                    ps.setLong(2, orgId);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            workspace.auditEdit(c, "meeting " + meetingId + ": attendance");
            return null;
        });
    }

    /** The ids of the organizations that attended a meeting, ascending. */
    public List<Long> attendance(long meetingId) throws WorkspaceException {
        return workspace.query(c -> {
            List<Long> result = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SELECT_ATTENDANCE)) {
                ps.setLong(1, meetingId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(rs.getLong(1));
                    }
                }
            }
            return result;
        });
    }

    /** Stores action items in one transaction (all or none); returns them with their ids, in order. */
    public List<ActionItem> addActionItems(List<ActionItem> items) throws WorkspaceException {
        return workspace.inTransaction(c -> {
            List<ActionItem> stored = new ArrayList<>(items.size());
            try (PreparedStatement ps = c.prepareStatement(INSERT_ACTION_ITEM)) {
                for (ActionItem item : items) {
                    ps.setLong(1, item.meetingId());
                    ps.setLong(2, item.ownerOrgId());
                    if (item.programId() == null) {
                        ps.setNull(3, Types.INTEGER);
                    } else {
                        ps.setLong(3, item.programId());
                    }
                    ps.setString(4, item.placeLabel());
                    ps.setString(5, item.description());
                    ps.setString(6, item.dueOn() == null ? null : item.dueOn().toString());
                    ps.setString(7, item.status().key());
                    stored.add(item.withId(DirectoryRepository.insert(ps)));
                }
            }
            for (ActionItem item : stored) {
                workspace.audit(c, "edit", "meeting " + item.meetingId() + ": action item " + item.id() + " added");
            }
            return stored;
        });
    }

    /** Stores one action item; returns it with its id. */
    public ActionItem addActionItem(ActionItem item) throws WorkspaceException {
        return addActionItems(List.of(item)).get(0);
    }

    /** The action items agreed at a meeting, in the order they were added. */
    public List<ActionItem> actionItems(long meetingId) throws WorkspaceException {
        return workspace.query(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT_ACTION_ITEMS + BY_MEETING)) {
                ps.setLong(1, meetingId);
                try (ResultSet rs = ps.executeQuery()) {
                    return readItems(rs);
                }
            }
        });
    }

    /** Every action item still owed (open or in progress) from any meeting, soonest due first, undated last. */
    public List<ActionItem> openActionItems() throws WorkspaceException {
        return workspace.query(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SELECT_ACTION_ITEMS + OUTSTANDING)) {
                return readItems(rs);
            }
        });
    }

    private static List<ActionItem> readItems(ResultSet rs) throws SQLException {
        List<ActionItem> result = new ArrayList<>();
        while (rs.next()) {
            long program = rs.getLong(4);
            Long programId = rs.wasNull() ? null : program;
            String due = rs.getString(7);
            result.add(new ActionItem(rs.getLong(1), rs.getLong(2), rs.getLong(3), programId, rs.getString(5),
                    rs.getString(6), due == null ? null : LocalDate.parse(due), ActionItemStatus.of(rs.getString(8))));
        }
        return result;
    }
}
