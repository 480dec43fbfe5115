package org.pscdesk.store;

import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.locationtech.jts.geom.Geometry;

/**
 * One feature: its id in the layer (0 before it is stored), a geometry in the workspace's working CRS, and
 * attribute values in the order of the layer's {@link FieldDef}s.
 */
public record Feature(long fid, Geometry geometry, List<Object> values) {
    public Feature {
        Objects.requireNonNull(geometry);
        values = Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }

    public Feature(Geometry geometry, List<Object> values) {
        this(0, geometry, values);
    }
}
