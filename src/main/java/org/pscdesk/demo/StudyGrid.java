package org.pscdesk.demo;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygonal;

/**
 * The RTM cell grid of rtm-method.md §1.2 and §8.1: square cells of side {@code cs} whose origin
 * (x0, y0) is the lower-left corner of the study area's bounding box; nx = ⌈width/cs⌉, ny = ⌈height/cs⌉.
 *
 * <p>Cell (col, row) covers [x0 + col·cs, x0 + (col+1)·cs) × [y0 + row·cs, y0 + (row+1)·cs) (half-open, so a
 * point on an edge belongs to the cell with the larger index); row 0 is the southernmost row and cells are
 * numbered row-major, i = row·nx + col. A cell is <em>in the study</em> when its centre lies in the interior
 * of the study polygon (centre-in-polygon, the ArcGIS mask convention).
 *
 * <p>Immutable after construction; the {@code inStudy} array is not exposed.
 */
final class StudyGrid {

    private final double x0;
    private final double y0;
    private final double cs;
    private final int nx;
    private final int ny;
    private final boolean[] inStudy;
    private final int studyCells;

    private StudyGrid(double x0, double y0, double cs, int nx, int ny, boolean[] inStudy) {
        this.x0 = x0;
        this.y0 = y0;
        this.cs = cs;
        this.nx = nx;
        this.ny = ny;
        this.inStudy = inStudy;
        int n = 0;
        for (boolean b : inStudy) {
            n += b ? 1 : 0;
        }
        this.studyCells = n;
    }

    /** The grid of a study area with the given cell size (in CRS units). */
    static StudyGrid of(Geometry studyArea, double cellSize) {
        if (!(studyArea instanceof Polygonal)) {
            throw new IllegalArgumentException("the study area must be a polygon");
        }
        Envelope env = studyArea.getEnvelopeInternal();
        int nx = (int) Math.ceil(env.getWidth() / cellSize - 1e-9);
        int ny = (int) Math.ceil(env.getHeight() / cellSize - 1e-9);
        IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(studyArea);
        boolean[] in = new boolean[nx * ny];
        Coordinate c = new Coordinate();
        for (int row = 0; row < ny; row++) {
            c.y = env.getMinY() + (row + 0.5) * cellSize;
            for (int col = 0; col < nx; col++) {
                c.x = env.getMinX() + (col + 0.5) * cellSize;
                in[row * nx + col] = locator.locate(c) == Location.INTERIOR;
            }
        }
        return new StudyGrid(env.getMinX(), env.getMinY(), cellSize, nx, ny, in);
    }

    /** A grid with an explicit layout and mask (for tests). */
    static StudyGrid of(double x0, double y0, double cellSize, int nx, int ny, boolean[] inStudy) {
        if (inStudy.length != nx * ny) {
            throw new IllegalArgumentException("mask has " + inStudy.length + " cells, grid " + nx * ny);
        }
        return new StudyGrid(x0, y0, cellSize, nx, ny, inStudy.clone());
    }

    double x0() {
        return x0;
    }

    double y0() {
        return y0;
    }

    double cellSize() {
        return cs;
    }

    int nx() {
        return nx;
    }

    int ny() {
        return ny;
    }

    /** nx · ny. */
    int size() {
        return nx * ny;
    }

    /** The number of cells in the study. */
    int studyCells() {
        return studyCells;
    }

    boolean inStudy(int cell) {
        return inStudy[cell];
    }

    /** x of the centre of column col: x0 + (col + ½)·cs. */
    double centreX(int col) {
        return x0 + (col + 0.5) * cs;
    }

    /** y of the centre of row row: y0 + (row + ½)·cs. */
    double centreY(int row) {
        return y0 + (row + 0.5) * cs;
    }

    /** The cell holding (x, y) under the half-open rule, or −1 outside the grid. */
    int cellOf(double x, double y) {
        int col = (int) Math.floor((x - x0) / cs);
        int row = (int) Math.floor((y - y0) / cs);
        if (col < 0 || row < 0 || col >= nx || row >= ny) {
            return -1;
        }
        return row * nx + col;
    }
}
