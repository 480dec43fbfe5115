package org.pscdesk.ui.map;

import java.util.Arrays;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

import org.pscdesk.geo.CoordinateTransform;
import org.pscdesk.geo.Crs;
import org.pscdesk.geo.Grid;

/**
 * A {@link CellSurface} as one image: drawn once, in Web Mercator, at about two pixels per cell; the
 * {@link FeatureOverlay} draws it under the vector layers on its canvas, so panning moves one picture, not
 * two (each full-window layer costs milliseconds per frame on the software renderer) and never a node per cell
 * (200,000 cells). The workspace grid is not axis-aligned in Mercator (a few degrees of grid convergence), so
 * each image pixel is mapped back to its cell: exactly on a lattice every {@link #LATTICE} pixels and
 * bilinearly in between, which is far below a pixel of error at city scale.
 */
public final class SurfaceImage {

    static final int LATTICE = 16;
    static final int MAX_SIDE = 4096;
    private static final double OVERSAMPLE = 2;

    private final WritableImage image;
    private final double[] box;
    private double opacity = 1;
    private Runnable onChange = () -> { };

    public SurfaceImage(CellSurface surface) {
        box = mercatorBox(surface.grid(), surface.crs());
        image = image(surface, box);
    }

    /** The drawn image (cell colours in Mercator). */
    public WritableImage image() {
        return image;
    }

    /** Mercator box of the image: minX, minY, maxX, maxY (y grows southwards). */
    double[] box() {
        return box.clone();
    }

    public double opacity() {
        return opacity;
    }

    public void setSurfaceOpacity(double opacity) {
        this.opacity = opacity;
        onChange.run();
    }

    void setOnChange(Runnable onChange) {
        this.onChange = onChange;
    }

    /** Mercator box (minX, minY, maxX, maxY; y grows southwards) of the grid, from points along its edges. */
    static double[] mercatorBox(Grid grid, Crs crs) {
        CoordinateTransform toWgs = new CoordinateTransform(crs, Crs.WGS84);
        double x0 = grid.x0();
        double y0 = grid.y0();
        double x1 = x0 + grid.nx() * grid.cellSize();
        double y1 = y0 + grid.ny() * grid.cellSize();
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        int steps = 32;
        for (int i = 0; i <= steps; i++) {
            double t = i / (double) steps;
            for (double[] p : new double[][] {{x0 + t * (x1 - x0), y0}, {x0 + t * (x1 - x0), y1},
                    {x0, y0 + t * (y1 - y0)}, {x1, y0 + t * (y1 - y0)}}) {
                toWgs.apply(p);
                double mx = WebMercator.x(p[0]);
                double my = WebMercator.y(p[1]);
                box[0] = Math.min(box[0], mx);
                box[1] = Math.min(box[1], my);
                box[2] = Math.max(box[2], mx);
                box[3] = Math.max(box[3], my);
            }
        }
        return box;
    }

    static WritableImage image(CellSurface s, double[] box) {
        Grid grid = s.grid();
        double aspect = (box[2] - box[0]) / (box[3] - box[1]);
        double cellsAcross = Math.max(grid.nx(), grid.ny() * aspect);
        int w = (int) Math.min(MAX_SIDE, Math.max(2, Math.ceil(cellsAcross * OVERSAMPLE)));
        int h = (int) Math.min(MAX_SIDE, Math.max(2, Math.ceil(w / aspect)));
        int[] colourOf = new int[grid.size()];
        for (int k = 0; k < s.cells().length; k++) {
            colourOf[s.cells()[k]] = s.argb()[k];
        }
        // Workspace coordinates of the lattice points, exactly.
        CoordinateTransform toCrs = new CoordinateTransform(Crs.WGS84, s.crs());
        int lw = (w + LATTICE - 1) / LATTICE + 1;
        int lh = (h + LATTICE - 1) / LATTICE + 1;
        double[] lx = new double[lw * lh];
        double[] ly = new double[lw * lh];
        for (int j = 0; j < lh; j++) {
            for (int i = 0; i < lw; i++) {
                double[] p = {WebMercator.lon(box[0] + (i * LATTICE + 0.5) / w * (box[2] - box[0])),
                        WebMercator.lat(box[1] + (j * LATTICE + 0.5) / h * (box[3] - box[1]))};
                toCrs.apply(p);
                lx[j * lw + i] = p[0];
                ly[j * lw + i] = p[1];
            }
        }
        int[] pixels = new int[w * h];
        Arrays.fill(pixels, 0);
        double inv = 1.0 / grid.cellSize();
        for (int py = 0; py < h; py++) {
            int j = py / LATTICE;
            double v = (py - j * LATTICE) / (double) LATTICE;
            for (int px = 0; px < w; px++) {
                int i = px / LATTICE;
                double u = (px - i * LATTICE) / (double) LATTICE;
                int a = j * lw + i;
                double x = (1 - v) * ((1 - u) * lx[a] + u * lx[a + 1]) + v * ((1 - u) * lx[a + lw] + u * lx[a + lw + 1]);
                double y = (1 - v) * ((1 - u) * ly[a] + u * ly[a + 1]) + v * ((1 - u) * ly[a + lw] + u * ly[a + lw + 1]);
                int col = (int) Math.floor((x - grid.x0()) * inv);
                int row = (int) Math.floor((y - grid.y0()) * inv);
                if (col >= 0 && row >= 0 && col < grid.nx() && row < grid.ny()) {
                    pixels[py * w + px] = colourOf[grid.index(col, row)];
                }
            }
        }
        WritableImage image = new WritableImage(w, h);
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, w);
        return image;
    }
}
