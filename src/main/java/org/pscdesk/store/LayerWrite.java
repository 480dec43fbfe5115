package org.pscdesk.store;

import org.pscdesk.geo.Crs;

/**
 * How {@link Workspace#writeLayer} writes a layer.
 *
 * @param mode create a new layer, or replace an existing one of the same name
 * @param workingCrsIfUnset the working CRS to set, in the same transaction, when the workspace has none yet
 *                          (the first import decides it); null to require one
 * @param index how to build the spatial index
 */
public record LayerWrite(Mode mode, Crs workingCrsIfUnset, Index index) {

    /** Create or replace. */
    public enum Mode { CREATE, REPLACE }

    /** Spatial index build: packed (fast, default), row by row (for comparison), or none. */
    public enum Index { PACKED, ROW_BY_ROW, NONE }

    public static LayerWrite create() {
        return new LayerWrite(Mode.CREATE, null, Index.PACKED);
    }
}
