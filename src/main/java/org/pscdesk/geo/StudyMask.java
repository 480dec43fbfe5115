package org.pscdesk.geo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * The cell universe of an RTM run (rtm-method.md §1.2, §8.1): a {@link Grid} aligned to the study area and the
 * cells that are <em>in the study</em>, numbered in table order (row-major order of the grid restricted to the
 * mask). Every per-cell array of the engine (counts, distances, densities, band variables) is indexed by this
 * table index k = 0..{@link #size()}−1.
 *
 * <p>Membership ({@link Membership}):
 * <ul>
 *   <li>{@code CENTRE} (default, the ArcGIS mask convention): the cell centre lies in the interior of a study
 *       polygon. A centre exactly on the boundary is out (JTS {@link Location#BOUNDARY}).</li>
 *   <li>{@code ANY_OVERLAP}: the cell square and a study polygon share some area (their interiors intersect),
 *       i.e. the centre is in, or some polygon edge, shell or hole, crosses the open cell square. A cell that
 *       only touches the area along an edge or at a corner is out.</li>
 * </ul>
 * Several area polygons (or a MultiPolygon) act as their union: a cell is in when it is in any part.
 *
 * <p>The grid's origin is the lower-left corner of the areas' joint bounding box and it covers the box
 * ({@link Grid#covering}). An empty area list, or empty geometries, give an empty grid and no cells; an area
 * smaller than a cell may give no cells under {@code CENTRE}. Both are valid masks with {@link #size()} 0;
 * the caller decides what to tell the user. Non-areal geometries (points, lines) are rejected.
 *
 * <p>Cost: O(cells in the polygons' envelopes · log vertices) for {@code CENTRE} (JTS
 * {@link IndexedPointInAreaLocator}); {@code ANY_OVERLAP} adds O(edges + cells crossed). Immutable and
 * thread-safe.
 */
public final class StudyMask {

    /** Which cells count as in the study. */
    public enum Membership {
        /** The cell centre is inside the area (default). */
        CENTRE,
        /** The cell and the area overlap with positive area. */
        ANY_OVERLAP
    }

    private final Grid grid;
    private final Membership membership;
    private final int[] cells;
    private final int[] tableIndex;

    private StudyMask(Grid grid, Membership membership, boolean[] in) {
        this.grid = grid;
        this.membership = membership;
        this.tableIndex = new int[in.length];
        int n = 0;
        for (boolean b : in) {
            n += b ? 1 : 0;
        }
        this.cells = new int[n];
        int k = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i]) {
                cells[k] = i;
                tableIndex[i] = k++;
            } else {
                tableIndex[i] = -1;
            }
        }
    }

    /** The mask of study areas with the default membership rule, {@link Membership#CENTRE}. */
    public static StudyMask of(List<? extends Geometry> areas, double cellSize) {
        return of(areas, cellSize, Membership.CENTRE);
    }

    /**
     * The mask of study areas on the grid that covers their joint bounding box.
     *
     * @param areas polygons or multipolygons in the working CRS (collections of them are flattened)
     * @throws GridTooLargeException if the cell size gives more than {@link Grid#MAX_CELLS} cells
     * @throws IllegalArgumentException if an area is not areal
     */
    public static StudyMask of(List<? extends Geometry> areas, double cellSize, Membership membership) {
        List<Polygon> polygons = polygons(areas);
        if (polygons.isEmpty()) {
            return new StudyMask(Grid.empty(cellSize), membership, new boolean[0]);
        }
        Envelope env = new Envelope();
        for (Polygon p : polygons) {
            env.expandToInclude(p.getEnvelopeInternal());
        }
        Grid grid = Grid.covering(env.getMinX(), env.getMinY(), env.getMaxX(), env.getMaxY(), cellSize);
        return of(grid, polygons, membership);
    }

    /** The mask of study areas on a given grid (cells of the areas outside the grid are ignored). */
    public static StudyMask of(Grid grid, List<? extends Geometry> areas, Membership membership) {
        Objects.requireNonNull(membership);
        List<Polygon> polygons = polygons(areas);
        boolean[] in = new boolean[grid.size()];
        for (Polygon p : polygons) {
            markCentres(grid, p, in);
            if (membership == Membership.ANY_OVERLAP) {
                markCrossedCells(grid, p.getExteriorRing().getCoordinateSequence(), in);
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    markCrossedCells(grid, p.getInteriorRingN(h).getCoordinateSequence(), in);
                }
            }
        }
        return new StudyMask(grid, membership, in);
    }

    /** A mask given cell by cell (row-major over the grid), for tests and for cell tables read from a file. */
    public static StudyMask of(Grid grid, boolean[] inStudy, Membership membership) {
        if (inStudy.length != grid.size()) {
            throw new IllegalArgumentException("mask has " + inStudy.length + " cells, the grid " + grid.size());
        }
        return new StudyMask(grid, membership, inStudy.clone());
    }

    /** The grid the mask lies on. */
    public Grid grid() {
        return grid;
    }

    /** The rule that decided which cells are in. */
    public Membership membership() {
        return membership;
    }

    /** The number of cells in the study (rows of the cell table). */
    public int size() {
        return cells.length;
    }

    /** True when no cell is in the study. */
    public boolean isEmpty() {
        return cells.length == 0;
    }

    /** The grid index of the in-study cell with table index k. */
    public int cell(int k) {
        return cells[k];
    }

    /** The table index of grid cell i, or −1 when the cell is not in the study. */
    public int tableIndex(int i) {
        return tableIndex[i];
    }

    /** True when grid cell i is in the study. */
    public boolean contains(int i) {
        return tableIndex[i] >= 0;
    }

    /** The grid indices of the in-study cells in table order (a copy). */
    public int[] cells() {
        return cells.clone();
    }

    /** x of the centre of the in-study cell with table index k. */
    public double centreX(int k) {
        return grid.centreX(grid.col(cells[k]));
    }

    /** y of the centre of the in-study cell with table index k. */
    public double centreY(int k) {
        return grid.centreY(grid.row(cells[k]));
    }

    private static List<Polygon> polygons(List<? extends Geometry> areas) {
        List<Polygon> out = new ArrayList<>();
        for (Geometry g : areas) {
            collect(Objects.requireNonNull(g, "area geometry"), out);
        }
        return out;
    }

    private static void collect(Geometry g, List<Polygon> out) {
        if (g instanceof Polygon p) {
            if (!p.isEmpty()) {
                out.add(p);
            }
        } else if (g.getClass() == GeometryCollection.class || g instanceof MultiPolygon) {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                collect(g.getGeometryN(i), out);
            }
        } else if (!g.isEmpty()) {
            throw new IllegalArgumentException("a study area must be polygons, not " + g.getGeometryType());
        }
    }

    /** Cells whose centre is in the interior of the polygon. */
    private static void markCentres(Grid grid, Polygon polygon, boolean[] in) {
        if (grid.isEmpty()) {
            return;
        }
        Envelope env = polygon.getEnvelopeInternal();
        int c0 = Math.max(0, grid.colOf(env.getMinX()) - 1);
        int c1 = Math.min(grid.nx() - 1, grid.colOf(env.getMaxX()) + 1);
        int r0 = Math.max(0, grid.rowOf(env.getMinY()) - 1);
        int r1 = Math.min(grid.ny() - 1, grid.rowOf(env.getMaxY()) + 1);
        IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(polygon);
        Coordinate c = new Coordinate();
        for (int row = r0; row <= r1; row++) {
            c.y = grid.centreY(row);
            for (int col = c0; col <= c1; col++) {
                int i = grid.index(col, row);
                if (!in[i]) {
                    c.x = grid.centreX(col);
                    in[i] = locator.locate(c) == Location.INTERIOR;
                }
            }
        }
    }

    /** Cells whose open square some edge of the ring passes through. */
    private static void markCrossedCells(Grid grid, CoordinateSequence ring, boolean[] in) {
        if (grid.isEmpty()) {
            return;
        }
        for (int e = 0; e + 1 < ring.size(); e++) {
            markSegment(grid, ring.getX(e), ring.getY(e), ring.getX(e + 1), ring.getY(e + 1), in);
        }
    }

    /**
     * Marks the cells whose open square the closed segment a–b meets. Per row strip (y0, y1), the part of the
     * segment with y in [y0, y1] spans [xmin, xmax] in x; the segment has points strictly inside the strip and
     * strictly inside column c's (x0, x1) exactly when x0 &lt; xmax and x1 &gt; xmin (a horizontal segment
     * only when strictly inside the strip).
     */
    static void markSegment(Grid grid, double ax, double ay, double bx, double by, boolean[] in) {
        double ylo = Math.min(ay, by);
        double yhi = Math.max(ay, by);
        int rFirst = Math.max(0, grid.rowOf(ylo));
        int rLast = Math.min(grid.ny() - 1, grid.rowOf(yhi));
        for (int row = rFirst; row <= rLast; row++) {
            double s0 = grid.edgeY(row);
            double s1 = grid.edgeY(row + 1);
            if (yhi <= s0 || ylo >= s1) {
                continue;
            }
            double xmin;
            double xmax;
            if (ay == by) {
                xmin = Math.min(ax, bx);
                xmax = Math.max(ax, bx);
            } else {
                double ta = (s0 - ay) / (by - ay);
                double tb = (s1 - ay) / (by - ay);
                double xa = along(ax, bx, clamp01(Math.min(ta, tb)));
                double xb = along(ax, bx, clamp01(Math.max(ta, tb)));
                xmin = Math.min(xa, xb);
                xmax = Math.max(xa, xb);
            }
            int cFirst = Math.max(0, grid.colOf(xmin) - 1);
            int cLast = Math.min(grid.nx() - 1, grid.colOf(xmax) + 1);
            for (int col = cFirst; col <= cLast; col++) {
                if (grid.edgeX(col) < xmax && grid.edgeX(col + 1) > xmin) {
                    in[grid.index(col, row)] = true;
                }
            }
        }
    }

    /** ax + t·(bx − ax), exactly ax at t = 0 and bx at t = 1. */
    private static double along(double ax, double bx, double t) {
        return t == 0 ? ax : t == 1 ? bx : ax + t * (bx - ax);
    }

    private static double clamp01(double t) {
        return t < 0 ? 0 : t > 1 ? 1 : t;
    }

    @Override
    public String toString() {
        return "StudyMask[" + grid + ", " + membership + ", " + cells.length + " cells in the study]";
    }

    /** For tests: the in-study flags over the whole grid. */
    boolean[] flags() {
        boolean[] in = new boolean[grid.size()];
        for (int c : cells) {
            in[c] = true;
        }
        return in;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StudyMask m && m.grid.equals(grid) && m.membership == membership
                && Arrays.equals(m.cells, cells);
    }

    @Override
    public int hashCode() {
        return grid.hashCode() * 31 + Arrays.hashCode(cells);
    }
}
