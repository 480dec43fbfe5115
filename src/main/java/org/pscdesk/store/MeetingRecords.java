package org.pscdesk.store;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * The whole record of a meeting (issue 7): places ranked with their narratives and facts, decisions, program
 * commitments, action items with their places and the meeting they were carried from; the meeting's JSON
 * ({@code pscdesk meeting --json}); and finalizing, which stores a SHA-256 of that JSON and makes the record
 * immutable (triggers in migration V5 refuse every later change, whatever path it takes).
 */
public final class MeetingRecords {

    /** One line of {@code pscdesk meetings}. */
    public record Summary(long id, LocalDate date, String title, String status) {
    }

    private final Workspace workspace;

    public MeetingRecords(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Meetings, newest first. */
    public List<Summary> summaries() throws WorkspaceException {
        return workspace.query(c -> {
            List<Summary> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, held_on, title, status FROM psc_meetings ORDER BY held_on DESC, id DESC");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Summary(rs.getLong(1), LocalDate.parse(rs.getString(2)), rs.getString(3),
                            rs.getString(4)));
                }
            }
            return out;
        });
    }

    /** Adds a place typed by the room (no shape) to the registry; returns its id. */
    public long addPlace(String label, String runName, String cells, LocalDate createdOn) throws WorkspaceException {
        return addPlace(label, runName, cells, createdOn, null, "typed");
    }

    /**
     * Adds a place to the registry; returns its id.
     *
     * @param cells the run's cell ids it covers, comma-separated, or null
     * @param shape its outline in the working CRS (stored as a GeoPackage geometry), or null
     * @param origin how it was made: {@code cells} (picked on the map), {@code area} (a reference polygon) or
     *               {@code typed}
     */
    public long addPlace(String label, String runName, String cells, LocalDate createdOn, Geometry shape,
                         String origin) throws WorkspaceException {
        org.pscdesk.geo.Crs crs = shape == null ? null : workspace.crs().orElseThrow(() -> new WorkspaceException(
                WorkspaceException.Reason.BAD_INPUT, workspace.file(), "The workspace has no working CRS yet."));
        return workspace.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO psc_places (label, run_name, cells,"
                    + " created_on, shape, origin) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, label);
                ps.setString(2, runName);
                ps.setString(3, cells);
                ps.setString(4, createdOn.toString());
                ps.setBytes(5, shape == null ? null : GpkgGeometry.encode(shape, workspace.ensureSrs(crs)));
                ps.setString(6, origin);
                return DirectoryRepository.insert(ps);
            }
        });
    }

    /** A registry place: what the store knows of it outside any meeting. */
    public record Place(long id, String label, String runName, String cells, Geometry shape, String origin,
                        LocalDate createdOn) {
    }

    /** A place of the registry, or empty. */
    public Optional<Place> place(long placeId) throws WorkspaceException {
        return workspace.query(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, label, run_name, cells, shape, origin,"
                    + " created_on FROM psc_places WHERE id = ?")) {
                ps.setLong(1, placeId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Place>empty();
                    }
                    byte[] shape = rs.getBytes(5);
                    return Optional.of(new Place(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            shape == null ? null : GpkgGeometry.decode(shape, new GeometryFactory()), rs.getString(6),
                            LocalDate.parse(rs.getString(7))));
                }
            }
        });
    }

    /** A place as ranked at one meeting. */
    public record RankedPlace(long placeId, int rank, String label, String narrative, String factsJson,
                              int dots) {
    }

    /** The places ranked at a meeting, by rank, with their dot-vote totals. */
    public List<RankedPlace> rankedPlaces(long meetingId) throws WorkspaceException {
        return workspace.query(c -> {
            List<RankedPlace> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT p.id, mp.rank, p.label, mp.narrative, mp.facts,"
                    + " (SELECT COALESCE(SUM(v.dots), 0) FROM psc_votes v WHERE v.meeting_id = mp.meeting_id"
                    + " AND v.place_id = p.id) FROM psc_meeting_places mp JOIN psc_places p ON p.id = mp.place_id"
                    + " WHERE mp.meeting_id = ? ORDER BY mp.rank, p.id")) {
                ps.setLong(1, meetingId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new RankedPlace(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getInt(6)));
                    }
                }
            }
            return out;
        });
    }

    /** A place's history: every meeting that ranked it, oldest first. */
    public record PlaceHistory(long meetingId, LocalDate date, String title, int rank, String narrative,
                               String factsJson) {
    }

    /** Every place of the registry, newest first. */
    public List<Place> registry() throws WorkspaceException {
        return workspace.query(c -> {
            List<Place> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, label, run_name, cells, shape, origin,"
                    + " created_on FROM psc_places ORDER BY id DESC"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byte[] shape = rs.getBytes(5);
                    out.add(new Place(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            shape == null ? null : GpkgGeometry.decode(shape, new GeometryFactory()), rs.getString(6),
                            LocalDate.parse(rs.getString(7))));
                }
            }
            return out;
        });
    }

    /** Where a place has been discussed, oldest meeting first. */
    public List<PlaceHistory> history(long placeId) throws WorkspaceException {
        return workspace.query(c -> {
            List<PlaceHistory> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT m.id, m.held_on, m.title, mp.rank, mp.narrative,"
                    + " mp.facts FROM psc_meeting_places mp JOIN psc_meetings m ON m.id = mp.meeting_id"
                    + " WHERE mp.place_id = ? ORDER BY m.held_on, m.id")) {
                ps.setLong(1, placeId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new PlaceHistory(rs.getLong(1), LocalDate.parse(rs.getString(2)), rs.getString(3),
                                rs.getInt(4), rs.getString(5), rs.getString(6)));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Ranks a place at a meeting, with its risk narrative and the model's facts about it.
     *
     * @param factsJson a JSON object (area, risk class, factors present, incidents in words...)
     */
    public void rankPlace(long meetingId, long placeId, int rank, String narrative, String factsJson)
            throws WorkspaceException {
        rankPlace(meetingId, placeId, rank, narrative, factsJson, "edited");
    }

    /**
     * Ranks a place at a meeting; its narrative is kept as the first version.
     *
     * @param origin {@code generated} when the narrative is the app's draft, {@code edited} when the room wrote it
     */
    public void rankPlace(long meetingId, long placeId, int rank, String narrative, String factsJson, String origin)
            throws WorkspaceException {
        workspace.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO psc_meeting_places (meeting_id, place_id,"
                    + " rank, narrative, facts) VALUES (?, ?, ?, ?, ?)")) {
                ps.setLong(1, meetingId);
                ps.setLong(2, placeId);
                ps.setInt(3, rank);
                ps.setString(4, narrative);
                ps.setString(5, factsJson);
                ps.executeUpdate();
            }
            addNarrativeVersion(c, meetingId, placeId, narrative, origin);
            workspace.audit(c, "edit", "meeting " + meetingId + ": place " + placeId + " ranked " + rank);
            return null;
        });
    }

    /** The room's new wording of a place's narrative: the current text changes, the earlier ones are kept. */
    public void setNarrative(long meetingId, long placeId, String narrative) throws WorkspaceException {
        workspace.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE psc_meeting_places SET narrative = ?"
                    + " WHERE meeting_id = ? AND place_id = ? AND narrative <> ?")) {
                ps.setString(1, narrative);
                ps.setLong(2, meetingId);
                ps.setLong(3, placeId);
                ps.setString(4, narrative);
                if (ps.executeUpdate() == 1) { // an unchanged text is not a new version
                    addNarrativeVersion(c, meetingId, placeId, narrative, "edited");
                    workspace.auditEdit(c, "meeting " + meetingId + ": narrative of place " + placeId);
                }
            }
            return null;
        });
    }

    private void addNarrativeVersion(Connection c, long meetingId, long placeId, String narrative, String origin)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO psc_narrative_versions (meeting_id, place_id,"
                + " narrative, origin, written_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, meetingId);
            ps.setLong(2, placeId);
            ps.setString(3, narrative);
            ps.setString(4, origin);
            ps.setString(5, workspace.now().toString());
            ps.executeUpdate();
        }
    }

    /** One wording of a place's narrative. */
    public record NarrativeVersion(String narrative, String origin, String writtenAt) {
    }

    /** Every wording of a place's narrative at a meeting, oldest first. */
    public List<NarrativeVersion> narrativeVersions(long meetingId, long placeId) throws WorkspaceException {
        return workspace.query(c -> {
            List<NarrativeVersion> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT narrative, origin, written_at FROM"
                    + " psc_narrative_versions WHERE meeting_id = ? AND place_id = ? ORDER BY id")) {
                ps.setLong(1, meetingId);
                ps.setLong(2, placeId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new NarrativeVersion(rs.getString(1), rs.getString(2), rs.getString(3)));
                    }
                }
            }
            return out;
        });
    }

    /** Takes a place off a meeting's list (a mistake in the room); the registry keeps the place. */
    public void unrankPlace(long meetingId, long placeId) throws WorkspaceException {
        workspace.inTransaction(c -> {
            for (String table : List.of("psc_votes", "psc_narrative_versions", "psc_meeting_places")) {
                try (PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM " + table + " WHERE meeting_id = ? AND place_id = ?")) {
                    ps.setLong(1, meetingId);
                    ps.setLong(2, placeId);
                    ps.executeUpdate();
                }
            }
            renumber(c, meetingId, placeIds(c, meetingId));
            workspace.audit(c, "edit", "meeting " + meetingId + ": place " + placeId + " taken off the list");
            return null;
        });
    }

    /** Ranks a meeting's places in the given order (direct ranking or discussion order): 1, 2, 3... */
    public void reorder(long meetingId, List<Long> placeIds) throws WorkspaceException {
        workspace.inTransaction(c -> {
            renumber(c, meetingId, placeIds);
            workspace.auditEdit(c, "meeting " + meetingId + ": places ranked");
            return null;
        });
    }

    /** Sets an organization's dots for a place (0 takes them back). */
    public void setDots(long meetingId, long placeId, long orgId, int dots) throws WorkspaceException {
        if (dots < 0) {
            throw new IllegalArgumentException("dots cannot be negative");
        }
        workspace.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO psc_votes (meeting_id, place_id, org_id,"
                    + " dots) VALUES (?, ?, ?, ?) ON CONFLICT (meeting_id, place_id, org_id) DO UPDATE SET dots ="
                    + " excluded.dots")) {
                ps.setLong(1, meetingId);
                ps.setLong(2, placeId);
                ps.setLong(3, orgId);
                ps.setInt(4, dots);
                ps.executeUpdate();
            }
            workspace.auditEdit(c, "meeting " + meetingId + ": dot votes");
            return null;
        });
    }

    /** Dots per place and organization at a meeting: place id → organization id → dots. */
    public java.util.Map<Long, java.util.Map<Long, Integer>> votes(long meetingId) throws WorkspaceException {
        return workspace.query(c -> {
            java.util.Map<Long, java.util.Map<Long, Integer>> out = new java.util.LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT place_id, org_id, dots FROM psc_votes"
                    + " WHERE meeting_id = ? AND dots > 0 ORDER BY place_id, org_id")) {
                ps.setLong(1, meetingId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getLong(1), k -> new java.util.LinkedHashMap<>())
                                .put(rs.getLong(2), rs.getInt(3));
                    }
                }
            }
            return out;
        });
    }

    /** Ranks a meeting's places by their dot totals, most first; ties keep their order. */
    public void rankByVotes(long meetingId) throws WorkspaceException {
        List<RankedPlace> places = new ArrayList<>(rankedPlaces(meetingId));
        places.sort(java.util.Comparator.comparingInt(RankedPlace::dots).reversed()); // stable: ties keep rank
        reorder(meetingId, places.stream().map(RankedPlace::placeId).toList());
    }

    private static List<Long> placeIds(Connection c, long meetingId) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT place_id FROM psc_meeting_places WHERE meeting_id = ? ORDER BY rank, place_id")) {
            ps.setLong(1, meetingId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    private static void renumber(Connection c, long meetingId, List<Long> placeIds) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE psc_meeting_places SET rank = ? WHERE meeting_id = ? AND place_id = ?")) {
            for (int i = 0; i < placeIds.size(); i++) {
                ps.setInt(1, i + 1);
                ps.setLong(2, meetingId);
                ps.setLong(3, placeIds.get(i));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Changes a meeting's title, date, place and facilitator (refused once it is finalized). */
    public void setDetails(long meetingId, String title, LocalDate date, String location, String facilitator)
            throws WorkspaceException {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a meeting needs a title");
        }
        workspace.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE psc_meetings SET title = ?, held_on = ?,"
                    + " location = ?, facilitator = ? WHERE id = ?")) {
                ps.setString(1, title.strip());
                ps.setString(2, date.toString());
                ps.setString(3, blankToNull(location));
                ps.setString(4, blankToNull(facilitator));
                ps.setLong(5, meetingId);
                ps.executeUpdate();
            }
            workspace.auditEdit(c, "meeting " + meetingId + ": title, date, place or facilitator");
            return null;
        });
    }

    /**
     * Starts the correction of a finalized meeting: a new draft meeting of the same body that names the one it
     * corrects; the finalized record itself is not touched. Returns the new meeting's id.
     */
    public long startCorrection(long finalizedId, LocalDate today) throws WorkspaceException {
        return workspace.inTransaction(c -> {
            long body;
            String title;
            String status;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT body_id, title, status FROM psc_meetings WHERE id = ?")) {
                ps.setLong(1, finalizedId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("there is no meeting " + finalizedId);
                    }
                    body = rs.getLong(1);
                    title = rs.getString(2);
                    status = rs.getString(3);
                }
            }
            if (!"finalized".equals(status)) {
                throw new SQLException("meeting " + finalizedId + " is not finalized: change it directly");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO psc_meetings (body_id, title, held_on, status,"
                    + " corrects) VALUES (?, ?, ?, 'draft', ?)")) {
                ps.setLong(1, body);
                ps.setString(2, "Correction of: " + title);
                ps.setString(3, today.toString());
                ps.setLong(4, finalizedId);
                long id = DirectoryRepository.insert(ps);
                workspace.audit(c, "meeting", "meeting " + id + " started as a correction of meeting " + finalizedId);
                return id;
            }
        });
    }

    /** A meeting linked by a correction: its id, date and title. */
    public record Link(long id, LocalDate date, String title) {
    }

    /** The meeting this one corrects, if it is a correction. */
    public Optional<Link> corrects(long meetingId) throws WorkspaceException {
        List<Link> links = links("SELECT o.id, o.held_on, o.title FROM psc_meetings m JOIN psc_meetings o"
                + " ON o.id = m.corrects WHERE m.id = ?", meetingId);
        return links.stream().findFirst();
    }

    /** The meetings that correct this one, oldest first. */
    public List<Link> correctedBy(long meetingId) throws WorkspaceException {
        return links("SELECT id, held_on, title FROM psc_meetings WHERE corrects = ? ORDER BY held_on, id", meetingId);
    }

    private List<Link> links(String sql, long meetingId) throws WorkspaceException {
        return workspace.query(c -> {
            List<Link> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, meetingId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Link(rs.getLong(1), LocalDate.parse(rs.getString(2)), rs.getString(3)));
                    }
                }
            }
            return out;
        });
    }

    /** The meeting starts in the room: draft → in progress. */
    public void start(long meetingId) throws WorkspaceException {
        workspace.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE psc_meetings SET status = 'in_progress' WHERE id = ? AND status = 'draft'")) {
                ps.setLong(1, meetingId);
                if (ps.executeUpdate() == 1) {
                    workspace.audit(c, "meeting", "meeting " + meetingId + " started");
                }
            }
            return null;
        });
    }

    /** Moves a meeting to another body (the collaborative or one of its working groups). */
    public void setBody(long meetingId, long bodyId) throws WorkspaceException {
        workspace.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE psc_meetings SET body_id = ? WHERE id = ?")) {
                ps.setLong(1, bodyId);
                ps.setLong(2, meetingId);
                ps.executeUpdate();
            }
            workspace.auditEdit(c, "meeting " + meetingId + ": body");
            return null;
        });
    }

    /** Sets the RTM runs a meeting discusses. */
    public void setRuns(long meetingId, java.util.Collection<String> runNames) throws WorkspaceException {
        workspace.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM psc_meeting_runs WHERE meeting_id = ?")) {
                ps.setLong(1, meetingId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO psc_meeting_runs (meeting_id, run_name) VALUES (?, ?)")) {
                for (String run : new java.util.LinkedHashSet<>(runNames)) {
                    ps.setLong(1, meetingId);
                    ps.setString(2, run);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            workspace.auditEdit(c, "meeting " + meetingId + ": runs discussed");
            return null;
        });
    }

    /**
     * The runs a meeting discusses: those set for it, then any other run it showed on the projector, in that
     * order, each once.
     */
    public List<String> runs(long meetingId) throws WorkspaceException {
        return workspace.query(c -> {
            java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT run_name FROM psc_meeting_runs WHERE meeting_id"
                    + " = ? ORDER BY run_name")) {
                ps.setLong(1, meetingId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT run_name FROM psc_map_views WHERE meeting_id = ? ORDER BY id")) {
                ps.setLong(1, meetingId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return List.copyOf(out);
        });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Records a decision and its reason; returns its id. */
    public long addDecision(long meetingId, String text, String reason, Long placeId) throws WorkspaceException {
        return workspace.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO psc_decisions (meeting_id, text, reason, place_id) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, meetingId);
                ps.setString(2, text);
                ps.setString(3, reason);
                setLong(ps, 4, placeId);
                long id = DirectoryRepository.insert(ps);
                workspace.audit(c, "edit", "meeting " + meetingId + ": decision " + id + " recorded");
                return id;
            }
        });
    }

    /** Deletes a decision recorded by mistake (refused once its meeting is finalized). */
    public void deleteDecision(long decisionId) throws WorkspaceException {
        deleteRow("psc_decisions", "decision", decisionId);
    }

    /** Deletes a commitment recorded by mistake (refused once its meeting is finalized). */
    public void deleteCommitment(long commitmentId) throws WorkspaceException {
        deleteRow("psc_commitments", "commitment", commitmentId);
    }

    private void deleteRow(String table, String what, long id) throws WorkspaceException {
        workspace.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            workspace.audit(c, "edit", what + " " + id + " deleted");
            return null;
        });
    }

    /** Records who commits which program to which place; returns its id. */
    public long addCommitment(long meetingId, Long placeId, long programId, long orgId, LocalDate start,
                              String dosage) throws WorkspaceException {
        return workspace.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO psc_commitments (meeting_id, place_id,"
                    + " program_id, org_id, start_on, dosage) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, meetingId);
                setLong(ps, 2, placeId);
                ps.setLong(3, programId);
                ps.setLong(4, orgId);
                ps.setString(5, start == null ? null : start.toString());
                ps.setString(6, dosage);
                long id = DirectoryRepository.insert(ps);
                workspace.audit(c, "edit", "meeting " + meetingId + ": commitment " + id + " recorded");
                return id;
            }
        });
    }

    /**
     * Records that a run's map view was shown on the projector during a meeting (the minutes print it); a view
     * shown again is kept once.
     *
     * @return whether it was new to this meeting
     */
    public boolean addMapView(long meetingId, String runName, String view) throws WorkspaceException {
        return workspace.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO psc_map_views (meeting_id, run_name, view,"
                    + " shown_at) SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM psc_map_views WHERE meeting_id = ?"
                    + " AND run_name = ? AND view = ?)")) {
                ps.setLong(1, meetingId);
                ps.setString(2, runName);
                ps.setString(3, view);
                ps.setString(4, workspace.now().toString());
                ps.setLong(5, meetingId);
                ps.setString(6, runName);
                ps.setString(7, view);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** The meeting a projector view belongs to now: the newest one not finalized, held today; else empty. */
    public Optional<Long> meetingInProgress(LocalDate today) throws WorkspaceException {
        return workspace.query(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM psc_meetings WHERE status IN"
                    + " ('draft', 'in_progress') AND held_on = ? ORDER BY id DESC LIMIT 1")) {
                ps.setString(1, today.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
                }
            }
        });
    }

    /** An action item as the Tasks step shows it: from an earlier meeting, and its status now. */
    public record CarriedItem(long id, long meetingId, String description, String owner, String placeLabel,
                              LocalDate due, String status, boolean updatedHere) {
    }

    /**
     * The action items a meeting should review: those still open or in progress at the end of their chain,
     * from earlier meetings, plus this meeting's own (carried here with a new status, or new).
     */
    public List<CarriedItem> itemsToReview(long meetingId) throws WorkspaceException {
        return workspace.query(c -> {
            List<CarriedItem> out = new ArrayList<>();
            String sql = "SELECT a.id, a.meeting_id, a.description, o.name, a.place_label, a.due_on, a.status,"
                    + " a.meeting_id = ? FROM psc_action_items a JOIN psc_organizations o ON o.id = a.owner_org_id"
                    + " WHERE (a.meeting_id <> ? AND a.status IN ('open', 'in_progress')"
                    + "        AND NOT EXISTS (SELECT 1 FROM psc_action_items n WHERE n.carried_item = a.id))"
                    + "    OR a.meeting_id = ?"
                    + " ORDER BY a.due_on IS NULL, a.due_on, a.id";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, meetingId);
                ps.setLong(2, meetingId);
                ps.setLong(3, meetingId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String due = rs.getString(6);
                        out.add(new CarriedItem(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), due == null ? null : LocalDate.parse(due), rs.getString(7),
                                rs.getBoolean(8)));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Updates, in the room, an action item from an earlier meeting: a new row in this meeting carries it
     * (owner, program, place, text, due date) with the new status — the earlier meeting's row is never touched.
     * Updating it again in the same meeting changes that new row.
     *
     * @param status open (carried forward), in_progress, done or dropped
     * @param reason why it was dropped (kept with the text), or null
     * @return the id of the row in this meeting
     */
    public long updateInMeeting(long meetingId, long itemId, String status, String reason) throws WorkspaceException {
        return workspace.inTransaction(c -> {
            // already this meeting's row (its own item, or the one that carries itemId here): change its status
            try (PreparedStatement find = c.prepareStatement("SELECT id FROM psc_action_items WHERE meeting_id = ?"
                    + " AND (id = ? OR carried_item = ?)")) {
                find.setLong(1, meetingId);
                find.setLong(2, itemId);
                find.setLong(3, itemId);
                try (ResultSet rs = find.executeQuery()) {
                    if (rs.next()) {
                        long here = rs.getLong(1);
                        try (PreparedStatement up = c.prepareStatement(
                                "UPDATE psc_action_items SET status = ? WHERE id = ?")) {
                            up.setString(1, status);
                            up.setLong(2, here);
                            up.executeUpdate();
                        }
                        workspace.auditEdit(c, "meeting " + meetingId + ": action item " + here + " is " + status);
                        return here;
                    }
                }
            }
            // else a new row here carries it on; the earlier meeting's row is never touched
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO psc_action_items (meeting_id, owner_org_id,"
                    + " program_id, place_label, description, due_on, status, place_id, carried_from, carried_item)"
                    + " SELECT ?, owner_org_id, program_id, place_label, description || ?, due_on, ?, place_id,"
                    + " meeting_id, id FROM psc_action_items WHERE id = ?")) {
                ins.setLong(1, meetingId);
                ins.setString(2, reason == null || reason.isBlank() ? "" : " (dropped: " + reason.trim() + ")");
                ins.setString(3, status);
                ins.setLong(4, itemId);
                if (ins.executeUpdate() != 1) {
                    throw new SQLException("there is no action item " + itemId);
                }
                long here = DirectoryRepository.insertedId(ins);
                workspace.audit(c, "edit", "meeting " + meetingId + ": action item " + itemId + " carried on as "
                        + here + ", " + status);
                return here;
            }
        });
    }

    /** Ties an action item to a place and to the meeting it was carried from (before its meeting is final). */
    public void linkActionItem(long itemId, Long placeId, Long carriedFrom) throws WorkspaceException {
        workspace.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE psc_action_items SET place_id = ?, carried_from = ? WHERE id = ?")) {
                setLong(ps, 1, placeId);
                setLong(ps, 2, carriedFrom);
                ps.setLong(3, itemId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Finalizes a meeting: stores the SHA-256 of its JSON record and its new status in one statement; from
     * then on the store refuses any change to it.
     *
     * @return the content hash
     */
    public String finalizeMeeting(long meetingId) throws WorkspaceException {
        // the hash of the record exactly as it will read once finalized (status included), without the hash
        String hash = sha256(json(meetingId, false, "finalized").orElseThrow(() -> new WorkspaceException(
                WorkspaceException.Reason.BAD_INPUT, workspace.file(), "There is no meeting " + meetingId + ".")));
        workspace.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE psc_meetings SET status = 'finalized', content_sha256 = ? WHERE id = ?")) {
                ps.setString(1, hash);
                ps.setLong(2, meetingId);
                ps.executeUpdate();
            }
            workspace.audit(c, "finalize", "meeting " + meetingId + ", sha256 " + hash);
            return null;
        });
        return hash;
    }

    /** The meeting's record as JSON (the {@code pscdesk meeting --json} contract), or empty if no such meeting. */
    public Optional<String> json(long meetingId) throws WorkspaceException {
        return json(meetingId, true, null);
    }

    private Optional<String> json(long meetingId, boolean withHash, String status) throws WorkspaceException {
        return workspace.query(c -> {
            StringWriter out = new StringWriter();
            try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
                g.useDefaultPrettyPrinter();
                try (PreparedStatement ps = c.prepareStatement("SELECT m.id, m.held_on, m.title, m.status,"
                        + " m.location, m.facilitator, b.name, m.content_sha256, m.corrects FROM psc_meetings m"
                        + " JOIN psc_bodies b ON b.id = m.body_id WHERE m.id = ?")) {
                    ps.setLong(1, meetingId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.<String>empty();
                        }
                        g.writeStartObject();
                        g.writeNumberField("id", rs.getLong(1));
                        g.writeStringField("date", rs.getString(2));
                        g.writeStringField("title", rs.getString(3));
                        g.writeStringField("status", status != null ? status : rs.getString(4));
                        g.writeStringField("location", rs.getString(5));
                        g.writeStringField("facilitator", rs.getString(6));
                        g.writeStringField("body", rs.getString(7));
                        if (withHash) {
                            g.writeStringField("content_sha256", rs.getString(8));
                        }
                        long corrects = rs.getLong(9);
                        if (!rs.wasNull()) { // only on corrections: older records read as they did
                            g.writeNumberField("corrects", corrects);
                        }
                    }
                }
                array(c, g, "attendance", "SELECT o.name, o.sector FROM psc_attendance a JOIN psc_organizations o"
                        + " ON o.id = a.org_id WHERE a.meeting_id = ? ORDER BY o.name", meetingId, (rs, gen) -> {
                            gen.writeStringField("organization", rs.getString(1));
                            gen.writeStringField("sector", rs.getString(2));
                        });
                array(c, g, "agenda", "SELECT step, notes FROM psc_agenda_notes WHERE meeting_id = ? ORDER BY"
                        + " CASE step WHEN 'assessment' THEN 1 WHEN 'connections' THEN 2 WHEN 'tasks' THEN 3"
                        + " WHEN 'interventions' THEN 4 WHEN 'outcomes' THEN 5 ELSE 6 END", meetingId, (rs, gen) -> {
                            gen.writeStringField("step", rs.getString(1));
                            gen.writeStringField("notes", rs.getString(2));
                        });
                // keys added by later versions appear only when used, so a record finalized before them
                // reads (and hashes) exactly as it did
                boolean voted = exists(c, "SELECT 1 FROM psc_votes WHERE meeting_id = ? AND dots > 0", meetingId);
                array(c, g, "places", "SELECT p.id, mp.rank, p.label, mp.narrative, mp.facts, (SELECT"
                        + " COALESCE(SUM(v.dots), 0) FROM psc_votes v WHERE v.meeting_id = mp.meeting_id AND"
                        + " v.place_id = p.id) FROM psc_meeting_places mp JOIN psc_places p ON p.id = mp.place_id"
                        + " WHERE mp.meeting_id = ? ORDER BY mp.rank", meetingId, (rs, gen) -> {
                            gen.writeNumberField("id", rs.getLong(1));
                            gen.writeNumberField("rank", rs.getInt(2));
                            gen.writeStringField("label", rs.getString(3));
                            gen.writeStringField("narrative", rs.getString(4));
                            gen.writeFieldName("facts");
                            gen.writeRawValue(rs.getString(5)); // stored by rankPlace as a JSON object
                            if (voted) {
                                gen.writeNumberField("dots", rs.getInt(6));
                            }
                        });
                array(c, g, "decisions", "SELECT text, reason, place_id FROM psc_decisions WHERE meeting_id = ?"
                        + " ORDER BY id", meetingId, (rs, gen) -> {
                            gen.writeStringField("text", rs.getString(1));
                            gen.writeStringField("reason", rs.getString(2));
                            nullableLong(gen, "place_id", rs, 3);
                        });
                array(c, g, "commitments", "SELECT k.place_id, p.name, o.name, k.start_on, k.dosage FROM"
                        + " psc_commitments k JOIN psc_programs p ON p.id = k.program_id JOIN psc_organizations o"
                        + " ON o.id = k.org_id WHERE k.meeting_id = ? ORDER BY k.id", meetingId, (rs, gen) -> {
                            nullableLong(gen, "place_id", rs, 1);
                            gen.writeStringField("program", rs.getString(2));
                            gen.writeStringField("organization", rs.getString(3));
                            gen.writeStringField("start", rs.getString(4));
                            gen.writeStringField("dosage", rs.getString(5));
                        });
                array(c, g, "map_views", "SELECT run_name, view FROM psc_map_views WHERE meeting_id = ? ORDER BY id",
                        meetingId, (rs, gen) -> {
                            gen.writeStringField("run", rs.getString(1));
                            gen.writeStringField("view", rs.getString(2));
                        });
                if (exists(c, "SELECT 1 FROM psc_meeting_runs WHERE meeting_id = ?", meetingId)) {
                    array(c, g, "runs", "SELECT run_name FROM psc_meeting_runs WHERE meeting_id = ?"
                            + " ORDER BY run_name", meetingId, (rs, gen) -> gen.writeStringField("name", rs.getString(1)));
                }
                array(c, g, "action_items", "SELECT a.id, a.description, o.name, a.place_id, p.name, a.due_on,"
                        + " a.status, a.carried_from, a.place_label FROM psc_action_items a JOIN psc_organizations o"
                        + " ON o.id = a.owner_org_id LEFT JOIN psc_programs p ON p.id = a.program_id"
                        + " WHERE a.meeting_id = ? ORDER BY a.id", meetingId, (rs, gen) -> {
                            gen.writeNumberField("id", rs.getLong(1));
                            gen.writeStringField("text", rs.getString(2));
                            gen.writeStringField("owner_organization", rs.getString(3));
                            nullableLong(gen, "place_id", rs, 4);
                            gen.writeStringField("place_label", rs.getString(9));
                            gen.writeStringField("program", rs.getString(5));
                            gen.writeStringField("due", rs.getString(6));
                            gen.writeStringField("status", rs.getString(7));
                            nullableLong(gen, "carried_from", rs, 8);
                        });
                g.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Optional.of(out.toString());
        });
    }

    private interface Row {
        void write(ResultSet rs, JsonGenerator g) throws SQLException, IOException;
    }

    private static void array(Connection c, JsonGenerator g, String name, String sql, long meetingId, Row row)
            throws SQLException, IOException {
        g.writeArrayFieldStart(name);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, meetingId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    g.writeStartObject();
                    row.write(rs, g);
                    g.writeEndObject();
                }
            }
        }
        g.writeEndArray();
    }

    private static boolean exists(Connection c, String sql, long meetingId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, meetingId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void nullableLong(JsonGenerator g, String name, ResultSet rs, int column)
            throws SQLException, IOException {
        long v = rs.getLong(column);
        if (rs.wasNull()) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, v);
        }
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setLong(index, value);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
