package org.pscdesk.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ServiceLoader;

import javax.imageio.ImageIO;

import javafx.scene.image.Image;
import javafx.scene.paint.Color;

import com.gluonhq.maps.tile.TileRetriever;
import com.gluonhq.maps.tile.TileRetrieverProvider;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pscdesk.store.Workspace;
import org.pscdesk.ui.fx.Theme;
import org.pscdesk.ui.map.GeneratedBasemap;
import org.pscdesk.ui.map.LocalTileRetriever;
import org.pscdesk.ui.map.MapData;
import org.pscdesk.ui.map.MapDataLoader;
import org.pscdesk.ui.map.MbTilesBasemap;
import org.pscdesk.ui.map.WebMercator;
import org.testfx.api.FxToolkit;

/** The offline basemap: our retriever replaces Gluon's downloading one; tiles are drawn or read locally. */
class BasemapTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void gluonMapsGetsOurRetrieverNotTheOpenStreetMapOne() {
        TileRetriever first = ServiceLoader.load(TileRetriever.class).iterator().next();
        assertInstanceOf(LocalTileRetriever.class, first);
        assertInstanceOf(LocalTileRetriever.class, TileRetrieverProvider.getInstance().load());
    }

    private MapData town() throws Exception {
        Path file = TestWorkspaces.town(dir.resolve("town.gpkg"));
        try (Workspace ws = Workspace.open(file)) {
            return MapDataLoader.load(ws, ws.layers(), (m, f) -> { });
        }
    }

    /** The XYZ tile (at {@code zoom}) holding a point given in metres from the town's corner. */
    private static long[] tileAt(int zoom, double lon, double lat) {
        double n = 1L << zoom;
        return new long[] {(long) (WebMercator.x(lon) * n), (long) (WebMercator.y(lat) * n)};
    }

    @Test
    void tilesOverTheTownShowItsStreetsAndAreCachedOnDisk() throws Exception {
        MapData data = town();
        Path cache = dir.resolve("tiles");
        GeneratedBasemap basemap = new GeneratedBasemap(data, Theme.base(), cache);
        // the street crossing lies at the centre of the study area
        double[] e = data.extent();
        double lon = WebMercator.lon((e[0] + e[2]) / 2);
        double lat = WebMercator.lat((e[1] + e[3]) / 2);
        long[] xy = tileAt(16, lon, lat);
        assertNull(basemap.immediate(16, xy[0], xy[1]), "a tile over the town must be drawn");
        Image tile = basemap.load(16, xy[0], xy[1]);
        assertEquals(256, tile.getWidth());
        Color street = Theme.base().color("-psc-basemap-street");
        assertTrue(countNear(tile, street) > 100, "street pixels in the tile");

        Path cached = basemap.cacheDir().resolve("16/" + xy[0] + "/" + xy[1] + ".png");
        assertTrue(cached.startsWith(cache), "cached under the given folder");
        for (int i = 0; i < 100 && !Files.exists(cached); i++) {
            Thread.sleep(50);
        }
        assertTrue(Files.isRegularFile(cached), "tile written to " + cached);
        Image again = basemap.load(16, xy[0], xy[1]);
        assertEquals(countNear(tile, street), countNear(again, street), "the cached tile has the same picture");
    }

    @Test
    void tilesFarFromTheTownAreThePlainBackgroundAtOnce() throws Exception {
        GeneratedBasemap basemap = new GeneratedBasemap(town(), Theme.base(), null);
        long[] paris = tileAt(14, 2.35, 48.85);
        assertSame(basemap.placeholder(), basemap.immediate(14, paris[0], paris[1]));
    }

    @Test
    void mbtilesAreReadWithTheTmsRowFlipAndTheFileIsNotTouched() throws Exception {
        Path mbtiles = dir.resolve("city.mbtiles");
        int zoom = 3;
        long x = 2;
        long y = 1; // XYZ row; stored as TMS row 2^3 - 1 - 1 = 6
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + mbtiles); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE metadata (name TEXT, value TEXT)");
            st.execute("INSERT INTO metadata VALUES ('name', 'Test city'), ('format', 'png'),"
                    + " ('attribution', '<a href=\"x\">Test data</a>')");
            st.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tiles VALUES (?, ?, ?, ?)")) {
                ps.setInt(1, zoom);
                ps.setLong(2, x);
                ps.setLong(3, (1L << zoom) - 1 - y);
                ps.setBytes(4, png(java.awt.Color.RED));
                ps.executeUpdate();
            }
        }
        byte[] before = Files.readAllBytes(mbtiles);
        GeneratedBasemap fallback = new GeneratedBasemap(town(), Theme.base(), null);
        MbTilesBasemap basemap = MbTilesBasemap.open(mbtiles, fallback);
        try {
            Image tile = basemap.load(zoom, x, y);
            assertEquals(Color.RED, tile.getPixelReader().getColor(128, 128));
            Image missing = basemap.load(zoom, x, y + 1);
            assertNotNull(missing, "a tile the file lacks comes from the generated basemap");
            assertFalse(Color.RED.equals(missing.getPixelReader().getColor(128, 128)));
            assertEquals("Basemap: Test city · Test data", basemap.attribution());
        } finally {
            basemap.close();
        }
        assertArrayEquals(before, Files.readAllBytes(mbtiles));
        assertFalse(Files.exists(Path.of(mbtiles + "-wal")));
        assertFalse(Files.exists(Path.of(mbtiles + "-shm")));
    }

    @Test
    void aFileThatIsNotMbtilesIsRefusedWithAPlainMessage() throws Exception {
        Path png = TestWorkspaces.png(dir.resolve("map.mbtiles"));
        GeneratedBasemap fallback = new GeneratedBasemap(town(), Theme.base(), null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MbTilesBasemap.open(png, fallback));
        assertTrue(e.getMessage().contains("map.mbtiles"), e.getMessage());
    }

    private static byte[] png(java.awt.Color color) throws Exception {
        BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 256, 256);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static int countNear(Image image, Color target) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color c = image.getPixelReader().getColor(x, y);
                if (Math.abs(c.getRed() - target.getRed()) < 0.02 && Math.abs(c.getGreen() - target.getGreen()) < 0.02
                        && Math.abs(c.getBlue() - target.getBlue()) < 0.02) {
                    n++;
                }
            }
        }
        return n;
    }
}
