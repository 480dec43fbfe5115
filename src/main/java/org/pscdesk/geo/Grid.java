package org.pscdesk.geo;

/**
 * A square cell grid (rtm-method.md §1.2, §8.1): cells of side {@code cellSize} from the origin (x0, y0),
 * {@code nx} columns and {@code ny} rows.
 *
 * <p>Cell (col, row) covers the half-open square [x0 + col·cs, x0 + (col+1)·cs) × [y0 + row·cs, y0 + (row+1)·cs),
 * so a point on a shared edge belongs to the cell with the larger index, and a point on the grid's east or north
 * edge belongs to no cell. Row 0 is the southernmost row; cells are numbered row-major, i = row·nx + col.
 * Edges and centres are computed exactly as {@link #edgeX}, {@link #centreX} (and the y versions) say, and
 * {@link #cellOf} is exact with respect to those doubles: it never puts a point on the wrong side of an edge
 * through division rounding.
 *
 * <p>A grid never has more than {@link #MAX_CELLS} cells; {@link #covering} throws
 * {@link GridTooLargeException} (naming a cell size that would fit) rather than exhaust memory. An empty
 * grid (nx = ny = 0) is allowed: it is what an empty study area gives. Immutable and thread-safe.
 *
 * @param x0 x of the west edge of column 0
 * @param y0 y of the south edge of row 0
 * @param cellSize side of a cell, in working-CRS units, positive and finite
 * @param nx number of columns
 * @param ny number of rows
 */
public record Grid(double x0, double y0, double cellSize, int nx, int ny) {

    /**
     * The most cells a grid may have: 20 million, about 1.5 GB of working arrays for a full RTM run
     * (a distance, a density and a few index arrays per cell, per worker thread).
     */
    public static final long MAX_CELLS = 20_000_000L;

    /** Tolerance, as a fraction of the cell size, below which a bounding box's last partial column is dropped. */
    private static final double FIT_TOLERANCE = 1e-9;

    public Grid {
        if (!(cellSize > 0) || Double.isInfinite(cellSize)) {
            throw new IllegalArgumentException("cell size must be positive and finite, not " + cellSize);
        }
        if (!Double.isFinite(x0) || !Double.isFinite(y0)) {
            throw new IllegalArgumentException("grid origin must be finite");
        }
        if (nx < 0 || ny < 0) {
            throw new IllegalArgumentException("negative grid dimensions " + nx + " × " + ny);
        }
        if ((long) nx * ny > MAX_CELLS) {
            throw new GridTooLargeException((long) nx * ny, MAX_CELLS, cellSize,
                    fittingCellSize(nx * cellSize, ny * cellSize));
        }
    }

    /**
     * The grid whose origin is the lower-left corner (minX, minY) of a bounding box and which covers it:
     * nx = ⌈(maxX − minX)/cs⌉, ny = ⌈(maxY − minY)/cs⌉, each at least 1, where a last column or row thinner
     * than 1e-9·cs is dropped (so a 7,000 m box with 100 m cells has 70 columns despite rounding).
     *
     * @throws GridTooLargeException if nx·ny would exceed {@link #MAX_CELLS}
     * @throws IllegalArgumentException for a non-finite box or a bad cell size
     */
    public static Grid covering(double minX, double minY, double maxX, double maxY, double cellSize) {
        if (!Double.isFinite(minX) || !Double.isFinite(minY) || !Double.isFinite(maxX) || !Double.isFinite(maxY)
                || maxX < minX || maxY < minY) {
            throw new IllegalArgumentException("not a bounding box: " + minX + ", " + minY + ", " + maxX + ", " + maxY);
        }
        if (!(cellSize > 0) || Double.isInfinite(cellSize)) {
            throw new IllegalArgumentException("cell size must be positive and finite, not " + cellSize);
        }
        double w = maxX - minX;
        double h = maxY - minY;
        long nx = Math.max(1, (long) Math.ceil(w / cellSize - FIT_TOLERANCE));
        long ny = Math.max(1, (long) Math.ceil(h / cellSize - FIT_TOLERANCE));
        if (nx * ny > MAX_CELLS || nx > Integer.MAX_VALUE || ny > Integer.MAX_VALUE) {
            throw new GridTooLargeException(nx * ny, MAX_CELLS, cellSize, fittingCellSize(w, h));
        }
        return new Grid(minX, minY, cellSize, (int) nx, (int) ny);
    }

    /** A grid with no cells, for an empty study area. */
    public static Grid empty(double cellSize) {
        return new Grid(0, 0, cellSize, 0, 0);
    }

    /** nx · ny. */
    public int size() {
        return nx * ny;
    }

    /** True when the grid has no cells. */
    public boolean isEmpty() {
        return nx == 0 || ny == 0;
    }

    /** The row-major index row·nx + col. */
    public int index(int col, int row) {
        return row * nx + col;
    }

    /** The column of cell i. */
    public int col(int i) {
        return i % nx;
    }

    /** The row of cell i. */
    public int row(int i) {
        return i / nx;
    }

    /** x of the west edge of column col (col = nx gives the grid's east edge): x0 + col·cs. */
    public double edgeX(int col) {
        return x0 + col * cellSize;
    }

    /** y of the south edge of row row (row = ny gives the grid's north edge): y0 + row·cs. */
    public double edgeY(int row) {
        return y0 + row * cellSize;
    }

    /** x of the centre of column col: x0 + (col + ½)·cs. */
    public double centreX(int col) {
        return x0 + (col + 0.5) * cellSize;
    }

    /** y of the centre of row row: y0 + (row + ½)·cs. */
    public double centreY(int row) {
        return y0 + (row + 0.5) * cellSize;
    }

    /**
     * The column holding x under the half-open rule, edgeX(col) ≤ x &lt; edgeX(col + 1), which may lie
     * outside 0..nx−1 (but is clamped to ±(nx + 2) so that far coordinates cannot overflow); NaN gives −1.
     */
    public int colOf(double x) {
        return locate(x, x0, nx, true);
    }

    /** The row holding y under the half-open rule; see {@link #colOf}. */
    public int rowOf(double y) {
        return locate(y, y0, ny, false);
    }

    /** The cell holding (x, y) under the half-open rule, or −1 when the point is outside the grid or NaN. */
    public int cellOf(double x, double y) {
        int col = colOf(x);
        int row = rowOf(y);
        if (col < 0 || row < 0 || col >= nx || row >= ny) {
            return -1;
        }
        return row * nx + col;
    }

    private int locate(double v, double origin, int n, boolean isX) {
        if (Double.isNaN(v)) {
            return -1;
        }
        double f = Math.floor((v - origin) / cellSize);
        if (f < -1) {
            return -1;
        }
        if (f > n + 1) {
            return n + 2;
        }
        int k = (int) f;
        // the division may round across an edge; compare with the edges as the grid computes them
        while (v < (isX ? edgeX(k) : edgeY(k))) {
            k--;
        }
        while (v >= (isX ? edgeX(k + 1) : edgeY(k + 1))) {
            k++;
        }
        return k;
    }

    /**
     * The smallest "round" cell size (two significant digits, rounded up) at which a w × h box needs at most
     * {@link #MAX_CELLS} cells.
     */
    static double fittingCellSize(double w, double h) {
        double cs = Math.sqrt(Math.max(w * h, 0) / MAX_CELLS);
        if (!(cs > 0)) {
            cs = Math.max(w, h) / MAX_CELLS;
        }
        if (!(cs > 0)) {
            return Double.MIN_NORMAL;
        }
        while (true) {
            double scale = Math.pow(10, Math.floor(Math.log10(cs)) - 1);
            double round = Math.ceil(cs / scale - 1e-9) * scale;
            long nx = Math.max(1, (long) Math.ceil(w / round - FIT_TOLERANCE));
            long ny = Math.max(1, (long) Math.ceil(h / round - FIT_TOLERANCE));
            if (nx * ny <= MAX_CELLS) {
                return round;
            }
            cs = round * 1.01;
        }
    }
}
