package org.pscdesk.rtm.influence;

import java.util.Arrays;

import org.pscdesk.geo.FeatureArrays;
import org.pscdesk.geo.Grid;
import org.pscdesk.geo.StudyMask;

/**
 * {@link ProximityLayer.Method#RASTER}: features rasterized onto the study grid extended by the cap, then the
 * exact squared Euclidean distance transform of Felzenszwalb &amp; Huttenlocher (lower envelope of parabolas,
 * one pass over columns and one over rows, O(cells)).
 *
 * <p>A raster cell is a seed when its square holds a feature point: the cell of each point (half-open rule),
 * every cell a segment passes through or touches, and every cell whose centre is inside a polygon. The result
 * is the distance between cell centres to the nearest seed. Since every feature point lies in a seed's closed
 * square and every seed's closed square holds a feature point, the result differs from the exact distance by
 * at most half a cell diagonal, cs·√2/2. Features beyond the extended raster are more than the cap from every
 * cell centre and are ignored. Stateless and thread-safe.
 */
final class RasterDistance {

    /** A squared distance larger than any on a raster of at most 20 million cells, exact in a double. */
    private static final double FAR = 1e20;

    private RasterDistance() {
    }

    static double[] distances(StudyMask mask, FeatureArrays features, double cap) {
        Grid g = mask.grid();
        double cs = g.cellSize();
        int margin = (int) Math.min(1_000_000, Math.ceil(cap / cs) + 1);
        Grid r = new Grid(g.x0() - margin * cs, g.y0() - margin * cs, cs, g.nx() + 2 * margin, g.ny() + 2 * margin);
        double[] f = new double[r.size()];
        Arrays.fill(f, FAR);

        double[] px = features.pointX();
        double[] py = features.pointY();
        for (int i = 0; i < px.length; i++) {
            int cell = r.cellOf(px[i], py[i]);
            if (cell >= 0) {
                f[cell] = 0;
            }
        }
        double[] seg = features.segments();
        for (int s = 0; s < seg.length; s += 4) {
            seedSegment(r, seg[s], seg[s + 1], seg[s + 2], seg[s + 3], f);
        }
        ProximityLayer.markInside(r, seg, features.polygonStart(), cell -> f[cell] = 0);

        transform(f, r.nx(), r.ny());

        double[] dist = new double[mask.size()];
        for (int k = 0; k < dist.length; k++) {
            int cell = mask.cell(k);
            double d2 = f[(g.row(cell) + margin) * r.nx() + g.col(cell) + margin];
            double d = d2 >= FAR ? Double.POSITIVE_INFINITY : Math.sqrt(d2) * cs;
            dist[k] = d <= cap ? d : Double.POSITIVE_INFINITY;
        }
        return dist;
    }

    /** Seeds every raster cell whose closed square the closed segment a–b meets (a supercover). */
    private static void seedSegment(Grid r, double ax, double ay, double bx, double by, double[] f) {
        int r0 = Math.max(0, r.rowOf(Math.min(ay, by)));
        int r1 = Math.min(r.ny() - 1, r.rowOf(Math.max(ay, by)));
        for (int row = r0; row <= r1; row++) {
            double xmin;
            double xmax;
            if (ay == by) {
                xmin = Math.min(ax, bx);
                xmax = Math.max(ax, bx);
            } else {
                double ta = clamp01((r.edgeY(row) - ay) / (by - ay));
                double tb = clamp01((r.edgeY(row + 1) - ay) / (by - ay));
                double xa = ax + ta * (bx - ax);
                double xb = ax + tb * (bx - ax);
                xmin = Math.min(xa, xb);
                xmax = Math.max(xa, xb);
            }
            int c0 = Math.max(0, r.colOf(xmin));
            int c1 = Math.min(r.nx() - 1, r.colOf(xmax));
            for (int col = c0; col <= c1; col++) {
                f[row * r.nx() + col] = 0;
            }
        }
    }

    private static double clamp01(double t) {
        return t < 0 ? 0 : t > 1 ? 1 : t;
    }

    /** In place: f becomes the squared distance (in cells²) to the nearest zero of f, columns then rows. */
    static void transform(double[] f, int nx, int ny) {
        int n = Math.max(nx, ny);
        double[] line = new double[n];
        double[] out = new double[n];
        int[] v = new int[n];
        double[] z = new double[n + 1];
        for (int col = 0; col < nx; col++) {
            for (int row = 0; row < ny; row++) {
                line[row] = f[row * nx + col];
            }
            transform1d(line, ny, out, v, z);
            for (int row = 0; row < ny; row++) {
                f[row * nx + col] = out[row];
            }
        }
        for (int row = 0; row < ny; row++) {
            System.arraycopy(f, row * nx, line, 0, nx);
            transform1d(line, nx, out, v, z);
            System.arraycopy(out, 0, f, row * nx, nx);
        }
    }

    /** d[q] = min over p of (q − p)² + f[p], by the lower envelope of the parabolas rooted at each p. */
    private static void transform1d(double[] f, int n, double[] d, int[] v, double[] z) {
        int k = 0;
        v[0] = 0;
        z[0] = Double.NEGATIVE_INFINITY;
        z[1] = Double.POSITIVE_INFINITY;
        for (int q = 1; q < n; q++) {
            double s = intersection(f, q, v[k]);
            while (s <= z[k]) {
                k--;
                s = intersection(f, q, v[k]);
            }
            k++;
            v[k] = q;
            z[k] = s;
            z[k + 1] = Double.POSITIVE_INFINITY;
        }
        k = 0;
        for (int q = 0; q < n; q++) {
            while (z[k + 1] < q) {
                k++;
            }
            double dq = q - v[k];
            d[q] = Math.min(FAR, dq * dq + f[v[k]]);
        }
    }

    private static double intersection(double[] f, int q, int p) {
        return ((f[q] + (double) q * q) - (f[p] + (double) p * p)) / (2.0 * q - 2.0 * p);
    }
}
