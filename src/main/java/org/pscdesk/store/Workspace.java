package org.pscdesk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.pscdesk.geo.Crs;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A PSC Desk workspace: one OGC GeoPackage file holding the feature layers (readable by GDAL and QGIS)
 * and the app's own {@code psc_*} tables beside them, created and upgraded by Flyway migrations.
 *
 * <p>Reliability rules (peers-and-practice §5): WAL journal, {@code synchronous=FULL}, foreign keys on,
 * {@code quick_check} before use, one transaction per user action, one connection (so one writer) per
 * open workspace. A file that is not a workspace is inspected without being changed
 * ({@link Inspection}). Closing checkpoints the WAL so that the workspace is one file again.
 *
 * <p>Thread-safety: methods are synchronized; background work may share one instance.
 */
public final class Workspace implements AutoCloseable {

    /** Flyway's history table; named for us so GIS users see what it is. */
    static final String HISTORY_TABLE = "psc_schema_history";
    /** The schema version this build writes: the highest {@code V{n}__} migration. */
    public static final int SCHEMA_VERSION = 10;
    /**
     * Page size of new workspaces: 16 KiB instead of SQLite's 4 KiB quarters the pages a large import writes to
     * the WAL and copies back at the checkpoint (a million-row import commits in 0.25 s instead of 0.45 s),
     * while a meeting edit still writes only a few pages. Existing workspaces keep their page size.
     */
    static final int PAGE_SIZE = 16384;

    /** GeoPackage 1.3.0 in {@code PRAGMA user_version}. */
    private static final int GPKG_USER_VERSION = 10300;
    private static final DateTimeFormatter GPKG_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final String GEOMETRY_COLUMN = "geom";
    private static final Set<String> RESERVED_PREFIXES = Set.of("gpkg_", "psc_", "sqlite_", "rtree_");

    private final Path file;
    private final Connection connection;
    private final Clock clock;
    private final GeometryFactory geometryFactory = new GeometryFactory();
    private boolean closed;
    private java.nio.channels.FileLock editLock;
    private boolean readOnly;

    private Workspace(Path file, Connection connection, Clock clock) {
        this.file = file;
        this.connection = connection;
        this.clock = clock;
    }

    /**
     * Creates a new, empty workspace. The file is built beside the target and moved into place at the
     * end, so a failure leaves nothing behind.
     *
     * @param crs the working CRS (projected), or null to let the first import set it
     * @throws WorkspaceException EXISTS if the file exists, BAD_INPUT for a geographic CRS
     */
    public static Workspace create(Path file, Crs crs) throws WorkspaceException {
        return create(file, crs, Clock.systemUTC());
    }

    /** As {@link #create(Path, Crs)}, with the clock used for timestamps (fixed for reproducible files). */
    public static Workspace create(Path file, Crs crs, Clock clock) throws WorkspaceException {
        Path target = file.toAbsolutePath();
        if (Files.exists(target)) {
            throw new WorkspaceException(WorkspaceException.Reason.EXISTS, target,
                    target + " already exists; choose another name or delete it first.");
        }
        if (crs != null && crs.isGeographic()) {
            throw new WorkspaceException(WorkspaceException.Reason.BAD_INPUT, target, "The working CRS must be"
                    + " projected (metres or feet), not " + crs + "; try the UTM zone of the area, e.g. EPSG:26915.");
        }
        Path parent = target.getParent();
        Path temp = parent.resolve("." + target.getFileName() + ".creating");
        try {
            Files.createDirectories(parent);
            deleteWithSidecars(temp);
            migrate(temp, true);
            try (Workspace ws = openConnection(temp, clock)) {
                ws.putMeta("created_at", GPKG_TIMESTAMP.format(clock.instant()));
                ws.putMeta("created_by", "PSC Desk " + Version.get());
                if (crs != null) {
                    ws.setWorkingCrs(crs);
                }
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | SQLException | FlywayException e) {
            deleteWithSidecars(temp);
            throw new WorkspaceException(WorkspaceException.Reason.IO, target,
                    "Could not create " + target + " (" + e.getMessage() + "); check that the folder is writable"
                            + " and the disk is not full.", e);
        } catch (WorkspaceException e) {
            deleteWithSidecars(temp);
            throw e;
        }
        return open(target, false, clock);
    }

    /** Opens an existing workspace; a plain GeoPackage is refused (see {@link #open(Path, boolean)}). */
    public static Workspace open(Path file) throws WorkspaceException {
        return open(file, false, Clock.systemUTC());
    }

    /**
     * Opens an existing workspace, upgrading its schema if it is older.
     *
     * @param adopt also accept a GeoPackage written by another tool, adding PSC Desk's tables to it (its
     *              layers become {@code reference} layers); the caller has asked the user first
     */
    public static Workspace open(Path file, boolean adopt) throws WorkspaceException {
        return open(file, adopt, Clock.systemUTC());
    }

    static Workspace open(Path file, boolean adopt, Clock clock) throws WorkspaceException {
        Path path = file.toAbsolutePath();
        Inspection inspection = Inspection.of(path);
        switch (inspection.kind()) {
            case MISSING -> throw new WorkspaceException(WorkspaceException.Reason.NOT_FOUND, path,
                    path + " does not exist or cannot be read; check the path, or make a new workspace (File ▸ New"
                            + " workspace, or pscdesk new " + path.getFileName() + ").");
            case NOT_SQLITE, NOT_GEOPACKAGE -> throw new WorkspaceException(WorkspaceException.Reason.NOT_GEOPACKAGE,
                    path, path + " is not a PSC Desk workspace (not a GeoPackage file); open a PSC Desk .gpkg"
                    + " workspace, or create a new one.");
            case CORRUPT -> throw new WorkspaceException(WorkspaceException.Reason.CORRUPT, path,
                    path + " is damaged (" + inspection.detail() + "); it was left untouched. Open a backup copy.");
            case FOREIGN_GEOPACKAGE -> {
                if (!adopt) {
                    throw new WorkspaceException(WorkspaceException.Reason.FOREIGN_GEOPACKAGE, path,
                            path + " is a GeoPackage from another tool, not yet a PSC Desk workspace; adopt it"
                                    + " (CLI: --adopt) to add PSC Desk's tables, or import its layers instead.");
                }
            }
            case WORKSPACE -> {
                if (inspection.schemaVersion() > SCHEMA_VERSION) {
                    throw new WorkspaceException(WorkspaceException.Reason.NEWER_SCHEMA, path, path
                            + " was written by a newer PSC Desk (schema " + inspection.schemaVersion() + ", this"
                            + " version knows " + SCHEMA_VERSION + "); it was left untouched. Update PSC Desk.");
                }
            }
            default -> throw new IllegalStateException(inspection.kind().toString());
        }
        boolean foreign = inspection.kind() == Inspection.Kind.FOREIGN_GEOPACKAGE;
        try {
            // -1: a write-ahead log is present (the workspace is open elsewhere, or a session crashed), which
            // the inspection cannot see through; read the version through SQLite, which replays the log
            int version = foreign ? 0 : inspection.schemaVersion() < 0 ? recordedVersion(path)
                    : inspection.schemaVersion();
            if (foreign || version != SCHEMA_VERSION) {
                backUpBeforeMigrating(path, foreign ? "adopt" : "v" + version);
                migrate(path, false);
            }
            Workspace ws = openConnection(path, clock);
            if (foreign) {
                ws.registerForeignLayers();
            }
            ws.checkSchemaNotNewer();
            return ws;
        } catch (SQLException | FlywayException e) {
            throw new WorkspaceException(WorkspaceException.Reason.CORRUPT, path,
                    "Could not open " + path + " (" + e.getMessage() + "); open a backup copy.", e);
        }
    }

    /** The schema version a workspace records, read through SQLite (a write-ahead log included). */
    private static int recordedVersion(Path path) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + path.toAbsolutePath().toUri()
                .getRawPath() + "?mode=ro"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT MAX(CAST(version AS INTEGER)) FROM " + HISTORY_TABLE
                     + " WHERE success = 1 AND version IS NOT NULL")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /**
     * Copies a workspace beside itself before its schema is upgraded (or a foreign GeoPackage adopted), so an
     * older PSC Desk, or the user, still has the file as it was: {@code stl.gpkg} → {@code stl.v3-backup.gpkg}
     * (then {@code -2}, {@code -3}... if taken). A WAL left by a crash is copied with it.
     */
    static Path backUpBeforeMigrating(Path path, String tag) throws WorkspaceException {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        Path backup = path.resolveSibling(stem + "." + tag + "-backup" + ext);
        for (int i = 2; Files.exists(backup); i++) {
            backup = path.resolveSibling(stem + "." + tag + "-backup-" + i + ext);
        }
        try {
            Files.copy(path, backup, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            Path wal = Path.of(path + "-wal");
            if (Files.exists(wal)) {
                Files.copy(wal, Path.of(backup + "-wal"));
            }
            return backup;
        } catch (IOException e) {
            throw new WorkspaceException(WorkspaceException.Reason.IO, path, "Could not make a backup copy of "
                    + path + " before upgrading it (" + e.getMessage() + "); it was left untouched. Free some"
                    + " disk space or check the folder's permissions.", e);
        }
    }

    private void checkSchemaNotNewer() throws SQLException, WorkspaceException {
        // After a crash the inspection could not read the version (WAL present); check again now.
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT MAX(CAST(version AS INTEGER)) FROM " + HISTORY_TABLE
                     + " WHERE success = 1 AND version IS NOT NULL")) {
            int version = rs.next() ? rs.getInt(1) : 0;
            if (version > SCHEMA_VERSION) {
                close();
                throw new WorkspaceException(WorkspaceException.Reason.NEWER_SCHEMA, file, file
                        + " was written by a newer PSC Desk (schema " + version + "); update PSC Desk.");
            }
        }
    }

    /** Creates a workspace at an old schema version (for migration tests). */
    static void createAtVersion(Path file, int version) throws SQLException {
        migrate(file, true, version);
    }

    private static void migrate(Path path, boolean fresh) throws SQLException {
        migrate(path, fresh, 0);
    }

    private static void migrate(Path path, boolean fresh, int targetVersion) throws SQLException {
        SQLiteDataSource ds = new SQLiteDataSource(connectionConfig());
        ds.setUrl("jdbc:sqlite:" + path);
        if (fresh) {
            // The page size is fixed when the file is first written, before the WAL mode is set.
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + path); Statement st = c.createStatement()) {
                st.execute("PRAGMA page_size = " + PAGE_SIZE);
                st.execute("VACUUM");
            }
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                st.execute("PRAGMA application_id = " + Inspection.GPKG_APPLICATION_ID);
                st.execute("PRAGMA user_version = " + GPKG_USER_VERSION);
            }
        }
        var config = Flyway.configure(Workspace.class.getClassLoader())
                .dataSource(ds)
                .table(HISTORY_TABLE)
                .locations("classpath:db/migration")
                .baselineOnMigrate(true)
                .baselineVersion("0");
        if (targetVersion > 0) {
            config = config.target(String.valueOf(targetVersion));
        }
        config.load().migrate();
    }

    private static SQLiteConfig connectionConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(5000);
        // 128 MiB page cache (used only as needed): a million-row import then writes each page once.
        config.setCacheSize(-131072);
        return config;
    }

    private static Workspace openConnection(Path path, Clock clock) throws SQLException {
        Connection c = connectionConfig().createConnection("jdbc:sqlite:" + path);
        c.setAutoCommit(true);
        SpatialFunctions.register(c);
        return new Workspace(path, c, clock);
    }

    private static void deleteWithSidecars(Path p) {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            try {
                Files.deleteIfExists(Path.of(p + suffix));
            } catch (IOException ignored) {
                // best effort: a leftover temp file does not harm the target
            }
        }
    }

    /** The workspace file. */
    public Path file() {
        return file;
    }

    /** The working CRS, once set by creation or the first import. */
    public synchronized Optional<Crs> crs() throws WorkspaceException {
        return meta("working_crs").map(Crs::of);
    }

    /** Sets the working CRS; allowed only while no layer exists. */
    public synchronized void setWorkingCrs(Crs crs) throws WorkspaceException {
        if (crs.isGeographic()) {
            throw new WorkspaceException(WorkspaceException.Reason.BAD_INPUT, file,
                    "The working CRS must be projected, not " + crs + ".");
        }
        if (!layers().isEmpty() && crs().map(c -> !c.id().equals(crs.id())).orElse(true)) {
            throw new WorkspaceException(WorkspaceException.Reason.BAD_INPUT, file,
                    "The working CRS of " + file + " cannot change once it has layers.");
        }
        putMeta("working_crs", crs.id());
    }

    /** A value from {@code psc_meta}. */
    public synchronized Optional<String> meta(String key) throws WorkspaceException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT value FROM psc_meta WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw ioError("read settings", e);
        }
    }

    /** Writes a value to {@code psc_meta}. */
    public synchronized void putMeta(String key, String value) throws WorkspaceException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO psc_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw ioError("save settings", e);
        }
    }

    /** All feature layers, in creation order. */
    public synchronized List<LayerInfo> layers() throws WorkspaceException {
        List<LayerInfo> result = new ArrayList<>();
        String sql = "SELECT c.table_name, COALESCE(l.title, c.identifier, c.table_name), COALESCE(l.role, 'reference'),"
                + " g.geometry_type_name, s.organization, s.organization_coordsys_id, c.min_x, c.min_y, c.max_x, c.max_y,"
                + " l.source, l.source_format, l.source_crs, l.imported_at, l.notes, l.date_field, l.category_field,"
                + " l.source_size, l.source_sha256, l.options, l.report, l.sensitive_field"
                + " FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name"
                + " LEFT JOIN gpkg_spatial_ref_sys s ON s.srs_id = g.srs_id"
                + " LEFT JOIN psc_layers l ON l.table_name = c.table_name"
                + " WHERE c.data_type = 'features' ORDER BY c.rowid";
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String table = rs.getString(1);
                Envelope extent = rs.getObject(7) == null ? null
                        : new Envelope(rs.getDouble(7), rs.getDouble(9), rs.getDouble(8), rs.getDouble(10));
                String org = rs.getString(5);
                String srs = org == null ? "NONE:-1" : org.toUpperCase(Locale.ROOT) + ":" + rs.getInt(6);
                Provenance provenance = new Provenance(rs.getString(11),
                        rs.getString(12) == null ? "unknown" : rs.getString(12), rs.getString(13), rs.getString(14),
                        rs.getString(15), rs.getObject(18) == null ? -1 : rs.getLong(18), rs.getString(19),
                        rs.getString(20), rs.getString(21));
                result.add(new LayerInfo(table, rs.getString(2), LayerRole.of(rs.getString(3)),
                        GeometryType.ofGpkgName(rs.getString(4)), 0, srs, extent, List.of(), provenance,
                        rs.getString(16), rs.getString(17), rs.getString(22)));
            }
        } catch (SQLException e) {
            throw ioError("list the layers", e);
        }
        List<LayerInfo> complete = new ArrayList<>(result.size());
        for (LayerInfo info : result) {
            complete.add(new LayerInfo(info.name(), info.title(), info.role(), info.geometryType(),
                    countRows(info.name()), info.srs(), info.extent(), fields(info.name()), info.provenance(),
                    info.dateField(), info.categoryField(), info.sensitiveField()));
        }
        return complete;
    }

    /** One layer by table name. */
    public synchronized Optional<LayerInfo> layer(String name) throws WorkspaceException {
        return layers().stream().filter(l -> l.name().equals(name)).findFirst();
    }

    private long countRows(String table) throws WorkspaceException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + quote(table))) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw ioError("count the features of " + table, e);
        }
    }

    private List<FieldDef> fields(String table) throws WorkspaceException {
        List<FieldDef> fields = new ArrayList<>();
        String geometryColumn = geometryColumn(table);
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA table_info(" + quote(table) + ")")) {
            while (rs.next()) {
                String name = rs.getString("name");
                boolean pk = rs.getInt("pk") > 0;
                if (pk || name.equals(geometryColumn)) {
                    continue;
                }
                fields.add(new FieldDef(name, FieldType.ofSql(rs.getString("type"))));
            }
        } catch (SQLException e) {
            throw ioError("read the fields of " + table, e);
        }
        return fields;
    }

    private String geometryColumn(String table) throws WorkspaceException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : GEOMETRY_COLUMN;
            }
        } catch (SQLException e) {
            throw ioError("read the geometry column of " + table, e);
        }
    }

    private String primaryKey(String table) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA table_info(" + quote(table) + ")")) {
            while (rs.next()) {
                if (rs.getInt("pk") > 0) {
                    return rs.getString("name");
                }
            }
        }
        return "rowid";
    }

    /**
     * Creates a feature layer and stores its features, all in one transaction: on any error the workspace
     * is left as it was. Geometries must be in the workspace's working CRS.
     *
     * @return the stored layer
     */
    public LayerInfo createLayer(NewLayer spec, Iterable<Feature> features) throws WorkspaceException {
        return writeLayer(spec, features, LayerWrite.create());
    }

    /**
     * Writes a feature layer, streaming its features, in one transaction: the layer is added completely or
     * not at all, and a failed or cancelled write (an exception thrown by the iterator included) leaves the
     * workspace file byte-identical. Geometries must be in the working CRS. Mixed single and multi
     * geometries of one kind (Polygon and MultiPolygon) are stored as the multi type.
     *
     * @throws WorkspaceException EXISTS when creating a layer whose name is taken; BAD_INPUT for features that
     *                            do not fit the layer; IO for database errors. The cause of a failure raised by
     *                            the iterator is kept as the exception's cause.
     */
    public synchronized LayerInfo writeLayer(NewLayer spec, Iterable<Feature> features, LayerWrite how)
            throws WorkspaceException {
        String table = tableNameFor(spec.name());
        boolean exists = layerExists(table);
        if (exists && how.mode() == LayerWrite.Mode.CREATE) {
            throw new WorkspaceException(WorkspaceException.Reason.EXISTS, file, "A layer named '" + table
                    + "' is already in " + file.getFileName() + "; choose another name or replace it.");
        }
        Crs crs = crs().orElse(how.workingCrsIfUnset());
        if (crs == null) {
            throw new WorkspaceException(WorkspaceException.Reason.BAD_INPUT, file,
                    "Set the working CRS of " + file + " before adding layers.");
        }
        try {
            connection.setAutoCommit(false);
            if (crs().isEmpty()) {
                putMeta("working_crs", crs.id());
            }
            if (exists) {
                dropLayer(table);
            } else if (tableTaken(table)) {
                table = uniqueTableName(table);
            }
            new LayerWriter(connection, clock, this).create(table, spec, ensureSrs(crs), features, how.index());
            audit(connection, "layer", (exists ? "replaced " : "added ") + table + " (" + spec.role().key() + ", from "
                    + spec.provenance().sourceFileName() + ")");
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            boolean fromData = e instanceof IllegalArgumentException;
            throw new WorkspaceException(e instanceof SQLException ? WorkspaceException.Reason.IO
                    : fromData ? WorkspaceException.Reason.BAD_INPUT : WorkspaceException.Reason.IO, file,
                    "Could not add layer '" + spec.title() + "' to " + file.getFileName() + ": " + e.getMessage()
                            + ". The workspace was left unchanged.", e);
        } finally {
            autoCommitQuietly();
        }
        return layer(table).orElseThrow();
    }

    /**
     * Adds features to an existing layer in one transaction, skipping those whose key is already present,
     * and removing one existing row per cancellation (the most recent one with that cancellation key).
     *
     * @param keyFields fields that identify a row (compared as text)
     * @param cancellationFields fields that identify the row a cancellation removes
     * @param cancellations key values, in the order of {@code cancellationFields}, of rows to remove
     */
    public synchronized AppendResult appendFeatures(String layer, Iterable<Feature> features, List<String> keyFields,
                                                    List<String> cancellationFields, List<List<Object>> cancellations)
            throws WorkspaceException {
        LayerInfo info = layer(layer).orElseThrow(() -> new WorkspaceException(WorkspaceException.Reason.BAD_INPUT,
                file, "There is no layer '" + layer + "' in " + file.getFileName() + " to append to."));
        try {
            connection.setAutoCommit(false);
            AppendResult result = new LayerWriter(connection, clock, this).append(info, srsIdOf(layer), features,
                    keyFields, cancellationFields, cancellations);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            throw new WorkspaceException(e instanceof SQLException ? WorkspaceException.Reason.IO
                    : WorkspaceException.Reason.BAD_INPUT, file, "Could not append to layer '" + layer + "' in "
                    + file.getFileName() + ": " + e.getMessage() + ". The workspace was left unchanged.", e);
        } finally {
            autoCommitQuietly();
        }
    }

    /** Updates the import report and options kept with a layer. */
    public synchronized void updateLayerReport(String layer, String optionsJson, String reportJson)
            throws WorkspaceException {
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE psc_layers SET options = COALESCE(?, options), report = ? WHERE table_name = ?")) {
            ps.setString(1, optionsJson);
            ps.setString(2, reportJson);
            ps.setString(3, layer);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw ioError("save the import report of " + layer, e);
        }
    }

    /** Records the source file's size and hash and the import report with a layer. */
    public synchronized void updateLayerProvenance(String layer, long sourceSize, String sha256, String reportJson)
            throws WorkspaceException {
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE psc_layers SET source_size = ?, source_sha256 = ?, report = ? WHERE table_name = ?")) {
            ps.setLong(1, sourceSize);
            ps.setString(2, sha256);
            ps.setString(3, reportJson);
            ps.setString(4, layer);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw ioError("save the provenance of " + layer, e);
        }
    }

    private int srsIdOf(String table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no geometry column for " + table);
                }
                return rs.getInt(1);
            }
        }
    }

    private boolean layerExists(String table) throws WorkspaceException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT 1 FROM gpkg_contents WHERE table_name = ? AND data_type = 'features'")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw ioError("look up layer " + table, e);
        }
    }

    boolean tableTaken(String table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM sqlite_master WHERE LOWER(name) = LOWER(?)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Drops a layer's table, index and registrations (inside the caller's transaction). */
    void dropLayer(String table) throws SQLException {
        String column;
        try {
            column = geometryColumn(table);
        } catch (WorkspaceException e) {
            throw new SQLException(e.getMessage(), e);
        }
        RtreeIndex.drop(connection, table, column);
        try (Statement st = connection.createStatement()) {
            st.execute("DROP TABLE " + quote(table));
        }
        for (String sql : new String[] {"DELETE FROM psc_layers WHERE table_name = ?",
                "DELETE FROM gpkg_geometry_columns WHERE table_name = ?", "DELETE FROM gpkg_contents WHERE table_name = ?"}) {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setString(1, table);
                ps.executeUpdate();
            }
        }
    }

    /** The table name a layer name becomes: lower-case letters, digits and underscores, not reserved. */
    public static String tableNameFor(String wanted) {
        String base = wanted.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_").replaceAll("^_+|_+$", "");
        if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
            base = "layer_" + base;
        }
        for (String prefix : RESERVED_PREFIXES) {
            if (base.startsWith(prefix)) {
                base = "layer_" + base;
            }
        }
        return base;
    }

    /** The GeoPackage timestamp of now (for gpkg_contents.last_change). */
    String timestamp() {
        return GPKG_TIMESTAMP.format(clock.instant());
    }

    /** Makes {@code uniqueIdentifier} available to the writer. */
    String identifierFor(String title) throws SQLException {
        return uniqueIdentifier(title);
    }

    static void bind(PreparedStatement ps, int index, FieldDef field, Object value, long row)
            throws SQLException {
        if (value == null) {
            ps.setNull(index, java.sql.Types.NULL);
            return;
        }
        try {
            switch (field.type()) {
                case TEXT -> ps.setString(index, value.toString());
                case INTEGER -> ps.setLong(index, ((Number) value).longValue());
                case REAL -> ps.setDouble(index, ((Number) value).doubleValue());
                case BOOLEAN -> ps.setInt(index, ((Boolean) value) ? 1 : 0);
                case DATE -> ps.setString(index, ((LocalDate) value).toString());
                case DATETIME -> ps.setString(index, isoDateTime((LocalDateTime) value));
                default -> throw new IllegalStateException(field.type().toString());
            }
        } catch (ClassCastException e) {
            throw new IllegalArgumentException("feature " + row + ", field '" + field.name() + "': "
                    + value.getClass().getSimpleName() + " is not a " + field.type(), e);
        }
    }

    /**
     * A date-time as {@link DateTimeFormatter#ISO_LOCAL_DATE_TIME} writes it ({@code 2018-01-02T10:00:00}),
     * by hand for the common case: the formatter costs more than the database insert of a million rows.
     */
    static String isoDateTime(LocalDateTime t) {
        int year = t.getYear();
        if (t.getNano() != 0 || year < 1000 || year > 9999) {
            return t.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        }
        char[] c = new char[19];
        four(c, 0, year);
        c[4] = '-';
        two(c, 5, t.getMonthValue());
        c[7] = '-';
        two(c, 8, t.getDayOfMonth());
        c[10] = 'T';
        two(c, 11, t.getHour());
        c[13] = ':';
        two(c, 14, t.getMinute());
        c[16] = ':';
        two(c, 17, t.getSecond());
        return new String(c);
    }

    private static void two(char[] c, int at, int v) {
        c[at] = (char) ('0' + v / 10);
        c[at + 1] = (char) ('0' + v % 10);
    }

    private static void four(char[] c, int at, int v) {
        two(c, at, v / 100);
        two(c, at + 2, v % 100);
    }

    /** Reads every feature of a layer, in fid order. */
    public synchronized List<Feature> features(String layer) throws WorkspaceException {
        List<Feature> out = new ArrayList<>();
        forEachFeature(layer, out::add);
        return out;
    }

    /** Streams every feature of a layer, in fid order, to a consumer (on the calling thread). */
    public synchronized void forEachFeature(String layer, Consumer<Feature> consumer) throws WorkspaceException {
        LayerInfo info = layer(layer).orElseThrow(() -> new WorkspaceException(WorkspaceException.Reason.BAD_INPUT,
                file, "There is no layer '" + layer + "' in " + file + "."));
        String geometryColumn = geometryColumn(layer);
        try {
            String pk = primaryKey(layer);
            StringBuilder sql = new StringBuilder("SELECT ").append(quote(pk)).append(", ").append(quote(geometryColumn));
            for (FieldDef f : info.fields()) {
                sql.append(", ").append(quote(f.name()));
            }
            sql.append(" FROM ").append(quote(layer)).append(" ORDER BY ").append(quote(pk));
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql.toString())) {
                while (rs.next()) {
                    Geometry g = GpkgGeometry.decode(rs.getBytes(2), geometryFactory);
                    if (g == null) {
                        g = geometryFactory.createGeometryCollection();
                    }
                    List<Object> values = new ArrayList<>(info.fields().size());
                    for (int i = 0; i < info.fields().size(); i++) {
                        values.add(read(rs, i + 3, info.fields().get(i).type()));
                    }
                    consumer.accept(new Feature(rs.getLong(1), g, values));
                }
            }
        } catch (SQLException | IllegalArgumentException e) {
            throw ioError("read layer " + layer, e);
        }
    }

    private static Object read(ResultSet rs, int index, FieldType type) throws SQLException {
        Object raw = rs.getObject(index);
        if (raw == null) {
            return null;
        }
        return switch (type) {
            case TEXT -> raw.toString();
            case INTEGER -> raw instanceof Number n ? (Object) n.longValue() : raw.toString();
            case REAL -> raw instanceof Number n ? (Object) n.doubleValue() : raw.toString();
            case BOOLEAN -> raw instanceof Number n ? (Object) (n.intValue() != 0) : raw.toString();
            case DATE -> parseOr(raw.toString(), s -> LocalDate.parse(s.substring(0, 10)));
            case DATETIME -> parseOr(raw.toString(), s -> LocalDateTime.parse(s.endsWith("Z")
                    ? s.substring(0, s.length() - 1) : s));
        };
    }

    private static Object parseOr(String s, java.util.function.Function<String, Object> parser) {
        try {
            return parser.apply(s);
        } catch (RuntimeException e) {
            return s;
        }
    }

    /**
     * Runs work inside one transaction on this workspace's connection (for the repositories of this
     * package): committed when it returns, rolled back when it throws.
     */
    synchronized <T> T inTransaction(SqlWork<T> work) throws WorkspaceException {
        try {
            connection.setAutoCommit(false);
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            throw new WorkspaceException(WorkspaceException.Reason.IO, file, "Could not save to " + file + ": "
                    + e.getMessage() + ". Nothing was changed.", e);
        } finally {
            autoCommitQuietly();
        }
    }

    /** Read-only work on the connection. */
    synchronized <T> T query(SqlWork<T> work) throws WorkspaceException {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw ioError("read", e);
        }
    }

    /** One line of the audit log. */
    public record AuditEntry(String at, String who, String action, String detail) {
    }

    /** Records a change in the audit log, inside the caller's transaction. */
    void audit(Connection c, String action, String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO psc_audit (at, who, action, detail) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, now().toString());
            ps.setString(2, System.getProperty("user.name", "unknown"));
            ps.setString(3, action);
            ps.setString(4, detail == null ? "" : detail);
            ps.executeUpdate();
        }
    }

    /**
     * Records an edit typed in a meeting (notes, a narrative, votes...), inside the caller's transaction. Text
     * is saved as it is typed, so one line stands for a run of the same edit: nothing is written when the
     * newest line already says the same, by the same account, less than ten minutes ago.
     */
    void auditEdit(Connection c, String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT at, who, action, detail FROM psc_audit"
                + " ORDER BY id DESC LIMIT 1"); ResultSet rs = ps.executeQuery()) {
            if (rs.next() && rs.getString(2).equals(System.getProperty("user.name", "unknown"))
                    && rs.getString(3).equals("edit") && rs.getString(4).equals(detail)
                    && java.time.Duration.between(java.time.Instant.parse(rs.getString(1)), now())
                            .compareTo(java.time.Duration.ofMinutes(10)) < 0) {
                return;
            }
        }
        audit(c, "edit", detail);
    }

    /** The audit log, oldest first. */
    public synchronized List<AuditEntry> auditLog() throws WorkspaceException {
        return query(c -> {
            List<AuditEntry> out = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT at, who, action, detail FROM psc_audit ORDER BY id")) {
                while (rs.next()) {
                    out.add(new AuditEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            return out;
        });
    }

    /** A unit of JDBC work. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    int ensureSrs(Crs crs) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT srs_id FROM gpkg_spatial_ref_sys"
                + " WHERE UPPER(organization) = ? AND organization_coordsys_id = ?")) {
            ps.setString(1, crs.authority());
            ps.setInt(2, crs.code());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getInt(1);
                }
            }
        }
        int srsId = crs.code();
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM gpkg_spatial_ref_sys WHERE srs_id = ?")) {
            ps.setInt(1, srsId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    try (Statement st = connection.createStatement();
                         ResultSet max = st.executeQuery("SELECT MAX(srs_id) FROM gpkg_spatial_ref_sys")) {
                        srsId = Math.max(100000, max.getInt(1) + 1);
                    }
                }
            }
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO gpkg_spatial_ref_sys (srs_name, srs_id,"
                + " organization, organization_coordsys_id, definition, description) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, crs.name());
            ps.setInt(2, srsId);
            ps.setString(3, crs.authority());
            ps.setInt(4, crs.code());
            ps.setString(5, crs.wkt());
            ps.setString(6, crs.proj4());
            ps.executeUpdate();
        }
        return srsId;
    }

    private void registerForeignLayers() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT OR IGNORE INTO psc_layers (table_name, role,"
                + " title, source, source_format, imported_at) SELECT c.table_name, 'reference',"
                + " COALESCE(c.identifier, c.table_name), ?, 'geopackage', ? FROM gpkg_contents c"
                + " WHERE c.data_type = 'features'")) {
            ps.setString(1, file.getFileName().toString());
            ps.setString(2, GPKG_TIMESTAMP.format(clock.instant()));
            ps.executeUpdate();
        }
    }

    String uniqueTableName(String base) throws SQLException {
        Set<String> taken = new HashSet<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT LOWER(name) FROM sqlite_master")) {
            while (rs.next()) {
                taken.add(rs.getString(1));
            }
        }
        String name = base;
        for (int i = 2; taken.contains(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }

    private String uniqueIdentifier(String title) throws SQLException {
        Set<String> taken = new HashSet<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT identifier FROM gpkg_contents WHERE identifier IS NOT NULL")) {
            while (rs.next()) {
                taken.add(rs.getString(1));
            }
        }
        String id = title;
        for (int i = 2; taken.contains(id); i++) {
            id = title + " (" + i + ")";
        }
        return id;
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the original error is what the user needs to see
        }
    }

    private void autoCommitQuietly() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // next operation will report a broken connection
        }
    }

    private WorkspaceException ioError(String what, Exception e) {
        return new WorkspaceException(WorkspaceException.Reason.IO, file,
                "Could not " + what + " in " + file + ": " + e.getMessage(), e);
    }

    /**
     * Caps the file at its current size plus {@code extraPages} pages, so that a write fails as on a full
     * disk (fault injection for tests; see {@code TestFaults}).
     */
    synchronized void limitPages(int extraPages) throws SQLException {
        try (Statement st = connection.createStatement()) {
            long pages;
            try (ResultSet rs = st.executeQuery("PRAGMA page_count")) {
                rs.next();
                pages = rs.getLong(1);
            }
            st.execute("PRAGMA max_page_count = " + (pages + extraPages));
        }
    }

    /** The time source of this workspace (fixed for reproducible demo files). */
    public Instant now() {
        return clock.instant();
    }

    /**
     * Checkpoints the write-ahead log into the main file and closes the connection, so that the workspace
     * is one self-contained file again.
     */
    /**
     * Claims this workspace for editing by this app window (issue 7: a second PSC Desk on the same workspace
     * opens it read-only). The claim is an OS file lock on a lock file in the app's data folder, released on
     * close or when the process ends, even by a crash. Without the claim the connection is made read-only
     * ({@code PRAGMA query_only}), so any write fails with a clear message instead of two windows
     * overwriting each other's meeting notes. Command-line tools do not claim: SQLite keeps their writes safe.
     *
     * @return true when this window may edit; false when another window has the workspace
     */
    public synchronized boolean claimForEditing() throws WorkspaceException {
        if (editLock != null) {
            return true;
        }
        Path lockFile = AppFolders.data().resolve("locks").resolve(lockName(file) + ".lock");
        try {
            Files.createDirectories(lockFile.getParent());
            java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(lockFile,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
            java.nio.channels.FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                lock = null; // another window of this same process has it
            }
            if (lock == null) {
                channel.close();
                readOnly = true;
                try (Statement st = connection.createStatement()) {
                    st.execute("PRAGMA query_only = ON");
                }
                return false;
            }
            editLock = lock;
            return true;
        } catch (IOException | SQLException e) {
            throw new WorkspaceException(WorkspaceException.Reason.IO, file, "Could not claim " + file.getFileName()
                    + " for editing (" + e.getMessage() + ").", e);
        }
    }

    /** True when {@link #claimForEditing} found another window editing this workspace. */
    public synchronized boolean isReadOnly() {
        return readOnly;
    }

    private void releaseEditLock() {
        if (editLock != null) {
            try {
                editLock.release();
                editLock.channel().close();
            } catch (IOException ignored) {
                // the OS releases it when the process ends
            }
            editLock = null;
        }
    }

    private static String lockName(Path path) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(
                    path.toAbsolutePath().normalize().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .substring(0, 24);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        releaseEditLock();
        // The file stays in WAL mode: switching journals on open and close would rewrite the header, and a
        // workspace that was only read, or whose failed import was rolled back, must stay byte-identical.
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException ignored) {
            // closing still releases the file; SQLite replays the WAL on the next open
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing more can be done at close
        }
    }
}
