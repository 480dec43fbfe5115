package org.pscdesk.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.pscdesk.geo.Crs;

/**
 * Saved RTM runs ({@code psc_runs}) and their per-cell layers. Saving is one transaction: the run's row and its
 * {@code run_<name>_cells} layer land together or not at all; saving under a name that exists replaces that
 * run and its layer.
 */
public final class RunRepository {

    /** Run names: they become part of a table name, so letters, digits, '_' and '-' only. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,62}");
    private static final String COLUMNS = "name, created_at, software_version, parameters, inputs, result, cells_layer";

    private final Workspace workspace;

    public RunRepository(Workspace workspace) {
        this.workspace = Objects.requireNonNull(workspace);
    }

    /** Checks a run name; the message says what is allowed. */
    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A run name is 1 to 63 letters, digits, '_' or '-', starting with a"
                    + " letter or digit; '" + name + "' is not.");
        }
        return name;
    }

    /** The table name of a run's per-cell layer: {@code run_<name>_cells} (lower case, '-' as '_'). */
    public static String cellsLayerFor(String name) {
        return Workspace.tableNameFor("run_" + checkName(name) + "_cells");
    }

    /**
     * Saves a run with its per-cell layer in one transaction, replacing a run of the same name.
     *
     * @return true when an earlier run of that name was replaced
     * @throws WorkspaceException EXISTS when the layer name is taken by a layer that is not a run's
     */
    public boolean save(SavedRun run, NewLayer cells, Iterable<Feature> features) throws WorkspaceException {
        String table = cellsLayerFor(run.name());
        if (!table.equals(run.cellsLayer()) || !table.equals(Workspace.tableNameFor(cells.name()))) {
            throw new IllegalArgumentException("the cells layer of run '" + run.name() + "' must be " + table);
        }
        boolean replacing = find(run.name()).isPresent();
        boolean layerTaken = workspace.layer(table).isPresent();
        if (layerTaken && !replacing) {
            throw new WorkspaceException(WorkspaceException.Reason.EXISTS, workspace.file(), "A layer named '"
                    + table + "' that is not a saved run is in " + workspace.file().getFileName()
                    + "; choose another run name.");
        }
        Crs crs = workspace.crs().orElseThrow(() -> new WorkspaceException(WorkspaceException.Reason.BAD_INPUT,
                workspace.file(), "The workspace has no working CRS; a run needs its layers."));
        workspace.inTransaction(c -> {
            if (replacing) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM psc_runs WHERE name = ?")) {
                    ps.setString(1, run.name());
                    ps.executeUpdate();
                }
            }
            if (layerTaken) {
                workspace.dropLayer(table);
            } else if (workspace.tableTaken(table)) {
                throw new SQLException("the table name " + table + " is taken");
            }
            new LayerWriter(c, null, workspace).create(table, cells, workspace.ensureSrs(crs), features,
                    LayerWrite.Index.PACKED);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO psc_runs (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, run.name());
                ps.setString(2, run.createdAt());
                ps.setString(3, run.softwareVersion());
                ps.setString(4, run.parametersJson());
                ps.setString(5, run.inputsJson());
                ps.setString(6, run.resultJson());
                ps.setString(7, table);
                ps.executeUpdate();
            }
            workspace.audit(c, "run", (replacing ? "replaced run " : "saved run ") + run.name());
            return null;
        });
        return replacing;
    }

    /** Every saved run, oldest first. */
    public List<SavedRun> list() throws WorkspaceException {
        return workspace.query(c -> {
            List<SavedRun> runs = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT " + COLUMNS + " FROM psc_runs ORDER BY created_at, name")) {
                while (rs.next()) {
                    runs.add(read(rs));
                }
            }
            return runs;
        });
    }

    /** The run of that name, if saved. */
    public Optional<SavedRun> find(String name) throws WorkspaceException {
        return workspace.query(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM psc_runs WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.<SavedRun>empty();
                }
            }
        });
    }

    /** Deletes a run and its per-cell layer in one transaction; false when there was no such run. */
    public boolean delete(String name) throws WorkspaceException {
        Optional<SavedRun> run = find(name);
        if (run.isEmpty()) {
            return false;
        }
        boolean layer = workspace.layer(run.get().cellsLayer()).isPresent();
        workspace.inTransaction(c -> {
            if (layer) {
                workspace.dropLayer(run.get().cellsLayer());
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM psc_runs WHERE name = ?")) {
                ps.setString(1, name);
                ps.executeUpdate();
            }
            workspace.audit(c, "run-deleted", name);
            return null;
        });
        return true;
    }

    /**
     * SHA-256 of a layer's content: every row in fid order, every column (geometry blobs as bytes, other values
     * as their text). Two layers with the same fingerprint hold the same features; the import's file hash
     * cannot say that after filters, cancellations or appends.
     */
    public String fingerprint(String layer) throws WorkspaceException {
        LayerInfo info = workspace.layer(layer).orElseThrow(() -> new WorkspaceException(
                WorkspaceException.Reason.BAD_INPUT, workspace.file(), "There is no layer '" + layer + "'."));
        return workspace.query(c -> {
            MessageDigest sha = sha256();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT * FROM " + Workspace.quote(info.name()) + " ORDER BY 1")) {
                ResultSetMetaData md = rs.getMetaData();
                int n = md.getColumnCount();
                ByteArrayOutputStream row = new ByteArrayOutputStream();
                while (rs.next()) {
                    row.reset();
                    for (int i = 1; i <= n; i++) {
                        Object v = rs.getObject(i);
                        byte[] bytes = v == null ? new byte[0] : v instanceof byte[] b ? b
                                : v.toString().getBytes(StandardCharsets.UTF_8);
                        // tagged and length-prefixed so that null, "" and ("ab","c") vs ("a","bc") differ
                        row.write(v == null ? 0 : v instanceof byte[] ? 1 : 2);
                        row.write(bytes.length >>> 24);
                        row.write(bytes.length >>> 16);
                        row.write(bytes.length >>> 8);
                        row.write(bytes.length);
                        row.writeBytes(bytes);
                    }
                    sha.update(row.toByteArray());
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        });
    }

    private static SavedRun read(ResultSet rs) throws SQLException {
        return new SavedRun(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
