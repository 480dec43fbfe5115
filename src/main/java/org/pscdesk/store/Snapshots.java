package org.pscdesk.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Rotating snapshots of an open workspace (issue 7): a consistent copy made with SQLite's online backup
 * while the workspace stays open, checked with {@code integrity_check}, kept in the app's data folder (one
 * folder per workspace path), the newest {@link #KEEP} kept. Taken at meeting start, at finalize and hourly
 * while the app is open; restoring one first snapshots the current state.
 */
public final class Snapshots {

    /** Snapshots kept per workspace. */
    public static final int KEEP = 12;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** One snapshot file. */
    public record Snapshot(Path file, Instant takenAt, String reason) {
    }

    private final Workspace workspace;
    private final Path folder;

    public Snapshots(Workspace workspace) {
        this(workspace, AppFolders.data().resolve("snapshots"));
    }

    /** @param root where the per-workspace snapshot folders go */
    public Snapshots(Workspace workspace, Path root) {
        this.workspace = workspace;
        this.folder = root.resolve(workspace.file().getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_")
                + "-" + shortHash(workspace.file().toAbsolutePath().toString()));
    }

    public Path folder() {
        return folder;
    }

    /**
     * Takes a snapshot now.
     *
     * @param reason a word for the file name: {@code meeting-start}, {@code finalized}, {@code hourly}...
     */
    public Snapshot take(String reason) throws WorkspaceException {
        String tag = reason.replaceAll("[^a-z0-9-]", "-");
        Instant now = workspace.now();
        Path target = folder.resolve(STAMP.format(now) + "-" + tag + ".gpkg");
        try {
            Files.createDirectories(folder);
            Files.deleteIfExists(target);
        } catch (IOException e) {
            throw new WorkspaceException(WorkspaceException.Reason.IO, workspace.file(), "Could not prepare the"
                    + " snapshot folder " + folder + ": " + e.getMessage(), e);
        }
        workspace.query(c -> {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("backup to " + target.toAbsolutePath());
            }
            return null;
        });
        String check = integrity(target);
        if (!"ok".equals(check)) {
            throw new WorkspaceException(WorkspaceException.Reason.CORRUPT, target, "The snapshot " + target
                    + " failed its integrity check (" + check + "); the workspace itself was not touched.");
        }
        rotate();
        return new Snapshot(target, now, tag);
    }

    /** The snapshots, newest first. */
    public List<Snapshot> list() throws WorkspaceException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Snapshot> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".gpkg")).toList()) {
                String name = p.getFileName().toString();
                int dash = name.indexOf('-');
                try {
                    Instant at = Instant.from(STAMP.parse(name.substring(0, dash)));
                    out.add(new Snapshot(p, at, name.substring(dash + 1, name.length() - ".gpkg".length())));
                } catch (RuntimeException e) {
                    // not one of ours
                }
            }
        } catch (IOException e) {
            throw new WorkspaceException(WorkspaceException.Reason.IO, folder, "Could not list " + folder, e);
        }
        out.sort(Comparator.comparing(Snapshot::file).reversed());
        return out;
    }

    /**
     * Restores a snapshot into the open workspace (SQLite's online restore), after snapshotting the current
     * state as {@code before-restore}.
     *
     * @return the snapshot of the state before the restore
     */
    public Snapshot restore(Snapshot snapshot) throws WorkspaceException {
        String check = integrity(snapshot.file());
        if (!"ok".equals(check)) {
            throw new WorkspaceException(WorkspaceException.Reason.CORRUPT, snapshot.file(), "The snapshot "
                    + snapshot.file() + " is damaged (" + check + "); nothing was restored.");
        }
        Snapshot before = take("before-restore");
        workspace.query(c -> {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("restore from " + snapshot.file().toAbsolutePath());
            }
            return null;
        });
        // after the restore, so that the restored log keeps the line (the old state is in `before`)
        workspace.inTransaction(c -> {
            workspace.audit(c, "restore", "restored snapshot " + snapshot.file().getFileName() + "; the state before"
                    + " is " + before.file().getFileName());
            return null;
        });
        return before;
    }

    private void rotate() throws WorkspaceException {
        List<Snapshot> all = list();
        for (int i = KEEP; i < all.size(); i++) {
            try {
                Files.deleteIfExists(all.get(i).file());
            } catch (IOException e) {
                throw new WorkspaceException(WorkspaceException.Reason.IO, all.get(i).file(), "Could not remove"
                        + " the old snapshot " + all.get(i).file(), e);
            }
        }
    }

    static String integrity(Path file) throws WorkspaceException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + file.toAbsolutePath() + "?mode=ro");
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            return rs.next() ? rs.getString(1) : "no answer";
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private static String shortHash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
