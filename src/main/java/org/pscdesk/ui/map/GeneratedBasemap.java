package org.pscdesk.ui.map;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.imageio.ImageIO;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;

import org.pscdesk.store.GeometryType;
import org.pscdesk.store.LayerRole;
import org.pscdesk.ui.fx.Theme;

/**
 * A quiet basemap drawn on this machine from the workspace itself: a neutral background, the study area
 * as lighter land, parks pale green, boundaries and streets in light greys. Tiles are drawn with Java2D
 * on tile threads and kept on disk ({@code <cache>/tiles/<fingerprint>/z/x/y.png}), so the next start
 * reads them back instead of drawing again. Tiles away from the city are one shared background image.
 *
 * <p>Thread-safe.
 */
public final class GeneratedBasemap implements BasemapSource {

    static final int TILE = 256;
    private static final Logger LOG = Logger.getLogger(GeneratedBasemap.class.getName());
    /** Writing PNGs is slower than drawing; it happens after the tile is shown, on its own thread. */
    private static final ExecutorService CACHE_WRITER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "pscdesk-tile-cache");
        t.setDaemon(true);
        return t;
    });

    private final List<LayerShapes> areas;
    private final List<LayerShapes> parks;
    private final List<LayerShapes> boundaries;
    private final List<LayerShapes> streets;
    private final double[] extent;
    private final Path cacheDir;
    private final Color background;
    private final Color land;
    private final Color park;
    private final Color boundary;
    private final Color street;
    private final Image placeholder;

    /**
     * @param cacheRoot folder for cached tiles ({@code AppFolders.cache()/tiles}), or null for none
     */
    public GeneratedBasemap(MapData data, Theme theme, Path cacheRoot) {
        this.areas = data.layers().stream().filter(l -> l.role() == LayerRole.AREA).toList();
        List<LayerShapes> reference = data.layers().stream().filter(l -> l.role() == LayerRole.REFERENCE).toList();
        this.parks = reference.stream().filter(l -> LayerKinds.isParkLike(l.info())).toList();
        this.boundaries = reference.stream().filter(l -> !LayerKinds.isParkLike(l.info())).toList();
        this.streets = reference.stream().filter(l -> isLines(l.info().geometryType())).toList();
        this.extent = extentOf(data);
        this.background = theme.awt("-psc-basemap-bg");
        this.land = theme.awt("-psc-basemap-land");
        this.park = theme.awt("-psc-basemap-park");
        this.boundary = theme.awt("-psc-basemap-boundary");
        this.street = theme.awt("-psc-basemap-street");
        // The folder names both the geometry and the colours, so a changed theme never shows stale tiles.
        String colours = Integer.toHexString(java.util.Objects.hash(background, land, park, boundary, street));
        this.cacheDir = cacheRoot == null ? null : cacheRoot.resolve(data.fingerprint() + "-" + colours);
        // Same colour as the map area behind the tiles, so seams between scaled tiles never show.
        this.placeholder = plain(background);
    }

    private static boolean isLines(GeometryType type) {
        return type == GeometryType.LINESTRING || type == GeometryType.MULTILINESTRING;
    }

    private static double[] extentOf(MapData data) {
        double[] box = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.NEGATIVE_INFINITY};
        for (LayerShapes l : data.layers()) {
            if (l.role() != LayerRole.AREA && l.role() != LayerRole.REFERENCE) {
                continue;
            }
            for (Parts p : new Parts[] {l.lines(), l.majorLines(), l.rings()}) {
                for (int i = 0; i < p.size(); i++) {
                    box[0] = Math.min(box[0], p.minX(i));
                    box[1] = Math.min(box[1], p.minY(i));
                    box[2] = Math.max(box[2], p.maxX(i));
                    box[3] = Math.max(box[3], p.maxY(i));
                }
            }
        }
        return box;
    }

    private static Image plain(Color color) {
        WritableImage image = new WritableImage(TILE, TILE);
        PixelWriter writer = image.getPixelWriter();
        int[] pixels = new int[TILE * TILE];
        java.util.Arrays.fill(pixels, color.getRGB() | 0xFF000000);
        writer.setPixels(0, 0, TILE, TILE, PixelFormat.getIntArgbInstance(), pixels, 0, TILE);
        return image;
    }

    @Override
    public Image immediate(int zoom, long x, long y) {
        double n = 1L << zoom;
        // Half a tile of slack: wide streets near a tile edge still reach into it.
        double slack = 0.5 / n;
        boolean outside = (x + 1) / n < extent[0] - slack || x / n > extent[2] + slack
                || (y + 1) / n < extent[1] - slack || y / n > extent[3] + slack;
        return outside ? placeholder : null;
    }

    @Override
    public Image load(int zoom, long x, long y) throws IOException {
        Path file = cacheDir == null ? null : cacheDir.resolve(zoom + "/" + x + "/" + y + ".png");
        if (file != null && Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                Image cached = new Image(in);
                if (!cached.isError() && cached.getWidth() == TILE) {
                    return cached;
                }
            } catch (IOException e) {
                LOG.log(Level.FINE, "unreadable cached tile " + file + "; drawing it again", e);
            }
        }
        BufferedImage tile = render(zoom, x, y);
        if (file != null) {
            CACHE_WRITER.execute(() -> write(tile, file));
        }
        return SwingFXUtils.toFXImage(tile, null);
    }

    /** Draws one tile (XYZ scheme). */
    BufferedImage render(int zoom, long x, long y) {
        BufferedImage image = new BufferedImage(TILE, TILE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(background);
            g.fillRect(0, 0, TILE, TILE);
            Frame f = new Frame(TILE * Math.pow(2, zoom), x * (double) TILE, y * (double) TILE, zoom);
            for (LayerShapes l : areas) {
                g.setColor(land);
                g.fill(path(l.rings(), f, true));
            }
            for (LayerShapes l : parks) {
                g.setColor(park);
                g.fill(path(l.rings(), f, true));
            }
            g.setColor(boundary);
            g.setStroke(new BasicStroke(zoom >= 15 ? 1.4f : 0.9f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (LayerShapes l : boundaries) {
                g.draw(path(l.rings(), f, true));
            }
            g.setColor(street);
            g.setStroke(new BasicStroke(streetWidth(zoom), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (LayerShapes l : streets) {
                g.draw(path(l.lines(), f, false));
            }
            g.setStroke(new BasicStroke(streetWidth(zoom) * 1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (LayerShapes l : streets) {
                g.draw(path(l.majorLines(), f, false));
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Street width in pixels: hairlines for the whole city, wider as one zooms into blocks. */
    static float streetWidth(int zoom) {
        double w = 0.8 * Math.pow(2, (zoom - 13) * 0.65);
        return (float) Math.max(0.7, Math.min(7, w));
    }

    private record Frame(double scale, double originX, double originY, int zoom) {
        double minX() {
            return (originX - 16) / scale;
        }

        double maxX() {
            return (originX + TILE + 16) / scale;
        }

        double minY() {
            return (originY - 16) / scale;
        }

        double maxY() {
            return (originY + TILE + 16) / scale;
        }
    }

    private static Path2D path(Parts parts, Frame f, boolean closed) {
        Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (int i = 0; i < parts.size(); i++) {
            if (!parts.intersects(i, f.minX(), f.minY(), f.maxX(), f.maxY())) {
                continue;
            }
            int start = parts.start(i);
            path.moveTo(parts.x(start) * f.scale - f.originX, parts.y(start) * f.scale - f.originY);
            for (int k = start + 1; k < parts.end(i); k++) {
                path.lineTo(parts.x(k) * f.scale - f.originX, parts.y(k) * f.scale - f.originY);
            }
            if (closed) {
                path.closePath();
            }
        }
        return path;
    }

    private static void write(BufferedImage tile, Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            try {
                ImageIO.write(tile, "png", temp.toFile());
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException | RuntimeException e) {
            // The cache is only a speed-up; the tile is drawn again next time.
            LOG.log(Level.FINE, "could not cache tile " + file, e);
        }
    }

    /** Where this basemap keeps its tiles ({@code z/x/y.png}), or null when it keeps none. */
    public Path cacheDir() {
        return cacheDir;
    }

    @Override
    public Image placeholder() {
        return placeholder;
    }

    @Override
    public String attribution() {
        return "Basemap drawn from this workspace's layers · no network used";
    }
}
