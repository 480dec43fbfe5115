package org.pscdesk.ui.map;

import java.util.Objects;

import org.pscdesk.geo.Crs;
import org.pscdesk.geo.Grid;

/**
 * Coloured cells to draw under the vector layers: a risk surface, hot spots, quadrants.
 *
 * @param grid the cells' grid in the workspace CRS
 * @param crs the workspace CRS
 * @param cells grid index of each coloured cell
 * @param argb colour of each cell (0 = not drawn)
 */
public record CellSurface(Grid grid, Crs crs, int[] cells, int[] argb) {
    public CellSurface {
        Objects.requireNonNull(grid);
        Objects.requireNonNull(crs);
        if (cells.length != argb.length) {
            throw new IllegalArgumentException("one colour per cell");
        }
    }
}
