package org.pscdesk.store;

import java.util.List;

import org.locationtech.jts.geom.Envelope;

/**
 * A feature layer of a workspace as the rest of the app sees it.
 *
 * @param name table name (unique in the workspace)
 * @param title human-readable title
 * @param role what the layer is for
 * @param geometryType declared geometry type
 * @param count number of features
 * @param srs {@code AUTHORITY:code} of the layer's CRS
 * @param extent bounding box in the layer's CRS (null when empty)
 * @param fields attribute columns
 * @param provenance where the data came from
 * @param dateField mapped event date field (outcome layers), or null
 * @param categoryField mapped category field (outcome layers), or null
 * @param sensitiveField the BOOLEAN field flagging sensitive records (outcome layers), or null
 */
public record LayerInfo(String name, String title, LayerRole role, GeometryType geometryType, long count, String srs,
                        Envelope extent, List<FieldDef> fields, Provenance provenance, String dateField,
                        String categoryField, String sensitiveField) {
    public LayerInfo {
        fields = List.copyOf(fields);
    }

    public LayerInfo(String name, String title, LayerRole role, GeometryType geometryType, long count, String srs,
                     Envelope extent, List<FieldDef> fields, Provenance provenance, String dateField,
                     String categoryField) {
        this(name, title, role, geometryType, count, srs, extent, fields, provenance, dateField, categoryField, null);
    }
}
