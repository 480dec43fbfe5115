package org.pscdesk.ui.map;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.scene.image.Image;

/**
 * Basemap tiles from an MBTiles file (SQLite, raster PNG or JPEG tiles, TMS rows). Opened read-only and
 * immutable, so the file is never changed and no journal appears beside it. Tiles the file lacks come
 * from the fallback (the generated basemap).
 *
 * <p>Thread-safe.
 */
public final class MbTilesBasemap implements BasemapSource {

    private static final Logger LOG = Logger.getLogger(MbTilesBasemap.class.getName());

    private final Path file;
    private final Connection connection;
    private final BasemapSource fallback;
    private final String attribution;

    private MbTilesBasemap(Path file, Connection connection, BasemapSource fallback, String attribution) {
        this.file = file;
        this.connection = connection;
        this.fallback = fallback;
        this.attribution = attribution;
    }

    /**
     * Opens an MBTiles file.
     *
     * @throws IllegalArgumentException with a plain message when the file is missing or not a raster MBTiles
     */
    public static MbTilesBasemap open(Path file, BasemapSource fallback) {
        Path path = file.toAbsolutePath();
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("The basemap file " + path + " does not exist.");
        }
        String url = "jdbc:sqlite:file:" + path.toUri().getRawPath() + "?mode=ro&immutable=1";
        Connection c = null;
        try {
            c = DriverManager.getConnection(url);
            String format = metadata(c, "format");
            if (format != null && !format.isBlank()
                    && !format.toLowerCase(Locale.ROOT).matches("png|jpg|jpeg|webp")) {
                throw new IllegalArgumentException("The basemap " + path.getFileName() + " holds '" + format
                        + "' tiles; PSC Desk reads raster (PNG or JPEG) MBTiles.");
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT 1 FROM tiles LIMIT 1")) {
                rs.next();
            }
            String credit = metadata(c, "attribution");
            String name = metadata(c, "name");
            String text = "Basemap: " + (name == null || name.isBlank() ? path.getFileName() : name)
                    + (credit == null || credit.isBlank() ? "" : " · " + credit.replaceAll("<[^>]*>", ""));
            return new MbTilesBasemap(path, c, fallback, text);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new IllegalArgumentException("The basemap " + path.getFileName() + " is not an MBTiles file ("
                    + e.getMessage() + ").", e);
        } catch (IllegalArgumentException e) {
            closeQuietly(c);
            throw e;
        }
    }

    private static String metadata(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM metadata WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("no such table")) {
                return null;
            }
            throw e;
        }
    }

    /** TMS counts rows from the bottom; Gluon asks in XYZ (from the top). */
    static long tmsRow(int zoom, long y) {
        return (1L << zoom) - 1 - y;
    }

    @Override
    public Image immediate(int zoom, long x, long y) {
        return null;
    }

    @Override
    public Image load(int zoom, long x, long y) throws Exception {
        byte[] bytes = read(zoom, x, y);
        if (bytes != null) {
            Image image = new Image(new ByteArrayInputStream(bytes));
            if (!image.isError()) {
                return image;
            }
            LOG.log(Level.FINE, "undecodable tile " + zoom + "/" + x + "/" + y + " in " + file);
        }
        Image quick = fallback.immediate(zoom, x, y);
        return quick != null ? quick : fallback.load(zoom, x, y);
    }

    private synchronized byte[] read(int zoom, long x, long y) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?")) {
            ps.setInt(1, zoom);
            ps.setLong(2, x);
            ps.setLong(3, tmsRow(zoom, y));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }
    }

    @Override
    public Image placeholder() {
        return fallback.placeholder();
    }

    @Override
    public String attribution() {
        return attribution;
    }

    @Override
    public synchronized void close() {
        closeQuietly(connection);
        fallback.close();
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // read-only file: nothing to lose
            }
        }
    }
}
