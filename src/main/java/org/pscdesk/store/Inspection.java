package org.pscdesk.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

/**
 * What a file on disk is, found without changing it: no write, no journal, no {@code -wal}/{@code -shm}
 * file. It reads the SQLite header itself, then opens the database with SQLite's {@code immutable=1} and
 * read-only flags for {@code quick_check} and the table list.
 *
 * @param kind what the file is
 * @param schemaVersion PSC Desk schema version recorded in the file (0 when none)
 * @param detail a short technical detail for logs (SQLite's own message), or null
 */
public record Inspection(Kind kind, int schemaVersion, String detail) {

    /** What kind of file was found. */
    public enum Kind { MISSING, NOT_SQLITE, NOT_GEOPACKAGE, CORRUPT, FOREIGN_GEOPACKAGE, WORKSPACE }

    static final int GPKG_APPLICATION_ID = 0x47504B47; // "GPKG"
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Inspects a file; never throws for bad content, only reports it. */
    public static Inspection of(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            return new Inspection(Kind.MISSING, 0, null);
        }
        byte[] header = new byte[100];
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            if (in.readNBytes(header, 0, 100) < 100) {
                return new Inspection(Kind.NOT_SQLITE, 0, "shorter than an SQLite header");
            }
        } catch (IOException e) {
            return new Inspection(Kind.MISSING, 0, e.getMessage());
        }
        for (int i = 0; i < SQLITE_MAGIC.length; i++) {
            if (header[i] != SQLITE_MAGIC[i]) {
                return new Inspection(Kind.NOT_SQLITE, 0, "no SQLite header");
            }
        }
        ByteBuffer h = ByteBuffer.wrap(header);
        int pageSize = Short.toUnsignedInt(h.getShort(16));
        if (pageSize == 1) {
            pageSize = 65536;
        }
        long pagesInHeader = Integer.toUnsignedLong(h.getInt(28));
        boolean pageCountValid = h.getInt(24) == h.getInt(92);
        if (pageSize < 512 || size % pageSize != 0 || (pageCountValid && pagesInHeader * pageSize > size)) {
            return new Inspection(Kind.CORRUPT, 0, "file size " + size + " does not match its pages");
        }
        int applicationId = h.getInt(68);
        boolean hasWal = Files.exists(Path.of(file + "-wal"));

        // A leftover -wal belongs to a crashed session of ours: immutable mode would ignore it, so the
        // content check is left to the normal open, which replays it.
        String url = hasWal ? null : "jdbc:sqlite:file:" + file.toAbsolutePath().toUri().getRawPath()
                + "?mode=ro&immutable=1";
        if (url == null) {
            return new Inspection(applicationId == GPKG_APPLICATION_ID ? Kind.WORKSPACE : Kind.NOT_GEOPACKAGE, -1,
                    "write-ahead log present");
        }
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
                String result = rs.next() ? rs.getString(1) : "no result";
                if (!"ok".equals(result)) {
                    return new Inspection(Kind.CORRUPT, 0, result);
                }
            }
            Set<String> tables = new HashSet<>();
            try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            boolean geopackage = tables.contains("gpkg_spatial_ref_sys") && tables.contains("gpkg_contents");
            if (!geopackage) {
                return new Inspection(Kind.NOT_GEOPACKAGE, 0, "no gpkg_contents table");
            }
            if (!tables.contains(Workspace.HISTORY_TABLE) || !tables.contains("psc_layers")) {
                return new Inspection(Kind.FOREIGN_GEOPACKAGE, 0, null);
            }
            int version = 0;
            try (ResultSet rs = st.executeQuery("SELECT version FROM " + Workspace.HISTORY_TABLE
                    + " WHERE success = 1")) {
                while (rs.next()) {
                    String v = rs.getString(1);
                    if (v != null && v.matches("\\d+")) {
                        version = Math.max(version, Integer.parseInt(v));
                    }
                }
            }
            return new Inspection(Kind.WORKSPACE, version, null);
        } catch (SQLException e) {
            return new Inspection(Kind.CORRUPT, 0, e.getMessage());
        }
    }
}
