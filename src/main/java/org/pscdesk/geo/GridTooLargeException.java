package org.pscdesk.geo;

import java.util.Locale;

/**
 * A cell size so small that the grid would exceed {@link Grid#MAX_CELLS}. The message says how many cells the
 * grid would have and which cell size would fit, in the same units as the one asked for.
 */
public final class GridTooLargeException extends IllegalArgumentException {

    private final long cells;
    private final long maxCells;
    private final double cellSize;
    private final double fittingCellSize;

    GridTooLargeException(long cells, long maxCells, double cellSize, double fittingCellSize) {
        super(String.format(Locale.ROOT, "A cell size of %s would need %,d cells, more than the %,d that fit in"
                        + " memory; use a cell size of at least %s (working-CRS units).",
                DistanceText.format(cellSize), cells, maxCells, DistanceText.format(fittingCellSize)));
        this.cells = cells;
        this.maxCells = maxCells;
        this.cellSize = cellSize;
        this.fittingCellSize = fittingCellSize;
    }

    /** The number of cells the requested grid would have. */
    public long cells() {
        return cells;
    }

    /** The cap, {@link Grid#MAX_CELLS}. */
    public long maxCells() {
        return maxCells;
    }

    /** The requested cell size. */
    public double cellSize() {
        return cellSize;
    }

    /** The smallest round cell size at which the grid fits under the cap. */
    public double fittingCellSize() {
        return fittingCellSize;
    }
}
