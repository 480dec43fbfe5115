package org.pscdesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.pscdesk.meeting.Body;
import org.pscdesk.meeting.BodyKind;
import org.pscdesk.meeting.Organization;
import org.pscdesk.meeting.Program;
import org.pscdesk.meeting.ProgramType;
import org.pscdesk.meeting.Sector;

/**
 * The collaborative's directory in a workspace: organizations, bodies and programs
 * ({@code psc_organizations}, {@code psc_bodies}, {@code psc_programs}). Each {@code add} is one transaction.
 */
public final class DirectoryRepository {

    private static final String INSERT_ORGANIZATION = "INSERT INTO psc_organizations (name, sector) VALUES (?, ?)";
    private static final String SELECT_ORGANIZATIONS = "SELECT id, name, sector FROM psc_organizations ORDER BY id";
    private static final String INSERT_BODY = "INSERT INTO psc_bodies (name, kind, parent_id) VALUES (?, ?, ?)";
    private static final String SELECT_BODIES = "SELECT id, name, kind, parent_id FROM psc_bodies ORDER BY id";
    private static final String INSERT_PROGRAM = "INSERT INTO psc_programs (name, owner_org_id, type, description,"
            + " factors, capacity) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String SELECT_PROGRAMS = "SELECT id, name, owner_org_id, type, description, factors, capacity"
            + " FROM psc_programs ORDER BY id";

    private final Workspace workspace;

    public DirectoryRepository(Workspace workspace) {
        this.workspace = Objects.requireNonNull(workspace);
    }

    /** Stores an organization; returns it with its id. */
    public Organization addOrganization(Organization organization) throws WorkspaceException {
        return addOrganizations(List.of(organization)).get(0);
    }

    /** Stores organizations in one transaction (all or none); returns them with their ids, in order. */
    public List<Organization> addOrganizations(List<Organization> organizations) throws WorkspaceException {
        return workspace.inTransaction(c -> {
            List<Organization> stored = new ArrayList<>(organizations.size());
            try (PreparedStatement ps = c.prepareStatement(INSERT_ORGANIZATION)) {
                for (Organization o : organizations) {
                    ps.setString(1, o.name());
                    ps.setString(2, o.sector().key());
                    stored.add(o.withId(insert(ps)));
                }
            }
            for (Organization o : stored) {
                workspace.audit(c, "edit", "organization " + o.id() + " added: " + o.name());
            }
            return stored;
        });
    }

    /** Every organization, in the order they were added. */
    public List<Organization> organizations() throws WorkspaceException {
        return workspace.query(c -> {
            List<Organization> result = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SELECT_ORGANIZATIONS)) {
                while (rs.next()) {
                    result.add(new Organization(rs.getLong(1), rs.getString(2), Sector.of(rs.getString(3))));
                }
            }
            return result;
        });
    }

    /** Stores a body (the collaborative or a working group); returns it with its id. */
    public Body addBody(Body body) throws WorkspaceException {
        return workspace.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT_BODY)) {
                ps.setString(1, body.name());
                ps.setString(2, body.kind().key());
                if (body.parentId() == null) {
                    ps.setNull(3, Types.INTEGER);
                } else {
                    ps.setLong(3, body.parentId());
                }
                return body.withId(insert(ps));
            }
        });
    }

    /** Every body, in the order they were added. */
    public List<Body> bodies() throws WorkspaceException {
        return workspace.query(c -> {
            List<Body> result = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SELECT_BODIES)) {
                while (rs.next()) {
                    long parent = rs.getLong(4);
                    Long parentId = rs.wasNull() ? null : parent;
                    result.add(new Body(rs.getLong(1), rs.getString(2), BodyKind.of(rs.getString(3)), parentId));
                }
            }
            return result;
        });
    }

    /** Stores a program; returns it with its id. */
    public Program addProgram(Program program) throws WorkspaceException {
        return addPrograms(List.of(program)).get(0);
    }

    /** Stores programs in one transaction (all or none); returns them with their ids, in order. */
    public List<Program> addPrograms(List<Program> programs) throws WorkspaceException {
        return workspace.inTransaction(c -> {
            List<Program> stored = new ArrayList<>(programs.size());
            try (PreparedStatement ps = c.prepareStatement(INSERT_PROGRAM)) {
                for (Program p : programs) {
                    ps.setString(1, p.name());
                    ps.setLong(2, p.ownerOrgId());
                    ps.setString(3, p.type().key());
                    ps.setString(4, p.description());
                    ps.setString(5, String.join(",", p.factors()));
                    ps.setString(6, p.capacity());
                    stored.add(p.withId(insert(ps)));
                }
            }
            for (Program p : stored) {
                workspace.audit(c, "edit", "program " + p.id() + " added: " + p.name());
            }
            return stored;
        });
    }

    /** Every program, in the order they were added. */
    public List<Program> programs() throws WorkspaceException {
        return workspace.query(c -> {
            List<Program> result = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SELECT_PROGRAMS)) {
                while (rs.next()) {
                    String factors = rs.getString(6);
                    result.add(new Program(rs.getLong(1), rs.getString(2), rs.getLong(3),
                            ProgramType.of(rs.getString(4)), rs.getString(5),
                            factors == null || factors.isBlank() ? List.of() : Arrays.asList(factors.split(",")),
                            rs.getString(7)));
                }
            }
            return result;
        });
    }

    /**
     * Runs a prepared INSERT and returns the new row's id. {@code last_insert_rowid()} is per connection and the
     * workspace has one connection used under its lock, so it is the id of this insert.
     */
    static long insert(PreparedStatement ps) throws SQLException {
        ps.executeUpdate();
        return insertedId(ps);
    }

    /** The rowid of the row the statement just inserted. */
    static long insertedId(PreparedStatement ps) throws SQLException {
        try (Statement st = ps.getConnection().createStatement();
             ResultSet rs = st.executeQuery("SELECT last_insert_rowid()")) {
            if (!rs.next()) {
                throw new SQLException("the database returned no id for the new row");
            }
            return rs.getLong(1);
        }
    }
}
